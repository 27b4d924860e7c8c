/**
 * 信息处理费 (国办函〔2020〕109号《政府信息公开信息处理费管理办法》, in force 2021-01-01).
 * Per application one mode, never both: 按件 (by the applicant's count of applications to the agency in a
 * calendar month) or 按量 (by pages). Tiers as data.
 */
export type FeeMode = 'per_application' | 'per_volume';

/** 按件: the n-th application of the month costs this much (yuan). 1–10 free; 11–30 100; then +100 per 10. */
export function perApplicationFee(nthInMonth: number): number {
  if (!Number.isInteger(nthInMonth) || nthInMonth < 1) throw new RangeError('nthInMonth must be a positive integer');
  if (nthInMonth <= 10) return 0;
  if (nthInMonth <= 30) return 100;
  return 100 * (Math.floor((nthInMonth - 31) / 10) + 2);
}

/** 按量 tiers: [first page of the tier, yuan per page]. */
export const VOLUME_TIERS: readonly (readonly [number, number])[] = [
  [1, 0],
  [31, 10],
  [101, 20],
  [201, 40],
];

/** 按量: total for `pages` pages, progressively (250 pages → 700 + 2000 + 2000 = 4700). */
export function perVolumeFee(pages: number): number {
  if (!Number.isInteger(pages) || pages < 0) throw new RangeError('pages must be a non-negative integer');
  let total = 0;
  VOLUME_TIERS.forEach(([first, price], i) => {
    const next = VOLUME_TIERS[i + 1]?.[0] ?? Number.POSITIVE_INFINITY;
    const inTier = Math.max(0, Math.min(pages, next - 1) - first + 1);
    total += inTier * price;
  });
  return total;
}

export function feeText(mode: FeeMode, detail: { nthInMonth?: number; pages?: number }, amount: number): string {
  return mode === 'per_application'
    ? `按件计收：本月第 ${detail.nthInMonth} 件申请，收费 ${amount} 元`
    : `按量计收：共 ${detail.pages} 页，收费 ${amount} 元`;
}
