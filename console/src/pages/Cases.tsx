import { Button, DatePicker, Form, Input, Modal, Select, Space, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { OUTCOME_INFO, OUTCOME_LABELS_EN, OUTCOMES } from '../../../src/domain/case/outcomes.ts';
import { type Input as ApiInput, call, type Output } from '../api.ts';
import { useAction, useLoad } from '../hooks.ts';
import { locale, t } from '../i18n.ts';
import { type FilterSpec, ListTable, ListToolbar, useListState, yearOptions } from '../ListParts.tsx';
import { linkProps, navigate } from '../router.ts';
import { hasRole, useSession } from '../session.tsx';

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

type CaseBody = ApiInput<'registerCase'>['body'];
type ListQuery = NonNullable<ApiInput<'listCases'>['query']>;
type CaseRow = Output<'listCases'>['items'][number];
type IdType = NonNullable<CaseBody['applicant']['idType']>;
/** The registration form: the API's body, with the agency picked by id and the date as a picker's value. */
type RegisterForm = Omit<CaseBody, 'agency' | 'receivedDate'> & { agencyId?: string; receivedDate?: Dayjs };

/** The filters the URL may carry: the toolbar's, and the report's drill-down (decision year, applicant type, 文号). */
const FILTERS = [
  'queue',
  'state',
  'year',
  'channel',
  'outcome',
  'agencyId',
  'decidedYear',
  'applicantType',
  'docNumber',
] as const;
type Queue = NonNullable<ListQuery['queue']>;
const QUEUES: readonly (readonly ['' | Queue, string])[] = [
  ['', t('全部')],
  ['due_soon', t('即将到期')],
  ['overdue', t('已逾期')],
  ['waiting', t('等待申请人')],
  ['open', t('未办结')],
];
const SORTS = () => [
  { value: 'newest', label: t('最新收到在前') },
  { value: 'oldest', label: t('最早收到在前') },
  { value: 'due', label: t('答复期限最近在前') },
];
const labelled = (m: Record<string, string>) => Object.entries(m).map(([value, label]) => ({ value, label }));

/** 依申请公开: the cases in scope, paged by the server, with search, filters and queues; registering a paper application. */
export function Cases({ query }: { query: URLSearchParams }) {
  const { me, meta, agencies } = useSession();
  const { state, set, request } = useListState('/cases', query, FILTERS);
  const queue = QUEUES.find(([k]) => k === state.filters.queue)?.[0] ?? '';
  const { data, loading, error } = useLoad(
    // The link's filters go as written; the server checks them (a wrong one is refused in words).
    () => call('listCases', { query: request as ListQuery }),
    [query.toString()],
  );
  const filters: FilterSpec[] = [
    { key: 'state', label: t('状态'), options: labelled(meta.caseStates), width: 120 },
    { key: 'year', label: t('收到年份'), options: yearOptions(2019), width: 110 },
    { key: 'channel', label: t('渠道'), options: labelled(meta.channels), width: 120 },
    // Every outcome, the two the applicant's silence decides (第三十条, 第四十二条) too: a drill-down may ask for them.
    {
      key: 'outcome',
      label: t('答复结果'),
      options: OUTCOMES.map(
        (o) =>
          meta.outcomes.find((x) => x.value === o) ?? {
            value: o,
            label: locale() === 'en' ? OUTCOME_LABELS_EN[o] : OUTCOME_INFO[o].label,
          },
      ),
      width: 180,
    },
  ];
  if (agencies.length > 1)
    filters.push({
      key: 'agencyId',
      label: t('机关'),
      options: agencies.map((a) => ({ value: a.id, label: a.name })),
      width: 200,
    });
  // The report's drill-down: shown as what it asks, with a way out.
  const drill = [
    state.filters.decidedYear && t('{year}年答复', { year: state.filters.decidedYear }),
    state.filters.applicantType && meta.applicantTypes[state.filters.applicantType],
    state.filters.docNumber && t('文号：{n}', { n: state.filters.docNumber }),
  ].filter((x): x is string => Boolean(x));
  const [open, setOpen] = useState(false);
  const act = useAction();
  const [form] = Form.useForm<RegisterForm>();
  const canRegister = hasRole(me, 'operator');
  const register = async ({ agencyId, receivedDate, applicant, ...v }: RegisterForm) => {
    let created = '';
    const body: CaseBody = {
      ...v,
      agency: agencies.find((a) => a.id === agencyId)?.creditCode ?? '',
      receivedDate: receivedDate?.format('YYYY-MM-DD') ?? '',
      applicant: {
        ...applicant,
        ...(applicant.type === 'natural_person'
          ? { creditCode: undefined }
          : { idType: undefined, idNumber: undefined }),
      },
    };
    const ok = await act(
      async () => {
        created = (await call('registerCase', { body })).trackingNumber;
      },
      t('申请已登记'),
      { form, fields: { agency: 'agencyId' } },
    );
    if (ok && created) {
      setOpen(false);
      form.resetFields();
      navigate(`/case/${created}`);
    }
  };
  const ownAgencies = agencies.filter((a) => me.roles.some((r) => r.role === 'operator' && r.agencyId === a.id));
  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3}>{t('依申请公开')}</Typography.Title>
        {canRegister && (
          <Button type="primary" onClick={() => setOpen(true)}>
            {t('登记申请')}
          </Button>
        )}
      </Space>
      <Tabs
        activeKey={queue}
        onChange={(k) => set({ filters: { queue: k || undefined } })}
        items={QUEUES.map(([key, label]) => ({ key, label }))}
      />
      <ListToolbar state={state} set={set} placeholder={t('申请编号或申请人姓名')} filters={filters} sorts={SORTS()} />
      {drill.length > 0 && (
        <p>
          {t('筛选：')}
          {drill.map((d) => (
            <Tag key={d}>{d}</Tag>
          ))}
          <Button
            type="link"
            size="small"
            onClick={() => set({ filters: { decidedYear: undefined, applicantType: undefined, docNumber: undefined } })}
          >
            {t('清除筛选')}
          </Button>
        </p>
      )}
      <ListTable<CaseRow>
        rowKey="trackingNumber"
        data={data}
        loading={loading}
        error={error}
        state={state}
        set={set}
        emptyText={
          canRegister ? t('还没有申请：网上申请会自动出现在这里，当面或邮寄的申请点“登记申请”') : t('还没有申请')
        }
        scroll={{ x: 780 }}
        columns={[
          {
            title: t('申请编号'),
            dataIndex: 'trackingNumber',
            width: 140,
            render: (v) => <a {...linkProps(`/case/${v}`)}>{v}</a>,
          },
          ...(agencies.length > 1
            ? [{ title: t('机关'), dataIndex: ['agency', 'name'], width: 170, responsive: ['xl' as const] }]
            : []),
          { title: t('收到日期'), dataIndex: 'receivedDate', width: 110 },
          { title: t('申请人'), dataIndex: 'applicantName', width: 120 },
          { title: t('内容'), dataIndex: 'description', ellipsis: true, minWidth: 200 },
          { title: t('状态'), dataIndex: 'stateLabel', width: 100, render: (v) => <Tag>{v}</Tag> },
          {
            title: t('答复期限'),
            dataIndex: 'replyDue',
            width: 120,
            render: (v, r) =>
              r.deadline?.overdue ? (
                <Tag color="red">{v}</Tag>
              ) : r.deadline && r.deadline.status !== 'ok' ? (
                <Tag color="orange">{v}</Tag>
              ) : (
                v
              ),
          },
        ]}
      />
      <Modal
        title={t('登记申请（当面、邮寄、信函、传真等）')}
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('登记')}
        width={640}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={register}
          initialValues={{
            receivedDate: dayjs(today()),
            agencyId: ownAgencies[0]?.id,
            channel: 'in_person',
            // The ID type's value is the law's (Chinese) name whatever the language; only its label is translated.
            applicant: { type: 'natural_person', idType: meta.idTypes[0] as IdType, name: '' },
            form: 'paper',
          }}
        >
          {/* The server checks every field (its messages go on the fields); the marks only show what it asks. */}
          <Form.Item label={t('受理机关')} name="agencyId" required>
            <Select options={ownAgencies.map((a) => ({ value: a.id, label: a.name }))} />
          </Form.Item>
          <Space wrap>
            <Form.Item label={t('申请渠道')} name="channel" required>
              <Select
                style={{ width: 200 }}
                options={Object.entries(meta.channels).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
            <Form.Item label={t('收到申请日期')} name="receivedDate" required>
              <DatePicker />
            </Form.Item>
          </Space>
          <Form.Item label={t('收到日期的依据（条例第三十一条）')} name="receiptNote">
            <Input placeholder={t('如：{date} 邮政签收', { date: today() })} />
          </Form.Item>
          <Space wrap>
            <Form.Item label={t('申请人类型')} name={['applicant', 'type']}>
              <Select
                style={{ width: 200 }}
                options={Object.entries(meta.applicantTypes).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
            <Form.Item label={t('姓名或名称')} name={['applicant', 'name']} required>
              <Input />
            </Form.Item>
          </Space>
          <Form.Item noStyle shouldUpdate={(a, b) => a.applicant?.type !== b.applicant?.type}>
            {({ getFieldValue }) =>
              getFieldValue(['applicant', 'type']) === 'natural_person' ? (
                <Space wrap>
                  <Form.Item label={t('证件类型')} name={['applicant', 'idType']} required>
                    <Select style={{ width: 200 }} options={meta.idTypes.map((x) => ({ value: x, label: t(x) }))} />
                  </Form.Item>
                  <Form.Item label={t('证件号码')} name={['applicant', 'idNumber']} required>
                    <Input />
                  </Form.Item>
                </Space>
              ) : (
                <Form.Item label={t('统一社会信用代码')} name={['applicant', 'creditCode']} required>
                  <Input />
                </Form.Item>
              )
            }
          </Form.Item>
          <Space wrap>
            <Form.Item label={t('联系电话')} name={['applicant', 'phone']}>
              <Input />
            </Form.Item>
            <Form.Item label={t('通信地址')} name={['applicant', 'address']}>
              <Input style={{ width: 300 }} />
            </Form.Item>
          </Space>
          <Form.Item label={t('所需政府信息')} name="description" required>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item label={t('获取方式')} name="form">
            <Select options={Object.entries(meta.forms).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
