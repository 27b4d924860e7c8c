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
  /** The legal basis printed in the reply letter: the article, and the item of 第三十六条, of the outcome. */
  basis: string;
}

const 条例 = '《中华人民共和国政府信息公开条例》';

/** The outcomes that withhold (条例第十四条、第十五条、第十六条, 第三十六条第（七）项). */
export const WITHHELD_OUTCOMES = [
  'withheld_state_secret',
  'withheld_prohibited_by_law',
  'withheld_security_stability',
  'withheld_third_party',
  'withheld_internal_affairs',
  'withheld_process_info',
  'withheld_enforcement_file',
  'withheld_administrative_query',
] as const satisfies readonly Outcome[];
export type WithheldOutcome = (typeof WITHHELD_OUTCOMES)[number];

/** Each ground of withholding: its article, and what the information is, as a letter says it ("属于……"). */
export const WITHHELD_GROUNDS: Record<WithheldOutcome, { article: string; phrase: string }> = {
  // 第十四条: 依法确定为国家秘密的政府信息，法律、行政法规禁止公开的政府信息，以及公开后可能危及国家安全、
  // 公共安全、经济安全、社会稳定的政府信息，不予公开。
  withheld_state_secret: { article: '第十四条', phrase: '依法确定为国家秘密的政府信息' },
  withheld_prohibited_by_law: { article: '第十四条', phrase: '法律、行政法规禁止公开的政府信息' },
  withheld_security_stability: {
    article: '第十四条',
    phrase: '公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息',
  },
  // 第十五条: 涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息。
  withheld_third_party: {
    article: '第十五条',
    phrase: '涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息',
  },
  // 第十六条第一款: 人事管理、后勤管理、内部工作流程等方面的内部事务信息。
  withheld_internal_affairs: {
    article: '第十六条第一款',
    phrase: '人事管理、后勤管理、内部工作流程等方面的内部事务信息',
  },
  // 第十六条第二款: 讨论记录、过程稿、磋商信函、请示报告等过程性信息以及行政执法案卷信息。
  withheld_process_info: { article: '第十六条第二款', phrase: '讨论记录、过程稿、磋商信函、请示报告等过程性信息' },
  withheld_enforcement_file: { article: '第十六条第二款', phrase: '行政执法案卷信息' },
  // 第三十六条第（七）项: 工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定的。
  withheld_administrative_query: {
    article: '第三十六条第（七）项',
    phrase: '工商、不动产登记资料等有关法律、行政法规对获取有特别规定的信息',
  },
};

const withheld = (o: WithheldOutcome, label: string, extra = ''): OutcomeInfo => ({
  label,
  basis:
    o === 'withheld_administrative_query'
      ? `${条例}第三十六条第（七）项`
      : `${条例}${WITHHELD_GROUNDS[o].article}${extra}、第三十六条第（三）项`,
});

export const OUTCOME_INFO: Record<Outcome, OutcomeInfo> = {
  // 第三十六条第（二）项: 可以公开的, 向申请人提供; 第（一）项 (已经主动公开) when the decision says where.
  granted: { label: '予以公开', basis: `${条例}第三十六条第（二）项` },
  // 第三十七条: 区分处理; the letter adds the article of the part withheld (basisFor).
  partially_granted: { label: '部分公开（区分处理）', basis: `${条例}第三十七条` },
  withheld_state_secret: withheld('withheld_state_secret', '不予公开：属于国家秘密'),
  withheld_prohibited_by_law: withheld('withheld_prohibited_by_law', '不予公开：其他法律行政法规禁止公开'),
  withheld_security_stability: withheld('withheld_security_stability', '不予公开：危及“三安全一稳定”'),
  withheld_third_party: withheld('withheld_third_party', '不予公开：保护第三方合法权益', '、第三十二条'),
  withheld_internal_affairs: withheld('withheld_internal_affairs', '不予公开：属于三类内部事务信息'),
  withheld_process_info: withheld('withheld_process_info', '不予公开：属于四类过程性信息'),
  withheld_enforcement_file: withheld('withheld_enforcement_file', '不予公开：属于行政执法案卷'),
  withheld_administrative_query: withheld('withheld_administrative_query', '不予公开：属于行政查询事项'),
  // 第三十六条第（四）项: 经检索没有所申请公开信息的，告知申请人该政府信息不存在; 第（五）项 (basisFor) when
  // the decision names the agency that is to disclose it.
  unavailable_not_held: { label: '无法提供：本机关不掌握相关政府信息', basis: `${条例}第三十六条第（四）项` },
  unavailable_needs_creation: { label: '无法提供：没有现成信息需要另行制作', basis: `${条例}第三十八条` },
  unavailable_still_unclear: { label: '无法提供：补正后申请内容仍不明确', basis: `${条例}第三十条` },
  declined_complaint: { label: '不予处理：信访举报投诉类申请', basis: `${条例}第三十九条第一款` },
  declined_duplicate: { label: '不予处理：重复申请', basis: `${条例}第三十六条第（六）项` },
  declined_publication: { label: '不予处理：要求提供公开出版物', basis: `${条例}第三十九条第二款` },
  declined_excessive: { label: '不予处理：无正当理由大量反复申请', basis: `${条例}第三十五条` },
  // [conv] 第二条: a confirmation or a copy made anew is not information already made or obtained.
  declined_confirmation: { label: '不予处理：要求行政机关确认或重新出具已获取信息', basis: `${条例}第二条` },
  other_no_correction: { label: '其他处理：申请人无正当理由逾期不补正', basis: `${条例}第三十条` },
  other_unpaid_fee: {
    label: '其他处理：申请人逾期未按收费通知要求缴纳费用',
    basis: '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
  },
  // 其他处理 has no article of its own: the decision names its basis (the decided event requires it).
  other_misc: { label: '其他处理', basis: '' },
};

/** What of a decision chooses the article: where it was published, who holds it, the ground of the part withheld. */
export interface DecisionFacts {
  publishedAt?: string | undefined;
  holder?: string | undefined;
  withheld?: WithheldOutcome | undefined;
}

/** The basis a reply cites for its outcome and the facts of the decision (one article, and item, each). */
export function basisFor(outcome: Outcome, facts: DecisionFacts = {}): string {
  switch (outcome) {
    case 'granted':
      // 第三十六条第（一）项: 已经主动公开的，告知申请人获取该政府信息的方式、途径。
      return facts.publishedAt ? `${条例}第三十六条第（一）项` : OUTCOME_INFO.granted.basis;
    case 'partially_granted':
      return facts.withheld
        ? `${条例}${WITHHELD_GROUNDS[facts.withheld].article}、第三十七条`
        : OUTCOME_INFO.partially_granted.basis;
    case 'unavailable_not_held':
      // 第三十六条第（五）项: 不属于本行政机关负责公开的……能够确定负责公开该政府信息的行政机关的，告知其名称、联系方式。
      return facts.holder ? `${条例}第三十六条第（五）项` : OUTCOME_INFO.unavailable_not_held.basis;
    default:
      return OUTCOME_INFO[outcome].basis;
  }
}

/** The basis of a decision: the officer's, else the outcome's article and item for the facts given (basisFor). */
export function decisionBasis(d: {
  outcome: Outcome;
  basis?: string | undefined;
  publishedAt?: string | undefined;
  holder?: string | undefined;
  withheld?: WithheldOutcome | undefined;
}): string {
  return d.basis || basisFor(d.outcome, d);
}

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
