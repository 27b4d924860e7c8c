import { z } from 'zod';
import { BREAK_REASONS } from '../../domain/audit/chain.ts';
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
          /** The person's name as the console shows it (the account's display name), else the login. */
          actorDisplay: z.string().nullable(),
          agencyId: z.uuid().nullable(),
          agencyName: z.string().nullable(),
          action: z.string(),
          /** The action in words, in the request's language ("作出答复"). */
          actionLabel: z.string(),
          entityType: z.string().nullable(),
          entityTypeLabel: z.string().nullable(),
          entityId: z.string().nullable(),
        }),
      ),
    }),
  },
});

const chainBreak = z.object({
  chain: z.string(),
  seq: z.number().int(),
  reason: z.enum(BREAK_REASONS),
  checkpoint: z.string().optional(),
  chainName: z.string(),
  message: z.string(),
});

export const verifyAudit = defineRoute({
  method: 'GET',
  path: '/api/v1/audit/verify',
  operationId: 'verifyAudit',
  summary: '校验审计日志：每个机关的 HMAC-SM3 链，并与最新的签名检查点比对（系统管理员）',
  tag: 'audit',
  auth: 'login',
  responses: {
    200: z.object({
      ok: z.boolean(),
      /** Events checked, in all chains. */
      count: z.number().int(),
      chains: z.number().int(),
      firstBroken: chainBreak.nullable(),
      /** The first break of each broken chain. */
      breaks: z.array(chainBreak),
      /** The checkpoints compared with: the newest in the data dir (and any refused newer one). */
      checkpoints: z.array(
        z.object({
          file: z.string(),
          at: z.string().nullable(),
          chains: z.number().int(),
          valid: z.boolean(),
          message: z.string().nullable(),
        }),
      ),
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
