import { unzipSync } from 'fflate';
import { UnreadableFileError } from './errors.ts';
import { htmlToText } from './html-text.ts';

export const MAX_DOCX_XML_BYTES = 50 * 1024 * 1024;

export { UnreadableFileError };

/**
 * DOCX → text: word/document.xml read for paragraphs and tables (w:tbl/w:tr/w:tc), through the same table
 * text as HTML. The uncompressed size is bounded (a zip bomb is refused, not expanded).
 */
export function docxToText(data: Uint8Array): string {
  let files: Record<string, Uint8Array>;
  try {
    let total = 0;
    files = unzipSync(data, {
      filter: (f) => {
        if (f.name !== 'word/document.xml') return false;
        total += f.originalSize;
        if (f.originalSize > MAX_DOCX_XML_BYTES || total > MAX_DOCX_XML_BYTES) {
          throw new UnreadableFileError(`DOCX 正文过大（解压后超过 ${MAX_DOCX_XML_BYTES / 1024 / 1024} MB），拒绝读取`);
        }
        return true;
      },
    });
  } catch (err) {
    if (err instanceof UnreadableFileError) throw err;
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
