/**
 * Text that cannot be stored or shown: lone UTF-16 surrogates (JSON may carry "\ud800") and NUL characters,
 * which PostgreSQL refuses in JSON and text. Inputs are checked at the edge and refused in Chinese.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|\u0000/;

export const MALFORMED_TEXT_MESSAGE = '输入包含无法识别的字符（可能是从其他软件粘贴的特殊符号），请删除后重试';

export function hasMalformedText(v: unknown, depth = 0): boolean {
  if (typeof v === 'string') return LONE_SURROGATE.test(v);
  if (depth > 50 || v === null || typeof v !== 'object') return false;
  // Bytes (an uploaded XLSX or attachment) are not text; walked as an object, each byte became an entry:
  // seconds and hundreds of megabytes per megabyte uploaded, on the event loop.
  if (ArrayBuffer.isView(v)) return false;
  if (Array.isArray(v)) return v.some((x) => hasMalformedText(x, depth + 1));
  return Object.entries(v).some(([k, x]) => LONE_SURROGATE.test(k) || hasMalformedText(x, depth + 1));
}

/** For fuzzers and tests: the string with lone surrogates replaced (as a browser would send it). */
export function wellFormed(s: string): string {
  return s.replace(new RegExp(LONE_SURROGATE.source, 'g'), '\ufffd');
}
