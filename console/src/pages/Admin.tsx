import { Alert, Button, Card, DatePicker, Form, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Role } from '../../../src/domain/access/index.ts';
import { AUDIT_AREAS } from '../../../src/domain/audit/actions.ts';
import { type Input as ApiInput, call, type Output } from '../api.ts';
import { useAction, useLoad } from '../hooks.ts';
import { t } from '../i18n.ts';
import { hasRole, useSession } from '../session.tsx';
import { LetterSettings } from './LetterSettings.tsx';

type UserRow = Output<'listUsers'>['users'][number];
type AuditRow = Output<'searchAudit'>['items'][number];
/** The new-user form: the account, and one role with the agency it acts for (or whose region it watches). */
type NewUser = Omit<ApiInput<'createUser'>['body'], 'roles'> & { role: Role; agencyId?: string };
/** A day made working or rest: the API's body, with the date picked (it goes in the address). */
type DayForm = ApiInput<'setCalendarDay'>['body'] & { date?: Dayjs };
type AuditFilter = Pick<NonNullable<ApiInput<'searchAudit'>['query']>, 'action' | 'entityId'>;

/** 系统管理: users and roles, agencies and their settings (文号, 救济途径), calendar overrides, letter templates, the audit log. */
export function Admin() {
  const { me } = useSession();
  const tabs = [
    { key: 'users', label: t('用户和角色'), children: <Users /> },
    { key: 'agencies', label: t('机关'), children: <Agencies /> },
    ...(hasRole(me, 'agency_admin', 'sysadmin')
      ? [{ key: 'agency-settings', label: t('机关设置'), children: <LetterSettings /> }]
      : []),
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
  const { data, reload } = useLoad(() => call('listUsers'), []);
  const act = useAction();
  const [form] = Form.useForm<NewUser>();
  const create = async ({ role, agencyId, ...v }: NewUser) => {
    // A supervisor watches the chosen agency's region; the other roles act for the agency itself.
    const grant = {
      role,
      agencyId: role === 'supervisor' ? null : (agencyId ?? null),
      regionCode: role === 'supervisor' ? (agencies.find((a) => a.id === agencyId)?.regionCode ?? null) : null,
    };
    const fields = { 'roles.0.role': 'role', 'roles.0.agencyId': 'agencyId', 'roles.0.regionCode': 'agencyId' };
    if (await act(() => call('createUser', { body: { ...v, roles: [grant] } }), t('已创建'), { form, fields })) {
      form.resetFields(['username', 'displayName', 'password']);
      await reload();
    }
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
            render: (rs: UserRow['roles']) =>
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
          <Form
            form={form}
            layout="inline"
            onFinish={create}
            initialValues={{ role: 'operator', agencyId: agencies[0]?.id, username: '', displayName: '', password: '' }}
          >
            <Form.Item name="username">
              <Input placeholder={t('用户名')} aria-label={t('用户名')} />
            </Form.Item>
            <Form.Item name="displayName">
              <Input placeholder={t('姓名')} aria-label={t('姓名')} />
            </Form.Item>
            <Form.Item name="password">
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
  const { data, reload } = useLoad(() => call('calendarYear', { params: { year } }), [year]);
  const act = useAction();
  const [form] = Form.useForm<DayForm>();
  const save = async ({ date, regionCode, ...v }: DayForm) => {
    const body = { ...v, regionCode: regionCode || undefined };
    const saved = () => call('setCalendarDay', { params: { date: date?.format('YYYY-MM-DD') ?? '' }, body });
    if (await act(saved, t('已保存，未结案件的答复期限已重新计算'), { form })) await reload();
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
      <Form form={form} layout="inline" onFinish={save} initialValues={{ kind: 'holiday', reason: '' }}>
        {/* The date goes in the address: without one there is no request to refuse, so it is asked for here. */}
        <Form.Item name="date" rules={[{ required: true, message: t('请选择日期') }]}>
          <DatePicker aria-label={t('日期')} />
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
        <Form.Item name="name">
          <Input placeholder={t('名称')} aria-label={t('名称')} />
        </Form.Item>
        <Form.Item name="reason">
          <Input placeholder={t('依据（文件）')} aria-label={t('依据（文件）')} />
        </Form.Item>
        <Form.Item name="regionCode">
          <Input placeholder={t('地区代码（留空为全国）')} aria-label={t('地区代码（留空为全国）')} />
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
  const { data, reload } = useLoad(
    () => (agencyId ? call('listLetterTemplates', { params: { id: agencyId } }) : Promise.resolve({ items: [] })),
    [agencyId],
  );
  const act = useAction();
  const [kind, setKind] = useState<string | null>(null);
  const [form] = Form.useForm<ApiInput<'saveLetterTemplate'>['body']>();
  const items = data?.items ?? [];
  const current = items.find((x) => x.kind === kind);
  return (
    <Space align="start" wrap>
      <Select
        style={{ width: 260 }}
        placeholder={t('选择文书')}
        value={kind}
        onChange={setKind}
        options={items.map((x) => ({ value: x.kind, label: `${x.title}${x.custom ? t('（本机关）') : ''}` }))}
      />
      {current && (
        <Form
          key={kind}
          form={form}
          layout="vertical"
          style={{ width: 640 }}
          initialValues={{ title: current.title, body: current.body }}
          onFinish={async (v) => {
            const params = { id: agencyId ?? '', kind: current.kind };
            if (await act(() => call('saveLetterTemplate', { params, body: v }), t('已保存'), { form })) await reload();
          }}
        >
          <Form.Item label={t('标题')} name="title">
            <Input />
          </Form.Item>
          <Form.Item
            label={t('模板正文（占位符在出具时填入）')}
            name="body"
            extra={
              <>
                {t('称谓、署名、成文日期和文号由平台按公文格式加入，正文中无需填写。')}
                {current.required.length > 0 &&
                  t('须保留：{names}', { names: current.required.map((v) => `{{${v}}}`).join('、') })}
              </>
            }
          >
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
  const [filter, setFilter] = useState<AuditFilter>({});
  const { data, error, loading } = useLoad(
    () => call('searchAudit', { query: { ...filter, limit: 200 } }),
    [JSON.stringify(filter)],
  );
  return (
    <>
      <Form
        layout="inline"
        onFinish={(v: AuditFilter) => setFilter({ action: v.action || undefined, entityId: v.entityId || undefined })}
        style={{ marginBottom: 8 }}
      >
        <Form.Item name="action">
          <Select
            allowClear
            style={{ width: 180 }}
            placeholder={t('全部类别')}
            aria-label={t('类别')}
            options={Object.entries(AUDIT_AREAS).map(([area, label]) => ({ value: `${area}.`, label: t(label) }))}
          />
        </Form.Item>
        <Form.Item name="entityId">
          <Input placeholder={t('对象编号，如申请编号')} aria-label={t('对象编号')} />
        </Form.Item>
        <Button htmlType="submit">{t('查询')}</Button>
      </Form>
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 8 }} />}
      <Table
        size="small"
        rowKey="seq"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 15, showTotal: (n) => t('共 {n} 条', { n }) }}
        locale={{ emptyText: t('没有符合条件的记录：请换一个类别或对象编号') }}
        columns={[
          { title: t('序号'), dataIndex: 'seq', width: 80 },
          { title: t('时间'), dataIndex: 'at', render: (at: string) => new Date(at).toLocaleString() },
          { title: t('操作人'), dataIndex: 'actorDisplay', render: (n: string | null) => n ?? t('系统') },
          { title: t('操作'), dataIndex: 'actionLabel' },
          {
            title: t('对象'),
            dataIndex: 'entityId',
            render: (id: string | null, r: AuditRow) => [r.entityTypeLabel, id].filter(Boolean).join(' '),
          },
        ]}
      />
    </>
  );
}
