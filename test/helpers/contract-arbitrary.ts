import fc from 'fast-check';
import { z } from 'zod';

/**
 * fast-check values from the HTTP contract's zod schemas, for the schema-driven fuzz run: `valid` values as
 * the schema takes them (bounds, formats, enums, optional fields sometimes left out), `edge` values whose
 * leaves are now and then hostile (just past a bound, a wrong type, a huge string, a lone surrogate, NUL, a
 * malformed id), and `mutated` values: a valid one with one node replaced by a hostile value or taken away.
 */

/** Text no form should choke on; each has broken a server somewhere. */
export const HOSTILE_TEXT = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '%',
  '%00',
  '../../etc/passwd',
  "'; drop table applications; --",
  '<script>alert(1)</script>',
  '00000000-0000-0000-0000-00000000000g',
  'GK2026-00000',
  'GK9999-999999',
  '9999-99-99',
  '𠮷𠮷𠮷',
  '\u202e\u200b',
  'x'.repeat(100_000),
] as const;

const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.constantFrom(-1, 0, 1e21, -1e21, 0.5, Number.MAX_SAFE_INTEGER + 2),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), { maxKeys: 2 }),
);
export const hostile: fc.Arbitrary<unknown> = fc.oneof(fc.constantFrom(...HOSTILE_TEXT), wrongType);

/** Values the database holds, so that valid-shaped requests reach real rows: ids, and strings by field name. */
export interface Known {
  uuids: string[];
  byKey: Record<string, string[]>;
}

interface Def {
  type: string;
  [k: string]: unknown;
}
interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  length?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}
type Schema = z.core.$ZodType;
const defOf = (s: Schema) => s._zod.def as unknown as Def;
const checksOf = (d: Def) => ((d.checks as Schema[] | undefined) ?? []).map((c) => c._zod.def as unknown as CheckDef);
const metaOf = (s: Schema) => z.globalRegistry.get(s as z.ZodType) as { format?: string } | undefined;

const isoDate = fc
  .date({ min: new Date('2015-01-01'), max: new Date('2032-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** A leaf: its valid values, and with probability `p` a value just past its bounds or a hostile one. */
function leaf(valid: fc.Arbitrary<unknown>, invalid: fc.Arbitrary<unknown>[], p: number): fc.Arbitrary<unknown> {
  if (p === 0) return valid;
  const weight = Math.max(1, Math.round((1 - p) / p));
  return fc.oneof({ weight, arbitrary: valid }, { weight: 1, arbitrary: fc.oneof(hostile, ...invalid) });
}

function text(s: Schema, d: Def, known: Known, key: string | undefined, p: number): fc.Arbitrary<unknown> {
  const checks = checksOf(d);
  let min = 0;
  let max = 40;
  let bound: number | undefined;
  let format = (d.format as string | undefined) ?? metaOf(s)?.format;
  let pattern = d.pattern as RegExp | undefined;
  for (const c of checks) {
    if (c.check === 'min_length') min = c.minimum ?? 0;
    if (c.check === 'max_length') bound = c.maximum;
    if (c.check === 'length_equals') [min, bound] = [c.length ?? 0, c.length];
    if (c.check === 'string_format') [format, pattern] = [c.format, c.pattern ?? pattern];
  }
  if (bound !== undefined) max = Math.min(bound, Math.max(min, 40));
  const pool = [...(key ? (known.byKey[key] ?? []) : []), ...(format === 'uuid' ? known.uuids : [])];
  let shaped: fc.Arbitrary<string>;
  if (format === 'uuid' || format === 'guid') shaped = fc.uuid();
  else if (format === 'email') shaped = fc.emailAddress();
  else if (format === 'date') shaped = isoDate;
  else if (format === 'regex' && pattern) shaped = fc.stringMatching(pattern);
  else
    shaped = fc.oneof(
      fc.string({ minLength: min, maxLength: max }),
      fc.string({ unit: 'grapheme', minLength: min, maxLength: max }),
    );
  const valid = pool.length ? fc.oneof(shaped, fc.constantFrom(...pool)) : shaped;
  const past = [
    ...(bound !== undefined ? [fc.constant('一'.repeat(bound)), fc.constant('x'.repeat(bound + 1))] : []),
    ...(min > 1 ? [fc.constant('x'.repeat(min - 1))] : []),
  ];
  return leaf(valid, past, p);
}

function numeric(d: Def, p: number): fc.Arbitrary<unknown> {
  let lo = -1e6;
  let hi = 1e6;
  let int = false;
  for (const c of checksOf(d)) {
    if (c.check === 'number_format') int = /int/.test(c.format ?? '');
    if (c.check === 'greater_than') lo = (c.value ?? lo) + (c.inclusive ? 0 : 1);
    if (c.check === 'less_than') hi = (c.value ?? hi) - (c.inclusive ? 0 : 1);
  }
  const valid = int
    ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) })
    : fc.double({ min: lo, max: hi, noNaN: true });
  return leaf(valid, [fc.constantFrom(lo - 1, hi + 1, lo + 0.5)], p);
}

