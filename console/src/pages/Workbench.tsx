import { Badge, Card, Col, Empty, List, Row, Skeleton, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { call, type Output } from '../api.ts';
import { useLoad } from '../hooks.ts';
import { t } from '../i18n.ts';
import { OverdueReports } from '../report/OverdueReports.tsx';
import { ExtensionActions } from '../review/ExtensionActions.tsx';
import { when } from '../review/ReviewHistory.tsx';
import { linkProps } from '../router.ts';
import { hasRole, useSession } from '../session.tsx';

type CaseRow = Output<'caseQueues'>['dueSoon'][number];
type ItemRow = Output<'listCatalogueItems'>['items'][number];
type ReportRow = Output<'reportStatus'>['items'][number];
type Reviews = Output<'reviewWorkbench'>;

/** A card of the workbench's grid: a title with its count, a skeleton while loading, and its list. */
function Panel({
  title,
  count,
  color,
  loading,
  children,
  testId,
}: {
  title: string;
  count: number;
  color: string;
  loading: boolean;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Card
      title={
        <span>
          {title} <Badge count={count} color={color} showZero />
        </span>
      }
      size="small"
      data-testid={testId}
    >
      {loading ? <Skeleton active paragraph={{ rows: 3 }} title={false} /> : children}
    </Card>
  );
}

/** 工作台: what needs doing, each a click from its screen — and the head's decisions, taken in place. */
export function Workbench() {
  const { me, meta } = useSession();
  const year = new Date().getFullYear();
  const seesCases = hasRole(me, 'operator', 'approver', 'reviewer', 'agency_admin', 'supervisor');
  const isHead = hasRole(me, 'approver');
  const { data, loading, reload } = useLoad(async () => {
    const none: Output<'caseQueues'> = { dueSoon: [], overdue: [], waitingOnApplicant: [] };
    const items = (queue: 'review' | 'approval' | 'overdue' | 'no_interpretation', limit?: number) =>
      call('listCatalogueItems', { query: { queue, pageSize: limit ?? 100 } });
    const [queues, review, approval, overdue, noInterp, reports, reviews] = await Promise.all([
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
      call('reviewWorkbench'),
    ]);
    return { queues, review, approval, overdue, noInterp, reports, reviews };
  }, []);
  const busy = loading && !data;
  const empty = (what: string) => <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={what} />;
  const caseList = (title: string, rows: CaseRow[] | undefined, color: string) => (
    <Panel title={title} count={rows?.length ?? 0} color={color} loading={busy}>
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
    </Panel>
  );
  const itemList = (
    title: string,
    page: { items: ItemRow[]; total: number } | undefined,
    extra?: (i: ItemRow) => string,
  ) => (
    <Panel title={title} count={page?.total ?? 0} color="#1677ff" loading={busy}>
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
    </Panel>
  );
  const returned = data?.reviews.returned ?? [];
  const extensions = data?.reviews.extensions ?? [];
  const decisions = data?.reviews.decisions ?? [];
  const returnLink = (r: Reviews['returned'][number]) => {
    if (r.kind === 'catalogue_item') return `/item/${r.id}`;
    const [agency, y] = r.id.split('/');
    return `/reports?agency=${agency}&year=${y}`;
  };
  return (
    <>
      <Typography.Title level={3}>{t('工作台')}</Typography.Title>
      {/* The workbench is a grid of cards (Col xs=24 xl=8|12): a new card is one more Col. */}
      <Row gutter={[16, 16]}>
        {(returned.length > 0 || hasRole(me, 'operator')) && (
          <Col xs={24} xl={isHead ? 8 : 12}>
            <Panel title={t('被退回')} count={returned.length} color="#cf1322" loading={busy} testId="returned">
              <List
                size="small"
                dataSource={returned}
                locale={{ emptyText: empty(t('没有被退回的信息或年报')) }}
                renderItem={(r) => (
                  <List.Item>
                    <List.Item.Meta
                      title={
                        <span>
                          <Tag color={r.kind === 'catalogue_item' ? 'blue' : 'purple'}>
                            {r.kind === 'catalogue_item' ? t('信息') : t('年度报告')}
                          </Tag>
                          <a {...linkProps(returnLink(r))}>{r.title}</a>
                        </span>
                      }
                      description={
                        <>
                          <div>{t('{who}于 {at} 退回', { who: r.by, at: when(r.at) })}</div>
                          <div style={{ whiteSpace: 'pre-wrap', color: 'rgba(0,0,0,0.88)' }}>{r.comment}</div>
                        </>
                      }
                    />
                  </List.Item>
                )}
              />
            </Panel>
          </Col>
        )}
        {isHead && (
          <>
            <Col xs={24} xl={8}>
              <Panel
                title={t('待批准的延期申请（条例第三十三条）')}
                count={extensions.length}
                color="#fa8c16"
                loading={busy}
                testId="extensions"
              >
                <List
                  size="small"
                  dataSource={extensions}
                  locale={{ emptyText: empty(t('没有待批准的延期申请')) }}
                  renderItem={(x) => (
                    <List.Item
                      data-testid={`extension-${x.trackingNumber}`}
                      actions={[
                        <ExtensionActions
                          key="act"
                          tn={x.trackingNumber}
                          mayApprove={x.mayApprove}
                          mayRefuse={x.mayRefuse}
                          onDone={reload}
                        />,
                      ]}
                    >
                      <List.Item.Meta
                        title={
                          <span>
                            <a {...linkProps(`/case/${x.trackingNumber}`)}>{x.trackingNumber}</a> {x.description}
                          </span>
                        }
                        description={
                          <>
                            <div>
                              {t('{who}于 {date} 申请延期：{reason}', {
                                who: x.requestedBy,
                                date: x.requestedDate,
                                reason: x.reason,
                              })}
                            </div>
                            {x.replyDue && (
                              <div>
                                {t('答复期限 {date}', { date: x.replyDue })}
                                {!x.mayApprove && x.mayRefuse && ` · ${t('答复期限已届满，不能再批准延期')}`}
                              </div>
                            )}
                          </>
                        }
                      />
                    </List.Item>
                  )}
                />
              </Panel>
            </Col>
            <Col xs={24} xl={8}>
              <Panel
                title={t('待负责人作出答复')}
                count={decisions.length}
                color="#1677ff"
                loading={busy}
                testId="decisions"
              >
                <List
                  size="small"
                  dataSource={decisions}
                  locale={{ emptyText: empty(t('本机关无须负责人批准答复，或没有待答复的申请')) }}
                  renderItem={(d) => (
                    <List.Item
                      actions={[
                        <a key="go" {...linkProps(`/case/${d.trackingNumber}`)}>
                          {t('去答复')}
                        </a>,
                      ]}
                    >
                      <List.Item.Meta
                        title={
                          <span>
                            <a {...linkProps(`/case/${d.trackingNumber}`)}>{d.trackingNumber}</a> {d.description}
                          </span>
                        }
                        description={
                          <span>
                            {d.agency} · {d.stateLabel}
                            {d.replyDue ? ` · ${t('答复期限 {date}', { date: d.replyDue })}` : ''}
                          </span>
                        }
                      />
                    </List.Item>
                  )}
                />
              </Panel>
            </Col>
          </>
        )}
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
          <OverdueReports year={year - 1} />
        </Col>
        <Col xs={24}>
          <Panel
            title={t('{year}年度报告', { year: year - 1 })}
            count={data?.reports.length ?? 0}
            color="#8c8c8c"
            loading={busy}
          >
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
          </Panel>
        </Col>
      </Row>
    </>
  );
}
