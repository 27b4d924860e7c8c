import { crc32, deflateSync } from 'node:zlib';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';

/** A real PNG of `size`×`size` pixels in one colour (RGB), written by hand: signature, IHDR, IDAT, IEND. */
export function solidPng(size = 8, rgb: [number, number, number] = [200, 30, 30]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour, deflate, no filter, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: size }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A real Word document (written by the `docx` package) as an officer would import it: headings, bold text, a
 * bulleted list, a table and an image.
 */
export async function officeDocx(png: Buffer = solidPng()): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: '关于开展食品安全抽检工作的通知', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [new TextRun('各有关单位：为做好抽检工作，'), new TextRun({ text: '现通知如下', bold: true })],
          }),
          new Paragraph({ text: '一、抽检范围', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: '肉制品', bullet: { level: 0 } }),
          new Paragraph({ text: '乳制品', bullet: { level: 0 } }),
          new Paragraph({ text: '二、抽检安排', heading: HeadingLevel.HEADING_2 }),
          new Table({
            rows: [
              new TableRow({
                children: ['品类', '批次'].map((x) => new TableCell({ children: [new Paragraph(x)] })),
              }),
              new TableRow({
                children: ['肉制品', '12'].map((x) => new TableCell({ children: [new Paragraph(x)] })),
              }),
            ],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new ImageRun({
                type: 'png',
                data: png,
                transformation: { width: 48, height: 48 },
                altText: { name: '抽检流程图', description: '抽检流程图', title: '抽检流程图' },
              }),
            ],
          }),
          new Paragraph('凉州区市场监督管理局'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
