import { z } from 'zod';
import { ITEM_STATE_LABELS } from '../../domain/catalogue/index.ts';
import { itemInput, PAGE_KINDS, pageInput, VALIDITIES } from '../../domain/catalogue/item-input.ts';
import { catalogueListQuery } from '../../domain/lists/catalogue-list.ts';
import { dateOut, defineRoute, file, instant, listPage, ok, uuid } from './common.ts';

/** 主动公开: the catalogue's items, their review and publication, attachments, import and export. */

const ITEM_STATES = Object.keys(ITEM_STATE_LABELS) as [string, ...string[]];
const STEPS = ['submit', 'review', 'return', 'approve', 'publish', 'withdraw'] as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const itemId = z.object({ id: uuid('信息编号', 'item id') });
const agencyId = () => uuid('机关编号', 'agency id');

export const staffItem = z.object({
  id: z.uuid(),
  index_no: z.string().nullable(),
  title: z.string(),
  doc_number: z.string().nullable(),
  state: z.enum(ITEM_STATES),
  genre: z.string(),
  formed_date: dateOut.nullable(),
  publish_date: dateOut.nullable(),
  agency_id: z.uuid(),
  agency_name: z.string(),
  region_code: z.string(),
  interpretations: z.number().int(),
  disclosureDue: dateOut.nullable().meta({ description: '条例第二十六条：形成或变更之日起20个工作日内公开' }),
  overdue: z.boolean(),
  needsInterpretation: z.boolean(),
});

export const attachment = z.object({
  id: z.uuid(),
  filename: z.string(),
  mime: z.string(),
  size: z.number().int(),
});

/** The editor's view of one item (database column names), with its attachments. */
export const itemDetail = z.object({
  id: z.uuid(),
  agency_id: z.uuid(),
  agency_name: z.string(),
  credit_code: z.string(),
  region_code: z.string(),
  index_pattern: z.string(),
  index_no: z.string().nullable(),
  title: z.string(),
  doc_number: z.string().nullable(),
  disclosure: z.enum(['proactive', 'on_request', 'not_public']),
  disclosure_reason: z.string().nullable(),
  written_date: dateOut.nullable(),
  formed_date: dateOut.nullable(),
  publish_date: dateOut.nullable(),
  topic: z.string().nullable(),
  genre: z.string(),
  article_item: z.string().nullable(),
  validity: z.enum(VALIDITIES),
  validity_date: dateOut.nullable(),
  supersedes_id: z.uuid().nullable(),
  interprets_id: z.uuid().nullable(),
  keywords: z.string(),
  body_html: z.string(),
  body_text: z.string(),
  state: z.enum(ITEM_STATES),
  review: z.record(z.string(), z.unknown()).nullable().meta({ description: '保密审查记录（审查人、公开属性、理由）' }),
  approval: z.record(z.string(), z.unknown()).nullable(),
  withdrawn_reason: z.string().nullable(),
  publish_at: instant.nullable(),
  published_at: instant.nullable(),
  created_at: instant,
  updated_at: instant,
  version: z.number().int(),
  attachments: z.array(
    attachment.extend({
      uploadedAt: instant,
      uploadedBy: z.string().nullable().meta({ description: '上传人（姓名）' }),
    }),
  ),
});

export const listItems = defineRoute({
  method: 'GET',
  path: '/api/v1/catalogue/items',
  operationId: 'listCatalogueItems',
  summary: '信息目录（工作人员，按权限范围）',
  tag: 'catalogue',
  auth: 'login',
  description:
    '分页（page、pageSize ≤ 100）、搜索（标题、文号、索引号）、筛选、排序（默认最新在前）；超过一万条时总数为估计（exact: false，“约 N 条”）。',
  query: catalogueListQuery,
  responses: { 200: listPage(staffItem) },
});

export const createItem = defineRoute({
  method: 'POST',
  path: '/api/v1/catalogue/items',
  operationId: 'createCatalogueItem',
  summary: '新建信息（草稿）',
  tag: 'catalogue',
  auth: 'login',
  body: itemInput.extend({
    agencyId: agencyId().optional().meta({ description: '所属机关；不填为本人作为公开专员的机关' }),
  }),
  responses: { 201: z.object({ id: z.uuid() }) },
});

export const getItem = defineRoute({
  method: 'GET',
  path: '/api/v1/catalogue/items/:id',
  operationId: 'getCatalogueItem',
  summary: '信息详情（含附件）',
  tag: 'catalogue',
  auth: 'login',
  params: itemId,
  responses: { 200: itemDetail },
});

export const updateItem = defineRoute({
  method: 'PATCH',
  path: '/api/v1/catalogue/items/:id',
  operationId: 'updateCatalogueItem',
  summary: '修改草稿',
  tag: 'catalogue',
  auth: 'login',
  params: itemId,
  body: itemInput,
  responses: { 200: ok },
  errors: [409],
});

/** The body of a workflow step: what each step reads (checked again by the step's own schema). */
export const itemStepBody = z.object({
  disclosure: z
    .enum(['proactive', 'on_request', 'not_public'])
    .optional()
    .meta({ description: 'review：公开属性（条例第十七条）' }),
  reasons: z.string().optional().meta({ description: 'review：非主动公开的理由' }),
  article: z.string().optional().meta({ description: 'review：依据条款（第十四条至第十六条）' }),
  publishAt: z.string().optional().meta({ description: 'approve：定时发布时间（ISO 8601，带时区）' }),
  publishDate: z.string().optional().meta({ description: 'approve：发布日期（YYYY-MM-DD）' }),
  reason: z.string().optional().meta({ description: 'withdraw：撤回原因' }),
  comment: z.string().optional().meta({ description: 'return：退回意见（必填，记入审查记录）' }),
});

