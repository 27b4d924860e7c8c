import type { z } from 'zod';
import { invalid } from '../../domain/errors.ts';
import { planProblems } from '../../domain/supervision/index.ts';
import { planInput } from '../../domain/supervision/supervision-input.ts';
import { type Ctx, inTransaction } from '../../shared/context.ts';
import { supervisedRegion } from '../../shared/region-scope.ts';

/** 考核方案: the supervising government sets the year's indicators and weights (条例第四十七条). */
export async function setAssessmentPlan(ctx: Ctx, regionCode: string, year: number, input: z.input<typeof planInput>) {
  const { region } = await supervisedRegion(ctx, regionCode, 'supervision.manage');
  const { indicators } = planInput.parse(input);
  const problems = planProblems(indicators);
  if (problems.length) throw invalid(problems.join('；'), { problems });
  await inTransaction(ctx, async (trx, audit) => {
    const before = await trx
      .selectFrom('assessment_plans')
      .select('indicators')
      .where('region_code', '=', region.code)
      .where('year', '=', year)
      .executeTakeFirst();
    await trx
      .insertInto('assessment_plans')
      .values({
        region_code: region.code,
        year,
        indicators: JSON.stringify(indicators),
        updated_by: ctx.actor?.userId || null,
        updated_at: ctx.now(),
      })
      .onConflict((oc) =>
        oc.columns(['region_code', 'year']).doUpdateSet({
          indicators: JSON.stringify(indicators),
          updated_by: ctx.actor?.userId || null,
          updated_at: ctx.now(),
        }),
      )
      .execute();
    await audit({
      agencyId: null,
      action: 'assessment.plan_set',
      entityType: 'region',
      entityId: `${region.code}/${year}`,
      before: before?.indicators ?? null,
      after: indicators,
    });
  });
}
