import { Parser } from 'htmlparser2';

class TooDeep extends Error {}

/**
 * Whether the elements of `html` nest deeper than `max`, as htmlparser2 (the parser of sanitize-html and of the
 * report reader) sees them: its open-element stack, implied closes (`<p>`, `<li>`, `<td>` …) included. The scan
 * stops at the first element past `max`, so it is linear however deep the markup goes: htmlparser2 moves the
 * whole stack on every open tag, which is quadratic in the depth — 2 MB of nested `<div>` took a minute.
 * `decodeEntities` as sanitize-html sets it (the tokenizer's states depend on it).
 */
export function htmlDepthExceeds(html: string, max: number): boolean {
  let depth = 0;
  const parser = new Parser(
    {
      onopentag() {
        if (++depth > max) throw new TooDeep();
      },
      onclosetag() {
        depth--;
      },
    },
    { decodeEntities: true },
  );
  try {
    parser.write(html);
    parser.end();
    return false;
  } catch (err) {
    if (err instanceof TooDeep) return true;
    throw err;
  }
}
