import { Badge, Card, List, Tag, Typography } from 'antd';
import { call, type Output } from '../api.ts';
import { useLoad } from '../hooks.ts';
import { t } from '../i18n.ts';
import { linkProps } from '../router.ts';
import { useSession } from '../session.tsx';

type ReportRow = Output<'reportStatus'>['items'][number];

/**
 * 逾期未公布的年度报告 (条例第四十九条: departments by 1月31日, governments by 3月31日): the reports in the caller's
 * scope past their deadline and not published, in red, each a click from its editor. Shows nothing to a role
 * that sees no reports.
 */
export function OverdueReports({ year = new Date().getFullYear() - 1 }: { year?: number }) {
  const { meta } = useSession();
  const { data, loading } = useLoad(
    () =>
      call('reportStatus', { query: { year } }).then(
        (r) => r.items.filter((i) => i.timeliness === 'overdue'),
        (): ReportRow[] | null => null,
      ),
    [year],
  );
  if (data === null && !loading) return null;
  return (
    <Card
      size="small"
      data-testid="overdue-reports"
      title={
        <span>
          {t('逾期未公布的{year}年度报告', { year })} <Badge count={data?.length ?? 0} color="#cf1322" showZero />
        </span>
      }
    >
      <List
        size="small"
        loading={loading}
        dataSource={data ?? []}
        locale={{ emptyText: t('没有逾期的年度报告') }}
        renderItem={(r) => (
          <List.Item>
            <a {...linkProps(`/reports?agency=${r.agencyId}&year=${year}`)}>{r.agency}</a>
            <Tag color="red" style={{ marginLeft: 8 }}>
              {t('逾期未公布 {n} 天', { n: r.daysLate })}
            </Tag>
            <Typography.Text type="danger">
              {t('公布期限 {date}', { date: r.deadline })} · {meta.reportStatuses[r.status] ?? r.status}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
