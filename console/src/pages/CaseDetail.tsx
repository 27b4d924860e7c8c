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
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { type Input as ApiInput, call } from '../api.ts';
import { useAction, useLoad } from '../hooks.ts';
import { t } from '../i18n.ts';
import { useSession } from '../session.tsx';
import { EVENT_FIELDS } from './event-fields.ts';

/** Dates of record are Beijing dates, whatever the browser's time zone. */
const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** 案件: applicant (masked unless needed), the clock and why, the actions this state allows, letters, appeals. */
export function CaseDetail({ trackingNumber }: { trackingNumber: string }) {
  const { meta } = useSession();
  const [reveal, setReveal] = useState(false);
  const {
    data: c,
    error,
    reload,
  } = useLoad(
    () => call('getCase', { params: { tn: trackingNumber }, query: reveal ? { reveal: '1' } : {} }),
    [trackingNumber, reveal],
  );
  const [eventType, setEventType] = useState<string | null>(null);
  const [appealOpen, setAppealOpen] = useState(false);
  const act = useAction();
  const [form] = Form.useForm();
  if (error) return <Typography.Text type="danger">{error}</Typography.Text>;
  if (!c) return null;
  const record = async (v: Record<string, unknown>) => {
    const body: Record<string, unknown> = { type: eventType };
    for (const [k, val] of Object.entries(v)) body[k] = dayjs.isDayjs(val) ? val.format('YYYY-MM-DD') : val;
    const event = body as ApiInput<'recordCaseEvent'>['body'];
    if (await act(() => call('recordCaseEvent', { params: { tn: trackingNumber }, body: event }), t('已登记'))) {
      setEventType(null);
      form.resetFields();
      await reload();
    }
  };
  const addAppeal = async (
    v: Omit<ApiInput<'addAppeal'>['body'], 'filedDate' | 'resultDate'> & { filedDate: Dayjs; resultDate?: Dayjs },
  ) => {
    const body = { ...v, filedDate: v.filedDate.format('YYYY-MM-DD'), resultDate: v.resultDate?.format('YYYY-MM-DD') };
    if (await act(() => call('addAppeal', { params: { tn: trackingNumber }, body }), t('已登记'))) {
      setAppealOpen(false);
      await reload();
    }
  };
  const fields = eventType ? (EVENT_FIELDS[eventType] ?? []) : [];
  const a = c.applicant as Record<string, string | undefined>;
  return (
    <>
      <Typography.Title level={3}>
        {t('申请')} {c.trackingNumber} <Tag color="blue">{c.stateLabel}</Tag>
        {c.clock?.status?.overdue && <Tag color="red">{t('已逾期')}</Tag>}
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
            <Space wrap>
              {c.allowedEvents.map((t: string) => (
                <Button key={t} onClick={() => setEventType(t)} type={t === 'decided' ? 'primary' : 'default'}>
                  {meta.caseEvents[t] ?? t}
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
                { title: t('日期'), dataIndex: 'issuedDate' },
                {
                  title: t('下载'),
                  render: (_: unknown, l: { id: string }) => (
                    <Space>
                      <a
                        href={`/api/v1/cases/${encodeURIComponent(trackingNumber)}/letters/${l.id}/pdf`}
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
              items={c.clock.trace.map((s: { date: string | null; article: string; text: string }) => ({
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
              items={c.events.map((e: { seq: number; label: string; date: string; actor: string | null }) => ({
                children: `${e.date} ${e.label}${e.actor ? `（${e.actor}）` : ''}`,
              }))}
            />
          </Card>
          {c.appeals.length > 0 && (
            <Card title={t('行政复议、行政诉讼')} size="small" style={{ marginTop: 16 }}>
              {c.appeals.map((p) => (
                <p key={p.id}>
                  {p.filedDate} {p.kind} — {p.result}
                  {p.resultDate ? `（${p.resultDate}）` : ''}
                </p>
              ))}
            </Card>
          )}
        </Col>
      </Row>
      <Modal
        title={eventType ? meta.caseEvents[eventType] : ''}
        open={!!eventType}
        onCancel={() => setEventType(null)}
        onOk={() => form.submit()}
        okText={t('确定')}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={record}
          initialValues={{
            date: dayjs(chinaToday()),
            ...Object.fromEntries(fields.filter((f) => f.initial !== undefined).map((f) => [f.name, f.initial])),
          }}
        >
          <Form.Item label={t('日期')} name="date" rules={[{ required: true, message: t('请选择日期') }]}>
            <DatePicker />
          </Form.Item>
          {fields.map((f) => (
            <Form.Item
              key={f.name}
              label={f.label}
              name={f.name}
              rules={f.required ? [{ required: true, message: t('请填写{field}', { field: f.label }) }] : []}
            >
              {f.kind === 'textarea' ? (
                <Input.TextArea rows={3} />
              ) : f.kind === 'number' ? (
                <InputNumber min={0} />
              ) : f.kind === 'date' ? (
                <DatePicker />
              ) : f.kind === 'select' ? (
                <Select
                  options={
                    f.options === 'outcomes'
                      ? meta.outcomes
                      : (f.options ?? []).map(([value, label]) => ({ value, label }))
                  }
                />
              ) : (
                <Input />
              )}
            </Form.Item>
          ))}
        </Form>
      </Modal>
      <Modal
        title={t('登记行政复议、行政诉讼')}
        open={appealOpen}
        onCancel={() => setAppealOpen(false)}
        footer={null}
        destroyOnHidden
      >
        <Form layout="vertical" onFinish={addAppeal} initialValues={{ kind: 'reconsideration', result: 'pending' }}>
          <Form.Item label={t('类型')} name="kind">
            <Select
              options={[
                { value: 'reconsideration', label: t('行政复议') },
                { value: 'litigation_direct', label: t('未经复议直接起诉') },
                { value: 'litigation_after_reconsideration', label: t('复议后起诉') },
              ]}
            />
          </Form.Item>
          <Form.Item label={t('立案日期')} name="filedDate" rules={[{ required: true, message: t('请选择日期') }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item label={t('结果')} name="result">
            <Select
              options={[
                { value: 'pending', label: t('尚未审结') },
                { value: 'upheld', label: t('维持') },
                { value: 'corrected', label: t('纠正') },
                { value: 'other', label: t('其他结果') },
              ]}
            />
          </Form.Item>
          <Form.Item label={t('审结日期')} name="resultDate">
            <DatePicker />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('登记')}
          </Button>
        </Form>
      </Modal>
    </>
  );
}
