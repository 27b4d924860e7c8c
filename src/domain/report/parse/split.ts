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
  accept: (v: number[], sum: number) => boolean,
  /** Prunes a partial split: the numbers so far, how many digits are still to come, and the numbers' sum. */
  prefixOk: (v: number[], digitsLeft: number, sum: number) => boolean = () => true,
  /** The value the next number must have, when the numbers so far decide it (a total after its parts). */
  forced: (v: number[], sum: number) => number | undefined = () => undefined,
): number[][] | 'too_many' {
  const results: number[][] = [];
  let steps = 0;
  const acc: number[] = [];
  let sum = 0; // of acc, kept as numbers are pushed and popped
  const totalDigits = groups.reduce((n, g) => n + g.length, 0);
  if (totalDigits > width * MAX_DIGITS) return 'too_many';
  const suffix = groups.map((_, i) => groups.slice(i + 1).reduce((n, x) => n + x.length, 0));
  // rec(gi, pos, left): cutting group gi from position pos, with `left` numbers still to make.
  const rec = (gi: number, pos: number, left: number): boolean => {
    if (++steps > MAX_STEPS) return false;
    const g = groups[gi];
    if (g === undefined) {
      if (left === 0 && accept(acc, sum)) results.push([...acc]);
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
      const value = Number(rest);
      acc.push(value);
      sum += value;
      const ok = rec(gi + 1, 0, 0);
      acc.pop();
      sum -= value;
      return ok;
    }
    const must = forced(acc, sum);
    if (must !== undefined) {
      // Only one cut can make this number: where the digits of its forced value end.
      const s = String(must);
      if (!g.startsWith(s, pos)) return true;
      acc.push(must);
      sum += must;
      const left2 = g.length - pos - s.length + suffix[gi]!;
      const ok = prefixOk(acc, left2, sum) ? rec(gi, pos + s.length, left - 1) : true;
      acc.pop();
      sum -= must;
      return ok;
    }
    const maxLen = g.charCodeAt(pos) === 48 ? 1 : Math.min(MAX_DIGITS, g.length - pos);
    let value = 0;
    for (let len = 1; len <= maxLen; len++) {
      value = value * 10 + (g.charCodeAt(pos + len - 1) - 48); // the digits so far, read once
      acc.push(value);
      sum += value;
      const ok = prefixOk(acc, g.length - pos - len + suffix[gi]!, sum) ? rec(gi, pos + len, left - 1) : true;
      acc.pop();
      sum -= value;
      if (!ok) return false;
    }
    return true;
  };
  return rec(0, 0, width) ? results : 'too_many';
}

/** R3 for a section-三 row: the six applicant columns add up to the total. */
export const rowSumHolds = (v: number[]) => v.slice(0, 6).reduce((a, b) => a + b, 0) === v[6];

/** 10 ** k for the digit counts a number can have (`**` is slow in the hot loop). */
const POW10 = Array.from({ length: MAX_DIGITS + 2 }, (_, k) => 10 ** k);
const digitsOf = (x: number) => {
  let d = 1;
  while (x >= POW10[d]!) d++;
  return d;
};

/**
 * Splits of a section-三 row into six parts and their total (R3). The total is the last digits of the last
 * group: for each length it could have, the parts before it are split with their running sum bounded by it and
 * each part no longer than it — which cuts the search to the few splits that can add up.
 */
export function splitRowSum(groups: string[]): number[][] | 'too_many' {
  const last = groups.at(-1) ?? '';
  const out: number[][] = [];
  for (let len = 1; len <= Math.min(MAX_DIGITS, last.length); len++) {
    const digits = last.slice(last.length - len);
    if (len > 1 && digits[0] === '0') continue;
    const total = Number(digits);
    const head = [...groups.slice(0, -1), last.slice(0, last.length - len)].filter((g) => g !== '');
    const parts = splitGroups(
      head,
      6,
      (_v, sum) => sum === total,
      (v, digitsLeft, sum) => {
        const left = 6 - v.length;
        // Not past the total; and the digits left (each part at most as long as the total) can still reach it.
        if (sum > total || digitsLeft > left * len || digitsLeft < left) return false;
        if (left === 0) return true;
        // The longest part still to come has at least ⌈digits/parts⌉ digits; with two or more it starts with a
        // non-zero digit, so it alone is at least 10^(that−1): past the total, no split of the rest can fit.
        const longest = Math.ceil(digitsLeft / left);
        if (longest >= 2 && sum + POW10[longest - 1]! > total) return false;
        return sum + left * POW10[Math.min(len, digitsLeft - left + 1)]! > total;
      },
      (v, sum) => (v.length === 5 ? total - sum : undefined),
    );
    if (parts === 'too_many') return parts;
    for (const p of parts) out.push([...p, total]);
  }
  return out;
}

/** While splitting the section-四 row: the fifth number of each group is the sum of its four. */
export const appealGroupsForced = (v: number[]) => {
  if (v.length % 5 !== 4) return undefined;
  const o = v.length - 4;
  return v[o]! + v[o + 1]! + v[o + 2]! + v[o + 3]!;
};

/**
 * While splitting the section-四 row: every completed group of five adds up; within a group, the total to come
 * is at least as long as its longest part, and each later group still needs five digits.
 */
export const appealGroupsPossible = (v: number[], digitsLeft: number) => {
  const k = v.length % 5;
  if (k === 0) {
    const o = v.length - 5;
    return v[o]! + v[o + 1]! + v[o + 2]! + v[o + 3]! === v[o + 4];
  }
  let longest = 0;
  for (let i = v.length - k; i < v.length; i++) longest = Math.max(longest, digitsOf(v[i]!));
  const laterGroups = 2 - Math.floor(v.length / 5);
  return digitsLeft >= 4 - k + longest + 5 * laterGroups;
};

/** R4 for the section-四 row: each group of five adds up. */
export const appealGroupsHold = (v: number[]) =>
  [0, 5, 10].every((o) => v[o]! + v[o + 1]! + v[o + 2]! + v[o + 3]! === v[o + 4]);
