/**
 * The two national formats of the 政府信息公开工作年度报告 as data (spec: annual-report.md):
 * 2019 — 国办公开办函〔2019〕60号; 2021 — 国办公开办函〔2021〕30号. One definition drives compute, render,
 * check and parse.
 */
export type ReportVersion = '2019' | '2021';
export const VERSIONS: readonly ReportVersion[] = ['2019', '2021'];

export type ValueKind = 'int' | 'signed' | 'decimal' | 'text';

export interface ProactiveColumn {
  key: string;
  label: string;
  kind: ValueKind;
}

export interface ProactiveItem {
  key: string;
  label: string;
  /** Other printed forms of the label (older or local wording). */
  aliases?: string[];
  /** The §20 item heading the row's block: 第二十条第（一）项. */
  article: string;
  columns: ProactiveColumn[];
}

export interface ApplicationRow {
  key: string;
  /** Label as printed in the row's own cell. */
  label: string;
  /** Group label printed in a merged cell before it (三、本年度办理结果, （三）不予公开 …). */
  groups: string[];
  /** Counted in （七）总计 (R2). */
  detail: boolean;
}

export interface ReportFormat {
  version: ReportVersion;
  name: string;
  proactive: ProactiveItem[];
  applicationRows: ApplicationRow[];
}

export const APPLICANT_COLUMNS = [
  { key: 'natural_person', label: '自然人' },
  { key: 'commercial', label: '商业企业' },
  { key: 'research', label: '科研机构' },
  { key: 'nonprofit', label: '社会公益组织' },
  { key: 'legal_services', label: '法律服务机构' },
  { key: 'other_org', label: '其他' },
  { key: 'total', label: '总计' },
] as const;
export type ApplicantColumn = (typeof APPLICANT_COLUMNS)[number]['key'];

