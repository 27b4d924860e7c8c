import type { FormInstance } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { ApiError, type Issue } from './api.ts';
import { placeErrors } from './hooks.ts';
import { t } from './i18n.ts';

/**
 * Forms and the server's refusals, for any page: the error body's `details[].path` onto the form's fields
 * (`form.setFields`), a submit that cannot run twice at once (Enter then a click), and the `Idempotency-Key`
 * of one submission, so a repeat reaching the server anyway is answered with the first result.
 */

/**
 * Puts a refusal's field messages on the form (`fields` maps an API path to the form's name where they
 * differ) and returns the message still to show: null when every message found its field.
 */
export function setServerErrors(
  form: FormInstance,
  err: unknown,
  fields?: Record<string, string | number | (string | number)[]>,
): string | null {
  if (!(err instanceof ApiError)) return err instanceof Error ? err.message : String(err);
  const rest: Issue[] = placeErrors({ form, fields }, err);
  if (err.details.length > 0 && rest.length === 0) return null;
  const others = [...new Set(rest.map((d) => d.message))].filter((m) => m !== err.message);
  return [err.message, ...others.slice(0, 3)].join('；') || t('请求失败，请重试');
}

/**
 * A submit guarded against running twice: `submitting` disables the button, and a second call while the first
 * runs (before React re-renders) is dropped by the ref.
 */
export function useSubmitOnce() {
  const running = useRef(false);
  const [submitting, setSubmitting] = useState(false);
  const guard = useCallback(async <T>(run: () => Promise<T>): Promise<T | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setSubmitting(true);
    try {
      return await run();
    } finally {
      running.current = false;
      setSubmitting(false);
    }
  }, []);
  return { submitting, guard };
}

/** A fresh key for one submission (a form opened once); the server keeps its first answer per user and key. */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `k-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
