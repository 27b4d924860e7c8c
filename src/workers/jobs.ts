import { sanitizeBody, sanitizeForImport } from '../commands/catalogue/item-input.ts';
import { docxToHtmlHere } from '../documents/docx-html.ts';
import { bytesToTextHere } from '../documents/read-report.ts';
import { readXlsxTableHere } from '../documents/spreadsheet.ts';

/**
 * The work a worker thread does: parsing of uploaded and imported files and their rich text, off the server's
 * event loop. Each job
 * takes structured-clonable input and answers structured-clonable output. The pool (pool.ts) imports only the
 * types, so the libraries (ExcelJS, pdf.js …) load in the workers, never in the server thread for this.
 */
export const jobs = {
  /** The first worksheet of an XLSX workbook as rows of cell texts (documents/spreadsheet.ts). */
  'xlsx-table': (data: Uint8Array) => readXlsxTableHere(data),
  /** A published annual report (.html, .docx, .pdf) as text for the report parser (documents/read-report.ts). */
  'report-text': (input: { ext: string; data: Uint8Array }) => bytesToTextHere(input.ext, input.data),
  /** Rich-text bodies of a catalogue import, sanitised (commands/catalogue/item-input.ts). */
  'sanitize-bodies': (bodies: string[]) => bodies.map(sanitizeForImport),
  /** 从Word导入: a .docx as the body's HTML, sanitised as a saved body is, and its images (documents/docx-html.ts). */
  'docx-html': async (data: Uint8Array) => {
    const doc = await docxToHtmlHere(data);
    return { ...doc, html: sanitizeBody(doc.html) };
  },
};

export type JobKind = keyof typeof jobs;
export type JobInput<K extends JobKind> = Parameters<(typeof jobs)[K]>[0];
export type JobOutput<K extends JobKind> = Awaited<ReturnType<(typeof jobs)[K]>>;
