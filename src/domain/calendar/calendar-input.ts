import { z } from 'zod';
import { isISODate } from './dates.ts';

/** 日历调整: a day made working or rest (nationally or for a region), and a year's State Council notice entered. */
export const setDayInput = z.object({
  date: z.string().refine(isISODate, '日期无效（格式 YYYY-MM-DD）'),
  kind: z.enum(['workday', 'holiday'], { message: '类型应为 workday（上班）或 holiday（放假）' }),
  name: z.string().trim().max(50).meta({ title: '名称', labelEn: 'name' }).optional(),
  regionCode: z
    .string()
    .regex(/^\d{6}$/, '行政区划代码应为6位数字')
    .nullable()
    .optional(),
  reason: z
    .string()
    .trim()
    .min(2, '请说明调整依据（如国务院通知文号、地方规定）')
    .max(500)
    .meta({ title: '调整依据', labelEn: 'reason' }),
});

export const yearNoticeInput = z.object({
  year: z.number().int().min(2000).max(2100),
  notice: z.string().trim().min(4, '请填写国务院办公厅通知的名称或文号').max(200),
});
