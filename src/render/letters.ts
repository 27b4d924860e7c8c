import type { DocBlock, DocModel } from '../domain/document.ts';
import { renderDocx } from './docx.ts';
import { renderPdf } from './pdf.ts';

export type LetterFormat = 'docx' | 'pdf';

export const LETTER_MIME: Record<LetterFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** A letter as issued: its paragraphs open with the 主送 and close with the 署名 and the 成文日期. */
export interface IssuedLetter {
  title: string;
  body: string[];
  docNumber?: string | null;
}

/**
 * A letter as issued, laid out as the document the applicant receives (GB/T 9704-2012): the title, the 发文字号
 * under it, the 主送 flush left, the body, and the 署名 over the 成文日期. Letters are issued as
 * [主送, …正文, 署名, 成文日期] (src/commands/applications/letters.ts); one issued before that (an agency's own
 * template) is read the same way where it has that shape.
 */
export function letterDocument(letter: IssuedLetter): DocModel {
  const paras = letter.body;
  const opens = paras.length > 0 && paras[0]!.endsWith('：');
  const closes = paras.length >= (opens ? 4 : 3);
  const main = paras.slice(opens ? 1 : 0, closes ? paras.length - 2 : paras.length);
  const blocks: DocBlock[] = [
    { kind: 'title', text: letter.title },
    ...(letter.docNumber ? [{ kind: 'docNumber' as const, text: letter.docNumber }] : []),
    ...(opens ? [{ kind: 'salutation' as const, text: paras[0]! }] : []),
    ...main.map((p) => ({ kind: 'paragraph' as const, text: p.replace(/\n/g, ''), indent: true })),
    ...(closes
      ? [
          {
            kind: 'signature' as const,
            agency: paras.at(-2)!.replace(/\n/g, ''),
            date: paras.at(-1)!.replace(/\n/g, ''),
          },
        ]
      : []),
  ];
  return { title: letter.title, blocks };
}

/** An issued letter rendered to DOCX or PDF, on demand (no copy of it is kept on disk). */
export async function renderLetter(
  letter: { title: string; body: string[]; issued_date: string; doc_number: string | null },
  format: LetterFormat,
): Promise<{ name: string; data: Buffer }> {
  const doc = letterDocument({ title: letter.title, body: letter.body, docNumber: letter.doc_number });
  const data = format === 'pdf' ? await renderPdf(doc) : await renderDocx(doc);
  return { name: `${letter.title}-${letter.issued_date}.${format}`, data };
}
