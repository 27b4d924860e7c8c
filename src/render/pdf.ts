import { createRequire } from 'node:module';
import type { DocBlock, DocCell, DocModel } from '../domain/document.ts';
import { dashTop, FACES, type Face, FONT_FILES, lineBox } from './fonts.ts';
import { BODY_SPACING, CHAR_PITCH, OFFICIAL as O, REPORT, signatureIndents } from './page-frame.ts';

const require = createRequire(import.meta.url);
type Node = Record<string, unknown>;
type PdfMake = {
  setFonts(f: unknown): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Buffer> };
};
interface Inline {
  font: { widthOfString(text: string, size: number, features: unknown): number };
  fontSize: number;
  fontFeatures: unknown;
  characterSpacing?: number;
}

let loaded: PdfMake | undefined;
/** pdfmake's server build (CommonJS, a singleton), loaded on the first PDF: a portal process never pays for it. */
function pdfmake(): PdfMake {
  if (loaded) return loaded;
  const p = require('pdfmake') as PdfMake;
  const face = (f: (typeof FONT_FILES)[keyof typeof FONT_FILES]) => ({
    normal: f.regular,
    bold: f.bold,
    italics: f.regular,
    bolditalics: f.bold,
  });
  p.setFonts({ serif: face(FONT_FILES.serif), sans: face(FONT_FILES.sans) });
  p.setUrlAccessPolicy(() => false); // never fetch anything
  const files = new Set(Object.values(FONT_FILES).flatMap((f) => [f.regular, f.bold]));
  p.setLocalAccessPolicy((f) => files.has(f));
  // pdfmake 0.3 adds characterSpacing (n − 1) times to a word of n characters, and breaks CJK text into words of
  // one character, so a spacing never reaches its line breaker (28 characters of the grid would break at 27).
  // PDF adds the spacing after every glyph (ISO 32000-1 9.3.2, Tc): a word is n spacings wider. pdf.test.ts
  // checks the 28 characters a line.
  const inlines = (require('pdfmake/js/TextInlines.js') as { default: { prototype: Node } }).default.prototype;
  inlines.widthOfText = (text: string, inline: Inline) =>
    inline.font.widthOfString(text, inline.fontSize, inline.fontFeatures) +
    (inline.characterSpacing ?? 0) * text.length;
  loaded = p;
  return p;
}

/** How a face is set in pdfmake. */
const font = (face: Face): Node => ({ font: FACES[face].family, bold: FACES[face].bold });
/**
 * The grid. pdfmake sets a line's glyphs at the top of its box (the baseline an ascent down); Word and LibreOffice
 * put the baseline of a line of exact height at 80 % of it, whatever the size. So every box is one line pitch
 * high, the page's content starts `shift()` lower (the body's baseline lands at 80 %), and a line in another size or
 * face moves by the difference of ascents (a negative top margin, given back below it).
 */
const BASELINE = 0.8 * O.linePitch;
const ascent = (face: Face, size: number) => lineBox(face).ascent * size;
/** Read on the first PDF, not when the module loads (a portal process never opens a font). */
const shift = () => BASELINE - ascent('body', O.body);
function onGrid(face: Face, size: number): Node {
  const lift = ascent('body', O.body) - ascent(face, size);
  return { lineHeight: O.linePitch / (lineBox(face).height * size), ...(lift ? { margin: [0, lift, 0, -lift] } : {}) };
}
const chars = (n: number) => n * CHAR_PITCH;

