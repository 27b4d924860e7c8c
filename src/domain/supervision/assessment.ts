/**
 * 考核 (条例第四十七条、第五十条): the supervising government's indicators, weights and the scores they give.
 * Scores are computed from records only; each indicator keeps the records that cost points (evidence).
 */

export type IndicatorKey =
  | 'on_time_replies'
  | 'disclosure_timeliness'
  | 'interpretation_coverage'
  | 'report_on_time'
  | 'appeals_not_corrected';

export interface IndicatorInfo {
  label: string;
  /** What a point is: the numerator over the denominator, in words. */
  measure: string;
  basis: string;
}

/** The indicators as data: adding one means a row here and its facts in the assessment query. */
export const INDICATORS: Record<IndicatorKey, IndicatorInfo> = {
  on_time_replies: {
    label: '依申请公开按时答复率',
    measure: '答复期限届满的申请中按期作出答复的比例（期限已过仍未答复的计为逾期）',
    basis: '条例第三十三条',
  },
  disclosure_timeliness: {
    label: '主动公开及时率',
    measure: '形成或变更后 20 个工作日内公开的信息所占比例（逾期未公开的计为不及时）',
    basis: '条例第二十六条',
  },
  interpretation_coverage: {
    label: '规范性文件解读率',
    measure: '当年公开的规范性文件中已发布政策解读的比例',
    basis: '国办发〔2016〕80号',
  },
  report_on_time: {
    label: '年度报告按时发布且通过校验',
    measure: '上一年度报告按期公布（1 分）且全部校验通过或经审批说明（1 分）',
    basis: '条例第四十九条',
  },
  appeals_not_corrected: {
    label: '复议诉讼未被纠错率',
    measure: '当年审结的行政复议、行政诉讼中未被纠错的比例',
    basis: '条例第五十一条',
  },
};
export const INDICATOR_KEYS = Object.keys(INDICATORS) as IndicatorKey[];

export interface PlanIndicator {
  key: IndicatorKey;
  weight: number;
}

/** The plan used until a supervisor sets the year's own: weights sum to 100. */
export const DEFAULT_PLAN: PlanIndicator[] = [
  { key: 'on_time_replies', weight: 30 },
  { key: 'disclosure_timeliness', weight: 25 },
  { key: 'interpretation_coverage', weight: 15 },
  { key: 'report_on_time', weight: 15 },
  { key: 'appeals_not_corrected', weight: 15 },
];

/** The records behind one indicator for one agency. */
export interface IndicatorFacts {
  numerator: number;
  denominator: number;
  /** Records that cost points, e.g. the late cases (id and a human label). */
  shortfalls: { id: string; label: string }[];
}
export type AgencyFacts = Record<IndicatorKey, IndicatorFacts>;

export interface IndicatorScore extends IndicatorFacts {
  key: IndicatorKey;
  label: string;
  weight: number;
  /** numerator / denominator; 1 when there was nothing to assess. */
  ratio: number;
  score: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function scoreAgency(plan: readonly PlanIndicator[], facts: AgencyFacts) {
  const indicators: IndicatorScore[] = plan.map(({ key, weight }) => {
    const f = facts[key];
    const ratio = f.denominator === 0 ? 1 : f.numerator / f.denominator;
    return { key, label: INDICATORS[key].label, weight, ...f, ratio: round2(ratio), score: round2(weight * ratio) };
  });
  return { total: round2(indicators.reduce((s, i) => s + i.score, 0)), indicators };
}

/** Ranking by total, highest first; equal totals share a rank (1, 2, 2, 4). */
export function rank<T extends { total: number }>(rows: readonly T[]): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => b.total - a.total);
  return sorted.map((r, i) => ({
    ...r,
    rank: i > 0 && sorted[i - 1]!.total === r.total ? sorted.findIndex((x) => x.total === r.total) + 1 : i + 1,
  }));
}

/** A plan as a supervisor may set it: known indicators, once each, positive weights summing to 100. */
export function planProblems(plan: readonly { key: string; weight: number }[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const p of plan) {
    if (!(p.key in INDICATORS)) out.push(`未知的考核指标：${p.key}`);
    if (seen.has(p.key)) out.push(`考核指标重复：${INDICATORS[p.key as IndicatorKey]?.label ?? p.key}`);
    seen.add(p.key);
    if (!(p.weight > 0)) out.push(`指标权重应大于 0：${INDICATORS[p.key as IndicatorKey]?.label ?? p.key}`);
  }
  const sum = round2(plan.reduce((s, p) => s + p.weight, 0));
  if (plan.length && sum !== 100) out.push(`各项权重之和应为 100（现为 ${sum}）`);
  if (!plan.length) out.push('请至少设置一项考核指标');
  return out;
}
