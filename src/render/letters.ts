import type { DocModel } from '../domain/document.ts';
import { renderDocx } from './docx.ts';
import { renderPdf } from './pdf.ts';

export type LetterFormat = 'docx' | 'pdf';

export const LETTER_MIME: Record<LetterFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** A letter as issued, laid out as the document the applicant receives. */
export function letterDocument(letter: { title: string; body: string[] }): DocModel {
  const paras = letter.body;
  // The last two paragraphs are the signature block (agency, date): right-aligned.
  const sigStart = paras.length >= 3 ? paras.length - 2 : paras.length;
  return {
    title: letter.title,
    blocks: [
      { kind: 'title', text: letter.title },
      ...paras.map((p, i) => {
        if (i >= sigStart) return { kind: 'paragraph' as const, text: p.replace(/\n/g, '　'), align: 'right' as const };
        if (i === 0 && p.endsWith('：')) return { kind: 'paragraph' as const, text: p };
        return { kind: 'paragraph' as const, text: p.replace(/\n/g, ''), indent: true };
      }),
    ],
  };
}

/** An issued letter rendered to DOCX or PDF, on demand (no copy of it is kept on disk). */
export async function renderLetter(
  letter: { title: string; body: string[]; issued_date: string },
  format: LetterFormat,
): Promise<{ name: string; data: Buffer }> {
  const doc = letterDocument(letter);
  const data = format === 'pdf' ? await renderPdf(doc) : await renderDocx(doc);
  return { name: `${letter.title}-${letter.issued_date}.${format}`, data };
}
