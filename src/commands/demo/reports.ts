import { chinaDate } from '../../domain/calendar/index.ts';
import { rng } from '../../shared/random.ts';
import { reportStep, saveFigures, saveNarrative } from '../reports/reports.ts';
import { demoActor } from './actors.ts';
import { DEMO_STAFF } from './data.ts';
import type { DemoExtension } from './load-demo.ts';
import { SEED_2020_NARRATIVE } from './seed-narrative.ts';

/**
 * Annual reports: the seed agency's 2020 (version 2019) with the seed's narrative and the zero figures it printed;
 * every agency's from 2021 (version 2021) with figures from other systems, published up to the year before
 * last, last year's in draft; the district government's 汇总 of each published year.
 */
export const demoReports: DemoExtension = async (sys, ids) => {
  const agencyId = ids.samr!;
  const op = await demoActor(sys, 'demo-operator');
  const ap = await demoActor(sys, 'demo-approver');
  const sup = await demoActor(sys, 'demo-supervisor');
  await saveNarrative(op, agencyId, 2020, SEED_2020_NARRATIVE);
  const zero = { previous: 0, change: 0, decisions: 0 };
  await saveFigures(op, agencyId, 2020, {
    licensing: zero,
    other_services: zero,
    penalty: zero,
    coercion: zero,
    fees: { previous: 0, change: 0 },
    procurement: { items: 0, amount: '0' },
  });
  const r = rng(2021);
  const now = Number(chinaDate(sys.now()).slice(0, 4));
  // 条例第四十九条: a year's report is published by 31 January (a government's by 31 March) of the next; the
  // last year's is still in draft here (the 考核 shows it overdue), every earlier one published.
  const years = Array.from({ length: now - 1 - 2021 + 1 }, (_, i) => 2021 + i);
  const sums = new Map<number, { licensing: number; penalty: number; coercion: number }>();
  const figures = (year: number, f: { licensing: number; penalty: number; coercion: number }) => {
    const s = sums.get(year) ?? { licensing: 0, penalty: 0, coercion: 0 };
    sums.set(year, {
      licensing: s.licensing + f.licensing,
      penalty: s.penalty + f.penalty,
      coercion: s.coercion + f.coercion,
    });
    return {
      licensing: { decisions: f.licensing },
      penalty: { decisions: f.penalty },
      coercion: { decisions: f.coercion },
      fees: { amount_10k_yuan: 0 },
    };
  };
  for (const year of years) {
    await saveFigures(
      op,
      agencyId,
      year,
      figures(year, { licensing: r.int(800, 1600), penalty: r.int(40, 120), coercion: r.int(2, 15) }),
    );
    await saveNarrative(op, agencyId, year, {
      problems: `存在的问题：一是政策解读形式不够丰富；二是依申请公开答复的规范性有待提升。下一步，将加强业务培训，丰富解读形式，提升${year + 1}年政府信息公开工作质量。`,
    });
    if (year < now - 1) {
      await reportStep(op, agencyId, year, 'submit');
      await reportStep(sup, agencyId, year, 'accept', { comment: '审核通过' });
      await reportStep(ap, agencyId, year, 'publish');
    }
  }
  // The other departments and the town: their own figures (教育局 and the town punish nothing).
  const scale: Record<string, [number, number, number]> = {
    edu: [30, 0, 0],
    health: [260, 30, 2],
    nr: [140, 18, 3],
    town: [40, 0, 0],
  };
  for (const [key, [lic, pen, coe]] of Object.entries(scale)) {
    const staff = await demoActor(sys, DEMO_STAFF.find((s) => s.agency === key)!.username);
    for (const year of years) {
      const f = {
        licensing: r.int(lic / 2, lic),
        penalty: pen ? r.int(pen / 2, pen) : 0,
        coercion: coe ? r.int(0, coe) : 0,
      };
      await saveFigures(staff, ids[key]!, year, figures(year, f));
      await saveNarrative(staff, ids[key]!, year, {
        problems: `存在的问题：${r.pick(['主动公开内容的深度和广度还不够', '政策解读的形式较为单一', '信息发布的时效性有待提高'])}。下一步，将${r.pick(['加强公开工作人员培训', '完善信息发布审核机制', '丰富图文、视频等解读形式'])}，推动${year + 1}年政府信息公开工作提质增效。`,
      });
      if (year < now - 1) {
        await reportStep(staff, ids[key]!, year, 'submit');
        await reportStep(sup, ids[key]!, year, 'accept', { comment: '审核通过' });
        await reportStep(staff, ids[key]!, year, 'publish');
      }
    }
  }
  // The district government's report (条例第五十条: its own office and every department, 汇总): the 政务公开办
  // enters the section-二 figures of the whole 本级, then the government publishes it. The last year's is not
  // yet compiled (its figures are still blank).
  const gov = await demoActor(sys, DEMO_STAFF.find((s) => s.agency === 'gov')!.username);
  for (const year of years.filter((y) => y < now - 1)) {
    const s = sums.get(year)!;
    await saveFigures(
      sup,
      ids.gov!,
      year,
      figures(year, { licensing: s.licensing + r.int(20, 60), penalty: s.penalty, coercion: s.coercion }),
    );
    await reportStep(gov, ids.gov!, year, 'publish');
  }
};
