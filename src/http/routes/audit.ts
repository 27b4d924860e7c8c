import type { FastifyInstance } from 'fastify';
import { verifyAudit } from '../../db/audit.ts';
import { SYSTEM } from '../../domain/access/index.ts';
import { backup } from '../../ops/backup.ts';
import { searchAudit } from '../../queries/audit.ts';
import { authorize, inTransaction } from '../../shared/context.ts';
import { ctxOf } from '../auth.ts';
import * as c from '../contract/audit.ts';
import type { AppDeps } from '../deps.ts';
import { localeOf, translator } from '../pages/i18n.ts';
import { route } from '../route.ts';

export function auditRoutes(app: FastifyInstance, deps: AppDeps) {
  route(app, c.searchAudit, async ({ req, query }) => {
    const t = translator(localeOf(req));
    const items = await searchAudit(ctxOf(req, deps), query);
    return {
      items: items.map((e) => ({
        ...e,
        actionLabel: t(e.actionLabel),
        entityTypeLabel: e.entityTypeLabel === null ? null : t(e.entityTypeLabel),
      })),
    };
  });
  route(app, c.verifyAudit, async ({ req }) => {
    const ctx = ctxOf(req, deps);
    authorize(ctx, 'audit.read', SYSTEM); // the whole chain: system administrators only
    return verifyAudit(deps.db);
  });

  // 备份 while the server runs (the embedded database admits one process): a system administrator downloads
  // the same archive as `gongkai backup FILE`. Audited.
  route(app, c.backup, async ({ req, reply }) => {
    const ctx = ctxOf(req, deps);
    authorize(ctx, 'system.backup', SYSTEM);
    const r = await backup(deps.db, deps.dataDir);
    await inTransaction(ctx, (_trx, audit) =>
      audit({
        agencyId: null,
        action: 'system.backup',
        entityType: 'system',
        entityId: null,
        after: { rows: r.rows, files: r.files },
      }),
    );
    return reply
      .type('application/zip')
      .header(
        'content-disposition',
        `attachment; filename="gongkai-backup-${new Date().toISOString().slice(0, 10)}.zip"`,
      )
      .send(Buffer.from(r.archive));
  });
}
