import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { addAppeal, updateAppeal } from '../../commands/applications/appeals.ts';
import { registerCase, submitApplication } from '../../commands/applications/intake.ts';
import { recordCaseEvent } from '../../commands/applications/record-event.ts';
import { letterTemplates, saveLetterTemplate } from '../../commands/applications/templates.ts';
import { caseForStaff, listCases, trackApplication } from '../../queries/applications.ts';
import { letterForApplicant, letterForStaff } from '../../queries/letters.ts';
import { LETTER_MIME, type LetterFormat, renderLetter } from '../../render/letters.ts';
import { ctxOf, requireLogin } from '../auth.ts';
import type { AppDeps } from '../deps.ts';

const trackQuery = z.object({
  number: z.string().trim().min(1, '请填写申请编号'),
  code: z.string().trim().min(1, '请填写查询码'),
});
const listQuery = z.object({
  state: z.string().max(40).optional(),
  queue: z.enum(['due_soon', 'overdue', 'waiting', 'open']).optional(),
  agencyId: z.uuid().optional(),
  decidedYear: z.coerce.number().int().min(2008).max(2100).optional(),
  outcome: z.string().max(40).optional(),
  applicantType: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});
const formatParam = z.enum(['docx', 'pdf'], { message: '格式应为 docx 或 pdf' });

function sendFile(reply: FastifyReply, file: { name: string; data: Buffer }, format: LetterFormat) {
  return reply
    .type(LETTER_MIME[format])
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .header('cache-control', 'private, no-store')
    .send(file.data);
}

export function applicationRoutes(app: FastifyInstance, deps: AppDeps) {
  // Public intake: no login; a double submit with the same Idempotency-Key creates one application.
  app.post(
    '/api/v1/applications',
    { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const key = req.headers['idempotency-key'];
      const result = await submitApplication(
        { ...ctxOf(req, deps), actor: null },
        req.body,
        typeof key === 'string' ? key : undefined,
      );
      reply.status(201);
      return {
        trackingNumber: result.trackingNumber,
        queryCode: result.queryCode,
        status: result.status,
        receivedDate: result.receivedDate,
        replyDue: result.replyDue,
      };
    },
  );

  app.get('/api/v1/applications/track', { config: { rateLimit: { max: 60, timeWindow: '1 minute' } } }, async (req) => {
    const q = trackQuery.parse(req.query);
    return trackApplication(deps, q.number, q.code.toUpperCase());
  });

  app.get<{ Params: { id: string; format: string } }>(
    '/api/v1/applications/letters/:id/:format',
    async (req, reply) => {
      const q = trackQuery.parse(req.query);
      const format = formatParam.parse(req.params.format);
      const letter = await letterForApplicant(deps, q.number, q.code.toUpperCase(), req.params.id);
      return sendFile(reply, await renderLetter(letter, format), format);
    },
  );

  app.post('/api/v1/cases', async (req, reply) => {
    requireLogin(req);
    const result = await registerCase(ctxOf(req, deps), req.body);
    reply.status(201);
    return result;
  });

  app.get('/api/v1/cases', async (req) => ({ items: await listCases(ctxOf(req, deps), listQuery.parse(req.query)) }));

  app.get('/api/v1/queues', async (req) => {
    const ctx = ctxOf(req, deps);
    const [dueSoon, overdue, waiting] = await Promise.all([
      listCases(ctx, { queue: 'due_soon' }),
      listCases(ctx, { queue: 'overdue' }),
      listCases(ctx, { queue: 'waiting' }),
    ]);
    return { dueSoon, overdue, waitingOnApplicant: waiting };
  });

  app.get<{ Params: { tn: string }; Querystring: { reveal?: string } }>('/api/v1/cases/:tn', async (req) => {
    requireLogin(req);
    return caseForStaff(ctxOf(req, deps), req.params.tn, {
      reveal: req.query.reveal === '1' || req.query.reveal === 'true',
    });
  });

  app.post<{ Params: { tn: string } }>('/api/v1/cases/:tn/events', async (req, reply) => {
    requireLogin(req);
    const r = await recordCaseEvent(ctxOf(req, deps), req.params.tn, req.body);
    reply.status(201);
    return r;
  });

  app.get<{ Params: { tn: string; id: string; format: string } }>(
    '/api/v1/cases/:tn/letters/:id/:format',
    async (req, reply) => {
      requireLogin(req);
      const format = formatParam.parse(req.params.format);
      const letter = await letterForStaff(ctxOf(req, deps), req.params.tn, req.params.id);
      return sendFile(reply, await renderLetter(letter, format), format);
    },
  );

  app.post<{ Params: { tn: string } }>('/api/v1/cases/:tn/appeals', async (req, reply) => {
    requireLogin(req);
    reply.status(201);
    return addAppeal(ctxOf(req, deps), req.params.tn, req.body);
  });

  app.get<{ Params: { id: string } }>('/api/v1/agencies/:id/letter-templates', async (req) => {
    requireLogin(req);
    return { items: await letterTemplates(ctxOf(req, deps), req.params.id) };
  });

  app.put<{ Params: { id: string; kind: string } }>('/api/v1/agencies/:id/letter-templates/:kind', async (req) => {
    requireLogin(req);
    await saveLetterTemplate(ctxOf(req, deps), req.params.id, req.params.kind, req.body);
    return { ok: true };
  });

  app.patch<{ Params: { id: string } }>('/api/v1/appeals/:id', async (req) => {
    requireLogin(req);
    await updateAppeal(ctxOf(req, deps), req.params.id, req.body);
    return { ok: true };
  });
}
