import { maskName } from './pii.ts';

/**
 * 告知书 at rest (个人信息保护法第五十一条: encryption of personal information): a letter row keeps the
 * template's output with each personal value replaced by a marker, and the values themselves sealed beside it
 * (`letters.personal_enc`). The 查询码 is never kept at all (only its hash, on the application): its marker is
 * filled in when the letter is rendered for the applicant who supplied it. Markers are private-use characters
 * that the text around them cannot contain (they are stripped from every value before a letter is filled).
 */
export type PersonalField = 'applicant' | 'thirdParty';
type Marker = PersonalField | 'queryCode';

export type PersonalValues = Partial<Record<PersonalField, string>>;

const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKER_RE = /\uE000(applicant|thirdParty|queryCode)\uE001/g;

export const marker = (m: Marker) => `${OPEN}${m}${CLOSE}`;

/** Removes marker characters from text that is not ours (a template, what staff or the applicant typed). */
export const stripMarkers = (s: string) => s.replace(/[\uE000\uE001]/g, '');

/** What the letter prints where the query code would be, for anyone but the applicant who supplied it. */
export const QUERY_CODE_NOT_KEPT = '（已在受理时告知申请人，平台不保存查询码）';

/**
 * The template variables of a letter kind that carry someone's personal data: the applicant's name, and for the
 * 征求第三方意见书 the third party it is addressed to (条例第三十二条; the `thirdParty` variable).
 */
export function personalVariables(kind: string): Partial<Record<PersonalField, 'applicant' | 'thirdParty'>> {
  return kind === 'third_party' ? { applicant: 'applicant', thirdParty: 'thirdParty' } : { applicant: 'applicant' };
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Replaces every occurrence of the values in `text` by their markers (longest value first, in one pass, so a
 * marker is never rewritten). Filling the markers back with the same values gives the original text.
 */
export function hideValues(text: string, values: Partial<Record<Marker, string>>): string {
  const entries = (Object.entries(values) as [Marker, string | undefined][])
    .filter((e): e is [Marker, string] => !!e[1])
    .sort((a, b) => b[1].length - a[1].length);
  if (!entries.length) return text;
  const byValue = new Map<string, Marker>();
  for (const [m, v] of entries) if (!byValue.has(v)) byValue.set(v, m);
  const re = new RegExp([...byValue.keys()].map(escapeRe).join('|'), 'g');
  return text.replace(re, (v) => marker(byValue.get(v)!));
}

/** Fills the markers of `text` with the given values (absent → empty). */
export function fillMarkers(text: string, values: Partial<Record<Marker, string>>): string {
  return text.replace(MARKER_RE, (_, m: Marker) => values[m] ?? '');
}

/**
 * Who a letter is rendered for (closed): staff with `case.view_personal` see the personal values in full, other
 * staff (the supervisor) masked, and the applicant, who proved the query code, their own details in full with the
 * code printed where the template has it, but a third party's name masked (it is not theirs).
 */
export type LetterReader =
  | { kind: 'staff_personal' }
  | { kind: 'staff_masked'; maskedApplicant: string }
  | { kind: 'applicant'; queryCode: string };

export function readerValues(reader: LetterReader, personal: PersonalValues): Partial<Record<Marker, string>> {
  const third = personal.thirdParty;
  switch (reader.kind) {
    case 'staff_personal':
      return { ...personal, queryCode: QUERY_CODE_NOT_KEPT };
    case 'staff_masked':
      return {
        applicant: reader.maskedApplicant,
        ...(third ? { thirdParty: maskName(third) } : {}),
        queryCode: QUERY_CODE_NOT_KEPT,
      };
    case 'applicant':
      return {
        ...(personal.applicant ? { applicant: personal.applicant } : {}),
        ...(third ? { thirdParty: maskName(third) } : {}),
        queryCode: reader.queryCode,
      };
    default: {
      const never: never = reader;
      throw new Error(`unknown letter reader ${JSON.stringify(never)}`);
    }
  }
}

/** A stored letter opened for one reader: the paragraphs as that reader may see them. */
export function openLetterText(paragraphs: string[], reader: LetterReader, personal: PersonalValues): string[] {
  const values = readerValues(reader, personal);
  return paragraphs.map((p) => fillMarkers(p, values));
}

/** 查询码 candidates in a text (8 characters of the code alphabet), for finding one that an older row printed. */
export function codeCandidates(text: string): string[] {
  const out = new Set<string>();
  for (const run of text.match(/[A-Z0-9]{8,}/g) ?? [])
    for (let i = 0; i + 8 <= run.length; i++) out.add(run.slice(i, i + 8));
  return [...out];
}
