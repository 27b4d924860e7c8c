import sanitizeHtml from 'sanitize-html';
import { htmlDepthExceeds } from '../../documents/html-depth.ts';
import { AppError, invalid } from '../../domain/errors.ts';
import { workerPool } from '../../workers/pool.ts';

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

/** A body as an import stores it, or why it is refused (for the row's error). */
export type SanitizedBody = { ok: true; html: string; text: string } | { ok: false; message: string };

/** sanitizeBody and htmlText of one body, a refusal as its message. */
export function sanitizeForImport(body: string): SanitizedBody {
  try {
    const html = sanitizeBody(body);
    return { ok: true, html, text: htmlText(html) };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, message: err.message };
    throw err;
  }
}

/** Bodies of about this many characters go to a worker together: a job of a second or so. */
const BATCH_CHARS = 1_000_000;

/**
 * The bodies of a catalogue import, sanitised in the worker pool (workers/pool.ts) in batches, two at a time:
 * at ~0.4 s per million characters, the bodies of a 50 MB import held the event loop for half a minute. A few
 * small bodies stay on this thread.
 */
export async function sanitizeBodies(bodies: string[]): Promise<SanitizedBody[]> {
  if (bodies.reduce((n, b) => n + b.length, 0) <= 64 * 1024) return bodies.map(sanitizeForImport);
  const batches: string[][] = [[]];
  let size = 0;
  for (const b of bodies) {
    if (size + b.length > BATCH_CHARS && batches.at(-1)!.length) {
      batches.push([]);
      size = 0;
    }
    batches.at(-1)!.push(b);
    size += b.length;
  }
  const done: SanitizedBody[][] = [];
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < batches.length; i = next++)
      done[i] = await workerPool().run('sanitize-bodies', batches[i]!, { timeoutMs: 60_000 });
  };
  await Promise.all([lane(), lane()]);
  return done.flat();
}
