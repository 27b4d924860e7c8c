import { Alert, Button, Card, Form, Input, InputNumber, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { type Input as ApiInput, call, href } from '../api.ts';
import { type FormTarget, useAction, useLoad } from '../hooks.ts';
import { t } from '../i18n.ts';
import { CommentButton } from '../review/CommentModal.tsx';
import { ReviewHistory } from '../review/ReviewHistory.tsx';
import { navigate } from '../router.ts';
import { hasRole, ownAgency, useSession } from '../session.tsx';
import { ApplicationsTable } from './report/ApplicationsTable.tsx';
import { ChecksCard } from './report/ChecksCard.tsx';
import { changedFigures, type Figures, initialFigures, liveFailures } from './report/live-checks.ts';
import { ProactiveTable } from './report/ProactiveTable.tsx';

type Step = ApiInput<'reportStep'>['params']['step'];
type StepBody = ApiInput<'reportStep'>['body'];
const FORMATS = ['html', 'pdf', 'docx', 'xlsx', 'text', 'json'] as const;

/**
 * 年度报告: numbers from the records (each cell a link to them), section 二's figures entered here with the checks
 * evaluated live in the browser, the narrative, every format.
 */
export function ReportEditor({ query }: { query: URLSearchParams }) {
  const { me, agencies } = useSession();
  // An empty `agency=` is no choice: the caller's own agency, else the first in scope.
  const agencyId = query.get('agency') || ownAgency(me) || agencies[0]?.id || '';
  const year = Number(query.get('year') ?? new Date().getFullYear() - 1);
  const params = { agencyId, year };
  const { data: r, error, reload } = useLoad(() => call('getReport', { params }), [agencyId, year]);
  const act = useAction();
  const [narrative] = Form.useForm<ApiInput<'saveReportNarrative'>['body']>();
  const [publish] = Form.useForm<StepBody>();
  const [figuresForm] = Form.useForm<Figures>();
  const typed = Form.useWatch([], figuresForm) as Figures | undefined;
  const [saving, setSaving] = useState(false);
  const [stepping, setStepping] = useState(false);
  useEffect(() => {
    if (r) figuresForm.setFieldsValue(initialFigures(r));
  }, [r, figuresForm]);
  // Until the form holds the report's figures, the checks are the report's own.
  const figures = typed && Object.keys(typed).length ? typed : r ? initialFigures(r) : undefined;
  const failures = useMemo(() => (r ? liveFailures(r, figures) : []), [r, figures]);
  const dirty = !!r && !!figures && Object.keys(changedFigures(r, figures)).length > 0;
  const kind = agencies.find((a) => a.id === agencyId)?.kind;
  // 条例第四十九条: the agency's operator enters its figures; the supervisor compiles the 本级政府 report.
  const figuresEditable =
    !!r &&
    r.status !== 'published' &&
    r.source === 'live' &&
    (hasRole(me, 'operator') || (kind === 'government' && hasRole(me, 'supervisor')));
  const saveFigures = async () => {
    if (!r || !figures || saving) return;
    setSaving(true);
    try {
      const body = changedFigures(r, figures);
      const ok = await act(() => call('saveReportFigures', { params, body }), t('已保存'), { form: figuresForm });
      if (ok) await reload();
    } finally {
      setSaving(false);
    }
  };
  const go = (a: string, y: number) => navigate(`/reports?agency=${a}&year=${y}`);
  const step = async (s: Step, body: StepBody = {}, target?: FormTarget) => {
    if (stepping) return;
    setStepping(true);
    try {
      const ok = await act(() => call('reportStep', { params: { ...params, step: s }, body }), t('已完成'), target);
      if (ok) await reload();
    } finally {
      setStepping(false);
    }
  };
  const editable = r && ['draft', 'returned'].includes(r.status) && hasRole(me, 'operator');
  return (
    <>
      <Typography.Title level={3}>{t('年度报告')}</Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          style={{ width: 280 }}
          value={agencyId}
          onChange={(a) => go(a, year)}
          options={agencies.map((a) => ({ value: a.id, label: a.name }))}
          aria-label={t('机关')}
        />
        <InputNumber value={year} min={2019} max={2100} onChange={(y) => y && go(agencyId, y)} aria-label={t('年度')} />
        {r && <Tag color={r.status === 'published' ? 'green' : 'blue'}>{r.statusLabel}</Tag>}
      </Space>
      {error && <Alert type="error" title={error} />}
      {!r && !error && <Skeleton active paragraph={{ rows: 8 }} />}
      {r && (
        <>
          <ReviewHistory subject={{ kind: 'report', agencyId, year }} version={r} />
          <ChecksCard failures={failures} dirty={dirty} />
          <ProactiveTable
            r={r}
            form={figuresForm}
            failures={failures}
            editable={figuresEditable}
            saving={saving}
            onSave={saveFigures}
          />
          <ApplicationsTable r={r} agencyId={agencyId} year={year} />
          <Card size="small" title={t('正文')} style={{ marginBottom: 16 }}>
            <Form
              form={narrative}
              layout="vertical"
              key={`${agencyId}-${year}-${r.status}`}
              initialValues={r.text}
              disabled={!editable}
              onFinish={async (v) => {
                const saved = () => call('saveReportNarrative', { params, body: v });
                if (await act(saved, t('已保存'), { form: narrative })) await reload();
              }}
            >
              <Form.Item label={t('一、总体情况')} name="overview">
                <Input.TextArea rows={6} />
              </Form.Item>
              <Form.Item label={t('五、存在的主要问题及改进情况')} name="problems">
                <Input.TextArea rows={4} />
              </Form.Item>
              <Form.Item label={t('六、其他需要报告的事项')} name="other">
                <Input.TextArea rows={2} />
              </Form.Item>
              {editable && (
                <Button type="primary" htmlType="submit">
                  {t('保存正文')}
                </Button>
              )}
            </Form>
          </Card>
          <Space wrap>
            <span>{t('预览与下载：')}</span>
            {FORMATS.map((f) => (
              <a
                key={f}
                // PDF and HTML open in a new tab to be read (inline); the other formats download.
                href={href('getReport', {
                  params,
                  query: { format: f, ...(f === 'pdf' || f === 'html' ? { inline: '1' } : {}) },
                })}
                target="_blank"
                rel="noreferrer"
              >
                {f.toUpperCase()}
              </a>
            ))}
          </Space>
          <Space wrap style={{ marginTop: 16, display: 'flex' }}>
            {['draft', 'returned'].includes(r.status) && hasRole(me, 'operator') && (
              <Button type="primary" onClick={() => step('submit')}>
                {t('提交审核')}
              </Button>
            )}
            {r.status === 'submitted' && hasRole(me, 'supervisor') && (
              <CommentButton
                label={t('退回')}
                title={t('退回年度报告')}
                placeholder={t('写明需要修改的内容，报送单位将在工作台和本页看到')}
                run={(comment) => call('reportStep', { params: { ...params, step: 'return' }, body: { comment } })}
                onDone={reload}
              />
            )}
            {r.status === 'submitted' && hasRole(me, 'supervisor') && (
              <Button type="primary" onClick={() => step('accept', { comment: t('审核通过') })}>
                {t('审核通过')}
              </Button>
            )}
            {(r.status === 'accepted' ||
              (r.status === 'draft' && agencies.find((a) => a.id === agencyId)?.kind === 'government')) &&
              hasRole(me, 'approver') &&
              (r.failures.length ? (
                <Form
                  form={publish}
                  layout="inline"
                  initialValues={{ overrideReason: '' }}
                  onFinish={(v) => step('publish', v, { form: publish })}
                >
                  {/* Publishing a report that fails its checks: the server asks for the reason, on this field. */}
                  <Form.Item name="overrideReason" required>
                    <Input placeholder={t('校验未通过仍公布的理由')} style={{ width: 280 }} />
                  </Form.Item>
                  <Button type="primary" htmlType="submit">
                    {t('说明理由并公布')}
                  </Button>
                </Form>
              ) : (
                <Button type="primary" onClick={() => step('publish')}>
                  {t('公布')}
                </Button>
              ))}
            {r.status === 'published' && (
              <a href={`/agencies/${agencyId}/reports/${year}`} target="_blank" rel="noreferrer">
                {t('查看公开页面')}
              </a>
            )}
          </Space>
        </>
      )}
    </>
  );
}
