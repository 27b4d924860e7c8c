import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { docxToText, UnreadableFileError } from './docx-text.ts';
import { htmlToText } from './html-text.ts';
import { pdfToText } from './pdf-text.ts';

export const MAX_REPORT_BYTES = 30 * 1024 * 1024;
export const REPORT_EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.docx', '.pdf'];

/** Text from bytes: UTF-8, else GB18030 (common for Chinese government files). */
export function decodeText(data: Uint8Array): string {
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(data);
  if (!utf8.includes('\ufffd')) return utf8;
  return new TextDecoder('gb18030').decode(data);
}

/** Reads a report file of any supported type into text for the parser. */
export async function reportText(file: string): Promise<string> {
  const ext = extname(file).toLowerCase();
  if (!REPORT_EXTENSIONS.includes(ext))
    throw new UnreadableFileError(`不支持的文件类型 ${ext || '（无扩展名）'}，支持：${REPORT_EXTENSIONS.join(' ')}`);
  const size = statSync(file).size;
  if (size > MAX_REPORT_BYTES)
    throw new UnreadableFileError(
      `文件过大（${Math.round(size / 1024 / 1024)} MB），上限 ${MAX_REPORT_BYTES / 1024 / 1024} MB`,
    );
  const data = readFileSync(file);
  return bytesToText(ext, data);
}

export async function bytesToText(ext: string, data: Uint8Array): Promise<string> {
  switch (ext) {
    case '.txt':
    case '.md':
      return decodeText(data);
    case '.html':
    case '.htm':
      return htmlToText(decodeText(data));
    case '.docx':
      return docxToText(data);
    case '.pdf':
      return pdfToText(data);
    default:
      throw new UnreadableFileError(`不支持的文件类型 ${ext}`);
  }
}

export { UnreadableFileError };
