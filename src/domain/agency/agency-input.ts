import { z } from 'zod';
import { docCode } from './letter-settings.ts';

/** 机关: the agencies that disclose (条例第十条), their contact details (第二十二条 指南) and 索引号 pattern. */
export const AGENCY_KINDS = ['government', 'department', 'dispatched', 'township', 'other'] as const;
export const agencyKindLabels: Record<(typeof AGENCY_KINDS)[number], string> = {
  government: '人民政府',
  department: '政府部门',
  dispatched: '派出机构',
  township: '乡镇（街道）',
  other: '其他',
};

const contact = z
  .object({
    office: z.string().max(200).meta({ title: '办公机构', labelEn: 'office' }).optional(),
    address: z.string().max(300).meta({ title: '办公地址', labelEn: 'address' }).optional(),
    postcode: z
      .string()
      .regex(/^\d{6}$/, '邮政编码应为6位数字')
      .optional(),
    phone: z.string().max(50).optional(),
    fax: z.string().max(50).meta({ title: '传真', labelEn: 'fax' }).optional(),
    email: z.email('电子邮箱格式不正确').optional(),
    hours: z.string().max(200).meta({ title: '办公时间', labelEn: 'office hours' }).optional(),
  })
  .strict();

/** 索引号 pattern: must contain {seq…}; may use {code} {year} {month}. */
const indexPattern = z
  .string()
  .max(100)
  .refine((p) => /\{seq\d?\}/.test(p), '索引号格式须包含流水号 {seq5}（或 {seq4}、{seq6}）')
  .refine((p) => !/\{(?!code\}|year\}|month\}|seq\d?\})/.test(p), '索引号格式只能使用 {code}、{year}、{month}、{seqN}');

export const agencyInput = z.object({
  name: z.string().trim().min(2, '机关名称至少2个字').max(100).meta({ title: '机关名称', labelEn: 'agency name' }),
  shortName: z.string().trim().max(50).meta({ title: '简称', labelEn: 'short name' }).optional(),
  creditCode: z
    .string()
    .trim()
    .toUpperCase()
    .meta({ title: '统一社会信用代码', labelEn: 'unified social credit code' }),
  kind: z.enum(AGENCY_KINDS, { message: '机关类型不正确' }),
  regionCode: z.string().regex(/^\d{6}$/, '行政区划代码应为6位数字'),
  parentAgencyId: z.uuid('上级机关编号不正确').nullable().optional(),
  contact: contact.default({}),
  indexPattern: indexPattern.default('{code}/{year}-{seq5}'),
  /** 机关代字: the new agency's 文号 patterns start from it (letter-settings.ts); else from its short name. */
  docCode: docCode.optional(),
});

/** Letter settings have their own route (PUT …/letter-settings): the 机关代字 is not changed here. */
export const agencyPatch = agencyInput
  .partial()
  .omit({ creditCode: true, docCode: true })
  .extend({ contact: contact.optional() });
