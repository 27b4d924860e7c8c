import { App, type FormInstance } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, type Issue } from './api.ts';
import { t } from './i18n.ts';

/** Loads data for a screen; `reload` after an action. Errors show as a message in Chinese (from the API). */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await load());
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setLoading(false);
    }
  }, deps);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, loading, reload };
}

type FieldName = string | number | (string | number)[];

/** A form whose fields take the server's messages: its instance, and the fields whose name is not the API's path. */
export interface FormTarget {
  form: FormInstance;
  /** API path (`applicant.name`) → the form's field name, where they differ. */
  fields?: Record<string, FieldName>;
}

const nameOf = (path: string): (string | number)[] =>
  path.split('.').map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg));

/**
 * Puts the server's field messages on the form's fields (`form.setFields`) and scrolls to the first; returns
 * the messages that belong to no field of the form (the whole request, or a field the form does not show).
 */
export function placeErrors(target: FormTarget, err: ApiError): Issue[] {
  const shown = new Set<string>();
  target.form.getFieldsValue({
    filter: (meta) => {
      if (meta) shown.add(meta.name.join('.'));
      return false;
    },
  });
  const fields = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const rest: Issue[] = [];
  for (const d of err.details) {
    const mapped = target.fields?.[d.path];
    const name = mapped === undefined ? nameOf(d.path) : [mapped].flat();
    const key = name.join('.');
    if (!d.path || !shown.has(key)) {
      rest.push(d);
      continue;
    }
    const f = fields.get(key) ?? { name, errors: [] };
    if (!f.errors.includes(d.message)) f.errors.push(d.message);
    fields.set(key, f);
  }
  const placed = [...fields.values()];
  target.form.setFields(placed);
  if (placed[0]) target.form.scrollToField(placed[0].name);
  return rest;
}

/**
 * Runs an action, shows its success or the API's refusal, and returns whether it worked. With a form, the
 * refusal's field messages go on its fields (what was typed stays), the rest into the message.
 */
export function useAction() {
  const { message } = App.useApp();
  // One action at a time per screen: a second press (Enter, then a click) while the first runs does nothing.
  const running = useRef(false);
  return async (run: () => Promise<unknown>, ok = t('已保存'), target?: FormTarget): Promise<boolean> => {
    if (running.current) return false;
    running.current = true;
    try {
      await run();
      message.success(ok);
      return true;
    } catch (e) {
      if (!(e instanceof ApiError)) {
        message.error(e instanceof Error ? e.message : String(e));
        return false;
      }
      const rest = target ? placeErrors(target, e) : e.details;
      const placed = e.details.length - rest.length;
      const text = target && placed > 0 && rest.length === 0 ? t('请按提示修改标出的内容') : e.message;
      const others = [...new Set(rest.map((d) => d.message))].filter((m) => m !== text);
      const more = others.length > 3 ? [t('等 {n} 处', { n: others.length - 3 })] : [];
      message.error([text, ...others.slice(0, 3), ...more].join('；'));
      return false;
    } finally {
      running.current = false;
    }
  };
}
