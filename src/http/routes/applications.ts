import type { FastifyInstance, FastifyReply } from 'fastify';
import { addAppeal, updateAppeal } from '../../commands/applications/appeals.ts';
import { registerCase, submitApplication } from '../../commands/applications/intake.ts';
import { recordCaseEvent } from '../../commands/applications/record-event.ts';
import { letterTemplates, saveLetterTemplate } from '../../commands/applications/templates.ts';
import { type CaseQueue, caseListQuery } from '../../domain/lists/case-list.ts';
import { caseForStaff, trackApplication } from '../../queries/applications.ts';
import { caseList } from '../../queries/case-list.ts';
import { letterForApplicant, letterForStaff } from '../../queries/letters.ts';
import { LETTER_MIME, type LetterFormat, renderLetter } from '../../render/letters.ts';
import { ctxOf } from '../auth.ts';
import * as c from '../contract/applications.ts';
import type { AppDeps } from '../deps.ts';
import { disposition, wantsInline } from '../disposition.ts';
import { route } from '../route.ts';

function sendFile(reply: FastifyReply, file: { name: string; data: Buffer }, format: LetterFormat, inline?: string) {
  return reply
    .type(LETTER_MIME[format])
    .header('content-disposition', disposition(file.name, LETTER_MIME[format], wantsInline(inline)))
    .header('cache-control', 'private, no-store')
    .send(file.data);
}

export function applicationRoutes(app: FastifyInstance, deps: AppDeps) {
  // Public intake: no login; a double submit with the same Idempotency-Key creates one application.
  route(
    app,
    c.submitApplication,
    async ({ req, body, headers }) => {
      const r = await submitApplication({ ...ctxOf(req, deps), actor: null }, body, headers['idempotency-key']);
      return {
        trackingNumber: r.trackingNumber,
        queryCode: r.queryCode,
        status: r.status,
        receivedDate: r.receivedDate,
        replyDue: r.replyDue,
      };
    },
    { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
  );

  route(app, c.trackApplication, async ({ query }) => trackApplication(deps, query.number, query.code.toUpperCase()), {
    config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
  });

  route(app, c.downloadTrackedLetter, async ({ params, query, reply }) => {
    const letter = await letterForApplicant(deps, query.number, query.code.toUpperCase(), params.id);
    return sendFile(reply, await renderLetter(letter, params.format), params.format);
  });

  route(app, c.registerCase, async ({ req, body }) => registerCase(ctxOf(req, deps), body));

  route(app, c.listCases, async ({ req, query }) => caseList(ctxOf(req, deps), query));

  route(app, c.caseQueues, async ({ req }) => {
    const ctx = ctxOf(req, deps);
    // The workbench's queues: the list's queues, nearest deadline first, up to 200 each.
    const queue = async (q: CaseQueue) =>
      (await caseList(ctx, { ...caseListQuery.parse({ queue: q, sort: 'due' }), pageSize: 200 })).items;
    const [dueSoon, overdue, waiting] = await Promise.all([queue('due_soon'), queue('overdue'), queue('waiting')]);
    return { dueSoon, overdue, waitingOnApplicant: waiting };
  });

  route(app, c.getCase, async ({ req, params, query }) =>
    caseForStaff(ctxOf(req, deps), params.tn, { reveal: query.reveal === '1' || query.reveal === 'true' }),
  );

  // A double submit with the same Idempotency-Key records one event (the first answer replayed).
  route(app, c.recordCaseEvent, async ({ req, params, body, headers }) =>
    recordCaseEvent(ctxOf(req, deps), params.tn, body, headers['idempotency-key']),
  );

  route(app, c.downloadCaseLetter, async ({ req, params, query, reply }) => {
    const letter = await letterForStaff(ctxOf(req, deps), params.tn, params.id);
    return sendFile(reply, await renderLetter(letter, params.format), params.format, query.inline);
  });

  route(app, c.addAppeal, async ({ req, params, body, headers }) =>
    addAppeal(ctxOf(req, deps), params.tn, body, headers['idempotency-key']),
  );

  route(app, c.updateAppeal, async ({ req, params, body }) => {
    await updateAppeal(ctxOf(req, deps), params.id, body);
    return { ok: true };
  });

  route(app, c.letterTemplates, async ({ req, params }) => ({
    items: await letterTemplates(ctxOf(req, deps), params.id),
  }));

  route(app, c.saveLetterTemplate, async ({ req, params, body }) => {
    await saveLetterTemplate(ctxOf(req, deps), params.id, params.kind, body);
    return { ok: true as const };
  });
}
