import type { Tok } from './tokens.ts';

/** One value cell as printed: a number token (maybe digits run together), or a blank table cell. */
export type RawCell = { kind: 'num'; s: string } | { kind: 'blank' };

/** A row of values as found, before it is split and checked. */
export interface RawRow {
  cells: RawCell[];
  /** Digits run together with no cell structure: the row must be split (hazard 4). */
  flattened: boolean;
  /** The values that precede it were separated from the label (or a label before it). */
  label?: string;
}

/** The cells of one line of tokens: pipe-separated cells (blanks kept), or whitespace-separated numbers. */
function lineCells(line: Tok[]): { cells: RawCell[]; piped: boolean } {
  const pipes = line.filter((t) => t.t === 'pipe').length;
  if (pipes === 0)
    return {
      cells: line.filter((t) => t.t === 'num').map((t) => ({ kind: 'num', s: (t as { s: string }).s })),
      piped: false,
    };
  const segments: Tok[][] = [[]];
  for (const t of line) {
    if (t.t === 'pipe') segments.push([]);
    else segments[segments.length - 1]!.push(t);
  }
  const cells: RawCell[] = [];
  segments.forEach((seg, i) => {
    const nums = seg.filter((t) => t.t === 'num') as { t: 'num'; s: string }[];
    const edge = i === 0 || i === segments.length - 1;
    if (nums.length) for (const n of nums) cells.push({ kind: 'num', s: n.s });
    else if (!edge && seg.every((t) => t.t !== 'text')) cells.push({ kind: 'blank' });
  });
  return { cells, piped: true };
}

/**
 * Reads the value rows of a table region in order, ignoring labels: robust to labels split across lines,
 * detached from their numbers or missing. `width` is the number of values a row holds.
 * Returns the rows and the lone fragments dropped as page artefacts.
 */
export function valueRows(tokens: Tok[], width: number): { rows: RawRow[]; dropped: string[]; tail: RawCell[] } {
  const rows: RawRow[] = [];
  const dropped: string[] = [];
  let buffer: RawCell[] = [];
  let label = '';
  let line: Tok[] = [];
  const lines: { toks: Tok[]; label: string }[] = [];
  // Lines, each remembering the text label that stands before its values.
  for (const t of [...tokens, { t: 'nl' } as Tok]) {
    if (t.t === 'nl') {
      lines.push({ toks: line, label });
      line = [];
      continue;
    }
    if (t.t === 'text') {
      // Values so far on this line belong before the text: close them as a line of their own.
      if (line.some((x) => x.t === 'num')) {
        lines.push({ toks: line, label });
        line = [];
      }
      label = t.s;
      line = []; // the label's own cell and the pipes before it are not value cells
      continue;
    }
    line.push(t);
  }
  const flushBuffer = (reason: string) => {
    if (buffer.length) dropped.push(`${reason}: ${buffer.map((c) => (c.kind === 'num' ? c.s : '空白')).join(' ')}`);
    buffer = [];
  };
  // A label's values on one line, fewer cells than the row has but enough digits: digits run together.
  const numericLines = lines
    .map((l) => ({ ...l, ...lineCells(l.toks) }))
    .filter((l) => l.cells.some((c) => c.kind === 'num'));
  const linesPerLabel = new Map<string, number>();
  for (const l of numericLines) linesPerLabel.set(l.label, (linesPerLabel.get(l.label) ?? 0) + 1);
  let prevLabel: string | null = null;
  for (const { cells, piped, label: lab } of numericLines) {
    const digits = cells.reduce((n, c) => n + (c.kind === 'num' ? c.s.replace(/\D/g, '').length : 0), 0);
    const alone = linesPerLabel.get(lab) === 1 || lab !== prevLabel;
    prevLabel = lab;
    if (
      !piped &&
      alone &&
      linesPerLabel.get(lab) === 1 &&
      cells.length < width &&
      digits >= width &&
      buffer.length === 0
    ) {
      rows.push({ cells, flattened: true, label: lab });
      continue;
    }
    if (cells.length >= width) {
      flushBuffer('孤立数字（页面残留）');
      let rest = cells;
      while (rest.length >= width) {
        const row = rest.slice(0, width);
        rest = rest.slice(width);
        rows.push({ cells: row, flattened: false, label: lab });
        if (rest.every((c) => c.kind === 'blank')) rest = [];
      }
      if (rest.length) buffer = rest;
      continue;
    }
    // Short lines: cells accumulate (one cell per line) until a row is full.
    buffer = buffer.concat(cells);
    if (buffer.length >= width) {
      rows.push({ cells: buffer.slice(0, width), flattened: false, label: lab });
      buffer = buffer.slice(width);
    }
  }
  return { rows, dropped, tail: buffer };
}
