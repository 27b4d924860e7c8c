import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { notFound } from '../domain/errors.ts';
import type { DocModel } from '../render/document.ts';
import { renderDocx } from '../render/docx.ts';
import { renderPdf } from '../render/pdf.ts';

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

/**
 * Renders an issued letter to DOCX or PDF, once: the file is kept in the data dir beside the case and served
 * from there afterwards.
 */
export async function letterFile(
  db: Kysely<DB>,
  dataDir: string,
  letterId: string,
  applicationId: string,
  format: LetterFormat,
) {
  const letter = await db
    .selectFrom('letters')
    .selectAll()
    .where('id', '=', letterId)
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
  if (!letter) throw notFound('告知书');
  const dir = join(dataDir, 'letters', applicationId);
  const file = join(dir, `${letter.id}.${format}`);
  const name = `${letter.title}-${letter.issued_date}.${format}`;
  if (existsSync(file)) return { name, data: readFileSync(file) };
  const doc = letterDocument({ title: letter.title, body: letter.body as string[] });
  const data = format === 'pdf' ? await renderPdf(doc) : await renderDocx(doc);
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, data);
  return { name, data };
}
