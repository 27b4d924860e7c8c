import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { DocModel } from '../../src/domain/document.ts';

/** Millimetres in PDF points. */
export const mm = (x: number) => (x * 72) / 25.4;

export interface PdfLine {
  /** Baseline, from the top of the page (points). */
  y: number;
  x0: number;
  x1: number;
  text: string;
  size: number;
}
export interface PdfPage {
  width: number;
  height: number;
  lines: PdfLine[];
}

/** A PDF's text as pdf.js reads it: per page, the lines (items on one baseline) with their extent. */
export async function pdfPages(data: Uint8Array): Promise<PdfPage[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(data), useSystemFonts: false, verbosity: 0 }).promise;
  const pages: PdfPage[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const [, , width, height] = page.view as [number, number, number, number];
    const lines: PdfLine[] = [];
    for (const it of (await page.getTextContent()).items) {
      if (!('str' in it) || !it.str.trim()) continue;
      const y = height - it.transform[5];
      const x = it.transform[4];
      const line = lines.find((l) => Math.abs(l.y - y) < 1);
      if (line) {
        if (x < line.x0) line.text = it.str + line.text;
        else line.text += it.str;
        line.x0 = Math.min(line.x0, x);
        line.x1 = Math.max(line.x1, x + it.width);
      } else
        lines.push({ y, x0: x, x1: x + it.width, text: it.str, size: Math.hypot(it.transform[0], it.transform[1]) });
    }
    lines.sort((a, b) => a.y - b.y);
    pages.push({ width, height, lines });
    page.cleanup();
  }
  await doc.destroy();
  return pages;
}

/** The fonts of a PDF as pdffonts lists them: name (without the subset tag) and whether it is embedded. */
export function pdfFonts(file: string): { name: string; embedded: boolean }[] {
  return execFileSync('pdffonts', [file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      return { name: cols[0]!.replace(/^[A-Z]{6}\+/, ''), embedded: cols[cols.length - 5] === 'yes' };
    });
}

/**
 * A DOCX or XLSX converted to PDF by LibreOffice (headless, a profile of its own so tests running at the same
 * time do not share one). Throws when LibreOffice cannot open the file.
 */
export function officeToPdf(data: Uint8Array, ext: 'docx' | 'xlsx'): { file: string; data: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-office-'));
  const input = join(dir, `document.${ext}`);
  writeFileSync(input, data);
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      input,
    ],
    { stdio: 'ignore', timeout: 120_000 },
  );
  const pdf = readdirSync(dir).find((f) => f === `${basename(input, `.${ext}`)}.pdf`);
  if (!pdf) throw new Error(`LibreOffice did not convert ${ext}`);
  const file = join(dir, pdf);
  return { file, data: readFileSync(file) };
}

/**
 * A reply letter with `n` body paragraphs of Chinese characters only (four lines each), a contact line and the
 * signature. Six run onto a second page; with four the contact line is the 21st line of the first page, and the
 * signature's four lines do not fit under it.
 */
export function sampleLetter(n: number): DocModel {
  const body =
    '经审查您申请获取的政府信息属于公开范围根据中华人民共和国政府信息公开条例第三十六条第二项的规定现予以公开';
  return {
    title: '政府信息公开申请答复告知书',
    blocks: [
      { kind: 'title', text: '政府信息公开申请答复告知书' },
      { kind: 'docNumber', text: '凉市监依申〔2026〕12号' },
      { kind: 'salutation', text: '张三：' },
      ...Array.from({ length: n }, () => ({ kind: 'paragraph' as const, text: body.repeat(2), indent: true })),
      { kind: 'paragraph', text: '联系部门：政务公开办公室　联系电话：0935-2212345', indent: true },
      { kind: 'signature', agency: '凉州区市场监督管理局', date: '2026年12月2日' },
    ],
  };
}
export const letter = sampleLetter(6);
