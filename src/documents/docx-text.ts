import { UnreadableFileError } from './errors.ts';
import { htmlToText } from './html-text.ts';
import { safeUnzip, type UnzipLimits, ZipRefusedError } from './safe-unzip.ts';

export const MAX_DOCX_XML_BYTES = 50 * 1024 * 1024;
/** Only word/document.xml is expanded, by its real output bytes (a zip bomb is refused, not expanded). */
export const DOCX_LIMITS: UnzipLimits = {
  maxEntries: 5000,
  maxEntryBytes: MAX_DOCX_XML_BYTES,
  maxTotalBytes: MAX_DOCX_XML_BYTES,
  maxRatio: 200,
};

export { UnreadableFileError };

/**
 * DOCX → text: word/document.xml read for paragraphs and tables (w:tbl/w:tr/w:tc), through the same table
 * text as HTML. The uncompressed size is bounded by safeUnzip's count of real bytes, whatever the headers say.
 */
export function docxToText(data: Uint8Array): string {
  let files: Record<string, Uint8Array>;
  try {
    files = safeUnzip(data, DOCX_LIMITS, (name) => name === 'word/document.xml');
  } catch (err) {
    if (err instanceof ZipRefusedError && err.reason !== 'corrupt')
      throw new UnreadableFileError(`DOCX ${err.message}`);
    throw new UnreadableFileError(`不是有效的 DOCX 文件：${(err as Error).message}`);
  }
  const xml = files['word/document.xml'];
  if (!xml) throw new UnreadableFileError('不是有效的 DOCX 文件：缺少 word/document.xml');
  const s = new TextDecoder('utf-8').decode(xml);
  // Map WordprocessingML onto HTML-like tags for the table reader. A tag ends at the next "<" as well as at ">":
  // `[^>]*` let each "<w:" with no ">" scan to the end of the document (quadratic: 26 s for 320 kB).
  const html = s
    .replace(/<w:tab\/>/g, ' ')
    .replace(/<w:br[^<>]*\/>/g, '<br/>')
    .replace(/<w:tbl>/g, '<table>')
    .replace(/<\/w:tbl>/g, '</table>')
    .replace(/<w:tr[ >][^<>]*>|<w:tr>/g, '<tr>')
    .replace(/<\/w:tr>/g, '</tr>')
    .replace(/<w:tc>|<w:tc [^<>]*>/g, '<td>')
    .replace(/<\/w:tc>/g, '</td>')
    .replace(/<w:p>|<w:p [^<>]*>/g, '<p>')
    .replace(/<\/w:p>/g, '</p>')
    .replace(/<w:t(?: [^<>]*)?>/g, '<span>')
    .replace(/<\/w:t>/g, '</span>')
    .replace(/<w:(?!t\b|p\b|tr\b|tc\b|tbl\b)[^<>]*\/>/g, '')
    .replace(/<\/?w:[^<>]*>/g, '');
  return htmlToText(html);
}
