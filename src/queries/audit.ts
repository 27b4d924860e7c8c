import { sql } from 'kysely';
import { scopeSql } from '../db/repos/agencies.ts';
import { scopeFor, scopeIsEmpty } from '../domain/access/index.ts';
import { auditActionLabel, auditEntityLabel } from '../domain/audit/actions.ts';
import { AppError } from '../domain/errors.ts';
import type { Ctx } from '../shared/context.ts';

export interface AuditFilter {
  action?: string;
  entityId?: string;
  before?: number;
  limit?: number;
}

/** Audit log search, scoped: agency admins and supervisors see their agencies' events, system admins all. */
export async function searchAudit(ctx: Ctx, f: AuditFilter) {
  if (!ctx.actor) throw new AppError('unauthenticated', '请先登录');
  const scope = scopeFor(ctx.actor, 'audit.read');
  if (scopeIsEmpty(scope)) throw new AppError('forbidden', '您没有查看审计日志的权限');
  let q = ctx.db
    .selectFrom('audit_events as e')
    .leftJoin('agencies as a', 'a.id', 'e.agency_id')
    .leftJoin('regions as r', 'r.code', 'a.region_code')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select([
      'u.display_name',
      'e.seq',
      'e.at',
      'e.actor_name',
      'e.agency_id',
      'a.name as agency_name',
      'e.action',
      'e.entity_type',
      'e.entity_id',
    ])
    .where(scope.all ? sql<boolean>`true` : scopeSql(scope, 'e.agency_id', 'r.path'));
  if (f.action) q = q.where('e.action', 'like', `${f.action}%`);
  if (f.entityId) q = q.where('e.entity_id', '=', f.entityId);
  if (f.before) q = q.where('e.seq', '<', f.before);
  const rows = await q
    .orderBy('e.seq', 'desc')
    .limit(Math.min(f.limit ?? 50, 500))
    .execute();
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: r.at,
    actor: r.actor_name,
    actorDisplay: r.display_name ?? r.actor_name,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    action: r.action,
    actionLabel: auditActionLabel(r.action),
    entityType: r.entity_type,
    entityTypeLabel: auditEntityLabel(r.entity_type),
    entityId: r.entity_id,
  }));
}
