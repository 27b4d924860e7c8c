/**
 * Digits run together (hazard 4): "640020470" printed for 64|0|0|2|0|4|70. A row's digit groups are split
 * into exactly `width` numbers (no leading zeros), and only splits that satisfy the row's own check are kept.
 * Several survivors are resolved by the column checks later, or left unresolved — never guessed.
 */
export const MAX_SPLITS = 200_000;

/** All ways to cut one digit string into `parts` numbers without leading zeros. */
function cuts(digits: string, parts: number, out: number[][], prefix: number[], limit: { n: number }) {
  if (limit.n > MAX_SPLITS) return;
  if (parts === 1) {
    if (digits.length === 0 || (digits.length > 1 && digits[0] === '0') || digits.length > 12) return;
    out.push([...prefix, Number(digits)]);
    limit.n++;
    return;
  }
  const maxLen = digits.length - (parts - 1);
  for (let len = 1; len <= Math.min(maxLen, 12); len++) {
    const head = digits.slice(0, len);
    if (len > 1 && head[0] === '0') break;
    prefix.push(Number(head));
    cuts(digits.slice(len), parts - 1, out, prefix, limit);
    prefix.pop();
  }
}

/** Splits of groups (each group into ≥ 1 numbers) into `width` numbers in total. */
export function splitGroups(
  groups: string[],
  width: number,
  accept: (v: number[]) => boolean,
): number[][] | 'too_many' {
  const results: number[][] = [];
  const limit = { n: 0 };
  const rec = (gi: number, left: number, acc: number[]) => {
    if (limit.n > MAX_SPLITS) return;
    if (gi === groups.length) {
      if (left === 0 && accept(acc)) results.push([...acc]);
      return;
    }
    const g = groups[gi]!;
    const remainingGroups = groups.length - gi - 1;
    for (let k = 1; k <= Math.min(g.length, left - remainingGroups); k++) {
      const parts: number[][] = [];
      cuts(g, k, parts, [], limit);
      for (const p of parts) rec(gi + 1, left - k, acc.concat(p));
    }
  };
  rec(0, width, []);
  return limit.n > MAX_SPLITS ? 'too_many' : results;
}

/** R3 for a section-三 row: the six applicant columns add up to the total. */
export const rowSumHolds = (v: number[]) => v.slice(0, 6).reduce((a, b) => a + b, 0) === v[6];

/** R4 for the section-四 row: each group of five adds up. */
export const appealGroupsHold = (v: number[]) =>
  [0, 5, 10].every((o) => v[o]! + v[o + 1]! + v[o + 2]! + v[o + 3]! === v[o + 4]);