export const APPEAL_GROUPS = [
  { key: 'reconsideration', label: '行政复议' },
  { key: 'litigation_direct', label: '行政诉讼（未经复议直接起诉）' },
  { key: 'litigation_after_reconsideration', label: '行政诉讼（复议后起诉）' },
] as const;
export const APPEAL_COLUMNS = [
  { key: 'upheld', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'other', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
  { key: 'total', label: '总计' },
] as const;
export type AppealGroup = (typeof APPEAL_GROUPS)[number]['key'];
export type AppealColumn = (typeof APPEAL_COLUMNS)[number]['key'];

const int = (key: string, label: string): ProactiveColumn => ({ key, label, kind: 'int' });

const madeCols = [int('made', '本年新制作数量'), int('published', '本年新公开数量'), int('total', '对外公开总数量')];
const projectCols = [
  int('previous', '上一年项目数量'),
  { key: 'change', label: '本年增/减', kind: 'signed' as const },
  int('decisions', '处理决定数量'),
];
const issuedCols = [int('issued', '本年制发件数'), int('repealed', '本年废止件数'), int('in_force', '现行有效件数')];
const decisionsCol = [int('decisions', '本年处理决定数量')];

const ITEM1 = '第二十条第（一）项';
const ITEM5 = '第二十条第（五）项';
const ITEM6 = '第二十条第（六）项';
const ITEM8 = '第二十条第（八）项';
const ITEM9 = '第二十条第（九）项';

const RESULT = '三、本年度办理结果';
const WITHHELD = '（三）不予公开';
const UNAVAILABLE = '（四）无法提供';
const DECLINED = '（五）不予处理';
const OTHER = '（六）其他处理';

const commonRows = (otherRows: ApplicationRow[]): ApplicationRow[] => [
  { key: 'new', label: '一、本年新收政府信息公开申请数量', groups: [], detail: false },
  { key: 'carried_over', label: '二、上年结转政府信息公开申请数量', groups: [], detail: false },
  { key: 'granted', label: '（一）予以公开', groups: [RESULT], detail: true },
  {
    key: 'partially_granted',
    label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    groups: [RESULT],
    detail: true,
  },
  { key: 'withheld_state_secret', label: '1.属于国家秘密', groups: [RESULT, WITHHELD], detail: true },
  { key: 'withheld_prohibited_by_law', label: '2.其他法律行政法规禁止公开', groups: [RESULT, WITHHELD], detail: true },
  { key: 'withheld_security_stability', label: '3.危及“三安全一稳定”', groups: [RESULT, WITHHELD], detail: true },
  { key: 'withheld_third_party', label: '4.保护第三方合法权益', groups: [RESULT, WITHHELD], detail: true },
  { key: 'withheld_internal_affairs', label: '5.属于三类内部事务信息', groups: [RESULT, WITHHELD], detail: true },
  { key: 'withheld_process_info', label: '6.属于四类过程性信息', groups: [RESULT, WITHHELD], detail: true },
  { key: 'withheld_enforcement_file', label: '7.属于行政执法案卷', groups: [RESULT, WITHHELD], detail: true },
  { key: 'withheld_administrative_query', label: '8.属于行政查询事项', groups: [RESULT, WITHHELD], detail: true },
  { key: 'unavailable_not_held', label: '1.本机关不掌握相关政府信息', groups: [RESULT, UNAVAILABLE], detail: true },
  {
    key: 'unavailable_needs_creation',
    label: '2.没有现成信息需要另行制作',
    groups: [RESULT, UNAVAILABLE],
    detail: true,
  },
  { key: 'unavailable_still_unclear', label: '3.补正后申请内容仍不明确', groups: [RESULT, UNAVAILABLE], detail: true },
  { key: 'declined_complaint', label: '1.信访举报投诉类申请', groups: [RESULT, DECLINED], detail: true },
  { key: 'declined_duplicate', label: '2.重复申请', groups: [RESULT, DECLINED], detail: true },
  { key: 'declined_publication', label: '3.要求提供公开出版物', groups: [RESULT, DECLINED], detail: true },
  { key: 'declined_excessive', label: '4.无正当理由大量反复申请', groups: [RESULT, DECLINED], detail: true },
  {
    key: 'declined_confirmation',
    label: '5.要求行政机关确认或重新出具已获取信息',
    groups: [RESULT, DECLINED],
    detail: true,
  },
  ...otherRows,
  { key: 'total', label: '（七）总计', groups: [RESULT], detail: false },
  { key: 'carried_forward', label: '四、结转下年度继续办理', groups: [], detail: false },
];

export const FORMATS: Record<ReportVersion, ReportFormat> = {
  '2019': {
    version: '2019',
    name: '中华人民共和国政府信息公开工作年度报告格式（试行）（国办公开办函〔2019〕60号）',
    proactive: [
      { key: 'rules', label: '规章', article: ITEM1, columns: madeCols },
      {
        key: 'normative_documents',
        label: '规范性文件',
        aliases: ['行政规范性文件'],
        article: ITEM1,
        columns: madeCols,
      },
      { key: 'licensing', label: '行政许可', article: ITEM5, columns: projectCols },
      { key: 'other_services', label: '其他对外管理服务事项', article: ITEM5, columns: projectCols },
      { key: 'penalty', label: '行政处罚', article: ITEM6, columns: projectCols },
      { key: 'coercion', label: '行政强制', article: ITEM6, columns: projectCols },
      { key: 'fees', label: '行政事业性收费', article: ITEM8, columns: projectCols.slice(0, 2) },
      {
        key: 'procurement',
        label: '政府集中采购',
        article: ITEM9,
        columns: [int('items', '采购项目数量'), { key: 'amount', label: '采购总金额', kind: 'text' }],
      },
    ],
    applicationRows: commonRows([{ key: 'other', label: '（六）其他处理', groups: [RESULT], detail: true }]),
  },
  '2021': {
    version: '2021',
    name: '中华人民共和国政府信息公开工作年度报告格式（国办公开办函〔2021〕30号）',
    proactive: [
      { key: 'rules', label: '规章', article: ITEM1, columns: issuedCols },
      {
        key: 'normative_documents',
        label: '行政规范性文件',
        aliases: ['规范性文件'],
        article: ITEM1,
        columns: issuedCols,
      },
      { key: 'licensing', label: '行政许可', article: ITEM5, columns: decisionsCol },
      { key: 'penalty', label: '行政处罚', article: ITEM6, columns: decisionsCol },
      { key: 'coercion', label: '行政强制', article: ITEM6, columns: decisionsCol },
      {
        key: 'fees',
        label: '行政事业性收费',
        article: ITEM8,
        columns: [{ key: 'amount_10k_yuan', label: '本年收费金额（单位：万元）', kind: 'decimal' }],
      },
    ],
    applicationRows: commonRows([
      {
        key: 'other_no_correction',
        label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
        groups: [RESULT, OTHER],
        detail: true,
      },
      {
        key: 'other_unpaid_fee',
        label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
        groups: [RESULT, OTHER],
        detail: true,
      },
      { key: 'other_misc', label: '3.其他', groups: [RESULT, OTHER], detail: true },
    ]),
  },
};

/** 2019–2020 → 2019; from 2021 → 2021 (a report may override). */
export function versionForYear(year: number): ReportVersion {
  return year <= 2020 ? '2019' : '2021';
}

/** Where a case outcome (2021 keys) counts in a version: 2019 folds the three other_* rows into `other`. */
export function rowForOutcome(version: ReportVersion, outcome: string): string {
  if (version === '2019' && outcome.startsWith('other_')) return 'other';
  return outcome;
}

export const SECTION_TITLES = {
  overview: '一、总体情况',
  proactive: '二、主动公开政府信息情况',
  applications: '三、收到和处理政府信息公开申请情况',
  appeals: '四、政府信息公开行政复议、行政诉讼情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
} as const;

export const R1_CORNER = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
