import { z } from 'zod';
import { ROLES } from '../../domain/access/index.ts';
import { defineRoute } from './common.ts';

/** 工作台: its language, the labels of the law's closed sets, and the staff list. */

const labels = z.record(z.string(), z.string());

export const consoleLocale = defineRoute({
  method: 'GET',
  path: '/api/v1/locale',
  operationId: 'consoleLocale',
  summary: '界面语言（与门户相同的选择）',
  tag: 'console',
  auth: 'public',
  responses: { 200: z.object({ locale: z.enum(['zh-CN', 'en']) }) },
});

export const consoleMeta = defineRoute({
  method: 'GET',
  path: '/api/v1/meta',
  operationId: 'consoleMeta',
  summary: '标签：答复结果、案件状态、事件、渠道、申请人类型、体裁、角色、考核指标……',
  tag: 'console',
  auth: 'login',
  responses: {
    200: z.object({
      outcomes: z.array(z.object({ value: z.string(), label: z.string() })),
      caseStates: labels,
      caseEvents: labels,
      channels: labels,
      applicantTypes: labels,
      forms: labels,
      idTypes: z.array(z.string()),
      itemStates: labels,
      genres: labels,
      articleItems: labels,
      topics: z.array(z.string()),
      validity: labels,
      disclosure: labels,
      roles: labels,
      indicators: z.record(z.string(), z.object({ label: z.string(), measure: z.string(), basis: z.string() })),
      concernSources: labels,
      reportStatuses: labels,
    }),
  },
});

export const listUsers = defineRoute({
  method: 'GET',
  path: '/api/v1/users',
  operationId: 'listUsers',
  summary: '工作人员账号（按权限范围）',
  tag: 'agencies',
  auth: 'login',
  responses: {
    200: z.object({
      users: z.array(
        z.object({
          id: z.uuid(),
          username: z.string(),
          displayName: z.string(),
          disabled: z.boolean(),
          roles: z.array(
            z.object({
              role: z.enum(ROLES as [string, ...string[]]),
              roleLabel: z.string(),
              agencyId: z.uuid().nullable(),
              agency: z.string().nullable(),
              regionCode: z.string().nullable(),
              region: z.string().nullable(),
            }),
          ),
        }),
      ),
    }),
  },
});

export const consoleContract = [consoleLocale, consoleMeta, listUsers] as const;
