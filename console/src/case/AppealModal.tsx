import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  APPEAL_KIND_LABELS,
  APPEAL_KINDS,
  APPEAL_RESULT_LABELS,
  APPEAL_RESULTS,
} from '../../../src/domain/case/appeal-input.ts';
import { type Input as ApiInput, call } from '../api.ts';
import { newIdempotencyKey, setServerErrors, useSubmitOnce } from '../form-errors.ts';
import { t } from '../i18n.ts';

type Body = ApiInput<'addAppeal'>['body'];
type Values = Omit<Body, 'filedDate' | 'resultDate'> & { filedDate?: Dayjs; resultDate?: Dayjs };

/** The labels of 行政复议 / 行政诉讼 (the domain's, in the console's language). */
export const appealKindLabel = (k: string) => t(APPEAL_KIND_LABELS[k as keyof typeof APPEAL_KIND_LABELS] ?? k);
export const appealResultLabel = (r: string) => t(APPEAL_RESULT_LABELS[r as keyof typeof APPEAL_RESULT_LABELS] ?? r);

/**
 * 登记行政复议、行政诉讼: sent once — the button is disabled while it is sent (Enter and a click are one
 * submission) and the submission carries an Idempotency-Key, kept until it succeeds, so a repeat reaching the
 * server records nothing more. The server's field messages are shown on the fields.
 */
export function AppealModal({ tn, open, onClose }: { tn: string; open: boolean; onClose: (added: boolean) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [key, setKey] = useState(newIdempotencyKey);
  const { submitting, guard } = useSubmitOnce();
  const submit = (v: Values) =>
    guard(async () => {
      const body = {
        ...v,
        filedDate: v.filedDate?.format('YYYY-MM-DD') ?? '',
        resultDate: v.resultDate?.format('YYYY-MM-DD'),
        note: v.note || undefined,
      } as Body;
      try {
        await call('addAppeal', { params: { tn }, headers: { 'idempotency-key': key }, body });
      } catch (e) {
        const rest = setServerErrors(form, e);
        if (rest) message.error(rest);
        return;
      }
      message.success(t('已登记'));
      setKey(newIdempotencyKey());
      form.resetFields();
      onClose(true);
    });
  return (
    <Modal
      title={t('登记行政复议、行政诉讼')}
      open={open}
      onCancel={() => onClose(false)}
      onOk={() => form.submit()}
      okText={t('登记')}
      okButtonProps={{ loading: submitting, disabled: submitting, htmlType: 'submit' }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={submitting}
        initialValues={{ kind: 'reconsideration', result: 'pending' }}
      >
        <Form.Item label={t('类型')} name="kind">
          <Select options={APPEAL_KINDS.map((k) => ({ value: k, label: appealKindLabel(k) }))} />
        </Form.Item>
        <Form.Item label={t('立案日期')} name="filedDate" rules={[{ required: true, message: t('请选择日期') }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item label={t('结果')} name="result">
          <Select options={APPEAL_RESULTS.map((r) => ({ value: r, label: appealResultLabel(r) }))} />
        </Form.Item>
        <Form.Item label={t('审结日期')} name="resultDate">
          <DatePicker />
        </Form.Item>
        <Form.Item label={t('备注')} name="note">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
