import { Alert, App, Button, Upload } from 'antd';
import { useState } from 'react';
import { upload } from '../../api.ts';
import { useAction } from '../../hooks.ts';
import { t } from '../../i18n.ts';

interface Props {
  itemId: string;
  /** The body as the form holds it now (asked before it is replaced). */
  current: () => string;
  /** Puts the imported body into the editor (not saved: the officer checks it and saves). */
  apply: (html: string) => void;
  /** The document's images became attachments: the list is reloaded. */
  reload: () => Promise<void>;
}

/** 从Word导入: a .docx converted by the server (clean HTML; images as attachments), into the editor for checking. */
export function WordImport({ itemId, current, apply, reload }: Props) {
  const act = useAction();
  const { modal } = App.useApp();
  const [busy, setBusy] = useState<number | null>(null);
  const [result, setResult] = useState<{ name: string; images: number; warnings: string[] } | null>(null);

  const confirmReplace = () =>
    new Promise<boolean>((resolve) => {
      if (!current().trim()) return resolve(true);
      modal.confirm({
        title: t('用Word文档替换当前正文？'),
        content: t('当前正文将被替换（保存前可点“撤销”或不保存而离开）。'),
        okText: t('替换'),
        cancelText: t('取消'),
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });

  const run = async (f: File) => {
    if (!(await confirmReplace())) return;
    setBusy(0);
    let out: { bodyHtml: string; attachments: unknown[]; warnings: string[] } | null = null;
    await act(async () => {
      out = await upload(
        'importCatalogueWord',
        { params: { id: itemId }, query: { filename: f.name }, body: f, contentType: 'application/octet-stream' },
        (p) => setBusy(p),
      );
    }, t('已从Word导入，请检查正文后保存'));
    setBusy(null);
    const done = out as { bodyHtml: string; attachments: unknown[]; warnings: string[] } | null;
    if (!done) return;
    apply(done.bodyHtml);
    setResult({ name: f.name, images: done.attachments.length, warnings: done.warnings });
    if (done.attachments.length) await reload();
  };

  return (
    <>
      <Upload
        accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        showUploadList={false}
        disabled={busy !== null}
        beforeUpload={(f) => {
          void run(f);
          return false;
        }}
      >
        <Button size="small" loading={busy !== null} data-testid="word-import">
          {busy === null ? t('从Word导入') : busy < 100 ? t('正在上传 {p}%', { p: busy }) : t('正在转换…')}
        </Button>
      </Upload>
      {result && (
        <Alert
          style={{ marginTop: 8 }}
          type={result.warnings.length ? 'warning' : 'info'}
          showIcon
          closable
          onClose={() => setResult(null)}
          title={t('已导入“{name}”：正文尚未保存，请检查后点击“保存”。', { name: result.name })}
          description={[
            ...(result.images ? [t('文档中的 {n} 张图片已保存为附件，正文中以链接引用。', { n: result.images })] : []),
            ...result.warnings,
          ].join(' ')}
        />
      )}
    </>
  );
}
