import { Button, Empty, Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { t } from './i18n.ts';

/**
 * A screen's data as `useLoad` gives it: a skeleton while the first load runs (never a blank screen), the
 * server's message with 重试 when it failed, else the screen. Later reloads keep the screen as it is.
 */
export function Loaded<T>({
  state,
  rows = 6,
  children,
}: {
  state: { data: T | null; error: string | null; loading: boolean; reload?: () => Promise<void> };
  rows?: number;
  children: (data: T) => ReactNode;
}) {
  if (state.data !== null) return <>{children(state.data)}</>;
  if (state.error !== null && !state.loading)
    return (
      <Result
        status="warning"
        title={t('加载失败')}
        subTitle={state.error}
        extra={
          state.reload && (
            <Button type="primary" onClick={() => void state.reload?.()}>
              {t('重试')}
            </Button>
          )
        }
      />
    );
  if (!state.loading) return <Empty description={t('没有可显示的内容')} />;
  return <Skeleton active paragraph={{ rows }} title />;
}
