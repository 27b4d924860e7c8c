import { createRequire } from 'node:module';
import type { DocBlock, DocCell, DocModel } from '../domain/document.ts';
import { CJK_FONT } from './fonts.ts';

const require = createRequire(import.meta.url);
type PdfMake = {
  setFonts(f: unknown): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Buffer> };
};
let loaded: PdfMake | undefined;
/** pdfmake's server build (CommonJS, a singleton), loaded on the first PDF: a portal process never pays for it. */
function pdfmake(): PdfMake {
  if (loaded) return loaded;
  const p = require('pdfmake') as PdfMake;
  p.setFonts({
    NotoSansSC: {
      normal: CJK_FONT.regular,
      bold: CJK_FONT.bold,
      italics: CJK_FONT.regular,
      bolditalics: CJK_FONT.bold,
    },
  });
  p.setUrlAccessPolicy(() => false); // never fetch anything
  p.setLocalAccessPolicy((f) => f === CJK_FONT.regular || f === CJK_FONT.bold);
  loaded = p;
  return p;
}

function cell(c: DocCell) {
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

function block(b: DocBlock) {
  switch (b.kind) {
    case 'title':
      return { text: b.text, fontSize: 18, bold: true, alignment: 'center', margin: [0, 0, 0, 12] };
    case 'subtitle':
      return { text: b.text, fontSize: 12, alignment: 'center', margin: [0, 0, 0, 12] };
    case 'heading':
      return { text: b.text, fontSize: 13, bold: true, margin: [0, 10, 0, 6] };
    case 'paragraph':
      return {
        text: (b.indent ? '\u3000\u3000' : '') + b.text,
        preserveLeadingSpaces: true,
        alignment: b.align ?? 'left',
        margin: [0, 0, 0, 6],
        lineHeight: 1.4,
      };
    case 'spacer':
      return { text: ' ', margin: [0, 8, 0, 8] };
    // Letters (until the GB/T 9704 layout): the number under the title, the addressee flush left, the signature
    // right-aligned with room above it for the seal.
    case 'docNumber':
      return { text: b.text, alignment: 'center', margin: [0, 0, 0, 12] };
    case 'salutation':
      return { text: b.text, alignment: 'left', margin: [0, 0, 0, 6], lineHeight: 1.4 };
    case 'signature':
      return {
        stack: [b.agency, b.date].map((text) => ({ text, alignment: 'right', lineHeight: 1.4 })),
        margin: [0, 36, 24, 0],
      };
    case 'table': {
      const columns = Math.max(...b.table.rows.map((r) => r.reduce((n, c) => n + (c.colSpan ?? 1), 0)));
      const usable = 595 - 112;
      const rel = b.table.widths;
      const widths = rel
        ? rel.map((w) => (w / rel.reduce((a, x) => a + x, 0)) * usable - 8)
        : new Array(columns).fill('*');
      return {
        table: { headerRows: b.table.headerRows ?? 0, widths, body: tableBody(b.table.rows, columns) },
        fontSize: 8,
        margin: [0, 4, 0, 10],
      };
    }
    default: {
      const never: never = b;
      return never;
    }
  }
}

/** Renders a document to a PDF with the CJK font embedded (subset). */
export async function renderPdf(doc: DocModel): Promise<Buffer> {
  return pdfmake()
    .createPdf({
      info: { title: doc.title, creator: 'gongkai' },
      pageSize: 'A4',
      pageOrientation: doc.landscape ? 'landscape' : 'portrait',
      pageMargins: [56, 56, 56, 56],
      defaultStyle: { font: 'NotoSansSC', fontSize: 11 },
      content: doc.blocks.map(block),
    })
    .getBuffer();
}
