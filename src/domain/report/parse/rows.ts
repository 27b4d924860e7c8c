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

/** A line of value cells, with the text label that stands before them. */
interface Line {
  cells: RawCell[];
  /** Cells separated by pipes (blanks kept); else whitespace-separated numbers. */
  piped: boolean;
  label: string;
}

/**
 * The lines of a table region that hold at least one number. A text token starts a new line (values before
 * it on the same line close as a line of their own) and becomes the label of what follows; the label's own
 * cell and the pipes before it are not value cells. Between two pipes, no number means a blank cell; the
 * segments before the first pipe and after the last are edges, never blanks. One pass, no copies.
 */
function numericLinesOf(tokens: Tok[]): Line[] {
  const out: Line[] = [];
  let label = '';
  let cells: RawCell[] = [];
  let pipes = 0;
  let hasNum = false;
  let segHasNum = false;
  const close = () => {
    if (hasNum) out.push({ cells, piped: pipes > 0, label });
    cells = [];
    pipes = 0;
    hasNum = false;
    segHasNum = false;
  };
  for (const t of tokens) {
    switch (t.t) {
      case 'nl':
        close();
        break;
      case 'text':
        close();
        label = t.s;
        break;
      case 'pipe':
        if (pipes > 0 && !segHasNum) cells.push({ kind: 'blank' });
        pipes++;
        segHasNum = false;
        break;
      case 'num':
        cells.push({ kind: 'num', s: t.s });
        hasNum = true;
        segHasNum = true;
        break;
    }
  }
  close();
  return out;
}

function digitCount(cells: RawCell[]): number {
  let n = 0;
  for (const c of cells) {
    if (c.kind !== 'num') continue;
    for (let i = 0; i < c.s.length; i++) {
      const d = c.s.charCodeAt(i);
      if (d >= 48 && d <= 57) n++;
    }
  }
  return n;
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
  const flushBuffer = (reason: string) => {
    if (buffer.length) dropped.push(`${reason}: ${buffer.map((c) => (c.kind === 'num' ? c.s : '空白')).join(' ')}`);
    buffer = [];
  };
  // A label's values on one line, fewer cells than the row has but enough digits: digits run together.
  const numericLines = numericLinesOf(tokens);
  const linesPerLabel = new Map<string, number>();
  for (const l of numericLines) linesPerLabel.set(l.label, (linesPerLabel.get(l.label) ?? 0) + 1);
  let prevLabel: string | null = null;
  for (const { cells, piped, label: lab } of numericLines) {
    const digits = digitCount(cells);
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
