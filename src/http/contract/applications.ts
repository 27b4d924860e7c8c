import { z } from 'zod';
import { appealInput, appealPatch } from '../../domain/case/appeal-input.ts';
import { applicationInput, staffCaseInput } from '../../domain/case/application-input.ts';
import { caseEventInput } from '../../domain/case/event-input.ts';
import { DEFAULT_TEMPLATES } from '../../domain/case/index.ts';
import { templateInput } from '../../domain/case/template-input.ts';
import { caseListQuery } from '../../domain/lists/case-list.ts';
import { caseListItem, caseState, flag, intakeReceipt, outcome, staffCase, tracked } from './case-views.ts';
import { dateOut, defineRoute, file, inline, listPage, ok, trackingNumber, uuid } from './common.ts';

/** 依申请公开: the public intake and tracking, the staff's cases, letters, appeals and letter templates. */

const LETTER_FORMATS = ['docx', 'pdf'] as const;
const LETTER_TYPES = ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/pdf'];

const format = z.enum(LETTER_FORMATS, { message: '格式应为 docx 或 pdf' }).meta({ title: '格式', labelEn: 'format' });
const queryCode = z
  .string()
  .trim()
  .min(1, '请填写查询码')
  .meta({ title: '查询码', labelEn: 'query code', description: '提交申请时得到的8位查询码' });
const trackQuery = z.object({
  number: z.string().trim().min(1, '请填写申请编号').meta({ title: '申请编号', labelEn: 'tracking number' }),
  code: queryCode,
});

const tnParams = z.object({ tn: trackingNumber() });
/** A staff write made once per user and key (a double click replays the first answer). */
const staffIdempotency = z.object({
  'idempotency-key': z
    .string()
    .optional()
    .meta({ description: '防重复提交：8–128位字母、数字或 ._:-；同一用户同一键只登记一次' }),
});
const agencyParams = z.object({ id: uuid('机关编号', 'agency id') });

export const submitApplication = defineRoute({
  method: 'POST',
  path: '/api/v1/applications',
  operationId: 'submitApplication',
  summary: '提交政府信息公开申请（网上申请，无需登录）',
  description:
    '条例第二十九条：申请内容；第三十一条：平台即时确认收到之日为收到申请之日。同一 Idempotency-Key 重复提交只产生一份申请。',
  tag: 'applications',
  auth: 'public',
  headers: z.object({
    'idempotency-key': z
      .string()
      .optional()
      .meta({ description: '防重复提交：8–128位字母、数字或 ._:-，同一键只受理一次' }),
  }),
  body: applicationInput,
  responses: { 201: intakeReceipt },
  errors: [409, 413, 415],
});

export const trackApplication = defineRoute({
  method: 'GET',
  path: '/api/v1/applications/track',
  operationId: 'trackApplication',
  summary: '凭申请编号和查询码查询办理进度',
  tag: 'applications',
  auth: 'public',
  query: trackQuery,
  responses: { 200: tracked },
});

export const downloadTrackedLetter = defineRoute({
  method: 'GET',
  path: '/api/v1/applications/letters/:id/:format',
  operationId: 'downloadTrackedLetter',
  summary: '申请人下载告知书（凭申请编号和查询码）',
  tag: 'applications',
  auth: 'public',
  params: z.object({ id: uuid('告知书编号', 'letter id'), format }),
  query: trackQuery,
  responses: { 200: file(LETTER_TYPES, '告知书（Word 或 PDF）') },
});

export const registerCase = defineRoute({
  method: 'POST',
  path: '/api/v1/cases',
  operationId: 'registerCase',
  summary: '登记当面、邮寄、信函、传真、电子邮件申请',
  tag: 'cases',
  auth: 'login',
  body: staffCaseInput,
  responses: { 201: intakeReceipt.extend({ flags: z.array(flag) }) },
});

export const listCases = defineRoute({
  method: 'GET',
  path: '/api/v1/cases',
  operationId: 'listCases',
  summary: '案件列表（按权限范围）',
  tag: 'cases',
  auth: 'login',
  description:
    '分页（page、pageSize ≤ 100）、搜索（申请编号或申请人姓名）、筛选、待办、排序（默认最新在前）；超过一万条时总数为估计（exact: false）。',
  query: caseListQuery,
  responses: { 200: listPage(caseListItem) },
});

export const caseQueues = defineRoute({
  method: 'GET',
  path: '/api/v1/queues',
  operationId: 'caseQueues',
  summary: '待办：即将到期、已超期、等待申请人',
  tag: 'cases',
  auth: 'login',
  responses: {
    200: z.object({
      dueSoon: z.array(caseListItem),
      overdue: z.array(caseListItem),
      waitingOnApplicant: z.array(caseListItem),
    }),
  },
});

