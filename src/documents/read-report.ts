import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { AppError } from '../domain/errors.ts';
import { transferable, workerPool } from '../workers/pool.ts';
import { docxToText } from './docx-text.ts';
import { UnreadableFileError } from './errors.ts';
import { htmlToText } from './html-text.ts';
import { pdfToText } from './pdf-text.ts';

export const MAX_REPORT_BYTES = 30 * 1024 * 1024;
export const REPORT_EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.docx', '.pdf'];
export const REPORT_TIMEOUT_MS = 60_000;

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

/** The formats that need a parser (and its time and memory): read in a worker. */
const PARSED = new Set(['.html', '.htm', '.docx', '.pdf']);

/**
 * A report file's bytes as text. Plain text is decoded here (the fast path of `report check` over thousands of
 * files); HTML, DOCX and PDF are parsed in a worker thread (workers/pool.ts) under its time and memory limits,
 * which a hostile file meets as an UnreadableFileError in Chinese.
 */
export async function bytesToText(ext: string, data: Uint8Array): Promise<string> {
  if (!PARSED.has(ext)) return bytesToTextHere(ext, data);
  const { bytes, transfer } = transferable(data);
  try {
    return await workerPool().run('report-text', { ext, data: bytes }, { timeoutMs: REPORT_TIMEOUT_MS, transfer });
  } catch (err) {
    throw err instanceof AppError ? new UnreadableFileError(err.message) : err;
  }
}

/** bytesToText in this thread (the worker's job). */
export async function bytesToTextHere(ext: string, data: Uint8Array): Promise<string> {
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
