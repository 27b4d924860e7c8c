import { Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FORMATS } from '../../../src/domain/report/index.ts';
import { type Input as ApiInput, call } from '../api.ts';
import { useAction, useLoad } from '../hooks.ts';
import { t } from '../i18n.ts';
import { linkProps, navigate } from '../router.ts';
import { hasRole, useSession } from '../session.tsx';

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

type CaseBody = ApiInput<'registerCase'>['body'];
type ListQuery = NonNullable<ApiInput<'listCases'>['query']>;
type IdType = NonNullable<CaseBody['applicant']['idType']>;
/** The registration form: the API's body, with the agency picked by id and the date as a picker's value. */
type RegisterForm = Omit<CaseBody, 'agency' | 'receivedDate'> & { agencyId?: string; receivedDate?: Dayjs };

const QUEUE_LABELS: Record<string, string> = {
  due_soon: t('即将到期'),
  overdue: t('已逾期'),
  waiting: t('等待申请人'),
  open: t('在办'),
};

/** The filters a link may carry (the report's drill-down): those the list understands, as text. */
const FILTERS = ['state', 'queue', 'agencyId', 'decidedYear', 'outcome', 'applicantType'] as const;
const filterOf = (query: URLSearchParams) =>
  Object.fromEntries(FILTERS.flatMap((k) => (query.get(k) ? [[k, query.get(k)!]] : []))) as Record<
    (typeof FILTERS)[number],
    string
  >;

/** 依申请公开: the cases in scope (filtered as the report's drill-down asks), and registering a paper application. */
export function Cases({ query }: { query: URLSearchParams }) {
  const { me, meta, agencies } = useSession();
  // The drill-down's filters in words, never as codes.
  const filterLabel = (k: string, v: string) => {
    switch (k) {
      case 'outcome':
        return (
          meta.outcomes.find((o) => o.value === v)?.label ??
          t(FORMATS['2021'].applicationRows.find((r) => r.key === v)?.label ?? v)
        );
      case 'applicantType':
        return meta.applicantTypes[v] ?? v;
      case 'decidedYear':
        return t('{year}年办结', { year: v });
      case 'agencyId':
        return agencies.find((a) => a.id === v)?.name ?? t('机关');
      case 'state':
        return meta.caseStates[v] ?? v;
      default:
        return QUEUE_LABELS[v] ?? v;
    }
  };
  const filter = filterOf(query);
  const { data } = useLoad(
    // The link's filters go as written; the server checks them (a wrong one is refused in words).
    () => call('listCases', { query: { ...(filter as ListQuery), limit: 500 } }),
    [query.toString()],
  );
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
      {Object.keys(filter).length > 0 && (
        <p>
          {t('筛选：')}
          {Object.entries(filter).map(([k, v]) => (
            <Tag key={k}>{filterLabel(k, v)}</Tag>
          ))}
          <a {...linkProps('/cases')}>{t('清除筛选')}</a>
        </p>
      )}
      <Table
        rowKey="trackingNumber"
        size="small"
        dataSource={data?.items ?? []}
        scroll={{ x: 900 }}
        columns={[
          { title: t('申请编号'), dataIndex: 'trackingNumber', render: (v) => <a {...linkProps(`/case/${v}`)}>{v}</a> },
          { title: t('机关'), dataIndex: ['agency', 'name'] },
          { title: t('收到日期'), dataIndex: 'receivedDate' },
          { title: t('申请人'), dataIndex: 'applicantName' },
          { title: t('内容'), dataIndex: 'description', ellipsis: true },
          { title: t('状态'), dataIndex: 'stateLabel', render: (v) => <Tag>{v}</Tag> },
          { title: t('答复期限'), dataIndex: 'replyDue' },
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
