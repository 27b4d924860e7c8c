import { z } from 'zod';
import { isISODate } from '../calendar/index.ts';
import { DECIDABLE_OUTCOMES } from './index.ts';

const date = z.string().refine(isISODate, '日期无效（格式 YYYY-MM-DD）');
const text = (max: number) => z.string().trim().max(max);

/** The body of `POST /api/v1/cases/{trackingNumber}/events`, by event type. */
export const caseEventInput = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('correction_requested'), date, items: text(2000).min(2, '请写明需要补正的事项') }),
    z.object({ type: z.literal('correction_received'), date, note: text(500).optional() }),
    z.object({ type: z.literal('correction_expired'), date, note: text(500).optional() }),
    z.object({
      type: z.literal('consultation_started'),
      date,
      party: z.enum(['third_party', 'agency'], { message: 'party 应为 third_party（第三方）或 agency（其他机关）' }),
      partyName: text(200).min(1, '请填写被征求意见方的名称'),
    }),
    z.object({
      type: z.literal('consultation_ended'),
      date,
      party: z.enum(['third_party', 'agency']).optional(),
      result: z.enum(['agree', 'object', 'no_answer']).optional(),
      note: text(1000).optional(),
    }),
    z.object({
      type: z.literal('fee_notice_sent'),
      date,
      mode: z.enum(['per_application', 'per_volume'], {
        message: '收费方式应为 per_application（按件）或 per_volume（按量）',
      }),
      pages: z.number().int().min(0).max(1_000_000).optional(),
      amount: z.number().min(0).optional(),
    }),
    z.object({ type: z.literal('fee_paid'), date }),
    z.object({ type: z.literal('fee_expired'), date }),
    z.object({ type: z.literal('extension_requested'), date, reason: text(1000).min(2, '请说明延期理由') }),
    z.object({
      type: z.literal('extension_approved'),
      date,
      workdays: z
        .number()
        .int()
        .min(1, '延长的工作日数至少为1')
        .max(20, '延长答复期限最长不得超过20个工作日（第三十三条）'),
      reason: text(1000).optional(),
    }),
    z.object({ type: z.literal('delayed_reply_set'), date, until: date, reason: text(1000).min(2, '请说明理由') }),
    z.object({
      type: z.literal('decided'),
      date,
      outcome: z.enum(DECIDABLE_OUTCOMES as [string, ...string[]], { message: '答复结果不在法定类型之内' }),
      basis: text(500).optional(),
      reasons: text(5000).optional(),
      details: text(5000).optional(),
    }),
    z.object({ type: z.literal('served'), date, method: text(100).min(1, '请填写送达方式（如邮寄、当面、电子邮件）') }),
    z.object({ type: z.literal('withdrawn'), date, note: text(500).optional() }),
    z.object({ type: z.literal('closed'), date }),
    z.object({ type: z.literal('reopened'), date, reason: text(1000).min(2, '请说明重新办理的原因（如复议决定）') }),
  ],
  { error: (i) => (i.code === 'invalid_union' ? '事件类型 type 不正确' : undefined) },
);
export type CaseEventInput = z.infer<typeof caseEventInput>;
