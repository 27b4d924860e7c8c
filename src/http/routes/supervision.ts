import type { FastifyInstance } from 'fastify';
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
import { ctxOf } from '../auth.ts';
import * as k from '../contract/concerns.ts';
import * as c from '../contract/supervision.ts';
import type { AppDeps } from '../deps.ts';
import { route } from '../route.ts';

/** The supervising government's API: 考核, 社会评议, 责任追究, 回应关切, 政策解读 coverage. */
export function supervisionRoutes(app: FastifyInstance, deps: AppDeps) {
  route(app, c.getPlan, async ({ req, query: { region, year } }) => {
    await supervisedRegion(ctxOf(req, deps), region, 'supervision.read');
    return { ...(await assessmentPlan(ctxOf(req, deps), region, year)), indicatorsAvailable: INDICATORS };
  });
  route(app, c.setPlan, async ({ req, query: { region, year }, body }) => {
    await setAssessmentPlan(ctxOf(req, deps), region, year, body);
    return { ok: true };
  });

  route(app, c.getAssessment, async ({ req, query: { region, year } }) => assessment(ctxOf(req, deps), region, year));
  route(app, c.assessmentXlsx, async ({ req, reply, query: { region, year } }) => {
    const a = await assessment(ctxOf(req, deps), region, year);
    const keys = a.plan.indicators;
    const ranking = [
      [
        '排名',
        '机关',
        '总分（按适用指标折算）',
        '适用权重',
        ...keys.map((k) => `${INDICATORS[k.key].label}（${k.weight}分）`),
      ],
      ...a.rows.map((r) => [
        r.rank ?? '不排名',
        r.agency,
        r.total ?? '无数据',
        r.appliedWeight,
        ...r.indicators.map((i) => (i.applicable ? `${i.score}（${i.numerator}/${i.denominator}）` : '无数据')),
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
    // One clause a row, so that each fits the column.
    const rule = [['计分规则'], ...(a.rule.match(/[^。；，]+[。；，]?/g) ?? []).map((x) => [x])];
    const file = await writeXlsxSheets([
      { name: '考核排名', rows: ranking },
      { name: '扣分明细', rows: evidence },
      { name: '指标说明', rows: basis },
      { name: '计分规则', rows: rule },
    ]);
    return reply
      .type(XLSX_MIME)
      .header('content-disposition', `attachment; filename="assessment-${region}-${year}.xlsx"`)
      .send(file);
  });

  route(app, c.regionStats, async ({ req, query: { region, year } }) => regionStats(ctxOf(req, deps), region, year));

  // The region's roll-up of the year's annual reports, with each agency's part.
  route(app, c.regionReport, async ({ req, query: { region, year } }) => regionReport(ctxOf(req, deps), region, year));

  route(app, c.interpretations, async ({ req, query }) => interpretationCoverage(ctxOf(req, deps), query.region));

  route(app, c.ratings, async ({ req, query: { region, year } }) => ratingsOverview(ctxOf(req, deps), region, year));
  route(app, k.moderateRating, async ({ req, params, body }) => {
    await moderateRating(ctxOf(req, deps), params.id, body);
    return { ok: true };
  });

  route(app, k.listAccountability, async ({ req, query: { region, year } }) => ({
    records: await accountabilityRecords(ctxOf(req, deps), region, year),
  }));
  route(app, k.recordAccountability, async ({ req, body }) => recordAccountability(ctxOf(req, deps), body));

  route(app, k.listConcerns, async ({ req }) => ({ concerns: await staffConcerns(ctxOf(req, deps)) }));
  route(app, k.registerConcern, async ({ req, body }) => registerConcern(ctxOf(req, deps), body));
  route(app, k.respondToConcern, async ({ req, params, body }) => respondToConcern(ctxOf(req, deps), params.id, body));
}
