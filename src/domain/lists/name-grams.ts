/**
 * How an applicant's name is found without being stored in clear (个人信息保护法第五十一条): the name, normalised,
 * becomes character bigrams and the whole name; only keyed hashes of these are stored (shared/name-index.ts). A
 * search asks for the bigrams of its text: every name containing the text has them all.
 */

/** NFKC, lower case, no spaces or middle dots (“阿依古丽·买买提” and “阿依古丽 买买提” are one name). */
export function normalizeName(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s·•・.]+/g, '');
}

/** What a name is indexed by: its bigrams and itself (a one-character name by itself only). */
export function nameGrams(name: string): string[] {
  const chars = [...normalizeName(name)];
  if (chars.length === 0) return [];
  const out = new Set<string>([`n:${chars.join('')}`]);
  for (let i = 0; i + 1 < chars.length; i++) out.add(`b:${chars[i]}${chars[i + 1]}`);
  return [...out];
}

/**
 * What a search for a name asks for: the bigrams of the text (a name containing it has every one); a single
 * character is asked as a whole one-character name. At most 16, in order.
 */
export function queryNameGrams(q: string): string[] {
  const chars = [...normalizeName(q)];
  if (chars.length === 0) return [];
  if (chars.length === 1) return [`n:${chars[0]}`];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(`b:${chars[i]}${chars[i + 1]}`);
  return [...out].slice(0, 16);
}
