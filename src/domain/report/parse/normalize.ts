/**
 * Text normalisation for reading published reports: full-width forms folded (NFKC), page noise and page
 * footers removed, Markdown table rules removed. Hazards 1, 5 and 8 of annual-report.md.
 */
export function normalizeText(raw: string): string {
  let s = raw
    .normalize('NFKC')
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0|\u3000/g, ' ');
  // Zero-width and control characters.
  s = s.replace(/[\u200b-\u200f\ufeff]/g, '');
  // Markdown table separator rows: |---|---|
  s = s.replace(/^\s*\|?(\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$/gm, '');
  // Page footers: — 4 —, - 4 -, 第 4 页 共 10 页, 4/10 on a line of its own.
  s = s.replace(/[—–－][ \t]*\d{1,3}[ \t]*[—–－]/g, ' ');
  s = s.replace(/^[ \t]*-[ \t]*\d{1,3}[ \t]*-[ \t]*$/gm, '');
  s = s.replace(/第\s*\d{1,3}\s*页(\s*[,，]?\s*共\s*\d{1,3}\s*页)?/g, ' ');
  s = s.replace(/^[ \t]*\d{1,3}[ \t]*\/[ \t]*\d{1,3}[ \t]*$/gm, '');
  return s;
}

/** For matching labels: no whitespace, no table pipes, one form of brackets and quotes. */
export function compact(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s|]/g, '')
    .replace(/[“”"「」『』]/g, '"')
    .replace(/、/g, '.')
    .replace(/[．。]/g, '.');
}
