import { compact } from './normalize.ts';

const seen: (string | undefined)[] = new Array(65_536);
/** `compact` of one UTF-16 unit, remembered by its code (a report has a few hundred distinct characters). */
function compactChar(ch: string): string {
  const code = ch.charCodeAt(0);
  let c = seen[code];
  if (c === undefined) {
    c = compact(ch);
    seen[code] = c;
  }
  return c;
}

/**
 * The text with whitespace and pipes removed, with a map back to positions in the original: labels split
 * across lines or cells (hazard 2) are found in the compact form and cut from the original.
 */
export class Located {
  readonly compact: string;
  private readonly map: number[];
  constructor(readonly text: string) {
    const parts: string[] = [];
    const map: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const ch = compactChar(text[i]!);
      for (let k = 0; k < ch.length; k++) map.push(i);
      if (ch) parts.push(ch);
    }
    this.compact = parts.join('');
    this.map = map;
  }

  /** Position in the original text where the compact match of `label` starts and ends, after `from`. */
  find(label: string, from = 0): { start: number; end: number } | null {
    const key = compact(label);
    const startC = this.compact.indexOf(key, this.toCompact(from));
    if (startC < 0) return null;
    return { start: this.map[startC]!, end: this.map[startC + key.length - 1]! + 1 };
  }

  /** The first of several labels to occur after `from`. */
  findFirst(labels: string[], from = 0) {
    let best: { start: number; end: number; label: string } | null = null;
    for (const l of labels) {
      const f = this.find(l, from);
      if (f && (!best || f.start < best.start)) best = { ...f, label: l };
    }
    return best;
  }

  private toCompact(pos: number): number {
    if (pos <= 0) return 0;
    // First compact index whose original position is ≥ pos.
    let lo = 0;
    let hi = this.map.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.map[mid]! < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
