/** Repeat and mass applications (条例第三十五条、第三十六条第（六）项) are flagged to staff, never decided here. */
function bigrams(s: string): Set<string> {
  const t = s.replace(/[\s\p{P}]/gu, '');
  const out = new Set<string>();
  for (let i = 0; i < t.length - 1; i++) out.add(t.slice(i, i + 2));
  if (t.length === 1) out.add(t);
  return out;
}

/** Jaccard similarity of character bigrams, 0…1. */
export function textSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 && y.size === 0) return 1;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return common / (x.size + y.size - common);
}

export const REPEAT_SIMILARITY = 0.6;
export const MASS_PER_MONTH = 10; // beyond the free 按件 tier: a sign of a volume worth a look (第三十五条)

export interface CaseFlag {
  kind: 'possible_repeat' | 'high_volume';
  text: string;
  related?: string[];
}

export function flagsFor(
  description: string,
  previous: { trackingNumber: string; description: string }[],
  sameMonthCount: number,
): CaseFlag[] {
  const flags: CaseFlag[] = [];
  const similar = previous.filter((p) => textSimilarity(description, p.description) >= REPEAT_SIMILARITY);
  if (similar.length) {
    flags.push({
      kind: 'possible_repeat',
      text: `同一申请人此前提交过内容相似的申请（${similar.map((s) => s.trackingNumber).join('、')}），请核实是否属于重复申请（第三十六条第（六）项）`,
      related: similar.map((s) => s.trackingNumber),
    });
  }
  if (sameMonthCount > MASS_PER_MONTH) {
    flags.push({
      kind: 'high_volume',
      text: `同一申请人本月已向本机关提交 ${sameMonthCount} 件申请，请关注是否明显超过合理范围（第三十五条）`,
    });
  }
  return flags;
}
