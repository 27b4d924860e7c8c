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
  /** Something to measure (a denominator above 0); else 无数据, left out of the total. */
  applicable: boolean;
  /** numerator / denominator; null when there was nothing to assess. */
  ratio: number | null;
  /** weight × ratio in the plan's points; null when not applicable. */
  score: number | null;
}

export interface AgencyScore {
  /**
   * Re-weighted over the indicators that apply: Σ(weight × ratio) / Σ(weight of the applicable) × 100. An
   * indicator with nothing to measure (no replies due, no report due …) neither gives nor costs points.
   * null when none applies: the agency is not ranked (不排名) rather than given full marks.
   */
  total: number | null;
  /** Σ of the weights that apply (out of the plan's 100). */
  appliedWeight: number;
  indicators: IndicatorScore[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The rule as printed next to the ranking and in the exported workbook. */
export const SCORING_RULE =
  '总分 = 各适用指标得分之和 ÷ 适用指标权重之和 × 100。某项指标当年没有可考核的事项（如没有到期的申请、没有应公布的年度报告）时显示“无数据”，不计分也不扣分，其权重不计入分母；所有指标均无数据的机关不排名。';

export function scoreAgency(plan: readonly PlanIndicator[], facts: AgencyFacts): AgencyScore {
  const indicators: IndicatorScore[] = plan.map(({ key, weight }) => {
    const f = facts[key];
    const label = INDICATORS[key].label;
    if (f.denominator === 0) return { key, label, weight, ...f, applicable: false, ratio: null, score: null };
    const ratio = f.numerator / f.denominator;
    return { key, label, weight, ...f, applicable: true, ratio: round2(ratio), score: round2(weight * ratio) };
  });
  const applied = indicators.filter((i) => i.applicable);
  const appliedWeight = round2(applied.reduce((s, i) => s + i.weight, 0));
  // The unrounded products, so that rounding each indicator does not move the total.
  const points = applied.reduce((s, i) => s + i.weight * (i.numerator / i.denominator), 0);
  const total = appliedWeight > 0 ? round2((points / appliedWeight) * 100) : null;
  return { total, appliedWeight, indicators };
}

/**
 * Ranking by total, highest first; equal totals share a rank (1, 2, 2, 4). Rows without a total (nothing to
 * assess) come last with rank null: 不排名.
 */
export function rank<T extends { total: number | null }>(rows: readonly T[]): (T & { rank: number | null })[] {
  const scored = rows.filter((r): r is T & { total: number } => r.total !== null).sort((a, b) => b.total - a.total);
  const ranked = scored.map((r, i) => ({
    ...r,
    rank: i > 0 && scored[i - 1]!.total === r.total ? scored.findIndex((x) => x.total === r.total) + 1 : i + 1,
  }));
  return [...ranked, ...rows.filter((r) => r.total === null).map((r) => ({ ...r, rank: null }))];
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
