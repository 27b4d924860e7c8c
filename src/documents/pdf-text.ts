import { UnreadableFileError } from './errors.ts';

interface Item {
  str: string;
  x: number;
  y: number;
  w: number;
}

/**
 * PDF (text layer) → text: items grouped into lines by their baseline, ordered by x; a wide horizontal gap
 * becomes a cell separator so table rows keep their cells. Page by page, in order.
 */
export async function pdfToText(data: Uint8Array, opts: { maxPages?: number } = {}): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(data),
      isEvalSupported: false,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (err) {
    throw new UnreadableFileError(`不是可读取的 PDF 文件：${(err as Error).message}`);
  }
  const pages: string[] = [];
  const n = Math.min(doc.numPages, opts.maxPages ?? 200);
  for (let p = 1; p <= n; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    const items: Item[] = [];
    for (const it of content.items) {
      if (!('str' in it) || !it.str.trim()) continue;
      items.push({ str: it.str, x: it.transform[4], y: it.transform[5], w: it.width });
    }
    items.sort((a, b) => b.y - a.y || a.x - b.x);
    const lines: Item[][] = [];
    for (const it of items) {
      const last = lines[lines.length - 1];
      if (last && Math.abs(last[0]!.y - it.y) < 3) last.push(it);
      else lines.push([it]);
    }
    for (const l of lines) {
      l.sort((a, b) => a.x - b.x);
      let s = '';
      let prevEnd: number | null = null;
      for (const it of l) {
        if (prevEnd !== null) s += it.x - prevEnd > 12 ? ' | ' : it.x - prevEnd > 2 ? ' ' : '';
        s += it.str;
        prevEnd = it.x + it.w;
      }
      pages.push(s);
    }
    page.cleanup();
  }
  await doc.destroy();
  return pages.join('\n');
}