export const getCase = defineRoute({
  method: 'GET',
  path: '/api/v1/cases/:tn',
  operationId: 'getCase',
  summary: '案件详情（申请人信息默认脱敏）',
  tag: 'cases',
  auth: 'login',
  params: tnParams,
  query: z.object({
    reveal: z.enum(['1', 'true', '0', 'false']).optional().meta({ description: '1：显示完整的申请人信息（记入审计）' }),
  }),
  responses: { 200: staffCase },
});

export const recordCaseEvent = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:tn/events',
  operationId: 'recordCaseEvent',
  summary: '登记办理事件（补正、征求意见、收费、延期、答复、送达、办结……）',
  description: '同一用户以同一 Idempotency-Key 重复提交只登记一次，并返回第一次的结果。',
  tag: 'cases',
  auth: 'login',
  params: tnParams,
  headers: staffIdempotency,
  body: caseEventInput,
  responses: {
    201: z.object({
      seq: z.number().int(),
      state: caseState,
      stateLabel: z.string(),
      replyDue: dateOut.nullable(),
      letterId: z.uuid().nullable(),
      docNumber: z.string().nullable().meta({ description: '所出具告知书的发文字号' }),
      outcome: outcome.nullable(),
    }),
  },
  errors: [409],
});

export const downloadCaseLetter = defineRoute({
  method: 'GET',
  path: '/api/v1/cases/:tn/letters/:id/:format',
  operationId: 'downloadCaseLetter',
  summary: '下载案件的告知书',
  tag: 'cases',
  auth: 'login',
  params: z.object({ tn: trackingNumber(), id: uuid('告知书编号', 'letter id'), format }),
  query: z.object({ inline }),
  responses: { 200: file(LETTER_TYPES, '告知书（Word 或 PDF）') },
});

export const addAppeal = defineRoute({
  method: 'POST',
  path: '/api/v1/cases/:tn/appeals',
  operationId: 'addAppeal',
  summary: '登记行政复议或行政诉讼',
  description: '同一用户以同一 Idempotency-Key 重复提交只登记一条，并返回第一次的结果。',
  tag: 'cases',
  auth: 'login',
  params: tnParams,
  headers: staffIdempotency,
  body: appealInput,
  responses: { 201: z.object({ id: z.uuid() }) },
  errors: [409],
});

export const updateAppeal = defineRoute({
  method: 'PATCH',
  path: '/api/v1/appeals/:id',
  operationId: 'updateAppeal',
  summary: '登记复议或诉讼的结果',
  tag: 'cases',
  auth: 'login',
  params: z.object({ id: uuid('复议诉讼记录编号', 'appeal id') }),
  body: appealPatch,
  responses: { 200: ok },
});

export const letterTemplates = defineRoute({
  method: 'GET',
  path: '/api/v1/agencies/:id/letter-templates',
  operationId: 'listLetterTemplates',
  summary: '机关的告知书模板（自定义的，或平台默认的）',
  tag: 'templates',
  auth: 'login',
  params: agencyParams,
  responses: {
    200: z.object({
      items: z.array(
        z.object({
          kind: z.string(),
          title: z.string(),
          body: z.string(),
          custom: z.boolean(),
          required: z.array(z.string()).meta({ description: '模板须保留的法定内容（占位符）' }),
        }),
      ),
    }),
  },
});

export const saveLetterTemplate = defineRoute({
  method: 'PUT',
  path: '/api/v1/agencies/:id/letter-templates/:kind',
  operationId: 'saveLetterTemplate',
  summary: '保存机关的告知书模板',
  description:
    '主送（称谓）、署名、成文日期和文号由平台按公文格式加入，模板只写正文；各类告知书的法定内容（如答复的法律依据和救济途径）不能删去。',
  tag: 'templates',
  auth: 'login',
  params: agencyParams.extend({
    kind: z
      .enum(Object.keys(DEFAULT_TEMPLATES) as [string, ...string[]], { message: '告知书类型不正确' })
      .meta({ title: '告知书类型', labelEn: 'letter kind' }),
  }),
  body: templateInput,
  responses: { 200: ok },
});

export const applicationsContract = [
  submitApplication,
  trackApplication,
  downloadTrackedLetter,
  registerCase,
  listCases,
  caseQueues,
  getCase,
  recordCaseEvent,
  downloadCaseLetter,
  addAppeal,
  updateAppeal,
  letterTemplates,
  saveLetterTemplate,
] as const;
