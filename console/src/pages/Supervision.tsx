import { Alert, Button, Card, Col, InputNumber, Row, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { INDICATORS } from '../../../src/domain/supervision/index.ts';
import { call, href, type Output } from '../api.ts';
import { useLoad } from '../hooks.ts';
import { t } from '../i18n.ts';
import { linkProps, navigate } from '../router.ts';
import { supervisedRegion, useSession } from '../session.tsx';
import { Chart } from './Chart.tsx';

type Stats = Output<'regionStats'>;
type ReportRow = Output<'reportStatus'>['items'][number];
type AssessmentRow = Output<'getAssessment'>['rows'][number];
type Missing = Output<'interpretationCoverage'>['missing'][number];

const indicatorLabel = (key: string) => Object.entries(INDICATORS).find(([k]) => k === key)?.[1].label ?? key;

/** 监督考核: every agency of the region — cases, timeliness, reports and their checks, 考核 ranking, charts. */
export function Supervision({ query }: { query: URLSearchParams }) {
  const { me, meta, agencies } = useSession();
  const region = supervisedRegion(me) ?? '';
  // The roll-up is the report of the region's own 人民政府 (条例第五十条: it holds its departments), not of the
  // supervisor's grant, which names a region and no agency.
  const government = agencies.find((a) => a.kind === 'government' && a.regionCode === region && !a.parentAgencyId);
  const year = Number(query.get('year') ?? new Date().getFullYear());
  const { data } = useLoad(async () => {
    const [stats, reports, assessment, interp] = await Promise.all([
      call('regionStats', { query: { region, year } }),
      call('reportStatus', { query: { year: year - 1 } }),
      call('getAssessment', { query: { region, year } }),
      call('interpretationCoverage', { query: { region } }),
    ]);
    return { stats, reports: reports.items, assessment, interp };
  }, [region, year]);
  const outcomeChart = useMemo(
    () => ({
      tooltip: {},
      series: [
        {
          type: 'pie' as const,
          radius: '65%',
          data: (data?.stats.byOutcome ?? []).map((o) => ({ name: o.label ?? o.outcome ?? '', value: o.n })),
        },
      ],
    }),
    [data],
  );
  const monthChart = useMemo(
    () => ({
      tooltip: {},
      xAxis: { type: 'category' as const, data: Array.from({ length: 12 }, (_, i) => t('{m}月', { m: i + 1 })) },
      yAxis: { type: 'value' as const, minInterval: 1 },
      series: [{ type: 'bar' as const, data: data?.stats.byMonth ?? [], itemStyle: { color: '#b31b1b' } }],
    }),
    [data],
  );
  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3}>
          {t('监督考核')} · {data?.stats.region.name ?? ''}
        </Typography.Title>
        <Space>
          <InputNumber
            value={year}
            min={2019}
            max={2100}
            onChange={(y) => y && navigate(`/supervision?year=${y}`)}
            aria-label={t('年度')}
          />
          <Button href={href('exportAssessment', { query: { region, year } })}>{t('导出考核结果（Excel）')}</Button>
          <Tooltip title={government ? '' : t('本地区尚未登记人民政府，无法汇总')}>
            <Button
              disabled={!government}
              {...(government ? linkProps(`/reports?agency=${government.id}&year=${year - 1}`) : {})}
            >
              {t('汇总年度报告')}
            </Button>
          </Tooltip>
        </Space>
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('各部门申请办理')}>
            <Table
              loading={!data}
              size="small"
              pagination={false}
              rowKey="agencyId"
              dataSource={data?.stats.agencies ?? []}
              columns={[
                { title: t('机关'), dataIndex: 'agency' },
                { title: t('在办'), dataIndex: 'open' },
                {
                  title: t('逾期'),
                  dataIndex: 'overdue',
                  render: (v: number, r: Stats['agencies'][number]) =>
                    v ? (
                      <a {...linkProps(`/cases?queue=overdue&agencyId=${r.agencyId}`)}>
                        <Tag color="red">{v}</Tag>
                      </a>
                    ) : (
                      0
                    ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('{year}年度报告', { year: year - 1 })}>
            <Table
              loading={!data}
              size="small"
              pagination={false}
              rowKey="agencyId"
              dataSource={data?.reports ?? []}
              columns={[
                {
                  title: t('机关'),
                  dataIndex: 'agency',
                  render: (v: string, r: ReportRow) => (
                    <a {...linkProps(`/reports?agency=${r.agencyId}&year=${year - 1}`)}>{v}</a>
                  ),
                },
                {
                  title: t('状态'),
                  dataIndex: 'status',
                  render: (v: string, r: ReportRow) => (
                    <Tag color={v === 'published' ? 'green' : r.late ? 'red' : 'default'}>
                      {meta.reportStatuses[v] ?? v}
                    </Tag>
                  ),
                },
                {
                  title: t('公布期限'),
                  dataIndex: 'deadline',
                  // 条例第四十九条: not published by the deadline → red.
                  render: (v: string, r: ReportRow) => (
                    <Space size={4} wrap>
                      <Typography.Text type={r.late ? 'danger' : undefined}>{v}</Typography.Text>
                      {r.timeliness === 'overdue' && <Tag color="red">{t('逾期未公布 {n} 天', { n: r.daysLate })}</Tag>}
                      {r.timeliness === 'published_late' && (
                        <Tag color="orange">{t('逾期 {n} 天公布', { n: r.daysLate })}</Tag>
                      )}
                    </Space>
                  ),
                },
                {
                  title: t('校验'),
                  dataIndex: 'failures',
                  render: (v: number) =>
                    v ? <Tag color="red">{t('{n} 项未通过', { n: v })}</Tag> : <Tag color="green">{t('通过')}</Tag>,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('{year}年答复结果', { year })}>
            {data ? <Chart option={outcomeChart} label={t('答复结果分布')} /> : <Skeleton active />}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('{year}年各月收到申请', { year })}>
            {data ? <Chart option={monthChart} label={t('各月收到申请数')} /> : <Skeleton active />}
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={t('{year}年考核排名（由记录计算，点击展开扣分依据）', { year })}>
            <Table
              loading={!data}
              size="small"
              pagination={false}
              rowKey="agencyId"
              dataSource={data?.assessment.rows ?? []}
              expandable={{
                expandedRowRender: (r: AssessmentRow) => (
                  <ul>
                    {r.indicators.flatMap((i) =>
                      i.shortfalls.map((s) => (
                        <li key={s.id + s.label}>
                          {i.label}：{s.label}
                        </li>
                      )),
                    )}
                  </ul>
                ),
              }}
              columns={[
                {
                  title: t('排名'),
                  dataIndex: 'rank',
                  width: 80,
                  render: (v: number | null) => v ?? <Tag>{t('不排名')}</Tag>,
                },
                { title: t('机关'), dataIndex: 'agency' },
                {
                  title: t('总分'),
                  dataIndex: 'total',
                  render: (v: number | null, r: AssessmentRow) =>
                    v === null ? (
                      <Typography.Text type="secondary">{t('无数据')}</Typography.Text>
                    ) : (
                      <Tooltip title={t('按适用指标权重 {w} 折算为百分制', { w: r.appliedWeight })}>{v}</Tooltip>
                    ),
                },
                ...(data?.assessment.plan.indicators ?? []).map((p, k) => ({
                  title: `${t(indicatorLabel(p.key))}（${p.weight}）`,
                  render: (_: unknown, r: AssessmentRow) => {
                    const i = r.indicators[k];
                    if (!i) return '';
                    return i.applicable ? (
                      `${i.score}（${i.numerator}/${i.denominator}）`
                    ) : (
                      <Typography.Text type="secondary">{t('无数据')}</Typography.Text>
                    );
                  },
                })),
              ]}
            />
            <Alert
              style={{ marginTop: 8 }}
              type="info"
              showIcon
              title={t('计分规则')}
              description={t(
                '总分 = 各适用指标得分之和 ÷ 适用指标权重之和 × 100。某项指标当年没有可考核的事项（如没有到期的申请、没有应公布的年度报告）时显示“无数据”，不计分也不扣分，其权重不计入分母；所有指标均无数据的机关不排名。',
              )}
            />
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={t('规范性文件未发布解读（{n}）', { n: data?.interp.missing.length ?? 0 })}>
            <Table
              loading={!data}
              size="small"
              rowKey="id"
              dataSource={data?.interp.missing ?? []}
              pagination={{ pageSize: 5 }}
              columns={[
                {
                  title: t('文件'),
                  dataIndex: 'title',
                  render: (v: string, r: Missing) => <a {...linkProps(`/item/${r.id}`)}>{v}</a>,
                },
                { title: t('机关'), dataIndex: 'agency' },
                { title: t('发布日期'), dataIndex: 'publish_date' },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
