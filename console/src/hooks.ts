import { App } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './api.ts';

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

/** Runs an action, shows its success or the API's refusal, and returns whether it worked. */
export function useAction() {
  const { message } = App.useApp();
  return async (run: () => Promise<unknown>, ok = t('已保存')): Promise<boolean> => {
    try {
      await run();
      message.success(ok);
      return true;
    } catch (e) {
      const details = e instanceof ApiError ? (e.details as { errors?: unknown[] } | undefined) : undefined;
      message.error(
        `${e instanceof Error ? e.message : String(e)}${details?.errors ? t('（{n} 处）', { n: details.errors.length }) : ''}`,
      );
      return false;
    }
  };
}
