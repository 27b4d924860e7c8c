import { z } from 'zod';
import { isISODate } from '../calendar/index.ts';
import { CHANNELS } from '../clock/index.ts';
import { checkCreditCode, creditCodeProblemText } from '../credit-code.ts';
import { isValidResidentId } from '../id-number.ts';
import { hasMalformedText, MALFORMED_TEXT_MESSAGE } from '../text-guard.ts';
import { APPLICANT_TYPES, FORMS, ID_TYPES } from './index.ts';

export const applicantInput = z
  .object({
    type: z.enum(APPLICANT_TYPES, { message: '申请人类型不正确' }),
    name: z.string().trim().min(1, '请填写申请人姓名或名称').max(100).meta({ title: '姓名或名称', labelEn: 'name' }),
    idType: z.enum(ID_TYPES, { message: '证件类型不正确' }).optional(),
    idNumber: z.string().trim().max(40).meta({ title: '证件号码', labelEn: 'ID number' }).optional(),
    creditCode: z
      .string()
      .trim()
      .toUpperCase()
      .meta({ title: '统一社会信用代码', labelEn: 'unified social credit code' })
      .optional(),
    contactPerson: z.string().trim().max(50).meta({ title: '联系人', labelEn: 'contact person' }).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^[\d+\-() ]{5,30}$/, '联系电话格式不正确')
      .optional(),
    email: z.email('电子邮箱格式不正确').meta({ title: '电子邮箱', labelEn: 'email address' }).optional(),
    address: z.string().trim().max(200).meta({ title: '通信地址', labelEn: 'postal address' }).optional(),
    postcode: z
      .string()
      .trim()
      .regex(/^\d{6}$/, '邮政编码应为6位数字')
      .optional(),
  })
  // 条例第二十九条 asks for all of 姓名或名称, 身份证明 and 联系方式: checked even when another field is wrong
  // (`when`), so a form shows every missing part at once. The values may then be of any type.
  .superRefine(
    (raw, ctx) => {
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return;
      const a = raw as Record<string, unknown>;
      const str = (k: string) => (typeof a[k] === 'string' ? (a[k] as string).trim() : '');
      // One message per field: a value of the wrong type has already been named.
      const issue = (path: string, message: string) => {
        if (!ctx.issues.some((i) => i.path?.[0] === path)) ctx.addIssue({ code: 'custom', path: [path], message });
      };
      if (a.type === 'natural_person') {
        // 条例第二十九条第一项: the applicant's 身份证明.
        if (!str('idType')) issue('idType', '请选择身份证件类型');
        if (!str('idNumber')) issue('idNumber', '请填写身份证件号码');
        else if (a.idType === '居民身份证' && !isValidResidentId(str('idNumber').toUpperCase())) {
          issue('idNumber', '居民身份证号码不正确');
        }
      } else if (typeof a.type === 'string' && a.type !== '') {
        const code = str('creditCode').toUpperCase();
        if (!code) issue('creditCode', '请填写统一社会信用代码');
        else {
          const problem = checkCreditCode(code);
          if (problem) issue('creditCode', creditCodeProblemText[problem]);
        }
      }
      // 条例第二十九条第一项: 联系方式 — at least one way to reach the applicant.
      if (!str('phone') && !str('email') && !str('address')) {
        issue('phone', '请至少填写一种联系方式（电话、电子邮箱或通信地址）');
      }
    },
    { when: () => true },
  );

export const applicationInput = z
  .object({
    agency: z
      .string()
      .trim()
      .toUpperCase()
      .min(1, '请选择受理机关')
      .meta({ title: '受理机关', labelEn: 'agency', choose: true, description: '受理机关的统一社会信用代码' }),
    applicant: applicantInput,
    description: z
      .string()
      .trim()
      .min(5, '请描述所需政府信息（名称、文号或其他特征），至少5个字')
      .max(5000, '申请内容过长（不超过5000字）')
      .meta({ title: '所需政府信息的描述', labelEn: 'description of the information' }),
    form: z.enum(FORMS, { message: '获取信息的方式不正确' }),
    delivery: z.string().trim().max(200).meta({ title: '获取信息的途径', labelEn: 'delivery' }).optional(),
  })
  .superRefine((v, c) => {
    if (hasMalformedText(v)) c.addIssue({ code: 'custom', message: MALFORMED_TEXT_MESSAGE });
  });

export const staffCaseInput = applicationInput.extend({
  channel: z.enum(CHANNELS, { message: '申请渠道不正确' }),
  receivedDate: z.string().refine(isISODate, '收到申请日期无效（格式 YYYY-MM-DD）'),
  receiptNote: z.string().trim().max(500).meta({ title: '收到说明', labelEn: 'receipt note' }).optional(),
});

export type ApplicationInput = z.infer<typeof applicationInput>;
export type StaffCaseInput = z.infer<typeof staffCaseInput>;
