import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Tag,
  Typography,
  Upload,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, get, post } from '../api.ts';
import { useAction, useLoad } from '../hooks.ts';
import { t } from '../i18n.ts';
import { navigate } from '../router.ts';
import { hasRole, ownAgency, useSession } from '../session.tsx';

const DATE_FIELDS = ['writtenDate', 'formedDate', 'validityDate'];

/** 信息编辑: the metadata every disclosure page shows, the body, attachments, and the review workflow. */
export function ItemEditor({ id }: { id: string | null }) {
  const { me, meta } = useSession();
  const { data: item, reload } = useLoad(() => (id ? get(`/catalogue/items/${id}`) : Promise.resolve(null)), [id]);
  const act = useAction();
  const [review, setReview] = useState(false);
  const [form] = Form.useForm();
  if (id && !item) return null;
  const editable = !item || ['draft', 'returned'].includes(item.state) || item.state === 'draft';
  const save = async (v: Record<string, any>) => {
    const body: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(v))
      if (val !== undefined && val !== '' && val !== null)
        body[k] = DATE_FIELDS.includes(k) ? val.format('YYYY-MM-DD') : val;
    if (!item) {
      let created: { id: string } | null = null;
      if (
        await act(async () => {
          created = await post('/catalogue/items', { ...body, agencyId: ownAgency(me) });
        }, t('已保存为草稿'))
      )
        navigate(`/item/${(created as unknown as { id: string }).id}`);
    } else if (await act(() => api('PATCH', `/catalogue/items/${item.id}`, body))) await reload();
  };
  const step = async (s: string, body: unknown = {}) => {
    if (await act(() => post(`/catalogue/items/${item.id}/${s}`, body), t('已完成'))) await reload();
  };
  const initial = item
    ? {
        title: item.title,
        docNumber: item.doc_number,
        writtenDate: item.written_date ? dayjs(item.written_date) : undefined,
        formedDate: item.formed_date ? dayjs(item.formed_date) : undefined,
        topic: item.topic,
        genre: item.genre,
        articleItem: item.article_item,
        validity: item.validity,
        keywords: item.keywords,
        bodyHtml: item.body_html,
      }
    : { genre: 'notice', validity: 'in_force' };
  return (
    <>
      <Typography.Title level={3}>
        {item ? item.title : t('新建信息')} {item && <Tag color="blue">{meta.itemStates[item.state]}</Tag>}
      </Typography.Title>
      {item && (
        <Card size="small" style={{ marginBottom: 16 }} title={t('审查与发布（条例第十七条：未经保密审查不得公开）')}>
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={t('索引号')}>{item.index_no ?? t('发布时生成')}</Descriptions.Item>
            <Descriptions.Item label={t('保密审查')}>
              {item.review
                ? `${meta.disclosure[item.review.disclosure] ?? ''} ${item.review.reasons ?? ''}`
                : t('未审查')}
            </Descriptions.Item>
          </Descriptions>
          <Space wrap>
            {item.state === 'draft' && hasRole(me, 'operator') && (
              <Button onClick={() => step('submit')}>{t('提交保密审查')}</Button>
            )}
            {item.state === 'in_review' && hasRole(me, 'reviewer') && (
              <Button type="primary" onClick={() => setReview(true)}>
                {t('保密审查')}
              </Button>
            )}
            {['in_review', 'reviewed'].includes(item.state) && hasRole(me, 'reviewer', 'approver') && (
              <Button onClick={() => step('return', { reason: t('请修改后重新提交') })}>{t('退回修改')}</Button>
            )}
            {item.state === 'reviewed' && hasRole(me, 'approver') && (
              <Button type="primary" onClick={() => step('approve')}>
                {t('审批并发布')}
              </Button>
            )}
            {item.state === 'published' && hasRole(me, 'approver') && (
              <Button danger onClick={() => step('withdraw', { reason: t('信息已失效') })}>
                {t('撤回')}
              </Button>
            )}
            {item.state === 'published' && (
              <a href={`/items/${item.id}`} target="_blank" rel="noreferrer">
                {t('查看公开页面')}
              </a>
            )}
          </Space>
        </Card>
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={initial}
        disabled={!editable || !hasRole(me, 'operator')}
        style={{ maxWidth: 900 }}
      >
        <Form.Item label={t('标题')} name="title" rules={[{ required: true, message: t('请填写标题') }]}>
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item label={t('文号')} name="docNumber">
            <Input placeholder={t('如：凉市监发〔2026〕1号')} />
          </Form.Item>
          <Form.Item label={t('成文日期')} name="writtenDate">
            <DatePicker />
          </Form.Item>
          <Form.Item label={t('形成或变更日期（条例第二十六条起算）')} name="formedDate">
            <DatePicker />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item label={t('主题分类')} name="topic">
            <Select style={{ width: 160 }} allowClear options={meta.topics.map((t) => ({ value: t, label: t }))} />
          </Form.Item>
          <Form.Item label={t('体裁')} name="genre">
            <Select
              style={{ width: 160 }}
              options={Object.entries(meta.genres).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item label={t('有效性')} name="validity">
            <Select
              style={{ width: 140 }}
              options={Object.entries(meta.validity).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
        </Space>
        <Form.Item label={t('所属事项（条例第二十条、第二十一条）')} name="articleItem">
          <Select allowClear options={Object.entries(meta.articleItems).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item label={t('关键词')} name="keywords">
          <Input />
        </Form.Item>
        <Form.Item label={t('正文（HTML，保存时清除脚本等不安全内容）')} name="bodyHtml">
          <Input.TextArea rows={10} />
        </Form.Item>
        {editable && hasRole(me, 'operator') && (
          <Button type="primary" htmlType="submit">
            {t('保存')}
          </Button>
        )}
      </Form>
      {item && (
        <Card size="small" title={t('附件')} style={{ marginTop: 16, maxWidth: 900 }}>
          <Upload
            disabled={!editable}
            beforeUpload={async (f) => {
              if (
                await act(
                  () =>
                    api('POST', `/catalogue/items/${item.id}/attachments?filename=${encodeURIComponent(f.name)}`, f, {
                      'content-type': 'application/octet-stream',
                    }),
                  t('已上传'),
                )
              )
                await reload();
              return false;
            }}
            showUploadList={false}
          >
            <Button disabled={!editable}>{t('上传附件（PDF、Word、Excel、图片，≤20MB）')}</Button>
          </Upload>
          <ul>
            {(item.attachments ?? []).map((a: any) => (
              <li key={a.id}>{a.filename}</li>
            ))}
          </ul>
        </Card>
      )}
      <Modal title={t('保密审查')} open={review} onCancel={() => setReview(false)} footer={null} destroyOnHidden>
        <Alert
          type="info"
          title={t('审查后由负责人审批发布；决定“不予公开”或“依申请公开”的须写明理由和依据。')}
          style={{ marginBottom: 12 }}
        />
        <Form
          layout="vertical"
          initialValues={{ disclosure: 'proactive' }}
          onFinish={async (v) => {
            setReview(false);
            await step('review', v);
          }}
        >
          <Form.Item label={t('公开属性')} name="disclosure">
            <Select options={Object.entries(meta.disclosure).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item label={t('理由')} name="reasons">
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item label={t('依据条款')} name="article">
            <Input placeholder={t('如：条例第十四条')} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('提交审查意见')}
          </Button>
        </Form>
      </Modal>
    </>
  );
}
