import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { verifyAudit } from '../../db/audit.ts';
import { SYSTEM } from '../../domain/access/index.ts';
import { backup } from '../../ops/backup.ts';
import { searchAudit } from '../../queries/audit.ts';
import { authorize, inTransaction } from '../../shared/context.ts';
import { ctxOf } from '../auth.ts';
import type { AppDeps } from '../deps.ts';

const filter = z.object({
  action: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

export function auditRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/api/v1/audit', async (req) => ({ items: await searchAudit(ctxOf(req, deps), filter.parse(req.query)) }));
  app.get('/api/v1/audit/verify', async (req) => {
    const ctx = ctxOf(req, deps);
    authorize(ctx, 'audit.read', SYSTEM); // the whole chain: system administrators only
    return verifyAudit(deps.db);
  });

  // 备份 while the server runs (the embedded database admits one process): a system administrator downloads
  // the same archive as `gongkai backup FILE`. Audited.
  app.post('/api/v1/admin/backup', async (req, reply) => {
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
