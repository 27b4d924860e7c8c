/**
 * 申请编号: `GK` + the year received + `-` + a serial. The serial is at least six digits (zero-padded, so every
 * number issued before stays valid) and grows beyond six once a platform passes 999,999 applications:
 * GK2026-999999 is followed by GK2026-1000000. Twelve digits bound the input (a trillion applications).
 */
export const TRACKING_NUMBER_MIN_DIGITS = 6;
export const TRACKING_NUMBER_MAX_DIGITS = 12;

const SERIAL = `\\d{${TRACKING_NUMBER_MIN_DIGITS},${TRACKING_NUMBER_MAX_DIGITS}}`;

/** A whole tracking number (anchored). */
export const TRACKING_NUMBER = new RegExp(`^GK\\d{4}-${SERIAL}$`);

/** Tracking numbers inside a text (a mail's subject and body); a longer run of digits is not one. */
export const trackingNumbersIn = (text: string): string[] =>
  [...text.matchAll(new RegExp(`(?<![A-Za-z0-9])GK\\d{4}-${SERIAL}(?!\\d)`, 'g'))].map((m) => m[0]);

export const isTrackingNumber = (s: string): boolean => TRACKING_NUMBER.test(s);

/** The number for `serial` (1, 2, …) received in `year`. */
export function formatTrackingNumber(year: number, serial: number | bigint | string): string {
  const digits = String(serial);
  if (!/^[1-9]\d*$/.test(digits) || digits.length > TRACKING_NUMBER_MAX_DIGITS)
    throw new RangeError(`tracking serial out of range: ${digits}`);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`tracking year: ${year}`);
  return `GK${year}-${digits.padStart(TRACKING_NUMBER_MIN_DIGITS, '0')}`;
}
