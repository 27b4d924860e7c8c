/** What a browser shows in its own tab: PDF and HTML. Other files (DOCX, XLSX, text) are always downloads. */
const SHOWN = ['application/pdf', 'text/html'];

/** `?inline=1` or `?inline=true`. */
export const wantsInline = (q: string | undefined): boolean => q === '1' || q === 'true';

/**
 * The Content-Disposition of a file: `inline` (a preview in the browser, the name still offered for saving) when
 * asked for and the browser can show the type, else `attachment` (a download).
 */
export function disposition(name: string, mime: string, inline: boolean): string {
  const how = inline && SHOWN.some((t) => mime.startsWith(t)) ? 'inline' : 'attachment';
  return `${how}; filename*=UTF-8''${encodeURIComponent(name)}`;
}
