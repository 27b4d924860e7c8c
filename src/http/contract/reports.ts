import { z } from 'zod';
import { narrativeInput, REPORT_STEPS, stepInput } from '../../domain/report/report-input.ts';
import { defineRoute, file, inline, instant, ok, uuid, year } from './common.ts';

/** 年度报告: the live (or frozen) report of an agency and year, its editing, and the submission workflow. */

const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'accepted', 'published'] as const;
const params = z.object({ agencyId: uuid('机关编号', 'agency id'), year: year(2019) });
const table = z.record(z.string(), z.record(z.string(), z.union([z.number(), z.string(), z.null()])));
const counts = z.record(z.string(), z.record(z.string(), z.number().nullable()));
const checks = z
  .object({
    R1: z.array(z.string()),
    R2: z.array(z.string()),
    R3: z.array(z.string()),
    R4: z.array(z.string()),
    M: z.array(z.string()),
    R5: z.array(z.string()).optional(),
  })
  .meta({ description: '勾稽关系校验 R1–R5：不通过的列、行或项' });

export const reportJson = z.object({
  version: z.enum(['2019', '2021']),
  year: z.number().int().nullable(),
  agency: z.string().nullable(),
  proactive: table.meta({ description: '二、主动公开政府信息情况' }),
  applications: counts.meta({ description: '三、收到和处理政府信息公开申请情况（行 × 申请人类型）' }),
  appeals: counts.meta({ description: '四、政府信息公开行政复议、行政诉讼情况' }),
  text: z
    .object({ overview: z.string().optional(), problems: z.string().optional(), other: z.string().optional() })
    .optional(),
  checks,
  status: z.enum(REPORT_STATUSES),
  statusLabel: z.string(),
  source: z.enum(['live', 'imported', 'frozen']),
  failures: z.array(
    z.object({ rule: z.enum(['R1', 'R2', 'R3', 'R4', 'M', 'R5']), at: z.string(), message: z.string() }),
  ),
  override: z.record(z.string(), z.unknown()).nullable(),
  figures: table.optional().meta({ description: '第二部分中本机关录入的数（政府录入的数代替各部门之和）' }),
  departments: z
    .array(z.object({ id: z.uuid(), name: z.string(), applications: counts, appeals: counts, proactive: table }))
    .optional()
    .meta({ description: '政府汇总本级部门时：各部门的数据' }),
});

export const reportStatus = defineRoute({
  method: 'GET',
  path: '/api/v1/reports/status',
  operationId: 'reportStatus',
  summary: '年度报告报送情况：未报送、逾期、校验不通过（按权限范围）',
  tag: 'reports',
  auth: 'login',
  query: z.object({ year: year(2019) }),
  responses: {
    200: z.object({
      year: z.number().int(),
      items: z.array(
        z.object({
          agencyId: z.uuid(),
          agency: z.string(),
          kind: z.string(),
          status: z.enum(REPORT_STATUSES),
          deadline: z.string().meta({ format: 'date', description: '条例第四十九条：部门1月31日、政府3月31日前' }),
          late: z.boolean().meta({ description: '期限已过仍未公布（逾期）' }),
          timeliness: z
            .enum(['on_time', 'pending', 'overdue', 'published_late'])
            .meta({ description: '按期公布、未到期限、逾期未公布、逾期公布' }),
          daysLate: z.number().int().meta({ description: '逾期天数' }),
          submittedAt: instant.nullable(),
          publishedAt: instant.nullable(),
          failures: z.number().int(),
          failing: z.array(z.string()),
        }),
      ),
    }),
  },
});

export const getReport = defineRoute({
  method: 'GET',
  path: '/api/v1/reports/:agencyId/:year',
  operationId: 'getReport',
  summary: '机关某年的政府信息公开工作年度报告（JSON，或 text/html/docx/pdf/xlsx）',
  tag: 'reports',
  auth: 'login',
  params,
  query: z.object({
    format: z.enum(['json', 'text', 'html', 'docx', 'pdf', 'xlsx']).default('json'),
    version: z.enum(['2019', '2021']).optional().meta({ description: '年报格式（默认按年度）' }),
    inline,
  }),
  responses: { 200: reportJson },
  files: {
    200: file(
      [
        'text/plain',
        'text/html',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'application/pdf',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ],
      '年度报告文件',
    ),
  },
});

export const saveNarrative = defineRoute({
  method: 'PUT',
  path: '/api/v1/reports/:agencyId/:year/narrative',
  operationId: 'saveReportNarrative',
  summary: '编辑年度报告的文字部分（一、五、六）',
  tag: 'reports',
  auth: 'login',
  params,
  body: narrativeInput,
  responses: { 200: ok },
  errors: [409],
});

export const saveFigures = defineRoute({
  method: 'PUT',
  path: '/api/v1/reports/:agencyId/:year/figures',
  operationId: 'saveReportFigures',
  summary: '录入其他系统的年度数据（许可、处罚、强制、收费等）',
  description: '键为第二部分的项目（如 licensing），值为该项各列的数（按年报格式校验）。',
  tag: 'reports',
  auth: 'login',
  params,
  body: z.record(z.string(), z.record(z.string(), z.union([z.number(), z.string(), z.null()]))),
  responses: { 200: ok },
  errors: [409],
});

export const reportStep = defineRoute({
  method: 'POST',
  path: '/api/v1/reports/:agencyId/:year/:step',
  operationId: 'reportStep',
  summary: '年度报告流程：报送、退回、审核通过、发布',
  tag: 'reports',
  auth: 'login',
  params: params.extend({ step: z.enum(REPORT_STEPS, { message: '操作不正确' }) }),
  body: stepInput,
  responses: { 200: z.object({ status: z.enum(REPORT_STATUSES) }) },
  errors: [409],
});

export const reportsContract = [reportStatus, getReport, saveNarrative, saveFigures, reportStep] as const;
