import type { FastifyInstance } from 'fastify';
import { agencyInput, agencyPatch, createAgency, updateAgency } from '../../commands/agencies/save-agency.ts';
import { createUser, userInput } from '../../commands/users/create-user.ts';
import { agenciesForStaff, agencyForStaff } from '../../queries/agencies.ts';
import { ctxOf, requireLogin } from '../auth.ts';
import type { AppDeps } from '../deps.ts';

export function agencyRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/api/v1/agencies', async (req) => ({ items: await agenciesForStaff(ctxOf(req, deps)) }));

  app.get<{ Params: { id: string } }>('/api/v1/agencies/:id', async (req) =>
    agencyForStaff(ctxOf(req, deps), req.params.id),
  );

  app.post('/api/v1/agencies', async (req, reply) => {
    requireLogin(req);
    const id = await createAgency(ctxOf(req, deps), agencyInput.parse(req.body));
    reply.status(201);
    return agencyForStaff(ctxOf(req, deps), id);
  });

  app.patch<{ Params: { id: string } }>('/api/v1/agencies/:id', async (req) => {
    const ctx = ctxOf(req, deps);
    await agencyForStaff(ctx, req.params.id); // 404 before anything else for agencies out of sight
    await updateAgency(ctx, req.params.id, agencyPatch.parse(req.body));
    return agencyForStaff(ctx, req.params.id);
  });

  app.post('/api/v1/users', async (req, reply) => {
    requireLogin(req);
    const id = await createUser(ctxOf(req, deps), userInput.parse(req.body));
    reply.status(201);
    return { id };
  });
}
