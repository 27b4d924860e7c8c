import { APPLICANT_COLUMNS, type ReportFormat } from '../format.ts';
import type { ReportData } from '../types.ts';
import type { RawRow } from './rows.ts';
import { splitRowSum } from './split.ts';

const COLS = APPLICANT_COLUMNS.map((c) => c.key);
const MAX_COMBINATIONS = 100_000;

type Candidates = (number | null)[][]; // each candidate: 7 values (null = blank)

/**
 * Fills section 三 from its value rows. Rows printed with digits run together get every split that satisfies
 * their row sum (R3); when several remain, the column checks (R1, R2) choose among the combinations. Cells on
 * which the surviving combinations disagree stay null and are listed as unresolved.
 */
/**
 * Section 三 left open by its own checks: each row's candidate values and the combinations (one candidate index
 * per ambiguous row) that satisfy R1–R3. Another year's report can narrow the combinations (R5, across.ts).
 */
export interface OpenApplications {
  cands: Candidates[];
  ambiguous: number[];
  survivors: number[][];
}

export function resolveApplications(
  f: ReportFormat,
  rows: RawRow[],
  report: ReportData,
  unresolved: string[],
): OpenApplications | null {
  let open: OpenApplications | null = null;
  const cands: (Candidates | null)[] = rows.map((row) => {
    if (!row.flattened)
      return [
        row.cells.map((c) =>
          c.kind === 'num' && /^\d+$/.test(c.s.replace(/,/g, '')) ? Number(c.s.replace(/,/g, '')) : null,
        ),
      ];
    const groups = row.cells.map((c) => (c.kind === 'num' ? c.s : ''));
    if (groups.some((g) => !/^\d+$/.test(g))) return null;
    const s = splitRowSum(groups);
    return s === 'too_many' || s.length === 0 ? null : s;
  });
  const keys = f.applicationRows.map((r) => r.key);
  const ambiguous = cands.map((c, i) => (c && c.length > 1 ? i : -1)).filter((i) => i >= 0);
  let chosen: (number | null)[][] | null = null;
  if (ambiguous.length && rows.length === keys.length) {
    let combos = 1;
    for (const i of ambiguous) combos *= cands[i]!.length;
    if (combos <= MAX_COMBINATIONS) {
      const survivors: number[][] = [];
      const pick = new Array(ambiguous.length).fill(0);
      for (let n = 0; n < combos; n++) {
        let rest = n;
        for (let k = 0; k < ambiguous.length; k++) {
          pick[k] = rest % cands[ambiguous[k]!]!.length;
          rest = Math.floor(rest / cands[ambiguous[k]!]!.length);
        }
        const table = cands.map((c, i) => {
          const k = ambiguous.indexOf(i);
          return c ? c[k >= 0 ? pick[k] : 0]! : null;
        });
        if (columnsHold(f, keys, table)) survivors.push([...pick]);
      }
      if (survivors.length > 1 && cands.every((c) => c !== null))
        open = { cands: cands as Candidates[], ambiguous, survivors };
      if (survivors.length >= 1) {
        chosen = cands.map((c, i) => {
          const k = ambiguous.indexOf(i);
          if (!c) return new Array(7).fill(Number.NaN); // undecidable row
          if (k < 0) return c[0]!;
          // Per cell: decided only when every surviving combination agrees.
          return c[survivors[0]![k]!]!.map((v, col) => (survivors.every((s) => c[s[k]!]![col] === v) ? v : Number.NaN));
        });
      }
    }
  }
  rows.forEach((_, i) => {
    const key = keys[i]!;
    const c = cands[i];
    const values = chosen ? chosen[i]! : c ? agree(c) : null;
    COLS.forEach((col, j) => {
      const v = values ? values[j] : Number.NaN;
      if (v === undefined || (typeof v === 'number' && Number.isNaN(v))) {
        unresolved.push(`applications.${key}.${col}`);
        return;
      }
      report.applications[key]![col] = v;
    });
  });
  return open && unresolved.some((k) => k.startsWith('applications.')) ? open : null;
}

/** Per cell of every row: the value all surviving combinations agree on, else NaN. */
export function agreedTable(o: OpenApplications): (number | null)[][] {
  return o.cands.map((c, i) => {
    const k = o.ambiguous.indexOf(i);
    if (k < 0) return c[0]!;
    return c[o.survivors[0]![k]!]!.map((v, col) => (o.survivors.every((s) => c[s[k]!]![col] === v) ? v : Number.NaN));
  });
}

function columnsHold(f: ReportFormat, keys: string[], table: ((number | null)[] | null)[]): boolean {
  const at = (key: string, j: number) => table[keys.indexOf(key)]?.[j];
  const details = f.applicationRows.filter((r) => r.detail).map((r) => r.key);
  for (let j = 0; j < 7; j++) {
    const n = at('new', j);
    const co = at('carried_over', j);
    const t = at('total', j);
    const cf = at('carried_forward', j);
    if (n != null && co != null && t != null && cf != null && n + co !== t + cf) return false;
    const ds = details.map((d) => at(d, j));
    if (t != null && ds.every((d) => d != null) && ds.reduce<number>((s, d) => s + (d as number), 0) !== t)
      return false;
  }
  return true;
}

/** Per cell: the value every candidate agrees on, else NaN (undecidable). */
function agree(c: Candidates): (number | null)[] {
  return c[0]!.map((v, j) => (c.every((x) => x[j] === v) ? v : Number.NaN));
}