export const itemStep = defineRoute({
  method: 'POST',
  path: '/api/v1/catalogue/items/:id/:step',
  operationId: 'catalogueItemStep',
  summary: '审查流程的一步：提交、保密审查、退回、批准、发布、撤回',
  tag: 'catalogue',
  auth: 'login',
  params: itemId.extend({ step: z.enum(STEPS, { message: '操作不正确' }) }),
  body: itemStepBody,
  responses: { 200: z.object({ state: z.enum(ITEM_STATES), indexNo: z.string().nullable() }) },
  errors: [409],
});

export const exportCatalogue = defineRoute({
  method: 'GET',
  path: '/api/v1/catalogue/export.:format',
  operationId: 'exportCatalogue',
  summary: '导出信息目录（导入所用的列；CSV 或 Excel）',
  tag: 'catalogue',
  auth: 'login',
  params: z.object({ format: z.enum(['csv', 'xlsx'], { message: '导出格式应为 csv 或 xlsx' }) }),
  query: z.object({ agencyId: agencyId() }),
  responses: { 200: file(['text/csv', XLSX], '信息目录（CSV，UTF-8 带 BOM；或 XLSX）') },
});

export const saveAgencyPage = defineRoute({
  method: 'PUT',
  path: '/api/v1/agencies/:id/pages/:kind',
  operationId: 'saveAgencyPage',
  summary: '保存机关的政府信息公开指南或制度页面',
  tag: 'agencies',
  auth: 'login',
  params: z.object({
    id: agencyId(),
    kind: z.enum(Object.keys(PAGE_KINDS) as [string, ...string[]], {
      message: `栏目应为 ${Object.keys(PAGE_KINDS).join('、')} 之一`,
    }),
  }),
  body: pageInput,
  responses: { 200: ok },
});

const agencyPage = z.object({
  kind: z.string().meta({ description: '栏目（guide.fees、rules.secrecy 等，见 src/domain/catalogue/column.ts）' }),
  title: z.string(),
  required: z.boolean().meta({ description: '指南的各部分必须有内容（条例第十二条）；制度页面发布后不能清空' }),
  bodyHtml: z.string().nullable().meta({ description: '本机关编写的内容；null：门户显示默认内容（或不显示）' }),
  defaultHtml: z.string().nullable().meta({ description: '未编写时门户显示的默认内容（按机关信息生成）' }),
  updatedAt: instant.nullable(),
});

export const listAgencyPages = defineRoute({
  method: 'GET',
  path: '/api/v1/agencies/:id/pages',
  operationId: 'listAgencyPages',
  summary: '机关的政府信息公开指南各部分和制度页面（本机关内容或默认内容）',
  tag: 'agencies',
  auth: 'login',
  params: z.object({ id: agencyId() }),
  responses: {
    200: z.object({
      agency: z.object({ id: z.uuid(), name: z.string() }),
      editable: z.boolean().meta({ description: '当前用户能否保存（机关管理员）' }),
      guide: z.array(agencyPage),
      rules: z.array(agencyPage),
    }),
  },
});

export const addAttachment = defineRoute({
  method: 'POST',
  path: '/api/v1/catalogue/items/:id/attachments',
  operationId: 'addCatalogueAttachment',
  summary: '上传附件（文件作为请求体，?filename=）',
  tag: 'catalogue',
  auth: 'login',
  params: itemId,
  query: z.object({
    filename: z.string().trim().min(1, '请提供文件名').max(300).meta({ title: '文件名', labelEn: 'file name' }),
  }),
  body: file(['application/octet-stream'], '附件（PDF、Word、Excel、OFD、PNG、JPEG，≤20MB）'),
  responses: { 201: attachment },
  errors: [409, 413, 415],
});

export const importCatalogue = defineRoute({
  method: 'POST',
  path: '/api/v1/catalogue/import',
  operationId: 'importCatalogue',
  summary: '导入历史目录（CSV 或 Excel；dryRun=1 只校验，async=1 后台执行）',
  tag: 'catalogue',
  auth: 'login',
  query: z.object({
    agencyId: uuid('机关编号', 'agency id').meta({ description: '导入到哪个机关' }),
    dryRun: z.enum(['0', '1']).optional(),
    async: z.enum(['0', '1']).optional(),
  }),
  body: file(['text/csv', XLSX], '目录表（第一行为列名）'),
  responses: {
    200: z.object({ imported: z.number().int(), valid: z.number().int() }),
    202: z.object({ jobId: z.uuid() }),
  },
  errors: [413, 415],
});

export const importJob = defineRoute({
  method: 'GET',
  path: '/api/v1/catalogue/import/:id',
  operationId: 'catalogueImportJob',
  summary: '后台导入的进度与结果',
  tag: 'catalogue',
  auth: 'login',
  params: z.object({ id: uuid('导入任务编号', 'import job id') }),
  responses: {
    200: z.object({
      id: z.uuid(),
      agencyId: z.uuid(),
      state: z.enum(['running', 'done', 'failed']),
      total: z.number().int(),
      phase: z.enum(['validate', 'write']).nullable(),
      done: z.number().int(),
      percent: z.number().int().min(0).max(100),
      result: z.unknown().meta({ description: '完成：{ imported, valid }；失败：{ message, details }' }),
      createdAt: instant,
      finishedAt: instant.nullable(),
    }),
  },
});

export const catalogueContract = [
  listItems,
  createItem,
  getItem,
  updateItem,
  itemStep,
  exportCatalogue,
  listAgencyPages,
  saveAgencyPage,
  addAttachment,
  importCatalogue,
  importJob,
] as const;
