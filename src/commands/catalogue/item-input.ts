import sanitizeHtml from 'sanitize-html';
import { z } from 'zod';
import { htmlDepthExceeds } from '../../documents/html-depth.ts';
import { isISODate } from '../../domain/calendar/index.ts';
import { ARTICLE_ITEMS, GENRES } from '../../domain/catalogue/index.ts';
import { invalid } from '../../domain/errors.ts';

const date = z.string().refine(isISODate, '日期无效（格式 YYYY-MM-DD）');

export const itemInput = z.object({
  title: z.string().trim().min(2, '请填写标题').max(300),
  docNumber: z.string().trim().max(100).optional(),
  writtenDate: date.optional(),
  formedDate: date.optional(),
  topic: z.string().trim().max(50).optional(),
  genre: z.enum(Object.keys(GENRES) as [string, ...string[]], { message: '体裁不正确' }).default('other'),
  articleItem: z
    .enum(Object.keys(ARTICLE_ITEMS) as [string, ...string[]], { message: '所属第二十条、第二十一条事项不正确' })
    .optional(),
  validity: z.enum(['in_force', 'amended', 'repealed'], { message: '有效性不正确' }).default('in_force'),
  validityDate: date.optional(),
  supersedesId: z.uuid().optional(),
  interpretsId: z.uuid().optional(),
  keywords: z.string().trim().max(300).optional(),
  bodyHtml: z.string().max(2_000_000, '正文过长').default(''),
});
export type ItemInput = z.infer<typeof itemInput>;

/** A body's size and nesting, within which sanitising is linear (a 1 MB body of ordinary HTML takes ~0.2 s). */
export const MAX_BODY_CHARS = 2_000_000;
export const MAX_BODY_DEPTH = 200;

/**
 * Rich text as the public may see it: structure and links only; no scripts, styles, handlers or frames; links
 * open with rel="noopener noreferrer". Refused in Chinese (400) past MAX_BODY_CHARS or MAX_BODY_DEPTH levels of
 * nesting, checked first by a scan that stops at the first level too deep: sanitize-html's parser costs
 * depth × size, and 2 MB of nested `<div>` held the server for a minute.
 */
export function sanitizeBody(html: string): string {
  if (html.length > MAX_BODY_CHARS) throw bodyRefused(`正文过长（超过 ${MAX_BODY_CHARS / 10_000} 万字）`);
  if (htmlDepthExceeds(html, MAX_BODY_DEPTH))
    throw bodyRefused(`正文嵌套层级过深（超过 ${MAX_BODY_DEPTH} 层），请简化格式后重试`);
  return sanitizeHtml(html, {
    allowedTags: [
      'p',
      'br',
      'h2',
      'h3',
      'h4',
      'strong',
      'b',
      'em',
      'i',
      'u',
      'ul',
      'ol',
      'li',
      'table',
      'thead',
      'tbody',
      'tr',
      'th',
      'td',
      'a',
      'blockquote',
      'span',
      'div',
    ],
    // rel is set by the transform below (replacing any the author wrote) and must be allowed to stay.
    allowedAttributes: { a: ['href', 'title', 'rel'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan', 'scope'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowProtocolRelative: false,
    transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }) },
  });
}

const bodyRefused = (message: string) => invalid(message, [{ path: 'bodyHtml', message }]);

export function htmlText(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
