/**
 * Outcomes of an application and the annual-report row each one counts in (regulations.md, "Outcome → row").
 * Keys are the version-2021 row keys of section 三; version 2019 folds the three other_* rows into `other`.
 */
export const OUTCOMES = [
  'granted',
  'partially_granted',
  'withheld_state_secret',
  'withheld_prohibited_by_law',
  'withheld_security_stability',
  'withheld_third_party',
  'withheld_internal_affairs',
  'withheld_process_info',
  'withheld_enforcement_file',
  'withheld_administrative_query',
  'unavailable_not_held',
  'unavailable_needs_creation',
  'unavailable_still_unclear',
  'declined_complaint',
  'declined_duplicate',
  'declined_publication',
  'declined_excessive',
  'declined_confirmation',
  'other_no_correction',
  'other_unpaid_fee',
  'other_misc',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Outcomes a decision may record; the other two come from their own events (deemed abandoned). */
export const DECIDABLE_OUTCOMES: readonly Outcome[] = OUTCOMES.filter(
  (o) => o !== 'other_no_correction' && o !== 'other_unpaid_fee',
);

export interface OutcomeInfo {
  label: string;
  /** The legal basis printed in the reply letter. */
  basis: string;
}

export const OUTCOME_INFO: Record<Outcome, OutcomeInfo> = {
  granted: { label: '予以公开', basis: '《中华人民共和国政府信息公开条例》第三十六条第（一）项、第（二）项' },
  partially_granted: { label: '部分公开（区分处理）', basis: '《中华人民共和国政府信息公开条例》第三十七条' },
  withheld_state_secret: {
    label: '不予公开：属于国家秘密',
    basis: '《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项',
  },
  withheld_prohibited_by_law: {
    label: '不予公开：其他法律行政法规禁止公开',
    basis: '《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项',
  },
  withheld_security_stability: {
    label: '不予公开：危及“三安全一稳定”',
    basis: '《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项',
  },
  withheld_third_party: {
    label: '不予公开：保护第三方合法权益',
    basis: '《中华人民共和国政府信息公开条例》第十五条、第三十二条、第三十六条第（三）项',
  },
  withheld_internal_affairs: {
    label: '不予公开：属于三类内部事务信息',
    basis: '《中华人民共和国政府信息公开条例》第十六条第一款、第三十六条第（三）项',
  },
  withheld_process_info: {
    label: '不予公开：属于四类过程性信息',
    basis: '《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项',
  },
  withheld_enforcement_file: {
    label: '不予公开：属于行政执法案卷',
    basis: '《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项',
  },
  withheld_administrative_query: {
    label: '不予公开：属于行政查询事项',
    basis: '《中华人民共和国政府信息公开条例》第三十六条第（七）项',
  },
  unavailable_not_held: {
    label: '无法提供：本机关不掌握相关政府信息',
    basis: '《中华人民共和国政府信息公开条例》第三十六条第（四）项、第（五）项',
  },
  unavailable_needs_creation: {
    label: '无法提供：没有现成信息需要另行制作',
    basis: '《中华人民共和国政府信息公开条例》第三十八条',
  },
  unavailable_still_unclear: {
    label: '无法提供：补正后申请内容仍不明确',
    basis: '《中华人民共和国政府信息公开条例》第三十条',
  },
  declined_complaint: {
    label: '不予处理：信访举报投诉类申请',
    basis: '《中华人民共和国政府信息公开条例》第三十九条第一款',
  },
  declined_duplicate: { label: '不予处理：重复申请', basis: '《中华人民共和国政府信息公开条例》第三十六条第（六）项' },
  declined_publication: {
    label: '不予处理：要求提供公开出版物',
    basis: '《中华人民共和国政府信息公开条例》第三十九条第二款',
  },
  declined_excessive: {
    label: '不予处理：无正当理由大量反复申请',
    basis: '《中华人民共和国政府信息公开条例》第三十五条',
  },
  declined_confirmation: {
    label: '不予处理：要求行政机关确认或重新出具已获取信息',
    basis: '《中华人民共和国政府信息公开条例》',
  },
  other_no_correction: {
    label: '其他处理：申请人无正当理由逾期不补正',
    basis: '《中华人民共和国政府信息公开条例》第三十条',
  },
  other_unpaid_fee: {
    label: '其他处理：申请人逾期未按收费通知要求缴纳费用',
    basis: '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
  },
  other_misc: { label: '其他处理', basis: '' },
};

/** The outcomes in English, for the console's English forms (the letters stay Chinese). */
export const OUTCOME_LABELS_EN: Record<Outcome, string> = {
  granted: 'Disclosed',
  partially_granted: 'Partly disclosed (severed)',
  withheld_state_secret: 'Withheld: state secret',
  withheld_prohibited_by_law: 'Withheld: disclosure prohibited by law',
  withheld_security_stability: 'Withheld: endangers security or stability',
  withheld_third_party: "Withheld: protects a third party's rights",
  withheld_internal_affairs: 'Withheld: internal affairs',
  withheld_process_info: 'Withheld: process information',
  withheld_enforcement_file: 'Withheld: enforcement file',
  withheld_administrative_query: 'Withheld: registration data with its own access rules',
  unavailable_not_held: 'Unavailable: not held by this agency',
  unavailable_needs_creation: 'Unavailable: would have to be created',
  unavailable_still_unclear: 'Unavailable: still unclear after correction',
  declined_complaint: 'Not processed: petition or complaint',
  declined_duplicate: 'Not processed: repeated request',
  declined_publication: 'Not processed: a public publication',
  declined_excessive: 'Not processed: unreasonably many requests',
  declined_confirmation: 'Not processed: asks to confirm or re-issue information held',
  other_no_correction: 'Other: no correction in time',
  other_unpaid_fee: 'Other: fee not paid in time',
  other_misc: 'Other',
};

/** Applicant column of section 三. */
export const APPLICANT_TYPES = [
  'natural_person',
  'commercial',
  'research',
  'nonprofit',
  'legal_services',
  'other_org',
] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];
export const APPLICANT_TYPE_LABELS: Record<ApplicantType, string> = {
  natural_person: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  nonprofit: '社会公益组织',
  legal_services: '法律服务机构',
  other_org: '其他组织',
};

export const FORMS = ['paper', 'email', 'disc', 'viewing'] as const;
export type Form = (typeof FORMS)[number];
export const FORM_LABELS: Record<Form, string> = {
  paper: '纸质文本',
  email: '电子邮件',
  disc: '光盘等电子介质',
  viewing: '现场查阅',
};

export const ID_TYPES = [
  '居民身份证',
  '港澳居民来往内地通行证',
  '台湾居民来往大陆通行证',
  '外国人永久居留身份证',
  '护照',
  '其他',
] as const;
