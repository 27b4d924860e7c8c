/**
 * 告知书: the kinds, the variables a template may use, and how a template becomes the text of a letter. The
 * frame of the letter — the 主送 (the addressee and a colon), the 署名 and the 成文日期, the 发文字号 — is not the
 * template's: the issuing command adds it (GB/T 9704-2012), so an agency's wording cannot drop or garble it. A
 * template is a title and paragraphs (separated by blank lines) with {{placeholders}} filled from the case.
 */
import { DEFAULT_TEMPLATES } from './letter-templates.ts';
import { DECIDABLE_OUTCOMES, OUTCOME_INFO, type Outcome } from './outcomes.ts';

export type LetterKind = 'receipt' | 'correction' | 'extension' | 'third_party' | 'fee' | `reply.${Outcome}`;

export const LETTER_VARIABLES = [
  'agency',
  'applicant',
  /** 您 (a natural person) or 贵单位 (a 法人或者其他组织). */
  'you',
  'thirdParty',
  'trackingNumber',
  'queryCode',
  'receivedDate',
  'description',
  'replyDue',
  'date',
  'office',
  'phone',
  'address',
  /** The contact line: 联系部门, 联系电话, 地址, as far as the agency has them. */
  'contact',
  'details',
  'reasons',
  'basis',
  'withheld',
  'publishedAt',
  'holder',
  'extensionDays',
  'fee',
  'feeDue',
  'thirdPartyDue',
  'noticeDate',
  'appealNotice',
] as const;
export type LetterVariable = (typeof LETTER_VARIABLES)[number];
export type LetterVars = Partial<Record<LetterVariable, string>>;

export interface LetterTemplate {
  title: string;
  body: string;
}

/**
 * A paragraph holding only these (and text), one of them empty, is left out of the letter (the 告知事项 of a plain
 * disclosure, the agency holding the information when none is named).
 */
export const OPTIONAL_VARIABLES: ReadonlySet<LetterVariable> = new Set([
  'details',
  'publishedAt',
  'holder',
  'appealNotice',
]);
/** What staff typed that ends a sentence in every template: given its full stop, never a second one. */
const SENTENCE_VARIABLES: ReadonlySet<LetterVariable> = new Set(['reasons', 'details', 'publishedAt', 'holder']);

/** The 文号 registers: one per kind, all the replies (答复告知书, 终止处理告知书) sharing one. */
export const DOC_NUMBER_KINDS = ['receipt', 'correction', 'third_party', 'extension', 'fee', 'reply'] as const;
export type DocNumberKind = (typeof DOC_NUMBER_KINDS)[number];
export const docNumberKind = (kind: LetterKind): DocNumberKind =>
  kind.startsWith('reply.') ? 'reply' : (kind as DocNumberKind);

export const LETTER_KIND_LABELS: Record<DocNumberKind, string> = {
  receipt: '登记回执',
  correction: '补正告知书',
  extension: '延期答复告知书',
  third_party: '征求第三方意见书',
  fee: '收费通知书',
  reply: '答复告知书',
};

export const isLetterKind = (kind: string): kind is LetterKind => kind in DEFAULT_TEMPLATES;

export function letterKindLabel(kind: string): string {
  if (kind in LETTER_KIND_LABELS) return LETTER_KIND_LABELS[kind as DocNumberKind];
  return kind.startsWith('reply.') ? `答复告知书（${OUTCOME_INFO[kind.slice(6) as Outcome]?.label ?? ''}）` : kind;
}

/** Letters that end or limit the application: they state the 救济途径 (letters.md). */
export const statesAppeal = (kind: LetterKind): boolean => kind.startsWith('reply.');

/**
 * The statutory parts of each kind, which an agency's template must keep: the cited article and the 救济途径 of
 * a reply, the officer's reasons and 告知事项, the agency holding the information (第三十六条第（五）项); what to
 * correct (第三十条); the information asked about and the date to answer by (第三十二条); the reason and the new
 * date of an extension (第三十三条); the amount and the date to pay by (国办函〔2020〕109号).
 */
export function requiredVariables(kind: LetterKind): LetterVariable[] {
  switch (kind) {
    case 'receipt':
      return [];
    case 'correction':
      return ['details'];
    case 'third_party':
      return ['description', 'thirdPartyDue'];
    case 'extension':
      return ['reasons', 'extensionDays', 'replyDue'];
    case 'fee':
      return ['basis', 'fee', 'feeDue'];
    default: {
      const outcome = kind.slice(6) as Outcome;
      if (!(DECIDABLE_OUTCOMES as readonly string[]).includes(outcome)) return ['basis', 'appealNotice'];
      // In the order a letter gives them (an older template lacking some gets them back in this order).
      return [
        'basis',
        ...(outcome === 'granted' ? (['publishedAt'] as const) : (['reasons'] as const)),
        ...(outcome === 'unavailable_not_held' ? (['holder'] as const) : []),
        'details',
        'appealNotice',
      ];
    }
  }
}

/** What a statutory part is, for the message that refuses a template without it. */
export const STATUTORY_LABELS: Partial<Record<LetterVariable, string>> = {
  basis: '法律依据（条文及项）',
  appealNotice: '救济途径（复议机关、管辖法院和期限）',
  details: '告知事项',
  reasons: '理由',
  publishedAt: '已主动公开信息的获取方式和途径',
  holder: '负责公开该信息的机关',
  description: '所涉政府信息',
  thirdPartyDue: '提出意见的期限',
  extensionDays: '延长的工作日数',
  replyDue: '答复期限',
  fee: '应缴金额',
  feeDue: '缴费期限',
};

