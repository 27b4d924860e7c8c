import { Badge, Card, Col, List, Row, Tag, Typography } from 'antd';
import { call, type Output } from '../api.ts';
import { useLoad } from '../hooks.ts';
import { t } from '../i18n.ts';
import { linkProps } from '../router.ts';
import { hasRole, useSession } from '../session.tsx';

type CaseRow = Output<'caseQueues'>['dueSoon'][number];
type ItemRow = Output<'listCatalogueItems'>['items'][number];
type ReportRow = Output<'reportStatus'>['items'][number];

/** 工作台: what needs doing, each a click from its screen. */
export function Workbench() {
  const { me, meta } = useSession();
  const year = new Date().getFullYear();
  const seesCases = hasRole(me, 'operator', 'approver', 'reviewer', 'agency_admin', 'supervisor');
  const { data } = useLoad(async () => {
    const none: Output<'caseQueues'> = { dueSoon: [], overdue: [], waitingOnApplicant: [] };
    const items = (queue: 'review' | 'approval' | 'overdue' | 'no_interpretation', limit?: number) =>
      call('listCatalogueItems', { query: { queue, pageSize: limit ?? 100 } });
    const [queues, review, approval, overdue, noInterp, reports] = await Promise.all([
      seesCases ? call('caseQueues') : Promise.resolve(none),
      items('review'),
      items('approval'),
      items('overdue'),
      items('no_interpretation', 50),
      // A role that sees no reports still has a workbench.
      call('reportStatus', { query: { year: year - 1 } }).then(
        (r) => r.items,
        (): ReportRow[] => [],
      ),
    ]);
    return { queues, review, approval, overdue, noInterp, reports };
  }, []);
  const caseList = (title: string, rows: CaseRow[] | undefined, color: string) => (
    <Card
      title={
        <span>
          {title} <Badge count={rows?.length ?? 0} color={color} showZero />
        </span>
      }
      size="small"
    >
      <List
        size="small"
        dataSource={rows ?? []}
        locale={{ emptyText: t('无') }}
        renderItem={(c) => (
          <List.Item>
            <a {...linkProps(`/case/${c.trackingNumber}`)}>{c.trackingNumber}</a> {c.description}
            <Tag style={{ marginLeft: 8 }}>{c.stateLabel}</Tag>
            {c.replyDue && (
              <Typography.Text type="secondary">{t('答复期限 {date}', { date: c.replyDue })}</Typography.Text>
            )}
          </List.Item>
        )}
      />
    </Card>
  );
  const itemList = (
    title: string,
    page: { items: ItemRow[]; total: number } | undefined,
    extra?: (i: ItemRow) => string,
  ) => (
    <Card
      title={
        <span>
          {title} <Badge count={page?.total ?? 0} overflowCount={9999} showZero color="#1677ff" />
        </span>
      }
      size="small"
    >
      <List
        size="small"
        dataSource={page?.items ?? []}
        locale={{ emptyText: t('无') }}
        renderItem={(i) => (
          <List.Item>
            <a {...linkProps(`/item/${i.id}`)}>{i.title}</a>
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              {i.agency_name} · {meta.itemStates[i.state] ?? i.state}
              {extra ? ` · ${extra(i)}` : ''}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
  return (
    <>
      <Typography.Title level={3}>{t('工作台')}</Typography.Title>
      <Row gutter={[16, 16]}>
        {seesCases && (
          <>
            <Col xs={24} xl={8}>
              {caseList(t('已逾期的申请'), data?.queues.overdue, '#cf1322')}
            </Col>
            <Col xs={24} xl={8}>
              {caseList(t('即将到期的申请'), data?.queues.dueSoon, '#fa8c16')}
            </Col>
            <Col xs={24} xl={8}>
              {caseList(t('等待申请人（补正、缴费）'), data?.queues.waitingOnApplicant, '#8c8c8c')}
            </Col>
          </>
        )}
        <Col xs={24} xl={12}>
          {itemList(t('待保密审查'), data?.review)}
        </Col>
        <Col xs={24} xl={12}>
          {itemList(t('待审批发布'), data?.approval)}
        </Col>
        <Col xs={24} xl={12}>
          {itemList(t('超过20个工作日未公开（条例第二十六条）'), data?.overdue, (i) =>
            t('应于 {date} 前公开', { date: i.disclosureDue ?? '' }),
          )}
        </Col>
        <Col xs={24} xl={12}>
          {itemList(t('规范性文件未发布解读'), data?.noInterp)}
        </Col>
        <Col xs={24}>
          <Card title={t('{year}年度报告', { year: year - 1 })} size="small">
            <List
              size="small"
              dataSource={data?.reports ?? []}
              locale={{ emptyText: t('无') }}
              renderItem={(r: ReportRow) => (
                <List.Item>
                  <a {...linkProps(`/reports?agency=${r.agencyId}&year=${year - 1}`)}>{r.agency}</a>
                  <Tag
                    color={r.status === 'published' ? 'green' : r.late ? 'red' : 'default'}
                    style={{ marginLeft: 8 }}
                  >
                    {meta.reportStatuses[r.status] ?? r.status}
                  </Tag>
                  <Typography.Text type="secondary">
                    {t('公布期限 {date}', { date: r.deadline })}
                    {r.failures ? ` · ${t('{n} 项校验未通过', { n: r.failures })}` : ''}
                  </Typography.Text>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
