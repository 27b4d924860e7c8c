/**
 * The proactive-disclosure catalogue: item states, the metadata vocabularies, and 索引号 formatting.
 * Nothing reaches the public without a recorded 保密审查 (条例第十七条) and an approval.
 */
export type ItemState = 'draft' | 'in_review' | 'reviewed' | 'approved' | 'published' | 'withdrawn';

export const ITEM_STATE_LABELS: Record<ItemState, string> = {
  draft: '草稿',
  in_review: '待保密审查',
  reviewed: '已审查待批准',
  approved: '已批准待发布',
  published: '已发布',
  withdrawn: '已撤回',
};

export type ItemAction = 'edit' | 'submit' | 'review' | 'approve' | 'publish' | 'withdraw' | 'return';

/** The one transition table of catalogue items. */
export const ITEM_TRANSITIONS: Record<ItemAction, { from: readonly ItemState[]; to: ItemState; label: string }> = {
  edit: { from: ['draft'], to: 'draft', label: '修改' },
  submit: { from: ['draft'], to: 'in_review', label: '提交保密审查' },
  review: { from: ['in_review'], to: 'reviewed', label: '保密审查' },
  return: { from: ['in_review', 'reviewed'], to: 'draft', label: '退回修改' },
  approve: { from: ['reviewed'], to: 'approved', label: '批准发布' },
  publish: { from: ['approved'], to: 'published', label: '发布' },
  withdraw: { from: ['published'], to: 'withdrawn', label: '撤回' },
};

export function itemTransition(
  state: ItemState,
  action: ItemAction,
): { ok: true; to: ItemState } | { ok: false; reason: string } {
  const t = ITEM_TRANSITIONS[action];
  if (!t.from.includes(state)) {
    return { ok: false, reason: `信息当前状态为“${ITEM_STATE_LABELS[state]}”，不能${t.label}` };
  }
  return { ok: true, to: t.to };
}

export const DISCLOSURE_LABELS = { proactive: '主动公开', on_request: '依申请公开', not_public: '不予公开' } as const;
export const VALIDITY_LABELS = { in_force: '现行有效', amended: '已修改', repealed: '已废止' } as const;

/** 体裁: the kinds of document; 规章 and 规范性文件 are counted in section 二 of the annual report. */
export const GENRES = {
  rules: '规章',
  normative: '规范性文件',
  notice: '通知',
  announcement: '公告',
  plan: '规划计划',
  report: '报告总结',
  interpretation: '政策解读',
  decision: '决定',
  statistics: '统计信息',
  news: '工作动态',
  other: '其他',
} as const;
export type Genre = keyof typeof GENRES;

/** 条例第二十条 (and 第二十一条) items, as catalogue categories. */
export const ARTICLE_ITEMS: Record<string, string> = {
  '20.1': '（一）行政法规、规章和规范性文件',
  '20.2': '（二）机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名',
  '20.3': '（三）国民经济和社会发展规划、专项规划、区域规划及相关政策',
  '20.4': '（四）国民经济和社会发展统计信息',
  '20.5': '（五）办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果',
  '20.6': '（六）实施行政处罚、行政强制的依据、条件、程序以及具有一定社会影响的行政处罚决定',
  '20.7': '（七）财政预算、决算信息',
  '20.8': '（八）行政事业性收费项目及其依据、标准',
  '20.9': '（九）政府集中采购项目的目录、标准及实施情况',
  '20.10': '（十）重大建设项目的批准和实施情况',
  '20.11': '（十一）扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况',
  '20.12': '（十二）突发公共事件的应急预案、预警信息及应对情况',
  '20.13': '（十三）环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况',
  '20.14': '（十四）公务员招考的职位、名额、报考条件等事项以及录用结果',
  '20.15': '（十五）法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息',
  '21': '第二十一条 市、县、乡级政府及其部门应当主动公开的其他信息',
};

export const TOPICS = [
  '综合政务',
  '市场监管',
  '食品药品',
  '质量安全',
  '财政金融',
  '教育',
  '卫生健康',
  '自然资源',
  '城乡建设',
  '农业农村',
  '社会保障',
  '安全生产',
] as const;

/**
 * 索引号 from the agency's pattern: {code} 统一社会信用代码, {year}, {month}, {seqN} the per-agency-per-year
 * sequence zero-padded to N digits (default 5). The seed: 11620602MB161547XN/2021-02130.
 */
export function formatIndexNo(pattern: string, v: { code: string; year: number; month: number; seq: number }): string {
  return pattern
    .replace('{code}', v.code)
    .replace('{year}', String(v.year))
    .replace('{month}', String(v.month).padStart(2, '0'))
    .replace(/\{seq(\d)?\}/, (_, n: string | undefined) => String(v.seq).padStart(Number(n ?? 5), '0'));
}