/** What a letter says for a statutory part an older agency template lacks, placed before its closing. */
const STATUTORY_FALLBACK: Record<LetterVariable, string> = {
  basis: '依据：{{basis}}。',
  appealNotice: '{{appealNotice}}',
  details: '{{details}}',
  reasons: '理由：{{reasons}}',
  publishedAt: '获取方式和途径：{{publishedAt}}',
  holder: '负责公开该政府信息的行政机关：{{holder}}',
  description: '所涉政府信息：“{{description}}”。',
  thirdPartyDue: '请于{{thirdPartyDue}}前提出意见。',
  extensionDays: '答复期限延长{{extensionDays}}个工作日。',
  replyDue: '本机关将于{{replyDue}}前作出答复。',
  trackingNumber: '申请编号：{{trackingNumber}}',
  fee: '应缴金额：{{fee}}元。',
  feeDue: '请于{{feeDue}}前缴纳。',
  agency: '{{agency}}',
  applicant: '{{applicant}}',
  you: '{{you}}',
  thirdParty: '{{thirdParty}}',
  queryCode: '查询码：{{queryCode}}',
  receivedDate: '收到申请日期：{{receivedDate}}',
  date: '{{date}}',
  office: '{{office}}',
  phone: '{{phone}}',
  address: '{{address}}',
  contact: '{{contact}}',
  withheld: '不予公开的部分属于{{withheld}}。',
  noticeDate: '{{noticeDate}}',
};

const known = new Set<string>(LETTER_VARIABLES);
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);

/** Placeholders a template uses that the platform does not know: refused when a template is saved. */
export function unknownPlaceholders(text: string): string[] {
  return placeholders(text).filter((v) => !known.has(v));
}

/** The statutory placeholders a template of the kind lacks (refused when it is saved). */
export function missingStatutoryParts(kind: LetterKind, body: string): LetterVariable[] {
  const used = new Set(placeholders(body));
  return requiredVariables(kind).filter((v) => !used.has(v));
}

const split = (body: string) =>
  body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
const SALUTATION = /^\{\{(applicant|details|thirdParty)\}\}\s*[：:]$/;
const SIGNATURE = /^(\{\{(agency|date)\}\}\s*)+$/;

/**
 * A template's own paragraphs: a salutation it opens with and the signature it closes with (templates written
 * before the frame was the platform's) are the frame's, not the body's.
 */
export function templateParagraphs(body: string): string[] {
  const ps = split(body);
  if (ps[0] && SALUTATION.test(ps[0])) ps.shift();
  while (ps.length && SIGNATURE.test(ps.at(-1)!)) ps.pop();
  return ps;
}

/** The template's paragraphs with any statutory part it lacks put back, before its closing (特此告知). */
function withStatutoryParts(kind: LetterKind, ps: string[]): string[] {
  const missing = missingStatutoryParts(kind, ps.join('\n\n'));
  if (!missing.length) return ps;
  const at = ps.findIndex((p) => p.startsWith('特此'));
  const i = at < 0 ? ps.length : at;
  return [...ps.slice(0, i), ...missing.map((v) => STATUTORY_FALLBACK[v]), ...ps.slice(i)];
}

/** A text staff typed, as the end of a sentence: its own full stop, a trailing comma or colon made one. */
export function sentence(v: string): string {
  const s = v.trim();
  if (!s) return '';
  if (/[。！？]$/.test(s)) return s;
  return `${s.replace(/[，、；：,;:.]+$/, '')}。`;
}

/**
 * Punctuation where filled text meets the template (GB/T 15834-2011): a quoted phrase inside a sentence drops its
 * own full stop (“……处理情况”。), stops never double (。。 ，。), a label with nothing after it and empty brackets go.
 */
export function tidy(s: string): string {
  return s
    .replace(/[。；，、]+(?=”)/g, '')
    .replace(/[，、；]+。/g, '。')
    .replace(/。[。，、；]+/g, '。')
    .replace(/([！？])。/g, '$1')
    .replace(/（[^（）]*：\s*）/g, '')
    .replace(/（\s*）/g, '')
    .trim()
    .replace(/[，、；]+$/, '。');
}

/** Fills a template of a kind; returns the title and the body's paragraphs as issued (the frame is the caller's). */
export function fillLetter(
  kind: LetterKind,
  t: LetterTemplate,
  vars: LetterVars,
): { title: string; paragraphs: string[] } {
  const value = (k: string): string => {
    const v = (vars[k as LetterVariable] ?? '').trim();
    return SENTENCE_VARIABLES.has(k as LetterVariable) ? sentence(v) : v;
  };
  const fill = (s: string) => s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => value(k));
  const paragraphs = withStatutoryParts(kind, templateParagraphs(t.body)).flatMap((p) => {
    // A paragraph of optional parts only (a label and its value) goes when its value is empty; text around an
    // empty optional value elsewhere stays (an older template's "现予以公开，{{details}}").
    const names = placeholders(p);
    const optional = names.length > 0 && names.every((k) => OPTIONAL_VARIABLES.has(k as LetterVariable));
    if (optional && names.some((k) => !value(k))) return [];
    const text = tidy(fill(p));
    return text ? [text] : [];
  });
  return { title: tidy(fill(t.title)), paragraphs };
}

export { DEFAULT_TEMPLATES };
