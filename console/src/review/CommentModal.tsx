import { App, Button, type ButtonProps, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { setServerErrors, useSubmitOnce } from '../form-errors.ts';
import { t } from '../i18n.ts';

/**
 * A button that asks for the words of a decision (退回, 不批准…) before taking it: the comment is required, the
 * modal cannot be sent twice, and the server's field messages land on the comment field. `run` sends it with
 * the comment; `field` is the body's name of the comment (as the server reports it in `details[].path`).
 */
export function CommentButton({
  label,
  title,
  placeholder,
  run,
  onDone,
  field = 'comment',
  required = t('请填写退回意见'),
  okText,
  button,
}: {
  label: string;
  title: string;
  placeholder?: string;
  run: (comment: string) => Promise<unknown>;
  onDone?: () => unknown;
  field?: string;
  required?: string;
  okText?: string;
  button?: ButtonProps;
}) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Record<string, string>>();
  const { submitting, guard } = useSubmitOnce();
  const submit = (v: Record<string, string>) =>
    guard(async () => {
      try {
        await run((v[field] ?? '').trim());
      } catch (e) {
        const rest = setServerErrors(form, e);
        if (rest) message.error(rest);
        return;
      }
      message.success(t('已完成'));
      setOpen(false);
      form.resetFields();
      await onDone?.();
    });
  return (
    <>
      <Button {...button} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal
        title={title}
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={okText ?? t('确定')}
        okButtonProps={{ loading: submitting, disabled: submitting }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit} disabled={submitting}>
          <Form.Item name={field} label={t('意见')} rules={[{ required: true, whitespace: true, message: required }]}>
            <Input.TextArea rows={4} maxLength={2000} showCount placeholder={placeholder} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
