import { z } from 'zod';
import { INDICATOR_KEYS } from '../../domain/supervision/index.ts';
import { planInput } from '../../domain/supervision/supervision-input.ts';
import { dateOut, defineRoute, file, instant, ok, regionCode, year } from './common.ts';
import { reportJson } from './reports.ts';

/** 监督 (条例第四十七条至第五十三条): 考核, 社会评议, 责任追究, 回应关切, 政策解读, the region's roll-up. */

const regionYear = z.object({
  region: z
    .string()
    .regex(/^\d{6}$/, '请指定地区代码 region（6 位）')
    .meta({ title: '地区代码', labelEn: 'region code' }),
  year: year(),
});
const region = z.object({ code: z.string(), name: z.string() });
const indicatorKey = z.enum(INDICATOR_KEYS as [string, ...string[]]);
const plan = z.object({
  indicators: z.array(z.object({ key: indicatorKey, weight: z.number() })),
  isDefault: z.boolean(),
});
const indicatorInfo = z.object({ label: z.string(), measure: z.string(), basis: z.string() });
const ratingSummary = {
  count: z.number().int(),
  average: z.number().nullable(),
  distribution: z.array(z.number().int()).length(5).meta({ description: '1–5 分各多少' }),
  satisfied: z.number().nullable().meta({ description: '满意率（4、5 分）' }),
};

export const getPlan = defineRoute({
  method: 'GET',
  path: '/api/v1/supervision/plan',
  operationId: 'getAssessmentPlan',
  summary: '考核方案：指标与权重（未设定时为默认方案）',
  tag: 'supervision',
  auth: 'login',
  query: regionYear,
  responses: { 200: plan.extend({ indicatorsAvailable: z.record(z.string(), indicatorInfo) }) },
});

export const setPlan = defineRoute({
  method: 'PUT',
  path: '/api/v1/supervision/plan',
  operationId: 'setAssessmentPlan',
  summary: '设定考核方案（权重合计100）',
  tag: 'supervision',
  auth: 'login',
  query: regionYear,
  body: planInput,
  responses: { 200: ok },
});

export const assessment = z.object({
  region,
  year: z.number().int(),
  plan,
  rule: z.string().meta({ description: '计分规则（无数据的指标不计入，总分按适用指标重新加权）' }),
  rows: z.array(
    z.object({
      agencyId: z.uuid(),
      agency: z.string(),
      kind: z.string(),
      total: z.number().nullable().meta({ description: '按适用指标重新加权的总分；无任何适用指标时为空（不排名）' }),
      rank: z.number().int().nullable().meta({ description: '排名；不排名时为空' }),
      appliedWeight: z.number().meta({ description: '适用指标的权重之和' }),
      indicators: z.array(
        z.object({
          key: indicatorKey,
          label: z.string(),
          weight: z.number(),
          numerator: z.number(),
          denominator: z.number(),
          shortfalls: z.array(z.object({ id: z.string(), label: z.string() })).meta({ description: '扣分依据' }),
          applicable: z.boolean().meta({ description: '有可考核的事项；否则为“无数据”，不计入总分' }),
          ratio: z.number().nullable(),
          score: z.number().nullable(),
        }),
      ),
    }),
  ),
});

export const getAssessment = defineRoute({
  method: 'GET',
  path: '/api/v1/supervision/assessment',
  operationId: 'getAssessment',
  summary: '考核结果：各机关得分、排名和扣分依据',
  tag: 'supervision',
  auth: 'login',
  query: regionYear,
  responses: { 200: assessment },
});

export const assessmentXlsx = defineRoute({
  method: 'GET',
  path: '/api/v1/supervision/assessment.xlsx',
  operationId: 'exportAssessment',
  summary: '导出考核结果（Excel：排名、扣分明细、指标说明）',
  tag: 'supervision',
  auth: 'login',
  query: regionYear,
  responses: { 200: file(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], '考核结果') },
});

export const regionStats = defineRoute({
  method: 'GET',
  path: '/api/v1/supervision/stats',
  operationId: 'regionStats',
  summary: '监督看板：各机关未结和超期申请、答复结果、每月收到的申请',
  tag: 'supervision',
  auth: 'login',
  query: regionYear,
  responses: {
    200: z.object({
      region,
      year: z.number().int(),
      agencies: z.array(
        z.object({ agencyId: z.uuid(), agency: z.string(), open: z.number().int(), overdue: z.number().int() }),
      ),
      byOutcome: z.array(z.object({ outcome: z.string().nullable(), label: z.string().nullable(), n: z.number() })),
      byMonth: z.array(z.number().int()).length(12),
    }),
  },
});

export const regionReport = defineRoute({
  method: 'GET',
  path: '/api/v1/supervision/report',
  operationId: 'regionReport',
  summary: '本地区年度报告汇总（及各机关的部分）',
  tag: 'supervision',
  auth: 'login',
  query: regionYear,
  responses: {
    200: z.object({
      region,
      year: z.number().int(),
      version: z.enum(['2019', '2021']),
      report: reportJson.pick({
        version: true,
        year: true,
        agency: true,
        proactive: true,
        applications: true,
        appeals: true,
        text: true,
      }),
      failures: reportJson.shape.failures,
      parts: z.array(
        z.object({
          agencyId: z.uuid(),
          agency: z.string(),
          source: z.enum(['frozen', 'live']),
          applications: z.record(z.string(), z.number().nullable()).optional(),
        }),
      ),
    }),
  },
});

export const interpretations = defineRoute({
  method: 'GET',
  path: '/api/v1/supervision/interpretations',
  operationId: 'interpretationCoverage',
  summary: '政策解读：未解读的规范性文件，晚于文件发布的解读',
  tag: 'supervision',
  auth: 'login',
  query: z.object({ region: regionCode() }),
  responses: {
    200: z.object({
      missing: z.array(
        z.object({
          id: z.uuid(),
          title: z.string(),
          doc_number: z.string().nullable(),
          publish_date: dateOut.nullable(),
          agency: z.string(),
        }),
      ),
      late: z.array(
        z.object({
          policyId: z.uuid(),
          policy: z.string(),
          policyDate: dateOut.nullable(),
          interpretationId: z.uuid(),
          interpretation: z.string(),
          interpretationDate: dateOut.nullable(),
          agency: z.string(),
          daysLate: z.number().int(),
        }),
      ),
    }),
  },
});

export const ratings = defineRoute({
  method: 'GET',
  path: '/api/v1/supervision/ratings',
  operationId: 'ratingsOverview',
  summary: '社会评议：各机关评分汇总，待审核的意见',
  tag: 'supervision',
  auth: 'login',
  query: regionYear,
  responses: {
    200: z.object({
      year: z.number().int(),
      all: z.object(ratingSummary),
      agencies: z.array(z.object({ agencyId: z.uuid(), agency: z.string(), ...ratingSummary })),
      pending: z.array(
        z.object({
          id: z.uuid(),
          agency_id: z.uuid(),
          target_type: z.string(),
          target_id: z.string(),
          score: z.number().int(),
          comment: z.string(),
          status: z.string(),
          created_at: instant,
        }),
      ),
    }),
  },
});

export const supervisionContract = [
  getPlan,
  setPlan,
  getAssessment,
  assessmentXlsx,
  regionStats,
  regionReport,
  interpretations,
  ratings,
] as const;
