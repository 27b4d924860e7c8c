import { rng } from '../../shared/random.ts';
import { reportStep, saveFigures, saveNarrative } from '../reports/reports.ts';
import { demoActor } from './actors.ts';
import type { DemoExtension } from './load-demo.ts';
import { SEED_2020_NARRATIVE } from './seed-narrative.ts';

/**
 * The seed agency's reports: 2020 (version 2019) with the seed's narrative and the zero figures it printed;
 * 2021–2025 (version 2021) with figures from other systems; 2021–2024 published, 2025 in draft.
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
  for (const year of [2021, 2022, 2023, 2024, 2025]) {
    await saveFigures(op, agencyId, year, {
      licensing: { decisions: r.int(800, 1600) },
      penalty: { decisions: r.int(40, 120) },
      coercion: { decisions: r.int(2, 15) },
      fees: { amount_10k_yuan: 0 },
    });
    await saveNarrative(op, agencyId, year, {
      problems: `存在的问题：一是政策解读形式不够丰富；二是依申请公开答复的规范性有待提升。下一步，将加强业务培训，丰富解读形式，提升${year + 1}年政府信息公开工作质量。`,
    });
    if (year <= 2024) {
      await reportStep(op, agencyId, year, 'submit');
      await reportStep(sup, agencyId, year, 'accept', { comment: '审核通过' });
      await reportStep(ap, agencyId, year, 'publish');
    }
  }
};
