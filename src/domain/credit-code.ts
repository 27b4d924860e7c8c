/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters; position 18 is a mod-31 check over 1–17, and
 * positions 9–17 are a GB 11714 组织机构代码 whose 9th character is a mod-11 check over its first 8.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export type CreditCodeProblem = 'length' | 'characters' | 'org_check' | 'check';

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

function orgValue(ch: string): number {
  if (ch >= '0' && ch <= '9') return ch.charCodeAt(0) - 48;
  if (ch >= 'A' && ch <= 'Z') return ch.charCodeAt(0) - 55; // A = 10 … Z = 35
  return Number.NaN;
}

export function orgCodeCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgValue(first8[i]!) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** Returns null when valid, else what is wrong. */
export function checkCreditCode(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return 'length';
  for (const ch of code) if (!ALPHABET.includes(ch)) return 'characters';
  const org = code.slice(8, 17);
  if (orgCodeCheckChar(org.slice(0, 8)) !== org[8]) return 'org_check';
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return 'check';
  return null;
}

export function isValidCreditCode(code: string): boolean {
  return checkCreditCode(code) === null;
}

export const creditCodeProblemText: Record<CreditCodeProblem, string> = {
  length: '统一社会信用代码应为18位',
  characters: '统一社会信用代码含有不允许的字符（仅限数字和除 I、O、Z、S、V 以外的大写字母）',
  org_check: '统一社会信用代码中的组织机构代码校验位不正确',
  check: '统一社会信用代码校验位不正确',
};

/** Completes a 16-character stem (登记管理部门 + 机构类别 + 行政区划 + 8-char org body) with both check digits. */
export function completeCreditCode(stem16: string): string {
  const withOrg = stem16 + orgCodeCheckChar(stem16.slice(8, 16));
  return withOrg + creditCodeCheckChar(withOrg);
}
