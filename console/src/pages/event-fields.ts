import { t } from '../i18n.ts'; /** The fields each case event asks for (the API's event body, src/commands/applications/event-input.ts). */
export interface EventField {
  name: string;
  label: string;
  kind: 'text' | 'textarea' | 'number' | 'date' | 'select';
  required?: boolean;
  options?: 'outcomes' | [string, string][];
  initial?: unknown;
}

export const EVENT_FIELDS: Record<string, EventField[]> = {
  correction_requested: [{ name: 'items', label: t('需要补正的事项'), kind: 'textarea', required: true }],
  correction_received: [{ name: 'note', label: t('备注'), kind: 'text' }],
  correction_expired: [{ name: 'note', label: t('备注'), kind: 'text' }],
  consultation_started: [
    {
      name: 'party',
      label: t('征求意见对象'),
      kind: 'select',
      required: true,
      options: [
        ['third_party', t('第三方（条例第三十二条）')],
        ['agency', t('其他机关（条例第三十四条）')],
      ],
      initial: 'third_party',
    },
    { name: 'partyName', label: t('名称'), kind: 'text', required: true },
  ],
  consultation_ended: [
    {
      name: 'result',
      label: t('意见'),
      kind: 'select',
      options: [
        ['agree', t('同意公开')],
        ['object', t('不同意公开')],
        ['no_answer', t('逾期未答复')],
      ],
    },
    { name: 'note', label: t('备注'), kind: 'textarea' },
  ],
  fee_notice_sent: [
    {
      name: 'mode',
      label: t('收费方式（国办函〔2020〕109号）'),
      kind: 'select',
      required: true,
      options: [
        ['per_application', t('按件计收')],
        ['per_volume', t('按量计收')],
      ],
      initial: 'per_volume',
    },
    { name: 'pages', label: t('页数（按量计收）'), kind: 'number' },
  ],
  fee_paid: [],
  fee_expired: [],
  extension_requested: [{ name: 'reason', label: t('延期理由'), kind: 'textarea', required: true }],
  extension_approved: [
    { name: 'workdays', label: t('延长工作日数（≤20，条例第三十三条）'), kind: 'number', required: true, initial: 20 },
    { name: 'reason', label: t('批准意见'), kind: 'text' },
  ],
  delayed_reply_set: [
    { name: 'until', label: t('延至'), kind: 'date', required: true },
    { name: 'reason', label: t('理由'), kind: 'textarea', required: true },
  ],
  decided: [
    { name: 'outcome', label: t('答复结果'), kind: 'select', required: true, options: 'outcomes' },
    { name: 'basis', label: t('依据（默认按答复结果）'), kind: 'text' },
    { name: 'reasons', label: t('理由（不予公开、部分公开等须写明）'), kind: 'textarea' },
    { name: 'details', label: t('告知事项'), kind: 'textarea' },
  ],
  served: [
    {
      name: 'method',
      label: t('送达方式（如邮寄、当面、电子邮件）'),
      kind: 'text',
      required: true,
      initial: t('电子邮件'),
    },
  ],
  withdrawn: [{ name: 'note', label: t('备注'), kind: 'text' }],
  closed: [],
  reopened: [{ name: 'reason', label: t('重新办理的原因'), kind: 'textarea', required: true }],
};
