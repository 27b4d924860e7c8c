/**
 * Chinese full-text search without a Chinese parser in the database: text becomes CJK bigrams and unigrams
 * plus ASCII words and numbers, stored in a `tsvector` ('simple' configuration) with a GIN index — the same on
 * PGlite and PostgreSQL. A query of two or more characters matches by its bigrams; the exact substring is
 * confirmed on the (small) candidate set.
 */
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

function runs(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9]+/g) ?? []
  );
}

/** Index tokens: every CJK unigram and bigram, every ASCII word or number. */
export function indexTokens(text: string, maxChars = 20000): string[] {
  const out = new Set<string>();
  for (const r of runs(text.slice(0, maxChars))) {
    if (CJK.test(r[0]!)) {
      for (let i = 0; i < r.length; i++) {
        out.add(r[i]!);
        if (i + 1 < r.length) out.add(r.slice(i, i + 2));
      }
    } else out.add(r);
  }
  return [...out];
}

/** Query tokens: bigrams of each CJK run (a lone character as itself), ASCII words and numbers. */
export function queryTokens(q: string): string[] {
  const out = new Set<string>();
  for (const r of runs(q)) {
    if (CJK.test(r[0]!)) {
      if (r.length === 1) out.add(r);
      for (let i = 0; i + 1 < r.length; i++) out.add(r.slice(i, i + 2));
    } else out.add(r);
  }
  return [...out].slice(0, 32);
}

/** The text a query must occur in, compared after the same normalisation. */
export function normalizeForMatch(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** A short excerpt around the first match, with the matches marked (the caller escapes HTML). */
export function snippet(text: string, q: string, width = 60): { before: string; match: string; after: string } | null {
  const nq = q.normalize('NFKC').trim();
  if (!nq) return null;
  const i = text.normalize('NFKC').toLowerCase().indexOf(nq.toLowerCase());
  if (i < 0) return null;
  const start = Math.max(0, i - width / 2);
  return {
    before: (start > 0 ? '…' : '') + text.slice(start, i),
    match: text.slice(i, i + nq.length),
    after: text.slice(i + nq.length, i + nq.length + width) + (i + nq.length + width < text.length ? '…' : ''),
  };
}
