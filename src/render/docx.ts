import type * as Docx from 'docx';
import type { DocBlock, DocCell, DocModel } from '../domain/document.ts';
import { fontTable, officialStyles } from './docx-parts.ts';
import { dashTop, FACES, type Face, lineBox } from './fonts.ts';
import { BODY_SPACING, CHAR_PITCH, OFFICIAL as O, signatureIndents, twips } from './page-frame.ts';

/** docx, loaded on the first document (a portal process never holds it). */
let D: typeof Docx;

type Align = 'left' | 'right' | 'center' | 'justify';
const align = (a: Align) =>
  ({
    left: D.AlignmentType.LEFT,
    right: D.AlignmentType.RIGHT,
    center: D.AlignmentType.CENTER,
    justify: D.AlignmentType.JUSTIFIED,
  })[a];
const fontOf = (face: Face) => {
  const name = FACES[face].name;
  return { ascii: name, eastAsia: name, hAnsi: name, cs: name };
};
const run = (text: string, face: Face, halfPoints: number, spacing = 0) =>
  new D.TextRun({
    text,
    font: fontOf(face),
    bold: FACES[face].bold,
    size: halfPoints,
    color: '000000',
    ...(spacing ? { characterSpacing: twips(spacing) } : {}),
  });

function officialPara(
  text: string,
  opts: { face?: Face; size?: number; align?: Align; indent?: { firstLine?: number; right?: number }; keep?: boolean },
) {
  const face = opts.face ?? 'body';
  return new D.Paragraph({
    alignment: align(opts.align ?? 'justify'),
    ...(opts.indent ? { indent: opts.indent } : {}),
    ...(opts.keep ? { keepNext: true, keepLines: true } : {}),
    children: text ? [run(text, face, (opts.size ?? O.body) * 2, face === 'title' ? 0 : BODY_SPACING)] : [],
  });
}
const blankLine = (keep = false) => officialPara('', { keep });

/** Word's model of merges: horizontal spans via columnSpan, vertical via a restart cell and continue cells. */
function table(rows: DocCell[][], widths: number[] | undefined, usable: number, halfPoints: number) {
  const columns = Math.max(...rows.map((r) => r.reduce((n, c) => n + (c.colSpan ?? 1), 0)));
  const continued: ({ colSpan: number } | null)[][] = rows.map(() => new Array(columns).fill(null));
  const out: Docx.TableRow[] = rows.map((row, r) => {
    const cells: Docx.TableCell[] = [];
    let c = 0;
    let i = 0;
    while (c < columns) {
      const cont = continued[r]![c];
      if (cont) {
        cells.push(
          new D.TableCell({
            columnSpan: cont.colSpan,
            verticalMerge: D.VerticalMergeType.CONTINUE,
            children: [new D.Paragraph('')],
          }),
        );
        c += cont.colSpan;
        continue;
      }
      const cl = row[i++];
      if (!cl) {
        cells.push(new D.TableCell({ children: [new D.Paragraph('')] }));
        c++;
        continue;
      }
      const cs = cl.colSpan ?? 1;
      const rs = cl.rowSpan ?? 1;
      for (let dr = 1; dr < rs; dr++) if (continued[r + dr]) continued[r + dr]![c] = { colSpan: cs };
      cells.push(
        new D.TableCell({
          columnSpan: cs > 1 ? cs : undefined,
          verticalMerge: rs > 1 ? D.VerticalMergeType.RESTART : undefined,
          verticalAlign: D.VerticalAlign.CENTER,
          children: [
            new D.Paragraph({
              alignment: align(cl.align ?? 'center'),
              spacing: { before: 0, after: 0, line: 240, lineRule: D.LineRuleType.AUTO },
              children: [new D.TextRun({ text: cl.text, bold: cl.bold, size: halfPoints, font: fontOf('body') })],
            }),
          ],
        }),
      );
      c += cs;
    }
    return new D.TableRow({ children: cells });
  });
  const sum = widths?.reduce((a, x) => a + x, 0) ?? 1;
  return new D.Table({
    rows: out,
    width: { size: 100, type: D.WidthType.PERCENTAGE },
    // 2 pt either side (Word's default is 5.4 pt): a 7 % column of the report still holds four digits.
    margins: { left: 40, right: 40 },
    ...(widths ? { columnWidths: widths.map((w) => Math.round((w / sum) * usable)) } : {}),
  });
}

/** A block in the official frame (as pdf.ts lays it out: the same lines, indents and blank lines). */
function official(b: DocBlock, next: DocBlock | undefined): (Docx.Paragraph | Docx.Table)[] {
  const twoChars = twips(2 * CHAR_PITCH);
  switch (b.kind) {
    case 'title': {
      const title = officialPara(b.text, { face: 'title', size: O.title, align: 'center' });
      return next?.kind === 'docNumber' ? [title] : [title, blankLine()];
    }
    case 'docNumber':
      return [officialPara(b.text, { align: 'right' }), blankLine()];
    case 'subtitle':
      return [officialPara(b.text, { align: 'center' })];
    case 'heading':
      return [officialPara(b.text, { face: 'heading', align: 'left', indent: { firstLine: twoChars }, keep: true })];
    case 'salutation':
      return [officialPara(b.text, { align: 'left' })];
    case 'paragraph': {
      // The paragraph before the 署名 goes with it to the next page (as pdf.ts keeps them together).
      const keep = next?.kind === 'signature';
      return [officialPara(b.text, { align: b.align, keep, ...(b.indent ? { indent: { firstLine: twoChars } } : {}) })];
    }
    case 'spacer':
      return [blankLine()];
    case 'signature': {
      const right = signatureIndents(b.agency, b.date);
      return [
        blankLine(true),
        blankLine(true),
        officialPara(b.agency, { align: 'right', indent: { right: twips(right.agency) }, keep: true }),
        officialPara(b.date, { align: 'right', indent: { right: twips(right.date) } }),
      ];
    }
    case 'table': {
      const usable = twips(O.page.width - O.margin.left - O.margin.right);
      return [table(b.table.rows, b.table.widths, usable, 24), blankLine()];
    }
    default: {
      const never: never = b;
      return never;
    }
  }
}

