import { ExportOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { PAGE_MAX_CHARS, PAGE_REQUIRED, PAGE_TOO_LONG, pageTextLength } from '../../../src/domain/catalogue/column.ts';
import { ApiError, call, type Output } from '../api.ts';
import { useAction, useLoad } from '../hooks.ts';
import { t } from '../i18n.ts';
import { Loaded } from '../Loaded.tsx';
import { navigate } from '../router.ts';
import { ownAgency, useSession } from '../session.tsx';

const RichEditor = lazy(() => import('./item/RichEditor.tsx'));

type Pages = Output<'listAgencyPages'>;
type Entry = Pages['guide'][number];
type Agency = Output<'getAgency'>;
type Contact = Agency['contact'];
type Values = Record<string, string> & { contact?: Contact };

/** The 联系方式 of the 指南 (条例第十二条), the agency's own fields (PATCH /agencies/:id); in the console's language. */
const CONTACT_FIELDS: { key: keyof Contact; label: string; placeholder?: string }[] = [
  { key: 'office', label: t('工作机构'), placeholder: t('如 办公室（政务公开办）') },
  { key: 'address', label: t('办公地址') },
  { key: 'postcode', label: t('邮政编码'), placeholder: t('6位数字') },
  { key: 'hours', label: t('办公时间'), placeholder: t('如 工作日 9:00—12:00，14:30—17:30') },
  { key: 'phone', label: t('联系电话') },
  { key: 'fax', label: t('传真') },
  { key: 'email', label: t('电子邮箱') },
];

/** Mirrors the server's rule (pageInput): a required section has text, none longer than PAGE_MAX_CHARS. */
const textRule = (required: boolean) => ({
  validator: async (_: unknown, v: string | undefined) => {
    const n = pageTextLength(v ?? '');
    if (n === 0 && required) throw new Error(t(PAGE_REQUIRED));
    if (n > PAGE_MAX_CHARS) throw new Error(t(PAGE_TOO_LONG));
  },
});

/**
 * 信息公开专栏 › 公开指南 / 公开制度: the agency's 政府信息公开指南 (its sections, 条例第十二条, and its contact
 * details) and its 制度 pages (国办发〔2019〕61号), edited where the portal shows them. A section without the
 * agency's own text shows the default made from its data; saving sends only what changed.
 */
export function ColumnPages({ query }: { query: URLSearchParams }) {
  const { me, agencies } = useSession();
  const [agencyId, setAgencyId] = useState(ownAgency(me) ?? agencies[0]?.id);
  const tab = query.get('tab') === 'rules' ? 'rules' : 'guide';
  const state = useLoad<{ pages: Pages; agency: Agency } | null>(async () => {
    if (!agencyId) return null;
    const [pages, agency] = await Promise.all([
      call('listAgencyPages', { params: { id: agencyId } }),
      call('getAgency', { params: { id: agencyId } }),
    ]);
    return { pages, agency };
  }, [agencyId]);
  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 1100 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('信息公开专栏')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t(
          '门户上本机关信息公开专栏的政府信息公开指南和制度页面（国办发〔2019〕61号）。指南各部分未编写时，门户显示按本机关信息生成的默认内容。',
        )}
      </Typography.Paragraph>
      {agencies.length > 1 && (
        <Select
          style={{ width: 320 }}
          value={agencyId}
          onChange={setAgencyId}
          aria-label={t('机关')}
          options={agencies.map((a) => ({ value: a.id, label: a.name }))}
        />
      )}
      {!agencyId ? (
        <Alert type="info" showIcon title={t('没有可编辑的机关')} />
      ) : (
        <Loaded state={state} rows={10}>
          {(d) =>
            d && (
              <Tabs
                activeKey={tab}
                onChange={(k) => navigate(k === 'rules' ? '/column?tab=rules' : '/column')}
                items={[
                  {
                    key: 'guide',
                    label: t('公开指南'),
                    children: <PagesForm key={`g-${agencyId}`} data={d} part="guide" reload={state.reload} />,
                  },
                  {
                    key: 'rules',
                    label: t('公开制度'),
                    children: <PagesForm key={`r-${agencyId}`} data={d} part="rules" reload={state.reload} />,
                  },
                ]}
              />
            )
          }
        </Loaded>
      )}
    </Space>
  );
}