function cell(c: DocCell): Node {
  return {
    text: c.text,
    ...(c.colSpan && c.colSpan > 1 ? { colSpan: c.colSpan } : {}),
    ...(c.rowSpan && c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
    bold: c.bold ?? false,
    alignment: c.align ?? 'center',
  };
}

/** pdfmake wants the cells a span covers as empty placeholders. */
function tableBody(rows: DocCell[][], columns: number) {
  const grid: unknown[][] = rows.map(() => []);
  const occupied: boolean[][] = rows.map(() => new Array(columns).fill(false));
  rows.forEach((row, r) => {
    let c = 0;
    for (const cl of row) {
      while (c < columns && occupied[r]![c]) c++;
      if (c >= columns) break;
      const cs = cl.colSpan ?? 1;
      const rs = cl.rowSpan ?? 1;
      for (let dr = 0; dr < rs; dr++)
        for (let dc = 0; dc < cs; dc++) if (rows[r + dr]) occupied[r + dr]![c + dc] = true;
      grid[r]![c] = cell(cl);
      c += cs;
    }
  });
  return grid.map((row) => Array.from({ length: columns }, (_, i) => row[i] ?? {}));
}

function table(b: Extract<DocBlock, { kind: 'table' }>, usable: number, style: Node): Node {
  const columns = Math.max(...b.table.rows.map((r) => r.reduce((n, c) => n + (c.colSpan ?? 1), 0)));
  const rel = b.table.widths;
  // Each column also takes 8 pt of cell padding.
  const widths = rel ? rel.map((w) => (w / rel.reduce((a, x) => a + x, 0)) * usable - 8) : new Array(columns).fill('*');
  return { table: { headerRows: b.table.headerRows ?? 0, widths, body: tableBody(b.table.rows, columns) }, ...style };
}

/** A blank line of the grid. */
const blank = (): Node => ({ text: '\u00a0' });

/**
 * A block in the official frame: every line one line of the 22-line grid. The title (7.3.1: 2号小标宋体, centred)
 * is followed by one blank line before the 主送 (7.3.2) — under the 文号 when one stands under the title.
 */
function official(b: DocBlock, next: DocBlock | undefined): Node[] {
  switch (b.kind) {
    case 'title': {
      const title = { text: b.text, ...font('title'), fontSize: O.title, characterSpacing: 0, alignment: 'center' };
      return [{ ...title, ...onGrid('title', O.title) }, ...(next?.kind === 'docNumber' ? [] : [blank()])];
    }
    case 'docNumber':
      // 发文字号 of a letter without 版头: flush with the right edge of the 版心, as the 信函格式 places it (10.1).
      return [{ text: b.text, alignment: 'right' }, blank()];
    case 'subtitle':
      return [{ text: b.text, alignment: 'center' }];
    case 'heading':
      // 7.3.3: 一级标题 in 黑体, indented two characters like any paragraph.
      return [{ text: b.text, ...font('heading'), leadingIndent: chars(2), ...onGrid('heading', O.body) }];
    case 'salutation':
      return [{ text: b.text, alignment: 'left' }];
    case 'paragraph':
      return [{ text: b.text, alignment: b.align ?? 'justify', ...(b.indent ? { leadingIndent: chars(2) } : {}) }];
    case 'spacer':
      return [blank()];
    case 'signature': {
      const right = signatureIndents(b.agency, b.date);
      return [
        {
          stack: [
            blank(),
            blank(),
            { text: b.agency, alignment: 'right', margin: [0, 0, right.agency, 0] },
            { text: b.date, alignment: 'right', margin: [0, 0, right.date, 0] },
          ],
          unbreakable: true,
        },
      ];
    }
    case 'table':
      // Off the grid: a table's rows take the height of their cells.
      return [table(b, O.page.width - O.margin.left - O.margin.right, { fontSize: 12, lineHeight: 1.2 }), blank()];
    default: {
      const never: never = b;
      return never;
    }
  }
}

/**
 * The blocks of a letter in order. The 署名 and 成文日期 never stand on a page without body text: where they do not
 * fit under the body they take the paragraph before them onto the next page. (GB/T 9704 7.3.5's 特殊情况说明
 * tightens the spacing instead, a judgement left to whoever edits the DOCX.)
 */
function officialContent(blocks: DocBlock[]): Node[] {
  const out: Node[][] = blocks.map((b, i) => official(b, blocks[i + 1]));
  blocks.forEach((b, i) => {
    if (b.kind !== 'signature' || blocks[i - 1]?.kind !== 'paragraph') return;
    out[i] = [{ stack: [...out[i - 1]!, ...out[i]!], unbreakable: true }];
    out[i - 1] = [];
  });
  return out.flat();
}

/** A block of an annual report (its own, denser layout: the tables are wide). */
function report(b: DocBlock, usable: number): Node {
  switch (b.kind) {
    case 'title':
      return { text: b.text, ...font('title'), fontSize: 18, alignment: 'center', margin: [0, 0, 0, 12] };
    case 'subtitle':
      return { text: b.text, fontSize: 12, alignment: 'center', margin: [0, 0, 0, 12] };
    case 'heading':
      return { text: b.text, ...font('heading'), fontSize: 13, margin: [0, 10, 0, 6] };
    case 'paragraph':
      return {
        text: b.text,
        ...(b.indent ? { leadingIndent: 22 } : {}),
        alignment: b.align ?? 'left',
        margin: [0, 0, 0, 6],
        lineHeight: 1.4,
      };
    case 'spacer':
      return { text: ' ', margin: [0, 8, 0, 8] };
    case 'docNumber':
      return { text: b.text, alignment: 'center', margin: [0, 0, 0, 12] };
    case 'salutation':
      return { text: b.text, margin: [0, 0, 0, 6], lineHeight: 1.4 };
    case 'signature':
      return {
        stack: [b.agency, b.date].map((text) => ({ text, alignment: 'right', lineHeight: 1.4 })),
        margin: [0, 24, 24, 0],
      };
    case 'table':
      return table(b, usable, { fontSize: 8, margin: [0, 4, 0, 10] });
    default: {
      const never: never = b;
      return never;
    }
  }
}

/** Page numbers (GB/T 9704 7.5): "— n —" in 4号, the 一字线 7 mm under the 版心, on the outer edge of the page. */
function pageNumber(margin: { left: number; right: number }, shift = 0) {
  const { size, below, inset } = O.pageNumber;
  // The line's box starts at the top of the bottom margin (`shift` under the 版心's bottom edge); its dash's ink
  // top sits `below` under the 版心.
  const top = below - shift - (lineBox('body').ascent - dashTop('body')) * size;
  return (page: number): Node => ({
    text: `— ${page} —`,
    ...font('body'),
    fontSize: size,
    characterSpacing: 0,
    lineHeight: 1,
    alignment: page % 2 === 1 ? 'right' : 'left',
    margin: [margin.left + inset, top, margin.right + inset, 0],
  });
}

/** Renders a document to a PDF with its fonts embedded (subset). */
export async function renderPdf(doc: DocModel): Promise<Buffer> {
  const p = pdfmake();
  const info = { title: doc.title, creator: 'gongkai' };
  if ((doc.layout ?? 'official') === 'official') {
    const m = O.margin;
    return p
      .createPdf({
        info,
        pageSize: 'A4',
        pageOrientation: 'portrait',
        pageMargins: [m.left, m.top + shift(), m.right, m.bottom - shift()],
        defaultStyle: {
          ...font('body'),
          fontSize: O.body,
          characterSpacing: BODY_SPACING,
          ...onGrid('body', O.body),
        },
        footer: pageNumber(m, shift()),
        content: officialContent(doc.blocks),
      })
      .getBuffer();
  }
  const m = REPORT.margin;
  const usable = (doc.landscape ? 842 : 595) - 2 * m;
  return p
    .createPdf({
      info,
      pageSize: 'A4',
      pageOrientation: doc.landscape ? 'landscape' : 'portrait',
      pageMargins: [m, m, m, m],
      defaultStyle: { ...font('body'), fontSize: 11 },
      footer: pageNumber({ left: m, right: m }),
      content: doc.blocks.map((b) => report(b, usable)),
    })
    .getBuffer();
}
