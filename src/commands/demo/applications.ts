import { loadActor } from '../../db/repos/users.ts';
import { addDays, addWorkdays, buildCalendar, chinaDate } from '../../domain/calendar/index.ts';
import type { Ctx } from '../../shared/context.ts';
import { rng } from '../../shared/random.ts';
import { addCase } from './application-scenarios.ts';
import type { DemoExtension } from './load-demo.ts';

/** Applications per year for the seed agency: none in 2020 (its report: 未收到公开政府信息的申请). */
export const DEMO_APPLICATIONS_PER_YEAR: Record<number, number> = { 2021: 9, 2022: 12, 2023: 14, 2024: 16, 2025: 11 };

/**
 * 凉州区市场监督管理局's applications, 2021–2025, through the ordinary commands as its demo staff:
 * most outcomes and applicant types, with 补正, consultations, extensions, fees and appeals; some received in
 * December and answered in January (carried over). Plus a few open cases around today for the workbench.
 */
export const demoApplications: DemoExtension = async (sys, ids) => {
  const operator = await loadActor(sys.db, (await userId(sys, 'demo-operator'))!);
  const approver = await loadActor(sys.db, (await userId(sys, 'demo-approver'))!);
  const op: Ctx = { ...sys, actor: operator };
  const ap: Ctx = { ...sys, actor: approver };
  const r = rng(20201231);
  const cal = buildCalendar();
  for (const [y, n] of Object.entries(DEMO_APPLICATIONS_PER_YEAR)) {
    const year = Number(y);
    for (let i = 0; i < n; i++) {
      // Spread over the year; the last one of each year arrives mid-December and is answered in January.
      const received =
        i === n - 1
          ? `${year}-12-${String(r.int(17, 22)).padStart(2, '0')}`
          : addDays(`${year}-01-04`, Math.floor((i * 340) / n) + r.int(0, 20));
      await addCase(op, ap, ids.samr!, received, r, cal, { year });
    }
  }
  // Open cases for the workbench: one overdue, one due soon, one new.
  const today = chinaDate(sys.now());
  for (const back of [28, 40, 4]) {
    let d = today;
    for (let k = 0; k < back; k++) d = addDays(d, -1);
    if (addWorkdays(cal, d, 1).date > today) continue;
    await addCase(op, ap, ids.samr!, d, r, cal, { open: true });
  }
};

async function userId(ctx: Ctx, username: string) {
  return (await ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst())?.id;
}
