/** Tokens of a table region: text runs, numbers, cell separators and line breaks. */
export type Tok = { t: 'text'; s: string } | { t: 'num'; s: string } | { t: 'pipe' } | { t: 'nl' };

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isSpace = (c: string | undefined) => c === ' ' || c === '\t';

/**
 * Splits a region into tokens. Row numbering such as "1." or "2、" before a label is text, not a value;
 * thousands separators (2,293) and decimals (252.3) stay inside one number; a unit (元, 万元) stays with it.
 */
export function tokenize(s: string): Tok[] {
  const out: Tok[] = [];
  let text = '';
  const flush = () => {
    if (text.trim()) out.push({ t: 'text', s: text.trim() });
    text = '';
  };
  for (let i = 0; i < s.length; ) {
    const c = s[i]!;
    if (c === '|') {
      flush();
      out.push({ t: 'pipe' });
      i++;
      continue;
    }
    if (c === '\n') {
      flush();
      out.push({ t: 'nl' });
      i++;
      continue;
    }
    // A sign starts a number unless it joins letters ("A-1"); in flattened rows it follows the previous value.
    const signed = (c === '-' || c === '+') && isDigit(s[i + 1]) && !/[\p{L}]/u.test(s[i - 1] ?? '');
    if (isDigit(c) || signed) {
      let j = i + (signed ? 1 : 0);
      while (isDigit(s[j])) j++;
      // Row numbering: "1." / "1、" followed by a label character.
      if (
        !signed &&
        (s[j] === '.' || s[j] === '、') &&
        s[j + 1] !== undefined &&
        !isDigit(s[j + 1]) &&
        !isSpace(s[j + 1]) &&
        s[j + 1] !== '|' &&
        s[j + 1] !== '\n'
      ) {
        // Numbering is one digit; digits before it are the previous row's values run into it ("00000002.其他").
        if (j - i > 1) {
          flush();
          out.push({ t: 'num', s: s.slice(i, j - 1) });
        }
        text += s.slice(j - 1, j + 1);
        i = j + 1;
        continue;
      }
      // Thousands separators and a decimal part.
      while (
        (s[j] === ',' && isDigit(s[j + 1]) && isDigit(s[j + 2]) && isDigit(s[j + 3]) && !isDigit(s[j + 4])) ||
        (s[j] === '.' && isDigit(s[j + 1]))
      ) {
        j++;
        while (isDigit(s[j])) j++;
      }
      // The unit, also when a PDF's text layer sets it apart from its number ("2 元": separate text items).
      let k = j;
      while (s[k] === ' ' || s[k] === '\t' || s[k] === '\u3000') k++;
      let unit = '';
      const rest = s.slice(k, k + 2);
      if (rest === '万元') unit = '万元';
      else if (rest[0] === '元') unit = '元';
      flush();
      out.push({ t: 'num', s: s.slice(i, j) + unit });
      i = unit ? k + unit.length : j;
      continue;
    }
    if (isSpace(c)) {
      // A space ends a number run but belongs to text.
      if (text) text += c;
      i++;
      continue;
    }
    text += c;
    i++;
  }
  flush();
  return out;
}
