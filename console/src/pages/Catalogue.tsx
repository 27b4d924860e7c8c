import { Alert, Button, Modal, Progress, Select, Space, Table, Tabs, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError, type Input as ApiInput, call, type Output } from '../api.ts';
import { useLoad } from '../hooks.ts';
import { t } from '../i18n.ts';
import { type FilterSpec, ListTable, ListToolbar, useListState, yearOptions } from '../ListParts.tsx';
import { linkProps } from '../router.ts';
import { hasRole, useSession } from '../session.tsx';

type ListQuery = NonNullable<ApiInput<'listCatalogueItems'>['query']>;
type Queue = NonNullable<ListQuery['queue']>;
type ItemRow = Output<'listCatalogueItems'>['items'][number];
const QUEUES: readonly (readonly ['' | Queue, string])[] = [
  ['', t('全部')],
  ['review', t('待保密审查')],
  ['approval', t('待审批')],
  ['overdue', t('超期未公开')],
  ['no_interpretation', t('规范性文件未解读')],
] as const;

const FILTERS = ['queue', 'state', 'year', 'genre', 'articleItem', 'agencyId'] as const;
const SORTS = () => [
  { value: 'newest', label: t('最新在前') },
  { value: 'oldest', label: t('最早在前') },
  { value: 'updated', label: t('最近修改在前') },
];
const labelled = (m: Record<string, string>) => Object.entries(m).map(([value, label]) => ({ value, label }));

/** 主动公开: the catalogue in scope, paged by the server, with search, filters and queues; a new item; the import. */
export function Catalogue({ query }: { query: URLSearchParams }) {
  const { me, meta, agencies } = useSession();
  const { state, set, request } = useListState('/catalogue', query, FILTERS);
  const queue = QUEUES.find(([k]) => k === state.filters.queue)?.[0] ?? '';
  const { data, loading, error, reload } = useLoad(
    // The URL's parameters go as written; the server checks them (a wrong one is refused in words).
    () => call('listCatalogueItems', { query: request as ListQuery }),
    [query.toString()],
  );
  const [importing, setImporting] = useState(false);
  const filters: FilterSpec[] = [
    { key: 'state', label: t('状态'), options: labelled(meta.itemStates), width: 120 },
    { key: 'year', label: t('年份'), options: yearOptions(), width: 110 },
    { key: 'genre', label: t('体裁'), options: labelled(meta.genres), width: 130 },
    { key: 'articleItem', label: t('所属事项（第二十条）'), options: labelled(meta.articleItems), width: 200 },
  ];
  // Only those who see several agencies (a supervisor, a region's staff) filter by agency.
  if (agencies.length > 1)
    filters.push({
      key: 'agencyId',
      label: t('机关'),
      options: agencies.map((a) => ({ value: a.id, label: a.name })),
      width: 200,
    });
  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3}>{t('主动公开')}</Typography.Title>
        <Space>
          {hasRole(me, 'operator') && (
            <Button type="primary" {...linkProps('/item/new')}>
              {t('新建信息')}
            </Button>
          )}
          {hasRole(me, 'approver', 'sysadmin') && (
            <Button onClick={() => setImporting(true)}>{t('导入历史目录')}</Button>
          )}
        </Space>
      </Space>
      <Tabs
        activeKey={queue}
        onChange={(k) => set({ filters: { queue: k || undefined } })}
        items={QUEUES.map(([key, label]) => ({ key, label }))}
      />
      <ListToolbar state={state} set={set} placeholder={t('标题、文号或索引号')} filters={filters} sorts={SORTS()} />
      <ListTable<ItemRow>
        rowKey="id"
        data={data}
        loading={loading}
        error={error}
        state={state}
        set={set}
        emptyText={
          hasRole(me, 'operator') ? t('目录里还没有信息：点“新建信息”录入，或导入历史目录') : t('目录里还没有信息')
        }
        scroll={{ x: 780 }}
        columns={[
          {
            title: t('标题'),
            dataIndex: 'title',
            minWidth: 240,
            render: (v, r) => <a {...linkProps(`/item/${r.id}`)}>{v}</a>,
          },
          { title: t('文号'), dataIndex: 'doc_number', width: 160, responsive: ['xl'] },
          ...(agencies.length > 1
            ? [{ title: t('机关'), dataIndex: 'agency_name', width: 160, responsive: ['xl' as const] }]
            : []),
          { title: t('索引号'), dataIndex: 'index_no', width: 190 },
          {
            title: t('体裁'),
            dataIndex: 'genre',
            width: 90,
            responsive: ['xl'],
            render: (v: string) => meta.genres[v] ?? '',
          },
          {
            title: t('状态'),
            dataIndex: 'state',
            width: 90,
            render: (v: string) => <Tag>{meta.itemStates[v] ?? ''}</Tag>,
          },
          {
            title: t('日期'),
            width: 118,
            render: (_, r) => r.publish_date ?? r.formed_date ?? '',
          },
          {
            title: t('提示'),
            width: 170,
            render: (_, r) => (
              <>
                {r.overdue && <Tag color="red">{t('应于 {date} 前公开', { date: r.disclosureDue ?? '' })}</Tag>}
                {r.needsInterpretation && <Tag color="orange">{t('未发布解读')}</Tag>}
              </>
            ),
          },
        ]}
      />
      {importing && (
        <ImportWizard
          onClose={() => {
            setImporting(false);
            void reload();
          }}
        />
      )}
    </>
  );
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Job = Output<'catalogueImportJob'>;

