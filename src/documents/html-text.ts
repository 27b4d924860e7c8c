import { Parser } from 'htmlparser2';
import { UnreadableFileError } from './errors.ts';

const BLOCK = new Set([
  'p',
  'div',
  'br',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'article',
  'header',
  'footer',
  'title',
  'table',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head']);
/**
 * Deeper nesting is refused: htmlparser2 moves its whole open-element stack on every tag, so reading costs
 * depth × size; bounded here, it stays linear (a real report page nests a few dozen levels).
 */
export const MAX_HTML_DEPTH = 500;

/**
 * HTML → text for the report reader: paragraphs on their own lines, each table row as `| cell | cell |`.
 * Cells spanned by rowspan are simply absent from later rows (the reader goes by order), an empty cell stays
 * an empty cell (a blank is not a zero; &nbsp; is blank), an empty cell spanning n columns is n blanks, and
 * paragraphs inside a cell are separated by a space (<p>12</p><p>3</p> is not 123). Markup nested deeper than MAX_HTML_DEPTH is refused at the first
 * element past it (UnreadableFileError), never recursed.
 */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let line = '';
  let cell: string | null = null;
  let row: string[] | null = null;
  let skip = 0;
  let depth = 0;
  let span = 1;
  const endLine = () => {
    if (line.trim()) out.push(line.trim());
    line = '';
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (++depth > MAX_HTML_DEPTH)
          throw new UnreadableFileError(`HTML 嵌套层级过深（超过 ${MAX_HTML_DEPTH} 层），拒绝读取，请简化格式后重试`);
        if (SKIP.has(name)) skip++;
        if (skip) return;
        if (name === 'tr') {
          endLine();
          row = [];
        } else if ((name === 'td' || name === 'th') && row) {
          cell = '';
          span = Math.min(Math.max(Number.parseInt(attrs.colspan ?? '1', 10) || 1, 1), 50);
        } else if ((name === 'br' || BLOCK.has(name)) && cell !== null) cell += ' ';
        else if (BLOCK.has(name) && cell === null) endLine();
      },
      ontext(text) {
        if (skip) return;
        const t = text.replace(/\s+/g, ' ');
        if (cell !== null) cell += t;
        else line += t;
      },
      onclosetag(name) {
        depth--;
        if (SKIP.has(name)) {
          skip = Math.max(0, skip - 1);
          return;
        }
        if (skip) return;
        if ((name === 'td' || name === 'th') && row && cell !== null) {
          row.push(cell.trim());
          // A blank merged over several columns is that many blank cells; a spanned label is one cell.
          if (!cell.trim()) for (let i = 1; i < span; i++) row.push('');
          cell = null;
        } else if (name === 'tr' && row) {
          out.push(`| ${row.join(' | ')} |`);
          row = null;
        } else if (BLOCK.has(name) && cell === null) endLine();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  endLine();
  return out.join('\n');
}
