/**
 * An agency's letter settings: the 发文字号 pattern of each letter kind (GB/T 9704-2012 7.2.4) and the 救济途径
 * bodies (appeal-notice.ts), with what the platform proposes for them.
 */
import { z } from 'zod';
import { DOC_NUMBER_KINDS, type DocNumberKind, LETTER_KIND_LABELS } from '../case/letters.ts';

/** 机关代字: the agency's abbreviation that opens its 文号 (凉市监). */
export const docCode = z
  .string()
  .trim()
  .min(1, '请填写机关代字')
  .max(20, '机关代字不超过20个字')
  .regex(/^[^〔〕{}\s]+$/, '机关代字不能含有六角括号、花括号或空格')
  .meta({ title: '机关代字', labelEn: 'agency abbreviation' });

const PATTERN = /^([^〔〕{}\s]{1,30})〔\{year\}〕\{n\}号$/;
/**
 * GB/T 9704-2012 7.2.4: 发文机关代字、年份、发文顺序号; the year in full in 六角括号〔〕, the number without
 * leading zeros (1, not 01) and without 第, followed by 号. The pattern's only free part is the prefix.
 */
export const docNumberPattern = z
  .string()
  .trim()
  .regex(
    PATTERN,
    '文号格式应为“机关代字〔{year}〕{n}号”，如“凉市监依申〔{year}〕{n}号”（GB/T 9704-2012：年份用六角括号，序号不编虚位）',
  );

const patternOf = (kind: DocNumberKind) =>
  docNumberPattern
    .nullable()
    .optional()
    .meta({ title: `“${LETTER_KIND_LABELS[kind]}”的文号格式`, labelEn: `number pattern: ${kind}` });

export const docNumberPatterns = z
  .object(
    Object.fromEntries(DOC_NUMBER_KINDS.map((k) => [k, patternOf(k)])) as Record<
      DocNumberKind,
      ReturnType<typeof patternOf>
    >,
  )
  .strict();
export type DocNumberPatterns = Partial<Record<DocNumberKind, string | null>>;

const bodyName = (title: string, labelEn: string) =>
  z
    .string()
    .trim()
    .max(100)
    .transform((s) => s || null)
    .nullable()
    .optional()
    .meta({ title, labelEn, description: '留空：按行政区划建议' });

export const letterSettingsInput = z
  .object({
    docCode: docCode.nullable().optional(),
    patterns: docNumberPatterns.default({}),
    reviewBody: bodyName('复议机关', 'reconsideration body'),
    court: bodyName('管辖法院', 'competent court'),
  })
  .superRefine((v, ctx) => {
    // Distinct prefixes: two registers of one agency can then never print the same number.
    const seen = new Map<string, DocNumberKind>();
    for (const k of DOC_NUMBER_KINDS) {
      const p = v.patterns[k];
      if (!p) continue;
      const prefix = PATTERN.exec(p)?.[1] ?? p;
      const other = seen.get(prefix);
      if (other)
        ctx.addIssue({
          code: 'custom',
          path: ['patterns', k],
          message: `与“${LETTER_KIND_LABELS[other]}”的文号格式相同，各类告知书的机关代字部分须互不相同`,
        });
      else seen.set(prefix, k);
    }
  });
export type LetterSettingsInput = z.input<typeof letterSettingsInput>;

/** What each register adds to the 机关代字 in the patterns the platform proposes: 凉市监依申〔2026〕12号. */
const KIND_MARK: Record<DocNumberKind, string> = {
  reply: '依申',
  receipt: '依申受',
  correction: '依申补',
  third_party: '依申征',
  extension: '依申延',
  fee: '依申费',
};

export function defaultPatterns(code: string): Record<DocNumberKind, string> {
  return Object.fromEntries(DOC_NUMBER_KINDS.map((k) => [k, `${code}${KIND_MARK[k]}〔{year}〕{n}号`])) as Record<
    DocNumberKind,
    string
  >;
}

/** A 机关代字 to start from when none is given: the short name, else the name (the administrator edits it). */
export function derivedDocCode(name: string, shortName?: string | null): string {
  return (shortName || name).replace(/[〔〕{}\s]/g, '').slice(0, 20);
}

/** The number as printed: `凉市监依申〔2026〕12号`. */
export function formatDocNumber(pattern: string, year: number, n: number): string {
  return pattern.replace('{year}', String(year)).replace('{n}', String(n));
}
