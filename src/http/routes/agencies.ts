import type { FastifyInstance } from 'fastify';
import { letterSettings, saveLetterSettings } from '../../commands/agencies/letter-settings.ts';
import { createAgency, updateAgency } from '../../commands/agencies/save-agency.ts';
import { createUser } from '../../commands/users/create-user.ts';
import { agenciesForStaff, agencyForStaff } from '../../queries/agencies.ts';
import { ctxOf } from '../auth.ts';
import * as c from '../contract/agencies.ts';
import type { AppDeps } from '../deps.ts';
import { route } from '../route.ts';

export function agencyRoutes(app: FastifyInstance, deps: AppDeps) {
  route(app, c.listAgencies, async ({ req }) => ({ items: await agenciesForStaff(ctxOf(req, deps)) }));

  route(app, c.getAgency, async ({ req, params }) => agencyForStaff(ctxOf(req, deps), params.id));

  route(app, c.createAgency, async ({ req, body }) => {
    const id = await createAgency(ctxOf(req, deps), body);
    return agencyForStaff(ctxOf(req, deps), id);
  });

  route(app, c.updateAgency, async ({ req, params, body }) => {
    const ctx = ctxOf(req, deps);
    await agencyForStaff(ctx, params.id); // 404 before anything else for agencies out of sight
    await updateAgency(ctx, params.id, body);
    return agencyForStaff(ctx, params.id);
  });

  route(app, c.getLetterSettings, async ({ req, params }) => letterSettings(ctxOf(req, deps), params.id));

  route(app, c.saveLetterSettings, async ({ req, params, body }) =>
    saveLetterSettings(ctxOf(req, deps), params.id, body),
  );

  route(app, c.createUser, async ({ req, body }) => ({ id: await createUser(ctxOf(req, deps), body) }));
}
