import { Button, Card, DatePicker, Form, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, get, post, qs } from '../api.ts';
import { useAction, useLoad } from '../hooks.ts';
import { t } from '../i18n.ts';
import { hasRole, useSession } from '../session.tsx';
/** 系统管理: users and roles, agencies, calendar overrides, letter templates, the audit log. */
export function Admin() {
  const { me } = useSession();
  const tabs = [
    { key: 'users', label: t('用户和角色'), children: <Users /> },
    { key: 'agencies', label: t('机关'), children: <Agencies /> },
    ...(hasRole(me, 'sysadmin') ? [{ key: 'calendar', label: t('节假日调整'), children: <Calendar /> }] : []),
    ...(hasRole(me, 'agency_admin', 'operator')
      ? [{ key: 'templates', label: t('告知书模板'), children: <Templates /> }]
      : []),
    { key: 'audit', label: t('审计日志'), children: <Audit /> },
  ];
  return (
    <>
      <Typography.Title level={3}>{t('系统管理')}</Typography.Title>
      <Tabs items={tabs} />
    </>
  );
}

function Users() {
  const { me, meta, agencies } = useSession();
  const { data, reload } = useLoad(() => get('/users'), []);
  const act = useAction();
  const create = async (v: any) => {
    const role = {
      role: v.role,
      agencyId: v.role === 'supervisor' ? null : v.agencyId,
      regionCode: v.role === 'supervisor' ? agencies.find((a) => a.id === v.agencyId)?.regionCode : null,
    };
    if (
      await act(
        () => post('/users', { username: v.username, displayName: v.displayName, password: v.password, roles: [role] }),
        t('已创建'),
      )
    )
      await reload();
  };
  return (
    <>
      <Table
        size="small"
        rowKey="id"
        dataSource={data?.users ?? []}
        columns={[
          { title: t('用户名'), dataIndex: 'username' },
          { title: t('姓名'), dataIndex: 'displayName' },
          {
            title: t('角色'),
            dataIndex: 'roles',
            render: (rs: any[]) =>
              rs.map((r) => (
                <Tag key={r.role + r.agencyId}>
                  {r.roleLabel}
                  {r.agency ? ` · ${r.agency}` : r.region ? ` · ${r.region}` : ''}
                </Tag>
              )),
          },
          {
            title: t('状态'),
            dataIndex: 'disabled',
            render: (d: boolean) => (d ? <Tag color="red">{t('停用')}</Tag> : <Tag color="green">{t('正常')}</Tag>),
          },
        ]}
      />
      {hasRole(me, 'agency_admin', 'sysadmin') && (
        <Card size="small" title={t('新建用户')}>
          <Form layout="inline" onFinish={create} initialValues={{ role: 'operator', agencyId: agencies[0]?.id }}>
            <Form.Item name="username" rules={[{ required: true, message: t('用户名') }]}>
              <Input placeholder={t('用户名')} />
            </Form.Item>
            <Form.Item name="displayName" rules={[{ required: true, message: t('姓名') }]}>
              <Input placeholder={t('姓名')} />
            </Form.Item>
            <Form.Item name="password" rules={[{ required: true, message: t('初始密码') }]}>
              <Input.Password placeholder={t('初始密码（≥10位，含大小写、数字、符号）')} />
            </Form.Item>
            <Form.Item name="role">
              <Select
                style={{ width: 160 }}
                options={Object.entries(meta.roles).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
            <Form.Item name="agencyId">
              <Select style={{ width: 220 }} options={agencies.map((a) => ({ value: a.id, label: a.name }))} />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {t('创建')}
            </Button>
          </Form>
        </Card>
      )}
    </>
  );
}

function Agencies() {
  const { agencies } = useSession();
  return (
    <Table
      size="small"
      rowKey="id"
      dataSource={agencies}
      columns={[
        { title: t('机关'), dataIndex: 'name' },
        { title: t('统一社会信用代码'), dataIndex: 'creditCode' },
        {
          title: t('类型'),
          dataIndex: 'kind',
          render: (k: string) => (k === 'government' ? t('人民政府') : t('部门')),
        },
        { title: t('地区'), dataIndex: 'regionName' },
      ]}
    />
  );
}

function Calendar() {
  const [year, setYear] = useState(new Date().getFullYear());
  const { data, reload } = useLoad(() => get(`/calendar/${year}`), [year]);
  const act = useAction();
  const save = async (v: any) => {
    const date = v.date.format('YYYY-MM-DD');
    if (
      await act(
        () =>
          api('PUT', `/calendar/days/${date}`, {
            kind: v.kind,
            name: v.name,
            reason: v.reason,
            regionCode: v.regionCode || undefined,
          }),
        t('已保存，未结案件的答复期限已重新计算'),
      )
    )
      await reload();
  };
  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Button onClick={() => setYear(year - 1)}>{t('上一年')}</Button>
        <b>{year}</b>
        <Button onClick={() => setYear(year + 1)}>{t('下一年')}</Button>
      </Space>
      <Table
        size="small"
        rowKey="date"
        dataSource={data?.days ?? []}
        pagination={{ pageSize: 10 }}
        columns={[
          { title: t('日期'), dataIndex: 'date' },
          {
            title: t('类型'),
            dataIndex: 'work',
            render: (w: boolean) => (w ? <Tag color="blue">{t('调休上班')}</Tag> : <Tag color="red">{t('放假')}</Tag>),
          },
          { title: t('名称'), dataIndex: 'name' },
          { title: t('来源'), dataIndex: 'source' },
        ]}
      />
      <Form layout="inline" onFinish={save} initialValues={{ kind: 'holiday' }}>
        <Form.Item name="date" rules={[{ required: true, message: t('日期') }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="kind">
          <Select
            style={{ width: 140 }}
            options={[
              { value: 'holiday', label: t('放假') },
              { value: 'workday', label: t('调休上班') },
            ]}
          />
        </Form.Item>
        <Form.Item name="name" rules={[{ required: true, message: t('名称') }]}>
          <Input placeholder={t('名称')} />
        </Form.Item>
        <Form.Item name="reason" rules={[{ required: true, message: t('依据') }]}>
          <Input placeholder={t('依据（文件）')} />
        </Form.Item>
        <Form.Item name="regionCode">
          <Input placeholder={t('地区代码（留空为全国）')} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('保存')}
        </Button>
      </Form>
    </>
  );
}

function Templates() {
  const { me, agencies } = useSession();
  const agencyId = me.roles.find((r) => r.agencyId)?.agencyId ?? agencies[0]?.id;
  const { data, reload } = useLoad(() => get(`/agencies/${agencyId}/letter-templates`), [agencyId]);
  const act = useAction();
  const [kind, setKind] = useState<string | null>(null);
  const items: any[] = data?.items ?? [];
  const current = items.find((t) => t.kind === kind);
  return (
    <Space align="start" wrap>
      <Select
        style={{ width: 260 }}
        placeholder={t('选择文书')}
        value={kind}
        onChange={setKind}
        options={items.map((t) => ({ value: t.kind, label: `${t.title}${t.custom ? t('（本机关）') : ''}` }))}
      />
      {current && (
        <Form
          key={kind}
          layout="vertical"
          style={{ width: 640 }}
          initialValues={{ title: current.title, body: current.body }}
          onFinish={async (v) => {
            if (await act(() => api('PUT', `/agencies/${agencyId}/letter-templates/${kind}`, v))) await reload();
          }}
        >
          <Form.Item label={t('标题')} name="title">
            <Input />
          </Form.Item>
          <Form.Item label={t('模板正文（占位符在出具时填入）')} name="body">
            <Input.TextArea rows={12} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('保存模板')}
          </Button>
        </Form>
      )}
    </Space>
  );
}

function Audit() {
  const [filter, setFilter] = useState<Record<string, string>>({});
  const { data } = useLoad(() => get(`/audit${qs({ ...filter, limit: 200 })}`), [JSON.stringify(filter)]);
  return (
    <>
      <Form
        layout="inline"
        onFinish={(v) =>
          setFilter(Object.fromEntries(Object.entries(v).filter(([, x]) => x)) as Record<string, string>)
        }
        style={{ marginBottom: 8 }}
      >
        <Form.Item name="action">
          <Input placeholder={t('操作，如 case.decided')} />
        </Form.Item>
        <Form.Item name="entityId">
          <Input placeholder={t('对象，如申请编号')} />
        </Form.Item>
        <Button htmlType="submit">{t('查询')}</Button>
      </Form>
      <Table
        size="small"
        rowKey="seq"
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 15 }}
        columns={[
          { title: t('序号'), dataIndex: 'seq', width: 80 },
          { title: t('时间'), dataIndex: 'at' },
          { title: t('操作人'), dataIndex: 'actorName' },
          { title: t('操作'), dataIndex: 'action' },
          { title: t('对象'), dataIndex: 'entityId' },
        ]}
      />
    </>
  );
}
