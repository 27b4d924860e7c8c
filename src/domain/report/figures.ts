/**
 * Section 二's figures from other systems (条例第二十条第（五）至（九）项: 许可、处罚、强制、收费、采购), as a
 * version's format defines them: one schema for the save command (400 with the cell's path) and the editor's
 * live checks in the browser. 规章 and 规范性文件 (第二十条第（一）项) are counted from the catalogue, never entered.
 */
import { z } from 'zod';
import { CATALOGUE_ITEMS } from './compute.ts';
import { FORMATS, type ProactiveColumn, type ReportVersion } from './format.ts';

function cellSchema(c: ProactiveColumn): z.ZodType {
  switch (c.kind) {
    case 'text':
      return z.string().trim().max(50, `${c.label}不超过50个字`);
    case 'decimal':
      return z.number({ message: `${c.label}应为数字` }).min(0, `${c.label}不能为负数`);
    case 'signed':
      return z.number({ message: `${c.label}应为整数` }).int(`${c.label}应为整数`);
    case 'int':
      return z
        .number({ message: `${c.label}应为整数` })
        .int(`${c.label}应为整数`)
        .min(0, `${c.label}不能为负数`);
    default: {
      const never: never = c.kind;
      return never;
    }
  }
}

/** The entered items of a version (section 二 minus the catalogue's). */
export const enteredItems = (version: ReportVersion) =>
  FORMATS[version].proactive.filter((i) => !CATALOGUE_ITEMS.includes(i.key));

/** `{ licensing: { decisions: 12 }, … }`: known items and columns only; a cell may be null (blank). */
export function figuresSchema(version: ReportVersion) {
  const shape: Record<string, z.ZodType> = {};
  for (const item of enteredItems(version)) {
    shape[item.key] = z
      .object(Object.fromEntries(item.columns.map((c) => [c.key, cellSchema(c).nullable().optional()])))
      .strict()
      .optional();
  }
  return z.object(shape).strict();
}

/** The cells of `figures` the schema refuses, keyed `proactive.<item>.<column>` like the checks. */
export function figureProblems(version: ReportVersion, figures: unknown): { at: string; message: string }[] {
  const r = figuresSchema(version).safeParse(figures);
  if (r.success) return [];
  return r.error.issues.map((i) => ({ at: ['proactive', ...i.path.map(String)].join('.'), message: i.message }));
}
