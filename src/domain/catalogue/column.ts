/**
 * The 信息公开专栏 of an agency, in the column layout of 国办发〔2019〕61号 (《关于政府信息公开平台和政府网站
 * 信息公开专栏的通知》): five parts, the same on every agency's pages and the government's. The 指南's sections
 * and the 制度 pages are data: each section has a default text from the agency's own data, and the agency may
 * replace it with its own (an `agency_pages` row of the section's kind, saved through the API).
 */

/** The five parts of the column, in order: key, title, and the path under /agencies/:id. */
export const COLUMN_PARTS = [
  { key: 'guide', title: '政府信息公开指南', path: '/guide' },
  { key: 'rules', title: '政府信息公开制度', path: '/rules' },
  { key: 'proactive', title: '法定主动公开内容', path: '/proactive' },
  { key: 'reports', title: '政府信息公开年报', path: '/reports' },
  { key: 'request', title: '依申请公开', path: '/request' },
] as const;
export type ColumnPart = (typeof COLUMN_PARTS)[number]['key'];

/** What a section's default text is made of: the agency's row, its contact and its 救济途径 (letter settings). */
export interface GuideFacts {
  name: string;
  kind: string;
  office?: string | undefined;
  address?: string | undefined;
  postcode?: string | undefined;
  phone?: string | undefined;
  fax?: string | undefined;
  email?: string | undefined;
  hours?: string | undefined;
  reviewBody?: string | null | undefined;
  court?: string | null | undefined;
  /** The people's government above a department (条例第五十一条: where to complain). */
  supervisor?: string | undefined;
}

/** The 指南's sections (条例第十二条: 指南 names the 公开主体, 方式, 程序, 收费 and 救济). Paragraphs, plain text. */
export const GUIDE_SECTIONS: readonly { kind: string; title: string; text: (f: GuideFacts) => string[] }[] = [
  {
    kind: 'guide.subject',
    title: '公开主体',
    text: (f) => [
      `${f.name}是本机关政府信息公开的主体，负责公开本机关制作或者获取、保存的政府信息（《条例》第十条）。`,
      `本机关政府信息公开工作机构为${f.office || `${f.name}办公室`}，负责办理本机关政府信息公开事宜，维护和更新本机关公开的政府信息，组织编制本机关的政府信息公开指南、政府信息公开目录和政府信息公开工作年度报告，组织开展政府信息公开保密审查（《条例》第四条）。`,
    ],
  },
  {
    kind: 'guide.channels',
    title: '公开方式与途径',
    text: (f) => [
      '主动公开：本机关按照《条例》第十九条至第二十一条，通过本平台（《条例》第二十四条）的政府信息公开专栏主动公开政府信息，并可以通过政府公报、新闻发布会以及报刊、广播、电视等途径予以公开（《条例》第二十三条）。属于主动公开范围的政府信息，自形成或者变更之日起20个工作日内予以公开（《条例》第二十六条）。',
      `依申请公开：公民、法人或者其他组织可以向本机关申请获取主动公开以外的政府信息（《条例》第二十七条）。申请可以通过本平台在线提交，也可以当面或者以信函、传真等书面形式提交${f.address ? `（地址：${f.address}）` : ''}。`,
      '查阅场所：在国家档案馆、公共图书馆、政务服务场所设置的政府信息查阅场所，可以查阅本机关主动公开的政府信息（《条例》第二十五条）。',
    ],
  },
  {
    kind: 'guide.process',
    title: '依申请公开的流程',
    text: () => [
      '申请人填写政府信息公开申请，写明姓名或者名称、身份证明、联系方式，所需政府信息的名称、文号或者便于查询的其他特征性描述，以及获取信息的方式、途径（《条例》第二十九条）。',
      '申请内容不明确的，本机关自收到申请之日起7个工作日内一次性告知申请人作出补正（《条例》第三十条）。',
      '本机关收到申请，能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过20个工作日（《条例》第三十三条）。征求第三方和其他机关意见所需时间不计算在前述期限内。',
    ],
  },
  {
    kind: 'guide.fees',
    title: '收费',
    text: () => [
      '本机关依申请提供政府信息，不收取费用。但是，申请人申请公开政府信息的数量、频次明显超过合理范围的，可以收取信息处理费（《条例》第四十二条）。',
      '信息处理费按照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）计收：按件计收或者按量计收；本机关在答复期限内发出收费通知，申请人自收到通知之日起20个工作日内缴费，逾期未缴纳的视为放弃申请。',
    ],
  },
  {
    kind: 'guide.remedy',
    title: '救济途径',
    text: (f) => [
      `公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向${f.supervisor || '上一级行政机关'}或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼（《条例》第五十一条）。`,
      `申请行政复议的，自知道该行政行为之日起60日内向${f.reviewBody || '本机关的行政复议机关'}提出；提起行政诉讼的，自知道或者应当知道作出行政行为之日起6个月内向${f.court || '有管辖权的人民法院'}提起。`,
    ],
  },
];

/** The contact table of the 指南: label and the field of the agency's contact it shows. */
export const GUIDE_CONTACT = [
  ['办公地址', 'address'],
  ['邮政编码', 'postcode'],
  ['办公时间', 'hours'],
  ['联系电话', 'phone'],
  ['传真', 'fax'],
  ['电子邮箱', 'email'],
] as const;

/** The 制度 pages an agency may publish (国办发〔2019〕61号 lists them under 政府信息公开制度). */
export const RULES_PAGES: readonly { kind: string; title: string }[] = [
  { kind: 'rules.proactive', title: '政府信息主动公开制度' },
  { kind: 'rules.request', title: '依申请公开政府信息工作制度' },
  { kind: 'rules.secrecy', title: '政府信息公开保密审查制度' },
  { kind: 'rules.release', title: '政府信息发布协调制度' },
  { kind: 'rules.assessment', title: '政府信息公开工作考核与责任追究制度' },
];

/**
 * Every page kind an agency may save: the 指南's sections, the 制度 pages, and the free-form 指南 and 制度
 * (older rows: shown as 其他说明 under the 指南 and as a 制度 page of its own).
 */
export const PAGE_KINDS: Readonly<Record<string, string>> = {
  guide: '政府信息公开指南（其他说明）',
  rules: '政府信息公开制度',
  ...Object.fromEntries(GUIDE_SECTIONS.map((s) => [s.kind, `政府信息公开指南：${s.title}`])),
  ...Object.fromEntries(RULES_PAGES.map((s) => [s.kind, s.title])),
};

/** A page's text is required (an empty 指南 section would leave the 条例第十二条 item unsaid) and bounded. */
export const PAGE_MAX_CHARS = 20_000;
export const PAGE_REQUIRED = '请填写本栏内容';
export const PAGE_TOO_LONG = '内容不能超过20000字';

/** The visible length of a page's HTML: tags dropped, entities one character, whitespace not counted. */
export function pageTextLength(html: string): number {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, 'x')
    .replace(/\s+/g, '').length;
}

/** A default text as the editor's HTML: one paragraph a line. */
export const paragraphsHtml = (lines: string[]) =>
  lines.map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`).join('');