/** The values of a schema (as its input side takes them); `p` is each leaf's chance of being hostile. */
export function arbitraryOf(s: Schema, known: Known, p = 0, key?: string): fc.Arbitrary<unknown> {
  const d = defOf(s);
  const inner = (x: unknown, k = key) => arbitraryOf(x as Schema, known, p, k);
  switch (d.type) {
    case 'string':
      return text(s, d, known, key, p);
    case 'number':
      return numeric(d, p);
    case 'boolean':
      return leaf(fc.boolean(), [], p);
    case 'enum':
      return leaf(fc.constantFrom(...Object.values(d.entries as Record<string, string | number>)), [], p);
    case 'literal':
      return leaf(fc.constantFrom(...(d.values as unknown[])), [], p);
    case 'null':
      return leaf(fc.constant(null), [], p);
    case 'optional':
    case 'default':
    case 'prefault':
      return fc.option(inner(d.innerType), { nil: undefined, freq: 4 });
    case 'nullable':
      return fc.option(inner(d.innerType), { nil: null, freq: 4 });
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return inner(d.innerType);
    case 'pipe':
      return inner(d.in);
    case 'lazy':
      return inner((d.getter as () => Schema)());
    case 'union':
      return fc.oneof(...(d.options as Schema[]).map((o) => inner(o)));
    case 'intersection':
      return fc
        .tuple(inner(d.left), inner(d.right))
        .map(([a, b]) => (typeof a === 'object' && typeof b === 'object' ? { ...a, ...b } : a));
    case 'array': {
      const checks = checksOf(d);
      const minLength = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
      const maxLength = Math.min(checks.find((c) => c.check === 'max_length')?.maximum ?? 3, minLength + 3);
      return leaf(fc.array(inner(d.element), { minLength, maxLength }), [], p);
    }
    case 'tuple':
      return fc.tuple(...(d.items as Schema[]).map((x) => inner(x)));
    case 'record':
      return fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), inner(d.valueType, undefined), { maxKeys: 3 });
    case 'object': {
      const shape = d.shape as Record<string, Schema>;
      const optional = (x: Schema) => ['optional', 'default', 'prefault'].includes(defOf(x).type);
      const parts = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, inner(v, k)]));
      const requiredKeys = Object.keys(shape).filter((k) => !optional(shape[k]!));
      return fc.record(parts, { requiredKeys }).map((o) => stripUndefined(o));
    }
    default:
      // unknown, any, custom, transform, date…: JSON of any shape.
      return fc.jsonValue({ maxDepth: 2 });
  }
}

const stripUndefined = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

const DELETE = Symbol('delete');

/** A valid value with one of its nodes replaced by a hostile value, or (in an object) taken away. */
export function mutatedOf(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(valid, fc.nat(), fc.oneof(hostile, fc.constant(DELETE)))
    .map(([v, n, replacement]) => replaceNth(v, n, replacement));
}

function replaceNth(value: unknown, n: number, replacement: unknown): unknown {
  const nodes: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (v: unknown) => {
    if (!v || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v)) {
      nodes.push({ parent: v as Record<string, unknown>, key: Array.isArray(v) ? Number(k) : k });
      walk(x);
    }
  };
  const copy = structuredClone(value);
  walk(copy);
  const node = nodes[n % Math.max(1, nodes.length)];
  if (!node) return replacement === DELETE ? undefined : replacement;
  if (replacement === DELETE && !Array.isArray(node.parent)) delete node.parent[node.key as string];
  else (node.parent as Record<string | number, unknown>)[node.key] = replacement === DELETE ? null : replacement;
  return copy;
}
