import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestDatabase, testDatabase } from '../../test/helpers/db.ts';
import { fixedClock, systemCtx } from '../../test/helpers/factory.ts';
import { demoActor } from '../commands/demo/actors.ts';
import { demoExtensions } from '../commands/demo/extensions.ts';
import { loadDemo } from '../commands/demo/load-demo.ts';
import { agencyReport } from '../shared/report/agency-report.ts';
import { reportStatus } from './report-status.ts';
import { assessment } from './supervision.ts';

/** The fair 考核 over the demo: agencies rank by what they did, idle ones neither first nor given full marks. */
let database: TestDatabase;
const now = fixedClock(new Date('2026-06-01T02:00:00Z'));

before(async () => {
  database = await testDatabase();
  await loadDemo(systemCtx(database, now), 'Demo-Pass-2026', demoExtensions);
});
after(() => database.close());

test('the demo 考核: the active agency first, 无数据 left out, the total re-weighted, none ranked for nothing', async () => {
  const sup = await demoActor(systemCtx(database, now), 'demo-supervisor');
  const a = await assessment(sup, '620602', 2025);
  const samr = a.rows.find((r) => r.agency === '凉州区市场监督管理局')!;
  assert.equal(samr.rank, 1, JSON.stringify(a.rows.map((r) => [r.agency, r.rank, r.total])));
  // Every row's total is its applicable points over its applicable weight, and 无数据 costs and gives nothing.
  for (const r of a.rows) {
    const applied = r.indicators.filter((i) => i.applicable);
    assert.equal(
      r.appliedWeight,
      applied.reduce((s, i) => s + i.weight, 0),
    );
    for (const i of r.indicators) assert.equal(i.applicable, i.denominator > 0, `${r.agency} ${i.key}`);
    for (const i of r.indicators.filter((x) => !x.applicable)) assert.equal(i.score, null);
    if (!applied.length) assert.deepEqual([r.total, r.rank], [null, null]);
    else {
      const points = applied.reduce((s, i) => s + i.weight * (i.numerator / i.denominator), 0);
      assert.ok(Math.abs(r.total! - (points / r.appliedWeight) * 100) < 0.01, r.agency);
    }
  }
  // No tie of idle agencies at the top: the first rank is the one agency that handled applications.
  assert.equal(a.rows.filter((r) => r.rank === 1).length, 1);
  const idle = a.rows.filter((r) => r.agency !== samr.agency);
  assert.ok(idle.every((r) => r.total === null || r.total < samr.total!));
  assert.ok(
    idle.some((r) => r.indicators.some((i) => !i.applicable)),
    'idle agencies show 无数据',
  );
});

test('the demo’s 2025 reports, none published, are all overdue in June 2026; the government’s draft roll-up counts its departments’ figures', async () => {
  const sup = await demoActor(systemCtx(database, now), 'demo-supervisor');
  const items = await reportStatus(sup, 2025);
  assert.ok(items.length >= 6);
  assert.ok(items.every((i) => i.timeliness === 'overdue' && i.late));
  const gov = items.find((i) => i.kind === 'government')!;
  assert.equal(gov.deadline, '2026-03-31');
  // Every department entered its 2025 section-二 figures, so the government's draft roll-up, its own figures not
  // yet compiled, counts their sum (条例第五十条) and passes its checks.
  const g = await agencyReport(database.db, gov.agencyId, 2025);
  assert.deepEqual(g.failures, []);
  assert.ok(Number(g.report.proactive.licensing!.decisions) > 0);
});
