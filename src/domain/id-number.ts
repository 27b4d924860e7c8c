/** 居民身份证号码 (GB 11643-1999): 17 digits and a mod-11 check character. */
const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const C = '10X98765432';

export function isValidResidentId(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1900) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * W[i]!;
  return C[sum % 11] === id[17];
}

/** Completes a 17-digit stem with its check character (for demo data and tests). */
export function completeResidentId(stem17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(stem17[i]) * W[i]!;
  return stem17 + C[sum % 11];
}
