/**
 * Section 二 (主动公开): each item found by its label, its values read as printed. A row printed with its digits
 * run together has no check of its own: a unique split is read, several are left open (candidates kept, for
 * the same agency's adjacent years to settle — across.ts), never guessed.
 */
import type { ReportFormat } from '../format.ts';
import type { ReportData } from '../types.ts';
import type { Located } from './locate.ts';
import type { RawRow } from './rows.ts';
import { valueRows } from './rows.ts';
import { splitGroups } from './split.ts';
import { tokenize } from './tokens.ts';

/** A section-二 row whose digits split several ways: the printed digits and every split (as numbers). */
export interface OpenSplit {
  item: string;
  printed: string;
  candidates: number[][];
}

const MAX_OPEN = 200;

export function parseProactive(
  f: ReportFormat,
  text: string,
  loc: Located,
  start: number,
  end: number,
  report: ReportData,
  unresolved: string[],
  notFound: string[],
  open: OpenSplit[],
) {
  // Each label is looked for in the whole section (012 prints the §20(一) rows after the others); a hit inside
  // another item's longer label ("规范性文件" in "行政规范性文件") does not count.
  const hits = f.proactive.map((item) =>
    [item.label, ...(item.aliases ?? [])].flatMap((l) => allHits(loc, l, start, end)),
  );
  const positions = f.proactive.map((_, i) => {
    const others = hits.filter((_, k) => k !== i).flat();
    return (
      hits[i]!.find(
        (h) => !others.some((o) => o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start),
      ) ?? null
    );
  });
  const sorted = positions
    .filter((p): p is { start: number; end: number } => p !== null)
    .sort((a, b) => a.start - b.start);
  let found = 0;
  const missing: string[] = [];
  f.proactive.forEach((item, i) => {
    const hit = positions[i];
    if (!hit) {
      missing.push(`proactive.${item.key}`);
      return;
    }
    const next = sorted.find((p) => p.start > hit.start)?.start ?? end;
    const width = item.columns.length;
    const { rows } = valueRows(tokenize(text.slice(hit.end, next)), width);
    const row = rows[0];
    if (!row) {
      missing.push(`proactive.${item.key}`);
      return;
    }
    found++;
    const split = row.flattened ? splitProactive(row, width) : null;
    if (split && split.candidates.length > 1 && item.columns.every((c) => c.kind === 'int'))
      open.push({ item: item.key, printed: split.printed, candidates: split.candidates });
    const values = row.flattened
      ? split?.candidates.length === 1
        ? split.candidates[0]!.map(String)
        : null
      : row.cells.map((c) => (c.kind === 'num' ? c.s : null));
    item.columns.forEach((col, j) => {
      const key = `proactive.${item.key}.${col.key}`;
      if (values === null) {
        unresolved.push(key);
        return;
      }
      const raw = values[j] ?? null;
      if (raw === null) return; // blank as printed
      const v = cellValue(col.kind, raw);
      if (v === undefined) unresolved.push(key);
      else report.proactive[item.key]![col.key] = v;
    });
  });
  if (found === 0) notFound.push('proactive');
  else notFound.push(...missing);
}

function cellValue(kind: string, raw: string): number | string | undefined {
  const s = raw.replace(/,/g, '');
  switch (kind) {
    case 'text':
      return raw;
    case 'decimal':
      return /^\d+(\.\d+)?$/.test(s) ? Number(s) : undefined;
    case 'signed':
      return /^[+-]?\d+$/.test(s) ? Number(s) : undefined;
    default:
      return /^\d+$/.test(s) ? Number(s) : undefined;
  }
}

/** A flattened section-二 row's splits into `width` numbers; null when the digits are not plain or too many split. */
function splitProactive(row: RawRow, width: number): { printed: string; candidates: number[][] } | null {
  const groups = row.cells.map((c) => (c.kind === 'num' ? c.s : ''));
  if (groups.some((g) => !/^\d+$/.test(g))) return null;
  const splits = splitGroups(groups, width, () => true);
  if (splits === 'too_many' || splits.length === 0 || splits.length > MAX_OPEN) return null;
  return { printed: groups.join(' '), candidates: splits };
}

function allHits(loc: Located, label: string, start: number, end: number) {
  const out: { start: number; end: number }[] = [];
  for (let h = loc.find(label, start); h && h.start < end; h = loc.find(label, h.end)) out.push(h);
  return out;
}
