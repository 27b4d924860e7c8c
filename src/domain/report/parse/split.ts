/**
 * Digits run together (hazard 4): "640020470" printed for 64|0|0|2|0|4|70. A row's digit groups are split
 * into exactly `width` numbers (no leading zeros), and only splits that satisfy the row's own check are kept.
 * Several survivors are resolved by the column checks later, or left unresolved — never guessed. The search is
 * bounded: past the budget the row is unresolved (a hostile or huge row cannot hang the reader).
 */
export const MAX_STEPS = 500_000;
const MAX_DIGITS = 12;

/** Splits of groups (each group into ≥ 1 numbers) into `width` numbers in total. */
export function splitGroups(
  groups: string[],
  width: number,
  accept: (v: number[]) => boolean,
  /** Prunes a partial split: the numbers so far and how many digits are still to come. */
  prefixOk: (v: number[], digitsLeft: number) => boolean = () => true,
): number[][] | 'too_many' {
  const results: number[][] = [];
  let steps = 0;
  const acc: number[] = [];
  const totalDigits = groups.reduce((n, g) => n + g.length, 0);
  if (totalDigits > width * MAX_DIGITS) return 'too_many';
  const suffix = groups.map((_, i) => groups.slice(i + 1).reduce((n, x) => n + x.length, 0));
  // rec(gi, pos, left): cutting group gi from position pos, with `left` numbers still to make.
  const rec = (gi: number, pos: number, left: number): boolean => {
    if (++steps > MAX_STEPS) return false;
    const g = groups[gi];
    if (g === undefined) {
      if (left === 0 && accept(acc)) results.push([...acc]);
      return true;
    }
    if (pos === g.length) return rec(gi + 1, 0, left);
    if (left === 0) return true;
    const restGroups = groups.length - gi - 1;
    if (left < restGroups + 1) return true;
    if (left > g.length - pos + suffix[gi]!) return true;
    // The last number of the last group is the whole remainder.
    if (left === 1 && restGroups === 0) {
      const rest = g.slice(pos);
      if ((rest.length > 1 && rest[0] === '0') || rest.length > MAX_DIGITS) return true;
      acc.push(Number(rest));
      const ok = rec(gi + 1, 0, 0);
      acc.pop();
      return ok;
    }
    const maxLen = g[pos] === '0' ? 1 : Math.min(MAX_DIGITS, g.length - pos);
    for (let len = 1; len <= maxLen; len++) {
      acc.push(Number(g.slice(pos, pos + len)));
      const ok = prefixOk(acc, g.length - pos - len + suffix[gi]!) ? rec(gi, pos + len, left - 1) : true;
      acc.pop();
      if (!ok) return false;
    }
    return true;
  };
  return rec(0, 0, width) ? results : 'too_many';
}

/** R3 for a section-三 row: the six applicant columns add up to the total. */
export const rowSumHolds = (v: number[]) => v.slice(0, 6).reduce((a, b) => a + b, 0) === v[6];

/** While splitting a row: the total (last number) has at most the digits left after the other columns. */
export const rowSumPossible = (v: number[], digitsLeft: number) => {
  if (v.length > 6) return true;
  const totalDigits = digitsLeft - (6 - v.length);
  return totalDigits > 0 && v.reduce((a, b) => a + b, 0) < 10 ** totalDigits;
};

/** While splitting the section-四 row: every completed group of five adds up. */
export const appealGroupsPossible = (v: number[]) => {
  if (v.length % 5 !== 0) return true;
  const o = v.length - 5;
  return v[o]! + v[o + 1]! + v[o + 2]! + v[o + 3]! === v[o + 4];
};

/** R4 for the section-四 row: each group of five adds up. */
export const appealGroupsHold = (v: number[]) =>
  [0, 5, 10].every((o) => v[o]! + v[o + 1]! + v[o + 2]! + v[o + 3]! === v[o + 4]);
