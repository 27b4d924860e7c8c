/** Calendar dates as 'YYYY-MM-DD' strings; arithmetic in UTC so no time zone can shift a day. */
export type ISODate = string;

const RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar date in 'YYYY-MM-DD' form (2021-02-30 is not). */
export function isISODate(s: unknown): s is ISODate {
  if (typeof s !== 'string') return false;
  const m = RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export function addDays(d: ISODate, n: number): ISODate {
  const t = Date.parse(`${d}T00:00:00Z`) + n * 86400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(d: ISODate): number {
  return new Date(`${d}T00:00:00Z`).getUTCDay();
}

export function yearOf(d: ISODate): number {
  return Number(d.slice(0, 4));
}

export function diffDays(a: ISODate, b: ISODate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400_000);
}

/** The date in China (UTC+8) of an instant: what "today" means for a deadline. */
export function chinaDate(instant: Date): ISODate {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

const WEEKDAY_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
export function weekdayZh(d: ISODate): string {
  return WEEKDAY_ZH[weekday(d)]!;
}

/** 2020-02-25 → 2020年2月25日 */
export function dateZh(d: ISODate): string {
  return `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
}
