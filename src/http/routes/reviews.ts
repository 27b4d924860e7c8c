import type { FastifyInstance } from 'fastify';
import { caseReviews, itemReviews, reportReviews, workbench } from '../../queries/reviews.ts';
import { ctxOf } from '../auth.ts';
import * as c from '../contract/reviews.ts';
import type { AppDeps } from '../deps.ts';
import { route } from '../route.ts';

/** Review histories and the review workbench (issue #18). */
export function reviewRoutes(app: FastifyInstance, deps: AppDeps) {
  route(app, c.itemReviews, async ({ req, params }) => itemReviews(ctxOf(req, deps), params.id));
  route(app, c.reportReviews, async ({ req, params }) => reportReviews(ctxOf(req, deps), params.agencyId, params.year));
  route(app, c.caseReviews, async ({ req, params }) => caseReviews(ctxOf(req, deps), params.tn));
  route(app, c.reviewWorkbench, async ({ req }) => workbench(ctxOf(req, deps)));
}
