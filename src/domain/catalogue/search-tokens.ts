/**
 * Chinese full-text search without a Chinese parser in the database: text becomes tokens stored in a `tsvector`
 * ('simple' configuration) with a GIN index — the same on PGlite and PostgreSQL. A query asks for tokens every
 * text containing it must have; the exact substring is confirmed on the (small) candidate set.
 *
 * Token versions (a row's `search_version`; a query uses the newest version only once every row has it):
 * 1. CJK unigrams and bigrams of each run, ASCII words and numbers.
 * 2. Also, on the text as a query meets it (spaces removed, as the substring is matched): CJK bigrams across a
 *    space, ASCII runs, and the pair across a CJK–letter/digit boundary ("第1", "1号"), so a 文号 names its own
 *    few documents instead of every one with 第, 1 and 号 somewhere. A version-2 query never asks for a token a
 *    matching text lacks: every suffix of a number or word is indexed, and a number cut by the query's edge is
 *    asked as a prefix of one. A query of punctuation alone asks for nothing and finds nothing.
 * 3. The same tokens; the row's search text (what the match confirms) is written by the application, folded by
 *    `foldForSearch` (search-query.ts: NFKC, brackets, dots and dashes alike), one field a line. Tokens never hold
 *    punctuation, so folding it changes no token: rows are upgraded for their search text.
 */
export const SEARCH_TOKENS_VERSION = 3;
export type SearchTokensVersion = 1 | 2 | 3;

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const ALNUM = /[a-z0-9]/;
const MAX_SUFFIXES = 32;
const CJK_RUNS = /[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9]+/g;

function runs(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(CJK_RUNS) ?? [];
}

/** Version 1: CJK runs as unigrams and bigrams (a lone character of a query as itself), ASCII runs whole. */
function v1Tokens(text: string, out: Set<string>, query: boolean) {
  for (const r of runs(text)) {
    if (CJK.test(r[0]!)) {
      for (let i = 0; i < r.length; i++) {
        if (!query || r.length === 1) out.add(r[i]!);
        if (i + 1 < r.length) out.add(r.slice(i, i + 2));
      }
    } else out.add(r);
  }
}

/** Index tokens of a version (each version's a superset of the one before). */
export function indexTokens(
  text: string,
  version: SearchTokensVersion = SEARCH_TOKENS_VERSION,
  maxChars = 20000,
): string[] {
  const out = new Set<string>();
  const t = text.slice(0, maxChars);
  v1Tokens(t, out, false);
  if (version === 1) return [...out];
  const s = normalizeForMatch(t);
  // Every suffix of a run of letters or digits (the last MAX_SUFFIXES of a longer one): a query cut inside a
  // number ("015" of "2015") is a prefix of one of them.
  for (const r of s.match(/[a-z0-9]+/g) ?? []) {
    out.add(r);
    for (let i = Math.max(1, r.length - MAX_SUFFIXES); i < r.length; i++) out.add(r.slice(i));
  }
  for (let i = 0; i + 1 < s.length; i++) {
    const a = s[i]!;
    const b = s[i + 1]!;
    if ((CJK.test(a) && (CJK.test(b) || ALNUM.test(b))) || (ALNUM.test(a) && CJK.test(b))) out.add(a + b);
  }
  return [...out];
}

/**
 * Query tokens of a version. A token `x:*` is a prefix. Version 2 asks only for what every text containing the
 * query has: a run of letters or digits bounded in the query as itself, one cut by the query's edge as a prefix
 * of a suffix (from three characters, or when the query has nothing else: a short prefix reads the postings of
 * every number it begins).
 */
export function queryTokens(q: string, version: SearchTokensVersion = SEARCH_TOKENS_VERSION): string[] {
  const out = new Set<string>();
  if (version === 1) {
    v1Tokens(q, out, true);
    return [...out].slice(0, 32);
  }
  const s = normalizeForMatch(q);
  for (let i = 0; i < s.length; i++) {
    const a = s[i]!;
    const b = s[i + 1] ?? '';
    const prev = s[i - 1] ?? '';
    if (CJK.test(a)) {
      if (CJK.test(b) || ALNUM.test(b)) out.add(a + b);
      else if (!CJK.test(prev) && !ALNUM.test(prev)) out.add(a); // alone between punctuation: itself
    } else if (ALNUM.test(a) && CJK.test(b)) out.add(a + b);
  }
  let short = '';
  for (const m of s.matchAll(/[a-z0-9]+/g)) {
    const cut = m.index === 0 || m.index + m[0].length === s.length;
    if (!cut) out.add(m[0]);
    else if (m[0].length >= 3) out.add(`${m[0].slice(0, MAX_SUFFIXES)}:*`);
    else short = `${m[0]}:*`;
  }
  if (out.size === 0 && short) out.add(short);
  return [...out].slice(0, 32);
}

/** The tsquery of query tokens (all of them). */
export function tsqueryOf(tokens: string[]): string {
  return tokens.map((t) => (t.endsWith(':*') ? `'${t.slice(0, -2)}':*` : `'${t}'`)).join(' & ');
}

/** The text a query must occur in, compared after the same normalisation. */
export function normalizeForMatch(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}
