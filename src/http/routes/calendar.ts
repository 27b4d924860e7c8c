import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { enterYearNotice, setCalendarDay, setDayInput, yearNoticeInput } from '../../commands/calendar/set-day.ts';
import { ClockInputError } from '../../domain/clock/index.ts';
import { AppError } from '../../domain/errors.ts';
import { calendarYear } from '../../queries/calendar.ts';
import { calendarForAgency, computeDeadlines } from '../../queries/deadline.ts';
import { ctxOf, requireLogin } from '../auth.ts';
import type { AppDeps } from '../deps.ts';

const yearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
const regionQuery = z.object({
  region: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});

export function calendarRoutes(app: FastifyInstance, deps: AppDeps) {
  // Public: the deadline calculator for applicants (and integrations).
  app.post('/api/v1/deadline', { config: { rateLimit: { max: 120, timeWindow: '1 minute' } } }, async (req) => {
    const body = req.body as { agency?: unknown; cases?: unknown } | unknown[] | undefined;
    if (!body || typeof body !== 'object') throw new AppError('invalid', '请提交案件（JSON 对象或数组）');
    try {
      const agency = Array.isArray(body) ? undefined : (body as { agency?: unknown }).agency;
      const cal = await calendarForAgency(deps.db, agency);
      const input = !Array.isArray(body) && 'cases' in body ? body.cases : body;
      return computeDeadlines(input, cal);
    } catch (err) {
      if (err instanceof ClockInputError) throw new AppError('invalid', err.message);
      throw err;
    }
  });

  app.get<{ Params: { year: string } }>('/api/v1/calendar/:year', async (req) => {
    const { year } = yearParams.parse(req.params);
    const { region } = regionQuery.parse(req.query);
    return calendarYear(deps, year, region ?? null);
  });

  app.put<{ Params: { date: string } }>('/api/v1/calendar/days/:date', async (req) => {
    requireLogin(req);
    const input = setDayInput.parse({ ...(req.body as object), date: req.params.date });
    return setCalendarDay(ctxOf(req, deps), input);
  });

  app.post('/api/v1/calendar/years', async (req, reply) => {
    requireLogin(req);
    const r = await enterYearNotice(ctxOf(req, deps), yearNoticeInput.parse(req.body));
    reply.status(201);
    return r;
  });
}
