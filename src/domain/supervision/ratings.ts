/** 社会评议: the public's ratings of disclosed items and handled applications, summarised per agency and year. */

export interface RatingSummary {
  count: number;
  /** Mean score, two decimals; null with no ratings. */
  average: number | null;
  /** Count per score 1..5 (index 0 is score 1). */
  distribution: [number, number, number, number, number];
  /** Share rating 4 or 5 (满意率), two decimals. */
  satisfied: number | null;
}

export function summarizeRatings(scores: readonly number[]): RatingSummary {
  const distribution: RatingSummary['distribution'] = [0, 0, 0, 0, 0];
  for (const s of scores) if (s >= 1 && s <= 5) distribution[s - 1]!++;
  const count = distribution.reduce((a, b) => a + b, 0);
  const sum = distribution.reduce((a, n, i) => a + n * (i + 1), 0);
  return {
    count,
    average: count ? Math.round((sum / count) * 100) / 100 : null,
    distribution,
    satisfied: count ? Math.round(((distribution[3] + distribution[4]) / count) * 100) / 100 : null,
  };
}

export const RATING_LABELS = ['很不满意', '不满意', '基本满意', '满意', '非常满意'] as const;

/** What a government's annual report states of 考核, 社会评议 and 责任追究 (条例第五十条). */
export interface SupervisionFacts {
  assessed: number;
  average: number | null;
  top: string[];
  ratings: RatingSummary;
  accountability: { agency: string; subject: string; measure: string }[];
}

/** The paragraph of the government report's draft on 考核, 社会评议 and 责任追究 results. */
export function supervisionParagraph(year: number | null, s: SupervisionFacts): string {
  const assessment = s.assessed
    ? `${year}年，对${s.assessed}个部门（单位）的政府信息公开工作进行考核，平均得分${s.average}分，${s.top.join('、')}位列前${Math.min(3, s.top.length)}名。`
    : `${year}年，未开展政府信息公开工作考核。`;
  const r = s.ratings;
  const ratings = r.count
    ? `社会评议方面，公众通过政府信息公开平台评价${r.count}次，平均${r.average}分，满意率${Math.round((r.satisfied ?? 0) * 100)}%。`
    : '社会评议方面，本年度未收到公众评价。';
  const accountability = s.accountability.length
    ? `责任追究方面，全年对${s.accountability.length}个单位（人员）进行责任追究，措施包括${[...new Set(s.accountability.map((a) => a.measure))].join('、')}。`
    : '责任追究方面，全年未发生政府信息公开工作责任追究情况。';
  return `工作考核、社会评议和责任追究结果情况：${assessment}${ratings}${accountability}`;
}
