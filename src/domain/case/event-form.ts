/**
 * The form of a case event, read off its input schema in the event table: a string is a text field (a text
 * area when it may be long), a number a number field, an enum a select with the table's labels, a date a date
 * picker. The console draws it (console/src/pages/CaseDetail.tsx); the server validates with the same schema.
 */
import { z } from 'zod';
import type { Text } from './event-spec.ts';
import { eventSpec } from './event-views.ts';
import type { CaseEventType } from './events.ts';

export type FormFieldKind = 'text' | 'textarea' | 'number' | 'select' | 'date';

export interface FormField {
  name: string;
  kind: FormFieldKind;
  label: Text;
  required: boolean;
  options?: { value: string; label: Text }[];
  min?: number;
  max?: number;
  integer?: boolean;
  maxLength?: number;
  initial?: string | number;
}

/** Texts allowed to be longer than this get a text area. */
export const TEXTAREA_OVER = 500;

const DATE_LABEL: Text = { zh: '日期', en: 'Date' };

function fieldOf(name: string, schema: z.ZodType, label: Text, options?: Readonly<Record<string, Text>>) {
  const required = !(schema instanceof z.ZodOptional);
  const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
  const base = { name, label, required };
  if (inner instanceof z.ZodEnum)
    return {
      ...base,
      kind: 'select' as const,
      options: inner.options.map((v) => ({
        value: String(v),
        label: options?.[String(v)] ?? { zh: String(v), en: String(v) },
      })),
    };
  if (inner instanceof z.ZodNumber)
    return {
      ...base,
      kind: 'number' as const,
      ...(inner.minValue !== null && Number.isFinite(inner.minValue) && { min: inner.minValue }),
      ...(inner.maxValue !== null && Number.isFinite(inner.maxValue) && { max: inner.maxValue }),
      integer: inner.isInt,
    };
  if (inner instanceof z.ZodString) {
    if (inner.meta()?.format === 'date') return { ...base, kind: 'date' as const };
    const maxLength = inner.maxLength ?? undefined;
    return {
      ...base,
      kind: maxLength !== undefined && maxLength <= TEXTAREA_OVER ? ('text' as const) : ('textarea' as const),
      ...(maxLength !== undefined && { maxLength }),
    };
  }
  throw new Error(`no form field for ${name}: ${inner.def.type}`);
}

/** The fields of an event's form, the date first, in the order of its schema. */
export function eventForm(type: CaseEventType): FormField[] {
  const spec = eventSpec(type);
  return Object.entries(spec.input.shape)
    .filter(([name]) => name !== 'type')
    .map(([name, schema]) => {
      const wording = name === 'date' ? { label: DATE_LABEL } : spec.fields[name]!;
      const field: FormField = fieldOf(name, schema as z.ZodType, wording.label, wording.options);
      return wording.initial === undefined ? field : { ...field, initial: wording.initial };
    });
}