function reportPara(
  text: string,
  opts: { face?: Face; size?: number; alignment?: Align; indent?: boolean; heading?: boolean } = {},
) {
  return new D.Paragraph({
    alignment: align(opts.alignment ?? 'justify'),
    ...(opts.heading ? { heading: D.HeadingLevel.HEADING_2 } : {}),
    indent: opts.indent ? { firstLine: 480 } : undefined,
    spacing: { after: 120, line: 360 },
    children: [run(text, opts.face ?? 'body', opts.size ?? 24)],
  });
}

/** A block of an annual report (its own layout, as before: Word's default page, tables of 9 pt). */
function report(b: DocBlock, usable: number): (Docx.Paragraph | Docx.Table)[] {
  switch (b.kind) {
    case 'title':
      return [reportPara(b.text, { face: 'title', size: 36, alignment: 'center' })];
    case 'subtitle':
      return [reportPara(b.text, { alignment: 'center' })];
    case 'heading':
      return [reportPara(b.text, { face: 'heading', size: 28, heading: true, alignment: 'left' })];
    case 'paragraph':
      return [reportPara(b.text, { indent: b.indent, alignment: b.align })];
    case 'spacer':
      return [new D.Paragraph('')];
    case 'docNumber':
      return [reportPara(b.text, { alignment: 'center' })];
    case 'salutation':
      return [reportPara(b.text, { alignment: 'left' })];
    case 'signature':
      return [
        new D.Paragraph(''),
        reportPara(b.agency, { alignment: 'right' }),
        reportPara(b.date, { alignment: 'right' }),
      ];
    case 'table':
      return [table(b.table.rows, b.table.widths, usable, 18), new D.Paragraph('')];
    default: {
      const never: never = b;
      return never;
    }
  }
}

/** Page numbers (GB/T 9704 7.5): "— n —" in 4号 on the outer edge, odd pages right and even pages left. */
function pageNumbers() {
  const { size, inset } = O.pageNumber;
  const footer = (side: 'left' | 'right') =>
    new D.Footer({
      children: [
        new D.Paragraph({
          alignment: align(side),
          indent: { [side]: twips(inset) },
          spacing: { before: 0, after: 0, line: 240, lineRule: D.LineRuleType.AUTO },
          children: [
            new D.TextRun({ children: ['— ', D.PageNumber.CURRENT, ' —'], font: fontOf('body'), size: size * 2 }),
          ],
        }),
      ],
    });
  return { default: footer('right'), even: footer('left') };
}

/**
 * Where Word puts the footer: its distance is to the bottom of the footer's line, so the 一字线 of the page number
 * (the ink top of "—", above the baseline; the baseline a descent above the line's bottom) lands 7 mm under the 版心.
 */
function footerDistance(): number {
  const { size, below } = O.pageNumber;
  const box = lineBox('body');
  const dashAboveBottom = (dashTop('body') + (box.height - box.ascent)) * size;
  return twips(O.margin.bottom - below - dashAboveBottom);
}

export async function renderDocx(doc: DocModel): Promise<Buffer> {
  D ??= await import('docx');
  const overrides = [{ path: 'word/fontTable.xml', data: fontTable() }];
  if ((doc.layout ?? 'official') === 'official') {
    const m = O.margin;
    const d = new D.Document({
      creator: 'gongkai',
      title: doc.title,
      evenAndOddHeaderAndFooters: true,
      sections: [
        {
          // 5.2.2's grid without a w:docGrid: Normal's exact line pitch (docx-parts.ts) gives the 22 lines and the
          // runs' spacing the 28 characters. LibreOffice lays a character grid out otherwise (a character wider
          // than the grid's pitch takes two cells) and gives a line grid one line less a page.
          properties: {
            page: {
              size: { width: twips(O.page.width), height: twips(O.page.height) },
              margin: {
                top: twips(m.top),
                left: twips(m.left),
                right: twips(m.right),
                bottom: twips(m.bottom),
                header: twips(m.top / 2),
                footer: footerDistance(),
                gutter: 0,
              },
            },
          },
          footers: pageNumbers(),
          children: doc.blocks.flatMap((b, i) => official(b, doc.blocks[i + 1])),
        },
      ],
    });
    return D.Packer.toBuffer(d, false, [...overrides, { path: 'word/styles.xml', data: officialStyles() }]);
  }
  const landscape = doc.landscape ?? false;
  // Word's default A4 page with 1-inch margins; the tables use the width between them.
  const usable = (landscape ? 16838 : 11906) - 2 * 1440;
  const d = new D.Document({
    creator: 'gongkai',
    title: doc.title,
    styles: { default: { document: { run: { font: fontOf('body') } } } },
    sections: [
      {
        properties: landscape ? { page: { size: { orientation: D.PageOrientation.LANDSCAPE } } } : {},
        children: doc.blocks.flatMap((b) => report(b, usable)),
      },
    ],
  });
  return D.Packer.toBuffer(d, false, overrides);
}
