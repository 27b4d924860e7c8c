import { Alert, Card, Empty, Skeleton, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { call, type Output } from '../api.ts';
import { useLoad } from '../hooks.ts';
import { t } from '../i18n.ts';

type Entry = Output<'itemReviews'>['items'][number];
/** Whose history: a catalogue item, an agency's report of a year, or a case. */
export type ReviewSubject =
  | { kind: 'item'; id: string }
  | { kind: 'report'; agencyId: string; year: number }
  | { kind: 'case'; tn: string };

const COLORS: Record<Entry['decision'], string> = {
  submitted: 'blue',
  passed: 'green',
  returned: 'red',
  approved: 'green',
  refused: 'red',
  published: 'green',
  withdrawn: 'gray',
  requested: 'blue',
};

/** The decisions in the console's language (the server gives the Chinese label). */
export const decisionLabel = (d: Entry['decision']): string => {
  switch (d) {
    case 'submitted':
      return t('提交');
    case 'passed':
      return t('通过');
    case 'returned':
      return t('退回');
    case 'approved':
      return t('批准');
    case 'refused':
      return t('不批准');
    case 'published':
      return t('发布');
    case 'withdrawn':
      return t('撤回');
    case 'requested':
      return t('申请延期');
    default: {
      const never: never = d;
      return never;
    }
  }
};

export const when = (at: string) => new Date(at).toLocaleString(undefined, { hour12: false });

function load(s: ReviewSubject) {
  switch (s.kind) {
    case 'item':
      return call('itemReviews', { params: { id: s.id } });
    case 'report':
      return call('reportReviews', { params: { agencyId: s.agencyId, year: s.year } });
    case 'case':
      return call('caseReviews', { params: { tn: s.tn } });
    default: {
      const never: never = s;
      return never;
    }
  }
}

/**
 * 审查记录: each step of the review loop — who, when, the decision and its words — and, while the latest step is
 * a 退回, that return on top (what to change, and who asked). `version` reloads it after a step.
 */
export function ReviewHistory({
  subject,
  version,
  title,
}: {
  subject: ReviewSubject;
  version?: unknown;
  title?: ReactNode;
}) {
  const key = JSON.stringify(subject);
  const { data, error, loading } = useLoad(() => load(subject), [key, version]);
  const items = data?.items ?? [];
  const last = items.at(-1);
  return (
    <Card size="small" title={title ?? t('审查记录')} style={{ marginBottom: 16 }} data-testid="review-history">
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      {loading && !data ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('尚无审查记录：提交、审查、退回和批准都会记在这里')}
        />
      ) : (
        <>
          {last?.decision === 'returned' && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              message={t('{who}于 {at} 退回', { who: last.by, at: when(last.at) })}
              description={last.comment}
              data-testid="latest-return"
            />
          )}
          <Timeline
            items={items.map((e) => ({
              color: COLORS[e.decision],
              children: (
                <div>
                  <Tag color={COLORS[e.decision]}>{decisionLabel(e.decision)}</Tag>
                  <b>{e.by}</b>
                  <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                    {when(e.at)}
                  </Typography.Text>
                  {e.comment && <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{e.comment}</div>}
                </div>
              ),
            }))}
          />
        </>
      )}
    </Card>
  );
}
