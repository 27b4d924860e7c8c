import type * as Docx from 'docx';
import type { DocBlock, DocCell, DocModel } from '../domain/document.ts';

/** docx, loaded on the first document (a portal process never holds it). */
let D: typeof Docx;

const FONT = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' };
const align = () =>
  ({ left: D.AlignmentType.LEFT, right: D.AlignmentType.RIGHT, center: D.AlignmentType.CENTER }) as const;

function para(
  text: string,
  opts: {
    bold?: boolean;
    size?: number;
    alignment?: 'left' | 'right' | 'center';
    indent?: boolean;
    heading?: boolean;
  } = {},
) {
  return new D.Paragraph({
    alignment: opts.alignment ? align()[opts.alignment] : D.AlignmentType.JUSTIFIED,
    ...(opts.heading ? { heading: D.HeadingLevel.HEADING_2 } : {}),
    indent: opts.indent ? { firstLine: 480 } : undefined,
    spacing: { after: 120, line: 360 },
    children: [new D.TextRun({ text, bold: opts.bold, size: opts.size ?? 24, font: FONT })],
  });
}

/** Word's model of merges: horizontal spans via columnSpan, vertical via a restart cell and continue cells. */
function table(rows: DocCell[][], widths?: number[]) {
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
              alignment: align()[cl.align ?? 'center'],
              children: [new D.TextRun({ text: cl.text, bold: cl.bold, size: 18, font: FONT })],
            }),
          ],
        }),
      );
      c += cs;
    }
    return new D.TableRow({ children: cells });
  });
  const usable = 9000; // twips of an A4 page between margins
  const sum = widths?.reduce((a, x) => a + x, 0) ?? 1;
  return new D.Table({
    rows: out,
    width: { size: 100, type: D.WidthType.PERCENTAGE },
    ...(widths ? { columnWidths: widths.map((w) => Math.round((w / sum) * usable)) } : {}),
  });
}

function block(b: DocBlock): (Docx.Paragraph | Docx.Table)[] {
  switch (b.kind) {
    case 'title':
      return [para(b.text, { bold: true, size: 36, alignment: 'center' })];
    case 'subtitle':
      return [para(b.text, { size: 24, alignment: 'center' })];
    case 'heading':
      return [para(b.text, { bold: true, size: 28, heading: true, alignment: 'left' })];
    case 'paragraph':
      return [para(b.text, { indent: b.indent, alignment: b.align })];
    case 'spacer':
      return [new D.Paragraph('')];
    // Letters (until the GB/T 9704 layout): the number under the title, the addressee flush left, the signature
    // right-aligned with a blank line above it for the seal.
    case 'docNumber':
      return [para(b.text, { alignment: 'center' })];
    case 'salutation':
      return [para(b.text, { alignment: 'left' })];
    case 'signature':
      return [new D.Paragraph(''), para(b.agency, { alignment: 'right' }), para(b.date, { alignment: 'right' })];
    case 'table':
      return [table(b.table.rows, b.table.widths), new D.Paragraph('')];
    default: {
      const never: never = b;
      return never;
    }
  }
}

export async function renderDocx(doc: DocModel): Promise<Buffer> {
  D ??= await import('docx');
  const d = new D.Document({
    creator: 'gongkai',
    title: doc.title,
    sections: [
      {
        properties: doc.landscape ? { page: { size: { orientation: D.PageOrientation.LANDSCAPE } } } : {},
        children: doc.blocks.flatMap(block),
      },
    ],
  });
  return D.Packer.toBuffer(d);
}
