import {
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { eventForm, type FormField } from '../../../src/domain/case/event-form.ts';
import type { Text } from '../../../src/domain/case/event-spec.ts';
import { eventLabel, eventSpec } from '../../../src/domain/case/event-views.ts';
import type { CaseEventType } from '../../../src/domain/case/events.ts';
import { type Input as ApiInput, call, type Output } from '../api.ts';
import { AppealModal, appealKindLabel, appealResultLabel } from '../case/AppealModal.tsx';
import { newIdempotencyKey, useSubmitOnce } from '../form-errors.ts';
import { useAction, useLoad } from '../hooks.ts';
import { locale, t } from '../i18n.ts';
import { ReviewHistory } from '../review/ReviewHistory.tsx';

/** Dates of record are Beijing dates, whatever the browser's time zone. */
const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

type FormValues = Record<string, unknown>;
type TraceStep = Output<'getCase'>['clock']['trace'][number];

/** The deadline's steps in date order; a step without a date keeps its place after the one before it. */
function byDate(trace: TraceStep[]): TraceStep[] {
  let last = '';
  const keyed = trace.map((s, i) => {
    last = s.date ?? last;
    return { s, i, d: last };
  });
  return keyed.sort((a, b) => (a.d === b.d ? a.i - b.i : a.d < b.d ? -1 : 1)).map((k) => k.s);
}
/** The table's wording in the console's language. */
const say = (text: Text) => (locale() === 'en' ? text.en : text.zh);

/**
 * The input of one field of an event's form, drawn from the event table's schema (src/domain/case/event-form.ts).
 * An element, not a component: Form.Item gives its value and change handler to the element it wraps.
 */
function inputFor(field: FormField) {
  switch (field.kind) {
    case 'textarea':
      return <Input.TextArea rows={3} maxLength={field.maxLength} />;
    case 'number':
      return <InputNumber min={field.min} max={field.max} precision={field.integer ? 0 : undefined} />;
    case 'date':
      return <DatePicker />;
    case 'select':
      return (
        <Select
          allowClear={!field.required}
          options={(field.options ?? []).map((o) => ({ value: o.value, label: say(o.label) }))}
        />
      );
    case 'text':
      return <Input maxLength={field.maxLength} />;
    default: {
      const never: never = field.kind;
      return never;
    }
  }
}

/** 案件: applicant (masked unless needed), the clock and why, the actions this state allows, letters, appeals. */
export function CaseDetail({ trackingNumber }: { trackingNumber: string }) {
  const [reveal, setReveal] = useState(false);
  const {
    data: c,
    error,
    reload,
  } = useLoad(
    () => call('getCase', { params: { tn: trackingNumber }, query: reveal ? { reveal: '1' } : {} }),
    [trackingNumber, reveal],
  );
  const [eventType, setEventType] = useState<CaseEventType | null>(null);
  const [appealOpen, setAppealOpen] = useState(false);
  const act = useAction();
  const [form] = Form.useForm<FormValues>();
  const { submitting, guard } = useSubmitOnce();
  const [eventKey, setEventKey] = useState(newIdempotencyKey);
  if (error) return <Typography.Text type="danger">{error}</Typography.Text>;
  if (!c) return <Skeleton active paragraph={{ rows: 10 }} />;
  const open = (type: CaseEventType) => {
    setEventKey(newIdempotencyKey());
    setEventType(type);
  };
  const record = (v: FormValues) => guard(() => recordEvent(v));
  const recordEvent = async (v: FormValues) => {
    if (!eventType) return;
    const body: Record<string, unknown> = { type: eventType };
    for (const [k, val] of Object.entries(v))
      if (val !== undefined && val !== null && val !== '')
        body[k] = dayjs.isDayjs(val) ? val.format('YYYY-MM-DD') : val;
    // The schema the server validates with, here first: its messages beside the fields they concern.
    const checked = eventSpec(eventType).input.safeParse(body);
    if (!checked.success) {
      form.setFields(checked.error.issues.map((i) => ({ name: String(i.path[0] ?? 'date'), errors: [i.message] })));
      return;
    }
    const event = checked.data as ApiInput<'recordCaseEvent'>['body'];
    const sent = () =>
      call('recordCaseEvent', {
        params: { tn: trackingNumber },
        headers: { 'idempotency-key': eventKey },
        body: event,
      });
    if (await act(sent, t('已登记'), { form })) {
      setEventType(null);
      form.resetFields();
      await reload();
    }
  };
  const fields = eventType ? eventForm(eventType) : [];
  const a = c.applicant as Record<string, string | undefined>;
  return (
    <>
      <Typography.Title level={3}>
        {t('申请')} {c.trackingNumber} <Tag color="blue">{c.stateLabel}</Tag>
        {c.clock?.status?.overdue && <Tag color="red">{t('已逾期')}</Tag>}
        {c.clock?.status?.status === 'extension_pending' && <Tag color="orange">{t('延期待批准')}</Tag>}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card
            title={t('申请')}
            size="small"
            extra={
              !reveal && (
                <Button size="small" onClick={() => setReveal(true)}>
                  {t('查看完整个人信息（记入审计）')}
                </Button>
              )
            }
          >
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('受理机关')}>{c.agency.name}</Descriptions.Item>
              <Descriptions.Item label={t('申请人')}>
                {a.name} （{c.applicantTypeLabel}）
              </Descriptions.Item>
              <Descriptions.Item label={t('证件/代码')}>{a.idNumber ?? a.creditCode ?? ''}</Descriptions.Item>
              <Descriptions.Item label={t('联系方式')}>
                {[a.phone, a.email, a.address].filter(Boolean).join('；')}
              </Descriptions.Item>
              <Descriptions.Item label={t('收到日期')}>
                {c.receivedDate}（{c.channelLabel}；{c.receiptBasis}）
              </Descriptions.Item>
              <Descriptions.Item label={t('所需信息')}>{c.description}</Descriptions.Item>
              <Descriptions.Item label={t('获取方式')}>{c.formLabel}</Descriptions.Item>
              {c.outcomeLabel && (
                <Descriptions.Item label={t('答复结果')}>
                  {c.outcomeLabel}（{c.decidedDate}）
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          <Card title={t('可办理的操作')} size="small" style={{ marginTop: 16 }}>
            {c.allowedEvents.length === 0 && (
              <Typography.Paragraph type="secondary">{t('本案当前没有可办理的步骤')}</Typography.Paragraph>
            )}
            <Space wrap>
              {/* The server's own verdict (mayRecord): steps done or ruled out are not offered. */}
              {c.allowedEvents.map((type) => (
                <Button key={type} onClick={() => open(type)} type={type === 'decided' ? 'primary' : 'default'}>
                  {say(eventLabel(type))}
                </Button>
              ))}
              <Button onClick={() => setAppealOpen(true)}>{t('登记复议/诉讼')}</Button>
            </Space>
          </Card>
          <Card title={t('告知书')} size="small" style={{ marginTop: 16 }}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={c.letters}
              columns={[
                { title: t('文书'), dataIndex: 'title' },
                { title: t('文号'), dataIndex: 'docNumber', render: (n: string | null) => n ?? '—' },
                { title: t('日期'), dataIndex: 'issuedDate' },
                {
                  title: t('下载'),
                  render: (_: unknown, l: Output<'getCase'>['letters'][number]) => (
                    <Space>
                      <a
                        href={`/api/v1/cases/${encodeURIComponent(trackingNumber)}/letters/${l.id}/pdf?inline=1`}
                        target="_blank"
                        rel="noreferrer"
                      >
                        {t('预览 PDF')}
                      </a>
                      <a href={`/api/v1/cases/${encodeURIComponent(trackingNumber)}/letters/${l.id}/docx`}>Word</a>
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('答复期限：{date}', { date: c.clock.replyDue ?? t('暂停计算') })} size="small">
            <Typography.Paragraph type="secondary">{t('为什么是这一天：')}</Typography.Paragraph>
            <Timeline
              items={byDate(c.clock.trace).map((s) => ({
                children: (
                  <span>
                    {s.date && <b>{s.date} </b>}
                    <Tag>{s.article}</Tag>
                    {s.text}
                  </span>
                ),
              }))}
            />
          </Card>
          <Card title={t('办理过程')} size="small" style={{ marginTop: 16 }}>
            <Timeline
              items={c.events.map((e) => ({
                children: (
                  <span>
                    <b>{e.date}</b> {say(eventLabel(e.type))}
                    {e.actor && <Typography.Text type="secondary">（{e.actor}）</Typography.Text>}
                    {typeof e.data.reason === 'string' && e.data.reason && (
                      <div style={{ whiteSpace: 'pre-wrap' }}>{e.data.reason}</div>
                    )}
                  </span>
                ),
              }))}
            />
          </Card>
          {c.events.some((e) => e.type === 'extension_requested') && (
            <div style={{ marginTop: 16 }}>
              <ReviewHistory subject={{ kind: 'case', tn: trackingNumber }} version={c} title={t('延期审批记录')} />
            </div>
          )}
          {c.appeals.length > 0 && (
            <Card title={t('行政复议、行政诉讼')} size="small" style={{ marginTop: 16 }}>
              {c.appeals.map((p) => (
                <p key={p.id} data-testid="appeal">
                  {p.filedDate} {appealKindLabel(p.kind)}
                  <Tag color={p.result === 'pending' ? 'orange' : 'default'} style={{ marginLeft: 8 }}>
                    {appealResultLabel(p.result)}
                  </Tag>
                  {p.resultDate ? `（${p.resultDate}）` : ''}
                  {p.note ? ` ${p.note}` : ''}
                </p>
              ))}
            </Card>
          )}
        </Col>
      </Row>
      <Modal
        title={eventType ? say(eventLabel(eventType)) : ''}
        open={!!eventType}
        onCancel={() => setEventType(null)}
        onOk={() => form.submit()}
        okText={t('确定')}
        okButtonProps={{ loading: submitting, disabled: submitting }}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={record}
          disabled={submitting}
          initialValues={{
            date: dayjs(chinaToday()),
            ...Object.fromEntries(fields.filter((f) => f.initial !== undefined).map((f) => [f.name, f.initial])),
          }}
        >
          {fields.map((f) => (
            <Form.Item
              key={f.name}
              label={say(f.label)}
              name={f.name}
              rules={
                f.required
                  ? [
                      {
                        required: true,
                        message: f.kind === 'date' ? t('请选择日期') : t('请填写{field}', { field: say(f.label) }),
                      },
                    ]
                  : []
              }
            >
              {inputFor(f)}
            </Form.Item>
          ))}
        </Form>
      </Modal>
      <AppealModal
        tn={trackingNumber}
        open={appealOpen}
        onClose={(added) => {
          setAppealOpen(false);
          if (added) void reload();
        }}
      />
    </>
  );
}
