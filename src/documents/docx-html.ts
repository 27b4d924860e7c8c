import { zipSync } from 'fflate';
import mammoth from 'mammoth';
import { UnreadableFileError } from './errors.ts';
import { safeUnzip, type UnzipLimits, ZipRefusedError } from './safe-unzip.ts';

/**
 * 从Word导入: a .docx as clean HTML for the catalogue's rich-text body (mammoth), its images apart. Runs in the
 * worker pool (workers/jobs.ts), never on the server's event loop.
 */

/** The whole package is expanded (images too) by its real output bytes before mammoth (JSZip) sees a byte of it. */
export const DOCX_IMPORT_LIMITS: UnzipLimits = {
  maxEntries: 5000,
  maxEntryBytes: 50 * 1024 * 1024,
  maxTotalBytes: 100 * 1024 * 1024,
  maxRatio: 200,
};
/** Images taken from one document; the rest are left out with a note. */
export const MAX_DOCX_IMAGES = 50;

export interface DocxImage {
  contentType: string;
  data: Uint8Array;
  alt: string;
}

export interface DocxHtml {
  /** mammoth's HTML, each image replaced by a link `<a href="#gk-image-N">` to be pointed at its attachment. */
  html: string;
  images: DocxImage[];
  /** What could not be carried over, in Chinese. */
  warnings: string[];
}

/** The placeholder link of the image at `n` (0-based) in `DocxHtml.images`. */
export const imageAnchor = (n: number) => `#gk-image-${n}`;

/**
 * Word's headings one level down: the item's title is the page's h1, and the body keeps to h2–h4 (the levels
 * the body's sanitiser, commands/catalogue/item-input.ts, lets through).
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h2:fresh",
  "p[style-name='heading 1'] => h2:fresh",
  "p[style-name='heading 2'] => h3:fresh",
  "p[style-name='heading 3'] => h4:fresh",
  "p[style-name='heading 4'] => h4:fresh",
  "p[style-name='heading 5'] => h4:fresh",
  "p[style-name='heading 6'] => h4:fresh",
  "p[style-name='标题 1'] => h2:fresh",
  "p[style-name='标题 2'] => h3:fresh",
  "p[style-name='标题 3'] => h4:fresh",
];

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const notDocx = (why: string) => new UnreadableFileError(`不是有效的 Word 文档（.docx）：${why}`);

export async function docxToHtmlHere(data: Uint8Array): Promise<DocxHtml> {
  let files: Record<string, Uint8Array>;
  try {
    files = safeUnzip(data, DOCX_IMPORT_LIMITS);
  } catch (err) {
    if (err instanceof ZipRefusedError && err.reason !== 'corrupt') throw new UnreadableFileError(err.message);
    throw notDocx((err as Error).message);
  }
  if (!files['word/document.xml']) throw notDocx('缺少正文（word/document.xml）');
  // mammoth reads the entries as expanded and counted above, stored uncompressed: never the upload's headers.
  const buffer = Buffer.from(zipSync(files, { level: 0 }));
  const images: DocxImage[] = [];
  let skipped = 0;
  let result: { value: string; messages: { type: string; message: string }[] };
  try {
    result = await mammoth.convertToHtml(
      { buffer },
      {
        styleMap: STYLE_MAP,
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async (image) => {
          if (images.length >= MAX_DOCX_IMAGES) {
            skipped++;
            return { src: '' };
          }
          const alt = (image as { altText?: string }).altText ?? '';
          images.push({ contentType: image.contentType, data: new Uint8Array(await image.readAsBuffer()), alt });
          return { src: imageAnchor(images.length - 1) };
        }),
      },
    );
  } catch (err) {
    throw notDocx((err as Error).message);
  }
  // An image becomes a link to its attachment (the body's sanitiser keeps no <img>): 〔图片：说明〕.
  const html = result.value.replace(/<img\b[^>]*>/g, (tag) => {
    const src = /\bsrc="([^"]*)"/.exec(tag)?.[1] ?? '';
    if (!src.startsWith('#gk-image-')) return '';
    const n = Number(src.slice('#gk-image-'.length));
    const alt = images[n]?.alt.trim();
    return `<a href="${src}">〔图片${n + 1}${alt ? `：${escapeHtml(alt)}` : ''}〕</a>`;
  });
  const warnings: string[] = [];
  if (skipped) warnings.push(`文档中的图片超过 ${MAX_DOCX_IMAGES} 张，其余 ${skipped} 张未导入`);
  if (result.messages.some((m) => m.type === 'error')) warnings.push('文档中有部分内容无法识别，已略过');
  return { html, images, warnings };
}
