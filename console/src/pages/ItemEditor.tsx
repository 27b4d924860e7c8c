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
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { type Input as ApiInput, call } from '../api.ts';
import { type FormTarget, useAction, useLoad } from '../hooks.ts';
import { t } from '../i18n.ts';
import { CommentButton } from '../review/CommentModal.tsx';
import { ReviewHistory } from '../review/ReviewHistory.tsx';
import { navigate } from '../router.ts';
import { hasRole, ownAgency, useSession } from '../session.tsx';
import { Attachments } from './item/Attachments.tsx';
import { WordImport } from './item/WordImport.tsx';

/** The rich-text editor (Tiptap) is its own chunk, fetched when an item is opened: the first load stays small. */
const RichEditor = lazy(() => import('./item/RichEditor.tsx'));

type ItemBody = ApiInput<'updateCatalogueItem'>['body'];
type DateField = 'writtenDate' | 'formedDate' | 'validityDate';
/** The editor's form: the API's body, its dates as the pickers' values. */
type ItemForm = Omit<ItemBody, DateField> & Partial<Record<DateField, Dayjs>>;
type Step = ApiInput<'catalogueItemStep'>['params']['step'];
type StepBody = ApiInput<'catalogueItemStep'>['body'];
const DATE_FIELDS: readonly string[] = ['writtenDate', 'formedDate', 'validityDate'] satisfies DateField[];

/** 信息编辑: the metadata every disclosure page shows, the body, attachments, and the review workflow. */
export function ItemEditor({ id }: { id: string | null }) {
  const { me, meta } = useSession();
  const { data: item, reload } = useLoad(
    () => (id ? call('getCatalogueItem', { params: { id } }) : Promise.resolve(null)),
    [id],
  );
  const act = useAction();
  const [review, setReview] = useState(false);
  const [form] = Form.useForm<ItemForm>();
  const [reviewForm] = Form.useForm<StepBody>();
  if (id && !item) return <Skeleton active paragraph={{ rows: 12 }} />;
  const editable = !item || item.state === 'draft';
  const canEdit = editable && hasRole(me, 'operator');
  const save = async (v: ItemForm) => {
    const body: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(v) as [string, unknown][])
      if (val !== undefined && val !== '' && val !== null)
        body[k] = DATE_FIELDS.includes(k) && dayjs.isDayjs(val) ? val.format('YYYY-MM-DD') : val;
    const target: FormTarget = { form };
    if (!item) {
      let created = '';
      const agencyId = ownAgency(me) ?? undefined;
      const ok = await act(
        async () => {
          created = (await call('createCatalogueItem', { body: { ...(body as ItemBody), agencyId } })).id;
        },
        t('已保存为草稿'),
        target,
      );
      if (ok) navigate(`/item/${created}`);
    } else if (
      await act(
        () => call('updateCatalogueItem', { params: { id: item.id }, body: body as ItemBody }),
        t('已保存'),
        target,
      )
    )
      await reload();
  };
  const step = async (s: Step, body: StepBody = {}, target?: FormTarget) => {
    if (!item) return false;
    const ok = await act(
      () => call('catalogueItemStep', { params: { id: item.id, step: s }, body }),
      t('已完成'),
      target,
    );
    if (ok) await reload();
    return ok;
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
                ? `${meta.disclosure[String(item.review.disclosure)] ?? ''} ${String(item.review.reasons ?? '')}`
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
              <CommentButton
                label={t('退回修改')}
                title={t('退回修改')}
                placeholder={t('写明需要修改的内容，提交人将在工作台和本页看到')}
                run={(comment) =>
                  call('catalogueItemStep', { params: { id: item.id, step: 'return' }, body: { comment } })
                }
                onDone={reload}
              />
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
      {item && <ReviewHistory subject={{ kind: 'item', id: item.id }} version={item} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={initial}
        disabled={!editable || !hasRole(me, 'operator')}
        style={{ maxWidth: 900 }}
      >
        {/* The server checks the fields; its messages are put on them (placeErrors). */}
        <Form.Item label={t('标题')} name="title" required>
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
            <Select style={{ width: 160 }} allowClear options={meta.topics.map((x) => ({ value: x, label: x }))} />
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
        <Form.Item
          label={t('正文')}
          extra={t('保存时清除脚本等不安全内容；保存后的正文即公开页面所示。')}
          style={{ marginBottom: 16 }}
        >
          {item && canEdit && (
            <div style={{ marginBottom: 8 }}>
              {/* A save (a new version) ends the import's notice: the body it brought is now saved. */}
              <WordImport
                key={item.version}
                itemId={item.id}
                current={() => String(form.getFieldValue('bodyHtml') ?? '')}
                apply={(html) => form.setFieldValue('bodyHtml', html)}
                reload={reload}
              />
            </div>
          )}
          <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
            <Form.Item name="bodyHtml" noStyle>
              <RichEditor disabled={!canEdit} />
            </Form.Item>
          </Suspense>
        </Form.Item>
        {editable && hasRole(me, 'operator') && (
          <Button type="primary" htmlType="submit">
            {t('保存')}
          </Button>
        )}
      </Form>
      {item ? (
        <Attachments item={item} editable={canEdit} reload={reload} />
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
          {t('保存为草稿后可上传附件、从Word导入正文。')}
        </Typography.Paragraph>
      )}
      <Modal title={t('保密审查')} open={review} onCancel={() => setReview(false)} footer={null} destroyOnHidden>
        <Alert
          type="info"
          title={t('审查后由负责人审批发布；决定“不予公开”或“依申请公开”的须写明理由和依据。')}
          style={{ marginBottom: 12 }}
        />
        <Form
          form={reviewForm}
          layout="vertical"
          initialValues={{ disclosure: 'proactive' }}
          onFinish={async (v) => {
            if (await step('review', v, { form: reviewForm })) setReview(false);
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
