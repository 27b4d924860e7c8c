import { z } from 'zod';
import { defineRoute, file, instant, limit } from './common.ts';

/** 审计与运维: the hash-chained audit log, its verification, and the backup. */

export const searchAudit = defineRoute({
  method: 'GET',
  path: '/api/v1/audit',
  operationId: 'searchAudit',
  summary: '审计日志（按权限范围，新的在前）',
  tag: 'audit',
  auth: 'login',
  query: z.object({
    action: z.string().max(100).optional().meta({ description: '操作（前缀匹配，如 case.）' }),
    entityId: z.string().max(100).optional(),
    before: z.coerce.number().int().positive().optional().meta({ description: '翻页：此序号之前' }),
    limit: limit(500),
  }),
  responses: {
    200: z.object({
      items: z.array(
        z.object({
          seq: z.number().int(),
          at: instant,
          actor: z.string().nullable(),
          agencyId: z.uuid().nullable(),
          agencyName: z.string().nullable(),
          action: z.string(),
          entityType: z.string().nullable(),
          entityId: z.string().nullable(),
        }),
      ),
    }),
  },
});

export const verifyAudit = defineRoute({
  method: 'GET',
  path: '/api/v1/audit/verify',
  operationId: 'verifyAudit',
  summary: '校验审计日志的 SM3 哈希链（系统管理员）',
  tag: 'audit',
  auth: 'login',
  responses: {
    200: z.object({
      ok: z.boolean(),
      count: z.number().int(),
      firstBroken: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
    }),
  },
});

export const backup = defineRoute({
  method: 'POST',
  path: '/api/v1/admin/backup',
  operationId: 'backup',
  summary: '下载备份（数据库、文件和密钥；系统管理员，记入审计）',
  tag: 'audit',
  auth: 'login',
  responses: { 200: file(['application/zip'], '备份压缩包（与 gongkai backup 相同）') },
});

export const auditContract = [searchAudit, verifyAudit, backup] as const;
