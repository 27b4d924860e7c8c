import { z } from 'zod';

/** 告知书模板: an agency's own wording of a letter (placeholders checked by the command). */
export const templateInput = z.object({
  title: z.string().trim().min(2, '请填写告知书标题').max(100).meta({ title: '告知书标题', labelEn: 'title' }),
  body: z.string().trim().min(10, '告知书正文过短').max(20_000).meta({ title: '告知书正文', labelEn: 'body' }),
});
export type TemplateInput = z.input<typeof templateInput>;
