/** The fields each case event asks for (the API's event body, src/commands/applications/event-input.ts). */
export interface EventField {
  name: string;
  label: string;
  kind: 'text' | 'textarea' | 'number' | 'date' | 'select';
  required?: boolean;
  options?: 'outcomes' | [string, string][];
  initial?: unknown;
}

export const EVENT_FIELDS: Record<string, EventField[]> = {
  correction_requested: [{ name: 'items', label: '需要补正的事项', kind: 'textarea', required: true }],
  correction_received: [{ name: 'note', label: '备注', kind: 'text' }],
  correction_expired: [{ name: 'note', label: '备注', kind: 'text' }],
  consultation_started: [
    {
      name: 'party',
      label: '征求意见对象',
      kind: 'select',
      required: true,
      options: [
        ['third_party', '第三方（条例第三十二条）'],
        ['agency', '其他机关（条例第三十四条）'],
      ],
      initial: 'third_party',
    },
    { name: 'partyName', label: '名称', kind: 'text', required: true },
  ],
  consultation_ended: [
    {
      name: 'result',
      label: '意见',
      kind: 'select',
      options: [
        ['agree', '同意公开'],
        ['object', '不同意公开'],
        ['no_answer', '逾期未答复'],
      ],
    },
    { name: 'note', label: '备注', kind: 'textarea' },
  ],
  fee_notice_sent: [
    {
      name: 'mode',
      label: '收费方式（国办函〔2020〕109号）',
      kind: 'select',
      required: true,
      options: [
        ['per_application', '按件计收'],
        ['per_volume', '按量计收'],
      ],
      initial: 'per_volume',
    },
    { name: 'pages', label: '页数（按量计收）', kind: 'number' },
  ],
  fee_paid: [],
  fee_expired: [],
  extension_requested: [{ name: 'reason', label: '延期理由', kind: 'textarea', required: true }],
  extension_approved: [
    { name: 'workdays', label: '延长工作日数（≤20，条例第三十三条）', kind: 'number', required: true, initial: 20 },
    { name: 'reason', label: '批准意见', kind: 'text' },
  ],
  delayed_reply_set: [
    { name: 'until', label: '延至', kind: 'date', required: true },
    { name: 'reason', label: '理由', kind: 'textarea', required: true },
  ],
  decided: [
    { name: 'outcome', label: '答复结果', kind: 'select', required: true, options: 'outcomes' },
    { name: 'basis', label: '依据（默认按答复结果）', kind: 'text' },
    { name: 'reasons', label: '理由（不予公开、部分公开等须写明）', kind: 'textarea' },
    { name: 'details', label: '告知事项', kind: 'textarea' },
  ],
  served: [
    { name: 'method', label: '送达方式（如邮寄、当面、电子邮件）', kind: 'text', required: true, initial: '电子邮件' },
  ],
  withdrawn: [{ name: 'note', label: '备注', kind: 'text' }],
  closed: [],
  reopened: [{ name: 'reason', label: '重新办理的原因', kind: 'textarea', required: true }],
};
