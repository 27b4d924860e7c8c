import { App, Button, Form, Input, InputNumber, Modal, Space } from 'antd';
import { useState } from 'react';
import { call } from '../api.ts';
import { newIdempotencyKey, setServerErrors, useSubmitOnce } from '../form-errors.ts';
import { t } from '../i18n.ts';
import { CommentButton } from './CommentModal.tsx';

/** Beijing date of today: the date of the head's decision. */
const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * 批准 / 不批准 an extension asked for (条例第三十三条第一款: at most 20 working days more, with the head's
 * consent), in place: only the steps the user may take now (`mayApprove`, `mayRefuse` from the server). Each
 * submission carries its own Idempotency-Key: a double click records one event.
 */
export function ExtensionActions({
  tn,
  mayApprove,
  mayRefuse,
  onDone,
}: {
  tn: string;
  mayApprove: boolean;
  mayRefuse: boolean;
  onDone: () => unknown;
}) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const [form] = Form.useForm<{ workdays: number; reason?: string }>();
  const { submitting, guard } = useSubmitOnce();
  const approve = (v: { workdays: number; reason?: string }) =>
    guard(async () => {
      try {
        await call('recordCaseEvent', {
          params: { tn },
          headers: { 'idempotency-key': key },
          body: { type: 'extension_approved', date: chinaToday(), workdays: v.workdays, reason: v.reason || undefined },
        });
      } catch (e) {
        const rest = setServerErrors(form, e);
        if (rest) message.error(rest);
        return;
      }
      message.success(t('已批准延期'));
      setOpen(false);
      setKey(newIdempotencyKey());
      await onDone();
    });
  if (!mayApprove && !mayRefuse) return null;
  return (
    <Space>
      {mayApprove && (
        <Button type="primary" size="small" onClick={() => setOpen(true)}>
          {t('批准')}
        </Button>
      )}
      {mayRefuse && (
        <CommentButton
          label={t('不批准')}
          title={t('不批准延期')}
          field="reason"
          required={t('请填写不批准延期的理由')}
          placeholder={t('写明不批准的理由，经办人将在案件中看到')}
          button={{ size: 'small', danger: true }}
          run={(reason) =>
            call('recordCaseEvent', {
              params: { tn },
              headers: { 'idempotency-key': newIdempotencyKey() },
              body: { type: 'extension_refused', date: chinaToday(), reason },
            })
          }
          onDone={onDone}
        />
      )}
      <Modal
        title={t('批准延期答复')}
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('批准')}
        okButtonProps={{ loading: submitting, disabled: submitting }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={approve} initialValues={{ workdays: 20 }} disabled={submitting}>
          <Form.Item
            name="workdays"
            label={t('延长工作日数（≤20，条例第三十三条）')}
            rules={[{ required: true, message: t('请填写延长的工作日数') }]}
          >
            <InputNumber min={1} max={20} precision={0} />
          </Form.Item>
          <Form.Item name="reason" label={t('批准意见')}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
