import { Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, get, qs } from '../api.ts';
import { useAction, useLoad } from '../hooks.ts';
import { t } from '../i18n.ts';
import { linkProps, navigate } from '../router.ts';
import { hasRole, useSession } from '../session.tsx';

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** 依申请公开: the cases in scope (filtered as the report's drill-down asks), and registering a paper application. */
export function Cases({ query }: { query: URLSearchParams }) {
  const { me, meta, agencies } = useSession();
  const filter = Object.fromEntries(query.entries());
  const { data } = useLoad(() => get(`/cases${qs({ ...filter, limit: 500 })}`), [query.toString()]);
  const [open, setOpen] = useState(false);
  const act = useAction();
  const [form] = Form.useForm();
  const canRegister = hasRole(me, 'operator');
  const register = async (v: any) => {
    let created: { trackingNumber: string } | null = null;
    const ok = await act(async () => {
      created = await api('POST', '/cases', {
        agency: agencies.find((a) => a.id === v.agencyId)?.creditCode,
        channel: v.channel,
        receivedDate: v.receivedDate.format('YYYY-MM-DD'),
        receiptNote: v.receiptNote,
        applicant: {
          type: v.applicantType,
          name: v.name,
          ...(v.applicantType === 'natural_person'
            ? { idType: v.idType, idNumber: v.idNumber }
            : { creditCode: v.creditCode }),
          phone: v.phone,
          address: v.address,
        },
        description: v.description,
        form: v.form,
      });
    }, t('申请已登记'));
    if (ok && created) {
      setOpen(false);
      form.resetFields();
      navigate(`/case/${(created as { trackingNumber: string }).trackingNumber}`);
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
            <Tag key={k}>
              {k === 'outcome'
                ? meta.outcomes.find((o) => o.value === v)?.label
                : k === 'applicantType'
                  ? meta.applicantTypes[v]
                  : `${k}=${v}`}
            </Tag>
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
            applicantType: 'natural_person',
            idType: t('居民身份证'),
            form: 'paper',
          }}
        >
          <Form.Item label={t('受理机关')} name="agencyId" rules={[{ required: true, message: t('请选择机关') }]}>
            <Select options={ownAgencies.map((a) => ({ value: a.id, label: a.name }))} />
          </Form.Item>
          <Space wrap>
            <Form.Item label={t('申请渠道')} name="channel" rules={[{ required: true }]}>
              <Select
                style={{ width: 200 }}
                options={Object.entries(meta.channels).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
            <Form.Item
              label={t('收到申请日期')}
              name="receivedDate"
              rules={[{ required: true, message: t('请选择日期') }]}
            >
              <DatePicker />
            </Form.Item>
          </Space>
          <Form.Item label={t('收到日期的依据（条例第三十一条）')} name="receiptNote">
            <Input placeholder={t('如：{date} 邮政签收', { date: today() })} />
          </Form.Item>
          <Space wrap>
            <Form.Item label={t('申请人类型')} name="applicantType">
              <Select
                style={{ width: 200 }}
                options={Object.entries(meta.applicantTypes).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
            <Form.Item label={t('姓名或名称')} name="name" rules={[{ required: true, message: t('请填写申请人') }]}>
              <Input />
            </Form.Item>
          </Space>
          <Form.Item noStyle shouldUpdate={(a, b) => a.applicantType !== b.applicantType}>
            {({ getFieldValue }) =>
              getFieldValue('applicantType') === 'natural_person' ? (
                <Space wrap>
                  <Form.Item label={t('证件类型')} name="idType">
                    <Select style={{ width: 200 }} options={meta.idTypes.map((t) => ({ value: t, label: t }))} />
                  </Form.Item>
                  <Form.Item label={t('证件号码')} name="idNumber">
                    <Input />
                  </Form.Item>
                </Space>
              ) : (
                <Form.Item label={t('统一社会信用代码')} name="creditCode">
                  <Input />
                </Form.Item>
              )
            }
          </Form.Item>
          <Space wrap>
            <Form.Item label={t('联系电话')} name="phone">
              <Input />
            </Form.Item>
            <Form.Item label={t('通信地址')} name="address">
              <Input style={{ width: 300 }} />
            </Form.Item>
          </Space>
          <Form.Item
            label={t('所需政府信息')}
            name="description"
            rules={[{ required: true, message: t('请填写所需信息') }]}
          >
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
