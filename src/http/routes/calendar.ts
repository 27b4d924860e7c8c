import type { FastifyInstance } from 'fastify';
import { enterYearNotice, setCalendarDay } from '../../commands/calendar/set-day.ts';
import { ClockInputError } from '../../domain/clock/index.ts';
import { AppError } from '../../domain/errors.ts';
import { calendarYear } from '../../queries/calendar.ts';
import { calendarForAgency, computeDeadlines } from '../../queries/deadline.ts';
import { ctxOf } from '../auth.ts';
import * as c from '../contract/calendar.ts';
import type { AppDeps } from '../deps.ts';
import { route } from '../route.ts';

export function calendarRoutes(app: FastifyInstance, deps: AppDeps) {
  // Public: the deadline calculator for applicants (and integrations).
  route(
    app,
    c.computeDeadline,
    async ({ body }) => {
      try {
        const agency = Array.isArray(body) ? undefined : body.agency;
        const cal = await calendarForAgency(deps.db, agency);
        return computeDeadlines(!Array.isArray(body) && 'cases' in body ? body.cases : body, cal);
      } catch (err) {
        if (err instanceof ClockInputError) throw new AppError('invalid', err.message);
        throw err;
      }
    },
    { config: { rateLimit: { max: 120, timeWindow: '1 minute' } } },
  );

  route(app, c.calendarYear, async ({ params, query }) => calendarYear(deps, params.year, query.region ?? null));

  route(app, c.setCalendarDay, async ({ req, params, body }) =>
    setCalendarDay(ctxOf(req, deps), { ...body, date: params.date }),
  );

  route(app, c.enterYearNotice, async ({ req, body }) => enterYearNotice(ctxOf(req, deps), body));
}