/** A finished job's result: `{ imported, valid }` (the contract leaves it open). */
const importedOf = (job: Job) => {
  const r = job.result as { imported?: unknown } | null;
  return typeof r?.imported === 'number' ? r.imported : 0;
};
/** A failed job's result: `{ message, details: { errors } }`, told as the refusal it would have been. */
function jobFailure(job: Job): ApiError {
  const r = (job.result ?? {}) as { message?: unknown; details?: { errors?: unknown } };
  const rows = Array.isArray(r.details?.errors) ? (r.details.errors as ApiError['rows']) : [];
  return new ApiError(400, {
    code: 'invalid',
    message: typeof r.message === 'string' ? r.message : t('导入失败'),
    details: [],
    rows,
  });
}

/** 导入历史目录: pick the agency and a CSV/XLSX file, check it, then import with a progress bar. */
function ImportWizard({ onClose }: { onClose: () => void }) {
  const { me, agencies } = useSession();
  const mine = agencies.filter((a) =>
    me.roles.some((r) => r.role === 'sysadmin' || (r.role === 'approver' && r.agencyId === a.id)),
  );
  const [agencyId, setAgencyId] = useState(mine[0]?.id);
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<ApiError['rows']>([]);
  const [message, setMessage] = useState<{ type: 'success' | 'error' | 'info'; text: string } | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const send = async (flags: { dryRun?: '1'; async?: '1' }) =>
    call('importCatalogue', {
      query: { agencyId: agencyId ?? '', ...flags },
      body: await file!.arrayBuffer(),
      contentType: file!.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv',
    });
  const fail = (e: unknown) => {
    setErrors(e instanceof ApiError ? e.rows : []);
    setMessage({ type: 'error', text: e instanceof Error ? e.message : String(e) });
  };
  const check = async () => {
    setErrors([]);
    try {
      const r = await send({ dryRun: '1' });
      if ('valid' in r) setMessage({ type: 'info', text: t('校验通过：共 {n} 条，可以导入', { n: r.valid }) });
    } catch (e) {
      fail(e);
    }
  };
  const run = async () => {
    setErrors([]);
    try {
      const r = await send({ async: '1' });
      if (!('jobId' in r)) return setMessage({ type: 'success', text: t('导入完成：{n} 条', { n: r.imported }) });
      setPercent(0);
      for (;;) {
        await new Promise((done) => setTimeout(done, 400));
        const s = await call('catalogueImportJob', { params: { id: r.jobId } });
        setPercent(s.percent);
        if (s.state === 'done') {
          setMessage({ type: 'success', text: t('导入完成：{n} 条', { n: importedOf(s) }) });
          break;
        }
        if (s.state === 'failed') {
          fail(jobFailure(s));
          break;
        }
      }
    } catch (e) {
      fail(e);
    }
  };
  return (
    <Modal
      title={t('导入历史目录（CSV 或 Excel）')}
      open
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('关闭')}</Button>}
      width={760}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Select
          style={{ width: 360 }}
          value={agencyId}
          onChange={setAgencyId}
          options={mine.map((a) => ({ value: a.id, label: a.name }))}
          aria-label={t('导入到机关')}
        />
        <Upload
          accept=".csv,.xlsx"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            setErrors([]);
            setMessage(null);
            setPercent(null);
            return false;
          }}
        >
          <Button>{t('选择文件')}</Button>
        </Upload>
        <Typography.Text type="secondary">
          {t(
            '第一行为列名：索引号、标题、文号、成文日期、发布日期、主题分类、体裁、所属事项、有效性、关键词、正文。全部通过校验才会导入，任何一行有错都不写入。',
          )}
        </Typography.Text>
        <Space>
          <Button disabled={!file} onClick={check}>
            {t('校验')}
          </Button>
          <Button type="primary" disabled={!file} onClick={run}>
            {t('导入')}
          </Button>
        </Space>
        {percent !== null && <Progress percent={percent} />}
        {message && <Alert type={message.type} title={message.text} showIcon />}
        {errors.length > 0 && (
          <Table
            size="small"
            rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
            dataSource={errors}
            pagination={{ pageSize: 8 }}
            columns={[
              { title: t('行'), dataIndex: 'row', width: 60 },
              { title: t('列'), dataIndex: 'column', width: 100 },
              { title: t('问题'), dataIndex: 'message' },
            ]}
          />
        )}
      </Space>
    </Modal>
  );
}
