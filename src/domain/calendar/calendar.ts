/**
 * The official working-day calendar. A 工作日 is Monday–Friday, minus the State Council's public holidays,
 * plus the weekend days it declares working days (调休上班). Official data is per year; staff enter a year's
 * notice when it is published, and may override single days nationally or for a region (民族自治地方 holidays,
 * local arrangements). A day in a year without official data is counted Monday–Friday and marked provisional.
 */
import { type ISODate, weekday, yearOf } from './dates.ts';
import { OFFICIAL_DAYS } from './official-data.ts';

export type DayKind = 'workday' | 'holiday';

/** A staff-entered day: part of a year's notice (regionCode null), or a regional/admin override. */
export interface CalendarEntry {
  date: ISODate;
  kind: DayKind;
  name: string;
  regionCode: string | null;
  reason?: string;
}

export interface DayInfo {
  date: ISODate;
  work: boolean;
  /** Why: '春节', '调休上班（春节）', '周末', '工作日', or an override's name. */
  name: string;
  source: 'official' | 'entered' | 'region' | 'weekday';
  /** No official data for this year: counted Monday–Friday, to be confirmed. */
  provisional: boolean;
}

export interface Calendar {
  day(date: ISODate): DayInfo;
  isWorkday(date: ISODate): boolean;
  /** Years for which official holiday data exists (built-in or entered). */
  officialYears: ReadonlySet<number>;
}

export interface CalendarSource {
  /** Staff-entered years (a State Council notice entered after this release). */
  enteredYears?: Iterable<number>;
  entries?: readonly CalendarEntry[];
  /** The region path of the agency whose deadlines are computed, e.g. ['620000','620600','620602']. */
  regionPath?: readonly string[];
}

const builtIn = new Map<ISODate, { kind: DayKind; name: string }>();
for (const [y, { holidays, workdays }] of Object.entries(OFFICIAL_DAYS)) {
  for (const h of holidays) builtIn.set(`${y}-${h.slice(0, 5)}`, { kind: 'holiday', name: h.slice(6) });
  for (const w of workdays)
    builtIn.set(`${y}-${w.slice(0, 5)}`, { kind: 'workday', name: `调休上班（${w.slice(6)}）` });
}
export const BUILT_IN_YEARS: ReadonlySet<number> = new Set(Object.keys(OFFICIAL_DAYS).map(Number));

/** Builds the calendar that applies to one region: built-in data, entered notices, then regional overrides. */
export function buildCalendar(src: CalendarSource = {}): Calendar {
  const officialYears = new Set<number>([...BUILT_IN_YEARS, ...(src.enteredYears ?? [])]);
  const path = src.regionPath ?? [];
  const national = new Map<ISODate, CalendarEntry>();
  const regional = new Map<ISODate, { entry: CalendarEntry; depth: number }>();
  for (const e of src.entries ?? []) {
    if (e.regionCode === null) national.set(e.date, e);
    else {
      const depth = path.indexOf(e.regionCode);
      if (depth < 0) continue; // another region's override
      const prev = regional.get(e.date);
      if (!prev || depth > prev.depth) regional.set(e.date, { entry: e, depth }); // the most specific region wins
    }
  }
  const cache = new Map<ISODate, DayInfo>();
  const day = (date: ISODate): DayInfo => {
    let info = cache.get(date);
    if (info) return info;
    const provisional = !officialYears.has(yearOf(date));
    const r = regional.get(date)?.entry;
    const n = national.get(date);
    const b = builtIn.get(date);
    if (r) info = { date, work: r.kind === 'workday', name: r.name, source: 'region', provisional };
    else if (n) info = { date, work: n.kind === 'workday', name: n.name, source: 'entered', provisional };
    else if (b) info = { date, work: b.kind === 'workday', name: b.name, source: 'official', provisional };
    else {
      const wd = weekday(date);
      const weekend = wd === 0 || wd === 6;
      info = { date, work: !weekend, name: weekend ? '周末' : '工作日', source: 'weekday', provisional };
    }
    cache.set(date, info);
    return info;
  };
  return { day, isWorkday: (d) => day(d).work, officialYears };
}
