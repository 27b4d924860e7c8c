import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { recordAccountability } from '../../commands/supervision/accountability.ts';
import { registerConcern, respondToConcern } from '../../commands/supervision/concerns.ts';
import { setAssessmentPlan } from '../../commands/supervision/plans.ts';
import { moderateRating } from '../../commands/supervision/ratings.ts';
import { writeXlsxSheets, XLSX_MIME } from '../../documents/spreadsheet.ts';
import { INDICATORS } from '../../domain/supervision/index.ts';
import { staffConcerns } from '../../queries/concerns.ts';
import { regionReport } from '../../queries/region-report.ts';
import { regionStats } from '../../queries/region-stats.ts';
import {
  accountabilityRecords,
  assessment,
  assessmentPlan,
  interpretationCoverage,
  ratingsOverview,
} from '../../queries/supervision.ts';
import { supervisedRegion } from '../../shared/region-scope.ts';
import { ctxOf, requireLogin } from '../auth.ts';
import type { AppDeps } from '../deps.ts';

const regionYear = z.object({
  region: z.string().regex(/^\d{6}$/, '请指定地区代码 region（6 位）'),
  year: z.coerce.number().int().min(2008, '年份不正确').max(2100, '年份不正确'),
});
const regionOnly = regionYear.pick({ region: true });

/** The supervising government's API: 考核, 社会评议, 责任追究, 回应关切, 政策解读 coverage. */
export function supervisionRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/api/v1/supervision/plan', async (req) => {
    requireLogin(req);
    const { region, year } = regionYear.parse(req.query);
    await supervisedRegion(ctxOf(req, deps), region, 'supervision.read');
    return { ...(await assessmentPlan(ctxOf(req, deps), region, year)), indicatorsAvailable: INDICATORS };
  });
  app.put('/api/v1/supervision/plan', async (req) => {
    requireLogin(req);
    const { region, year } = regionYear.parse(req.query);
    await setAssessmentPlan(ctxOf(req, deps), region, year, req.body);
    return { ok: true };
  });

  app.get('/api/v1/supervision/assessment', async (req) => {
    requireLogin(req);
    const { region, year } = regionYear.parse(req.query);
    return assessment(ctxOf(req, deps), region, year);
  });
  app.get('/api/v1/supervision/assessment.xlsx', async (req, reply) => {
    requireLogin(req);
    const { region, year } = regionYear.parse(req.query);
    const a = await assessment(ctxOf(req, deps), region, year);
    const keys = a.plan.indicators;
    const ranking = [
      ['排名', '机关', '总分', ...keys.map((k) => `${INDICATORS[k.key].label}（${k.weight}分）`)],
      ...a.rows.map((r) => [
        r.rank,
        r.agency,
        r.total,
        ...r.indicators.map((i) => `${i.score}（${i.numerator}/${i.denominator}）`),
      ]),
    ];
    const evidence = [
      ['机关', '指标', '扣分依据'],
      ...a.rows.flatMap((r) => r.indicators.flatMap((i) => i.shortfalls.map((s) => [r.agency, i.label, s.label]))),
    ];
    const basis = [
      ['指标', '权重', '计算方法', '依据'],
      ...keys.map((k) => [INDICATORS[k.key].label, k.weight, INDICATORS[k.key].measure, INDICATORS[k.key].basis]),
    ];
    const file = await writeXlsxSheets([
      { name: '考核排名', rows: ranking },
      { name: '扣分明细', rows: evidence },
      { name: '指标说明', rows: basis },
    ]);
    return reply
      .type(XLSX_MIME)
      .header('content-disposition', `attachment; filename="assessment-${region}-${year}.xlsx"`)
      .send(file);
  });

  app.get('/api/v1/supervision/stats', async (req) => {
    requireLogin(req);
    const { region, year } = regionYear.parse(req.query);
    return regionStats(ctxOf(req, deps), region, year);
  });

  // The region's roll-up of the year's annual reports, with each agency's part.
  app.get('/api/v1/supervision/report', async (req) => {
    requireLogin(req);
    const { region, year } = regionYear.parse(req.query);
    return regionReport(ctxOf(req, deps), region, year);
  });

  app.get('/api/v1/supervision/interpretations', async (req) => {
    requireLogin(req);
    return interpretationCoverage(ctxOf(req, deps), regionOnly.parse(req.query).region);
  });

  app.get('/api/v1/supervision/ratings', async (req) => {
    requireLogin(req);
    const { region, year } = regionYear.parse(req.query);
    return ratingsOverview(ctxOf(req, deps), region, year);
  });
  app.post<{ Params: { id: string } }>('/api/v1/ratings/:id/moderate', async (req) => {
    requireLogin(req);
    await moderateRating(ctxOf(req, deps), req.params.id, req.body);
    return { ok: true };
  });

  app.get('/api/v1/supervision/accountability', async (req) => {
    requireLogin(req);
    const { region, year } = regionYear.parse(req.query);
    return { records: await accountabilityRecords(ctxOf(req, deps), region, year) };
  });
  app.post('/api/v1/supervision/accountability', async (req, reply) => {
    requireLogin(req);
    reply.status(201);
    return recordAccountability(ctxOf(req, deps), req.body);
  });

  app.get('/api/v1/concerns', async (req) => {
    requireLogin(req);
    return { concerns: await staffConcerns(ctxOf(req, deps)) };
  });
  app.post('/api/v1/concerns', async (req, reply) => {
    requireLogin(req);
    reply.status(201);
    return registerConcern(ctxOf(req, deps), req.body);
  });
  app.post<{ Params: { id: string } }>('/api/v1/concerns/:id/response', async (req) => {
    requireLogin(req);
    return respondToConcern(ctxOf(req, deps), req.params.id, req.body);
  });
}
