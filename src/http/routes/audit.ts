import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authorize } from '../../commands/context.ts';
import { verifyAudit } from '../../db/audit.ts';
import { SYSTEM } from '../../domain/access/index.ts';
import { searchAudit } from '../../queries/audit.ts';
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
}
