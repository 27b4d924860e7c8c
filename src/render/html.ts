import type { DocBlock, DocModel } from '../domain/document.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function block(b: DocBlock): string {
  switch (b.kind) {
    case 'title':
      return `<h1>${esc(b.text)}</h1>`;
    case 'subtitle':
      return `<p class="subtitle">${esc(b.text)}</p>`;
    case 'heading':
      return `<h2>${esc(b.text)}</h2>`;
    case 'paragraph':
      return `<p${b.indent ? ' class="indent"' : ''}>${esc(b.text)}</p>`;
    case 'spacer':
      return '';
    case 'docNumber':
      return `<p class="doc-number">${esc(b.text)}</p>`;
    case 'salutation':
      return `<p class="salutation">${esc(b.text)}</p>`;
    case 'signature':
      return `<p class="signature">${esc(b.agency)}<br>${esc(b.date)}</p>`;
    case 'table': {
      const head = b.table.headerRows ?? 0;
      const rows = b.table.rows.map((r, i) => {
        const tag = i < head ? 'th' : 'td';
        return `<tr>${r
          .map((c) => {
            const t = c.bold && tag === 'td' ? 'th' : tag;
            const scope = t === 'th' && i >= head ? ' scope="row"' : '';
            return `<${t}${c.colSpan && c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}${c.rowSpan && c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}${scope}>${esc(c.text)}</${t}>`;
          })
          .join('')}</tr>`;
      });
      // A wide table scrolls sideways on a phone: the region is focusable so a keyboard can scroll it.
      return `<div class="table-wrap" tabindex="0" role="region" aria-label="表格（可左右滚动）"><table class="report">${head ? `<thead>${rows.slice(0, head).join('')}</thead>` : ''}<tbody>${rows.slice(head).join('')}</tbody></table></div>`;
    }
    default: {
      const never: never = b;
      return never;
    }
  }
}

/** The document's body as HTML (the page shell is the caller's). */
export function renderHtmlBody(doc: DocModel, extra: { afterHeading?: Record<string, string> } = {}): string {
  return doc.blocks
    .map((b) => block(b) + (b.kind === 'heading' ? (extra.afterHeading?.[b.text] ?? '') : ''))
    .join('\n');
}
