import { normalizeForMatch, queryTokens, type SearchTokensVersion } from './search-tokens.ts';

/**
 * What a visitor types, read as people expect a search box to read it (issue #20): terms split on whitespace and
 * punctuation, every term required in any order, `"…"` (or “…”) for an exact phrase. Brackets, middle dots and
 * dashes are folded alike in the text and in the query — （）() 〔〕 [] 【】 ﹝﹞ ［］ ⟨⟩ are one pair, · ・ • one dot,
 * ー — – － one dash — so a title pasted with its 文号, or a 文号 typed with any brackets, finds its item. They stay
 * inside a term (a 文号 is one term); any other punctuation separates terms.
 *
 * The truth the tests and the bench compare with: every term is a substring of the folded title, 文号, keywords or
 * body (`foldForSearch` of each, never across two of them).
 */

/** Each group's characters (after NFKC) and the one they fold to; the database's fallback folds with the same. */
export const FOLDED_PUNCTUATION: readonly (readonly [string, string])[] = [
  ['([{〔【〖〘〚⟨〈⦅｟', '('],
  [')]}〕】〗〙〛⟩〉⦆｠', ')'],
  ['·・•‧∙⋅', '·'],
  ['ー—–‐‑‒―−─', '-'],
];
const FOLD = new Map(FOLDED_PUNCTUATION.flatMap(([from, to]) => [...from].map((c) => [c, to] as const)));
const FOLDABLE = new RegExp(`[${[...FOLD.keys()].map((c) => `\\${c}`).join('')}]`, 'g');
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A text with every lone surrogate (of a broken paste or URL) replaced by U+FFFD. */
export function wellFormed(s: string): string {
  return s.replace(LONE_SURROGATE, '\ufffd');
}

/**
 * A text as search compares it: NFKC, lower case, no whitespace, one form of each bracket, dot and dash. Only
 * punctuation is mapped (to punctuation), so the search tokens of a folded text are those of the text.
 */
export function foldForSearch(s: string): string {
  return normalizeForMatch(wellFormed(s)).replace(FOLDABLE, (c) => FOLD.get(c)!);
}

/** The folded fields of an item, one a line: what the match confirms and the ranking reads (title first, 文号 second). */
export function searchText(title: string, docNumber: string | null, keywords: string, body: string): string {
  return [title, docNumber ?? '', keywords, body].map(foldForSearch).join('\n');
}

/** Limits of a query: longer input is refused with a message, not cut (a cut query would find the wrong items). */
export const QUERY_MAX_CHARS = 200;
export const QUERY_MAX_TERMS = 10;

export type QueryProblem = 'too_long' | 'too_many_terms' | 'no_words';
export interface ParsedQuery {
  /** Folded terms, each required; duplicates and terms contained in another term dropped. */
  terms: string[];
  problem?: QueryProblem;
}

/** Characters kept inside a term (they are folded); every other non-letter, non-digit separates terms. */
const KEPT = new Set(['(', ')', '·', '-']);
const WORD = /[\p{L}\p{N}]/u;

function splitTerms(folded: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (const ch of folded) {
    if (WORD.test(ch) || KEPT.has(ch)) cur += ch;
    else {
      if (cur) out.push(cur);
      cur = '';
    }
  }
  if (cur) out.push(cur);
  return out;
}

/** Splits and folds a query. A term of punctuation alone asks for nothing and is dropped. */
export function parseQuery(q: string): ParsedQuery {
  if (q.length > QUERY_MAX_CHARS) return { terms: [], problem: 'too_long' };
  const raw: string[] = [];
  // Phrases first: "…" or “…” (an unclosed quote runs to the end).
  const rest = q.replace(/["“”„]([^"“”„]*)(?:["“”„]|$)/g, (_m, phrase: string) => {
    raw.push(foldForSearch(phrase));
    return ' ';
  });
  raw.push(...splitTerms(foldForSearch(rest.replace(/\s+/g, '\u0000'))));
  const words = raw.filter((t) => WORD.test(t));
  // A term inside another asks nothing more: "食品 食品安全" is "食品安全".
  const unique = [...new Set(words)].filter(
    (t, i, all) => !all.some((u, j) => j !== i && u.length > t.length && u.includes(t)),
  );
  if (unique.length === 0) return { terms: [], problem: 'no_words' };
  if (unique.length > QUERY_MAX_TERMS) return { terms: [], problem: 'too_many_terms' };
  return { terms: unique };
}

/** Does a folded search text satisfy every term (the truth)? Terms never span two fields. */
export function matchesAll(text: string, terms: string[]): boolean {
  const fields = text.split('\n');
  return terms.every((t) => fields.some((f) => f.includes(t)));
}

/** The index tokens a query asks for: every term's (each term's are in every text containing it), at most 32. */
export function termTokens(terms: string[], version: SearchTokensVersion): string[] {
  const out = new Set<string>();
  for (const t of terms) for (const k of queryTokens(t, version)) out.add(k);
  return [...out].slice(0, 32);
}

/**
 * Where to mark the terms in a text: [start, end) ranges of the original text, merged. The text is folded
 * character by character, so a position of the folded text maps back to the original one.
 */
export function markRanges(text: string, terms: string[]): [number, number][] {
  const map: number[] = [];
  let folded = '';
  let i = 0;
  for (const ch of text) {
    const f = foldForSearch(ch);
    for (let k = 0; k < f.length; k++) map.push(i);
    folded += f;
    i += ch.length;
  }
  map.push(text.length);
  const ranges: [number, number][] = [];
  for (const t of terms) {
    if (!t) continue;
    for (let at = folded.indexOf(t); at >= 0; at = folded.indexOf(t, at + t.length)) {
      const endIdx = at + t.length;
      // The original end: just past the character whose folded form the term's last character belongs to.
      let end = map[endIdx] ?? text.length;
      if (end <= map[at]!) end = map[at]! + 1;
      ranges.push([map[at]!, end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Pieces of a text, marked or not, for a view to escape and wrap. */
export function markedPieces(text: string, terms: string[]): { text: string; mark: boolean }[] {
  const out: { text: string; mark: boolean }[] = [];
  let at = 0;
  for (const [s, e] of markRanges(text, terms)) {
    if (s > at) out.push({ text: text.slice(at, s), mark: false });
    out.push({ text: text.slice(s, e), mark: true });
    at = e;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false });
  return out;
}

/** An excerpt of a body around its first match of any term (about `width` characters), or null when none is in it. */
export function termSnippet(text: string, terms: string[], width = 80): string | null {
  const first = markRanges(text, terms)[0];
  if (!first) return null;
  const start = Math.max(0, first[0] - Math.floor(width / 3));
  const end = Math.min(text.length, start + width);
  return (start > 0 ? '…' : '') + text.slice(start, end) + (end < text.length ? '…' : '');
}
