import { Button, Card, Empty, Popconfirm, Progress, Space, Table, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { call, href, type Output, upload } from '../../api.ts';
import { useAction } from '../../hooks.ts';
import { t } from '../../i18n.ts';

type Item = Output<'getCatalogueItem'>;
type Attachment = Item['attachments'][number];

/** What a person calls each accepted type (never the MIME type). */
const TYPE_LABELS: Record<string, () => string> = {
  'application/pdf': () => 'PDF',
  'image/png': () => t('PNG 图片'),
  'image/jpeg': () => t('JPEG 图片'),
  'application/msword': () => t('Word 文档（.doc）'),
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': () => t('Word 文档（.docx）'),
  'application/vnd.ms-excel': () => t('Excel 表格（.xls）'),
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': () => t('Excel 表格（.xlsx）'),
  'application/ofd': () => t('OFD 版式文件'),
};

/** 1 KB = 1024 bytes, one decimal below 10. */
export function humanSize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let n = bytes;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return `${u === 0 || n >= 10 ? Math.round(n) : n.toFixed(1)} ${units[u]}`;
}

interface Props {
  item: Item;
  /** The item is a draft and the user an operator: files may be added and removed. */
  editable: boolean;
  reload: () => Promise<void>;
}

/** 附件: the item's files with who uploaded them and when; upload with progress, download, removal while a draft. */
export function Attachments({ item, editable, reload }: Props) {
  const act = useAction();
  const [progress, setProgress] = useState<{ name: string; percent: number; done: boolean; failed: boolean } | null>(
    null,
  );
  const [removing, setRemoving] = useState<string | null>(null);
  const uploading = progress !== null && !progress.done && !progress.failed;

  const send = async (f: File) => {
    setProgress({ name: f.name, percent: 0, done: false, failed: false });
    const ok = await act(
      () =>
        upload(
          'addCatalogueAttachment',
          { params: { id: item.id }, query: { filename: f.name }, body: f, contentType: 'application/octet-stream' },
          (percent) => setProgress((p) => (p ? { ...p, percent } : p)),
        ),
      t('已上传'),
    );
    setProgress((p) => (p ? { ...p, percent: ok ? 100 : p.percent, done: ok, failed: !ok } : p));
    if (ok) await reload();
  };

  const remove = async (a: Attachment) => {
    setRemoving(a.id);
    if (await act(() => call('removeCatalogueAttachment', { params: { id: item.id, aid: a.id } }), t('已删除')))
      await reload();
    setRemoving(null);
  };

  const columns = [
    {
      title: t('文件名'),
      dataIndex: 'filename',
      render: (_: unknown, a: Attachment) => (
        <a href={href('downloadCatalogueAttachment', { params: { id: item.id, aid: a.id } })} download={a.filename}>
          {a.filename}
        </a>
      ),
    },
    { title: t('类型'), dataIndex: 'mime', width: 120, render: (m: string) => TYPE_LABELS[m]?.() ?? t('其他') },
    { title: t('大小'), dataIndex: 'size', width: 80, render: (s: number) => humanSize(s) },
    { title: t('上传人'), dataIndex: 'uploadedBy', width: 150, render: (u: string | null) => u ?? t('（未知）') },
    {
      title: t('上传时间'),
      dataIndex: 'uploadedAt',
      width: 140,
      render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
    },
    {
      title: t('操作'),
      key: 'actions',
      width: 110,
      render: (_: unknown, a: Attachment) => (
        <Space size="small">
          <Button
            size="small"
            type="link"
            href={href('downloadCatalogueAttachment', { params: { id: item.id, aid: a.id } })}
          >
            {t('下载')}
          </Button>
          {editable && (
            <Popconfirm
              title={t('删除附件“{name}”？', { name: a.filename })}
              okText={t('删除')}
              cancelText={t('取消')}
              okButtonProps={{ danger: true, loading: removing === a.id }}
              onConfirm={() => remove(a)}
            >
              <Button size="small" type="link" danger disabled={removing !== null}>
                {t('删除')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card size="small" title={t('附件')} style={{ marginTop: 16, maxWidth: 900 }} data-testid="attachments">
      {editable ? (
        <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
          <Upload
            beforeUpload={(f) => {
              void send(f);
              return false;
            }}
            showUploadList={false}
            disabled={uploading}
          >
            <Button loading={uploading}>{t('上传附件（PDF、Word、Excel、图片，≤20MB）')}</Button>
          </Upload>
          {progress && (
            <div data-testid="upload-progress" style={{ maxWidth: 480 }}>
              <Typography.Text type="secondary">
                {progress.failed
                  ? t('“{name}”上传失败', { name: progress.name })
                  : progress.done
                    ? t('“{name}”上传完成', { name: progress.name })
                    : t('正在上传“{name}”', { name: progress.name })}
              </Typography.Text>
              <Progress
                percent={progress.percent}
                size="small"
                status={progress.failed ? 'exception' : progress.done ? 'success' : 'active'}
              />
            </div>
          )}
        </Space>
      ) : (
        <Typography.Paragraph type="secondary">
          {t('信息已提交保密审查或已发布，附件不能再添加或删除；如需修改，请先退回为草稿。')}
        </Typography.Paragraph>
      )}
      <Table<Attachment>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={item.attachments}
        pagination={false}
        scroll={{ x: 680 }}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={
                editable ? t('暂无附件：点击“上传附件”添加，或从Word导入正文时自动保存其中的图片') : t('暂无附件')
              }
            />
          ),
        }}
        footer={() => t('共 {n} 个附件', { n: item.attachments.length })}
      />
    </Card>
  );
}