function PagesForm({
  data,
  part,
  reload,
}: {
  data: { pages: Pages; agency: Agency };
  part: 'guide' | 'rules';
  reload: () => Promise<void>;
}) {
  const { message } = App.useApp();
  const act = useAction();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { pages, agency } = data;
  const entries = pages[part];
  const editable = pages.editable;
  const initial: Values = Object.fromEntries(entries.map((e) => [e.kind, e.bodyHtml ?? e.defaultHtml ?? '']));
  if (part === 'guide') initial.contact = { ...agency.contact };
  // After a save and reload, the form starts again from what the server now holds.
  useEffect(() => form.resetFields(), [form, data]);
  const publicPath = (e?: Entry) =>
    part === 'guide'
      ? `/agencies/${agency.id}/guide`
      : e
        ? `/agencies/${agency.id}/rules/${e.kind}`
        : `/agencies/${agency.id}/rules`;

  const save = async () => {
    const v = form.getFieldsValue(true) as Values;
    const changed = entries.filter((e) => (v[e.kind] ?? '') !== (initial[e.kind] ?? '') && (v[e.kind] || e.bodyHtml));
    const contact = part === 'guide' ? trimContact(v.contact ?? {}) : undefined;
    const contactChanged = contact && JSON.stringify(contact) !== JSON.stringify(trimContact(initial.contact ?? {}));
    if (changed.length === 0 && !contactChanged) {
      message.info(t('没有修改'));
      return;
    }
    setSaving(true);
    const fields = Object.fromEntries(entries.map((e) => [e.kind, e.kind]));
    const ok = await act(
      async () => {
        if (contactChanged) await call('updateAgency', { params: { id: agency.id }, body: { contact } });
        for (const e of changed) {
          try {
            await call('saveAgencyPage', { params: { id: agency.id, kind: e.kind }, body: { bodyHtml: v[e.kind]! } });
          } catch (err) {
            // The page's one field is bodyHtml: its messages belong to this section's editor.
            if (!(err instanceof ApiError)) throw err;
            throw new ApiError(err.status, {
              code: err.code,
              message: err.message,
              details: err.details.map((d) => ({ ...d, path: d.path === 'bodyHtml' ? e.kind : d.path })),
            });
          }
        }
      },
      t('已保存'),
      { form, fields },
    );
    setSaving(false);
    if (ok) await reload();
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={save}
      disabled={!editable || saving}
      // A server's message stays on its field until that field is changed.
      onValuesChange={(changed: Partial<Values>) =>
        form.setFields(
          Object.entries(changed).flatMap(([k, v]): { name: (string | number)[]; errors: string[] }[] =>
            k === 'contact' && v && typeof v === 'object'
              ? Object.keys(v).map((c) => ({ name: ['contact', c], errors: [] }))
              : [{ name: [k], errors: [] }],
          ) as Parameters<typeof form.setFields>[0],
        )
      }
    >
      {!editable && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('只有本机关的机关管理员可以修改这些页面；您可以查看当前内容。')}
        />
      )}
      {entries.map((e) => (
        <Card
          key={e.kind}
          size="small"
          style={{ marginBottom: 16 }}
          title={
            <Space wrap>
              <span>{t(e.title)}</span>
              {e.bodyHtml !== null ? (
                <Tag color="green">{t('本机关已编写')}</Tag>
              ) : e.defaultHtml !== null ? (
                <Tag>{t('默认内容（按机关信息生成）')}</Tag>
              ) : (
                <Tag>{t('未发布')}</Tag>
              )}
            </Space>
          }
          extra={
            part === 'rules' && e.bodyHtml !== null ? (
              <a href={publicPath(e)} target="_blank" rel="noreferrer">
                {t('查看公开页面')}
              </a>
            ) : e.updatedAt ? (
              <Typography.Text type="secondary">
                {t('更新于 {time}', { time: new Date(e.updatedAt).toLocaleString('zh-CN', { hour12: false }) })}
              </Typography.Text>
            ) : null
          }
        >
          <Suspense fallback={<Skeleton active paragraph={{ rows: 4 }} />}>
            <Form.Item
              name={e.kind}
              rules={[textRule(e.required || e.bodyHtml !== null)]}
              validateTrigger={[]}
              style={{ marginBottom: 0 }}
              extra={!e.required && e.bodyHtml === null ? t('留空则不发布。') : undefined}
            >
              <RichEditor label={t(e.title)} compact disabled={!editable || saving} />
            </Form.Item>
          </Suspense>
        </Card>
      ))}
      {part === 'guide' && (
        <Card size="small" title={t('联系方式')} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            {CONTACT_FIELDS.map((f) => (
              <Col key={f.key} xs={24} md={12}>
                <Form.Item label={f.label} name={['contact', f.key]}>
                  <Input placeholder={f.placeholder} allowClear />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Card>
      )}
      <Space
        wrap
        style={{
          position: 'sticky',
          bottom: 0,
          zIndex: 2,
          background: '#f5f5f5',
          borderTop: '1px solid #e8e8e8',
          padding: '8px 0',
          width: '100%',
        }}
      >
        {editable && (
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('保存')}
          </Button>
        )}
        {editable && (
          <Button onClick={() => form.resetFields()} disabled={saving}>
            {t('放弃修改')}
          </Button>
        )}
        <Button icon={<ExportOutlined />} href={publicPath()} target="_blank" disabled={false}>
          {part === 'guide' ? t('预览公开的指南') : t('预览公开的制度')}
        </Button>
      </Space>
    </Form>
  );
}

/** The contact as the API takes it: blank fields left out (a blank 邮编 is no 邮编, not a wrong one). */
function trimContact(c: Contact): Contact {
  return Object.fromEntries(
    Object.entries(c)
      .map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v])
      .filter(([, v]) => v),
  ) as Contact;
}
