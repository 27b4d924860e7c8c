import type { Kysely, Transaction } from 'kysely';
import { type AuditInput, appendAudit } from '../db/audit.ts';
import { findAgency } from '../db/repos/agencies.ts';
import type { DB } from '../db/schema.ts';
import { type Action, type Actor, can, type Resource } from '../domain/access/index.ts';
import { AppError, notFound } from '../domain/errors.ts';

/** What every command and query gets: the database, the clock and who is acting. */
export interface Ctx {
  db: Kysely<DB>;
  now: () => Date;
  actor: Actor | null;
  secretKey: Buffer;
}

/** Runs `fn` in one transaction; `audit` appends to the hash chain inside it. */
export async function inTransaction<T>(
  ctx: Ctx,
  fn: (
    trx: Transaction<DB>,
    audit: (e: Omit<AuditInput, 'at' | 'actorId' | 'actorName'>) => Promise<void>,
  ) => Promise<T>,
): Promise<T> {
  const run = async (trx: Transaction<DB>) => {
    const audit = async (e: Omit<AuditInput, 'at' | 'actorId' | 'actorName'>) => {
      await appendAudit(trx, {
        ...e,
        at: ctx.now(),
        actorId: ctx.actor?.userId || null,
        actorName: ctx.actor?.username ?? null,
      });
    };
    return fn(trx, audit);
  };
  // Nested use (a command inside another's transaction, or the demo loader) joins the outer transaction.
  if (ctx.db.isTransaction) return run(ctx.db as Transaction<DB>);
  return ctx.db.transaction().execute(run);
}

/** The system itself (start-up, demo loader, scheduler): a system-admin actor with no user row. */
export const SYSTEM_ACTOR: Actor = {
  userId: '',
  username: 'system',
  grants: [{ role: 'sysadmin', agencyId: null, regionPath: null }],
};

/** Refuses with 404 for reads (existence is not revealed) and 403 for writes the actor can see but not do. */
export function authorize(ctx: Ctx, action: Action, resource: Resource, opts: { visibleWith?: Action } = {}): void {
  if (can(ctx.actor, action, resource)) return;
  if (!ctx.actor) throw new AppError('unauthenticated', '请先登录');
  if (opts.visibleWith && can(ctx.actor, opts.visibleWith, resource)) {
    throw new AppError('forbidden', '您没有执行此操作的权限');
  }
  throw notFound();
}

/**
 * The agency a command acts on, if the actor may act on it: not found (404) when it does not exist or the
 * actor cannot see it, as `authorize` says otherwise.
 */
export async function authorizeAgency(
  ctx: Ctx,
  agencyId: string,
  action: Action,
  opts: { visibleWith?: Action; what?: string } = {},
) {
  const agency = await findAgency(ctx.db, agencyId);
  if (!agency) throw notFound(opts.what ?? '机关');
  authorize(ctx, action, { agencyId: agency.id, regionPath: agency.region_path }, opts);
  return agency;
}
