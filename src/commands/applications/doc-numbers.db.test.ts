import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { personApplication } from '../../../test/helpers/applicants.ts';
import { type TestDatabase, testDatabase } from '../../../test/helpers/db.ts';
import { fixedClock, makeAgency, systemCtx, type TestAgency } from '../../../test/helpers/factory.ts';
import { defaultPatterns } from '../../domain/agency/letter-settings.ts';
import { AppError } from '../../domain/errors.ts';
import type { Ctx } from '../../shared/context.ts';
import { saveLetterSettings } from '../agencies/letter-settings.ts';
import { submitApplication } from './intake.ts';
import { recordCaseEvent } from './record-event.ts';

/** The 文号 register (migration 0018): numbers taken inside the issuing transaction, 1..N, none skipped or reused. */
let database: TestDatabase;
let agency: TestAgency;
let sys: Ctx;
let op: Ctx;
const now = fixedClock(new Date('2026-03-02T02:00:00Z'));
const N = 12;

before(async () => {
  database = await testDatabase();
  sys = systemCtx(database, now);
  agency = await makeAgency(sys, { name: '凉州区市场监督管理局（编号测试）' });
  op = { ...sys, actor: agency.users.operator.actor };
  await saveLetterSettings(sys, agency.id, { docCode: '凉市监', patterns: defaultPatterns('凉市监') });
});
after(() => database.close());

const numbers = async (kind: string) =>
  (
    await database.db
      .selectFrom('letters as l')
      .innerJoin('applications as a', 'a.id', 'l.application_id')
      .select('l.doc_number')
      .where('a.agency_id', '=', agency.id)
      .where('l.kind', 'like', kind)
      .execute()
  )
    .map((r) => r.doc_number!)
    .sort((x, y) => x.length - y.length || x.localeCompare(y));
const expected = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}〔2026〕${i + 1}号`);

test('letters issued at once are numbered 1..N in their register, with no gap and no repeat', async () => {
  const tns = (
    await Promise.all(
      Array.from({ length: N }, (_, i) =>
        submitApplication(sys, personApplication(agency.creditCode, { description: `请公开第${i + 1}批抽检结果全文` })),
      ),
    )
  ).map((r) => r.trackingNumber);
  assert.deepEqual(await numbers('receipt'), expected('凉市监依申受', N));
  const steps = await Promise.all(
    tns.map((tn) =>
      recordCaseEvent(op, tn, { type: 'correction_requested', date: '2026-03-02', items: '请写明所需抽检报告的批次' }),
    ),
  );
  assert.deepEqual(
    steps.map((s) => s.docNumber).sort((x, y) => x!.length - y!.length || x!.localeCompare(y!)),
    expected('凉市监依申补', N),
  );
  assert.deepEqual(await numbers('correction'), expected('凉市监依申补', N));
  const counters = await database.db
    .selectFrom('doc_number_counters')
    .select(['kind', 'year', 'last_n'])
    .where('agency_id', '=', agency.id)
    .orderBy('kind')
    .execute();
  assert.deepEqual(counters, [
    { kind: 'correction', year: 2026, last_n: N },
    { kind: 'receipt', year: 2026, last_n: N },
  ]);
});

test('a kind without a pattern: the step is refused whole, the case unchanged, and no number is taken', async () => {
  const { trackingNumber: tn } = await submitApplication(
    sys,
    personApplication(agency.creditCode, { description: '请公开2025年度计量器具检定目录' }),
  );
  const { reply: _, ...others } = defaultPatterns('凉市监');
  await saveLetterSettings(sys, agency.id, { docCode: '凉市监', patterns: others });
  const state = async () => {
    const app = await database.db
      .selectFrom('applications')
      .select(['id', 'state', 'version', 'outcome'])
      .where('tracking_number', '=', tn)
      .executeTakeFirstOrThrow();
    const count = async (table: 'letters' | 'application_events') =>
      Number(
        (
          await database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .where('application_id', '=', app.id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    return { ...app, letters: await count('letters'), events: await count('application_events') };
  };
  const before = await state();
  await assert.rejects(
    recordCaseEvent(op, tn, { type: 'decided', date: '2026-03-02', outcome: 'granted' }),
    (e: unknown) =>
      e instanceof AppError &&
      e.kind === 'conflict' &&
      e.message === '请机关管理员先设置“答复告知书”的文号格式（机关设置 → 文号）',
  );
  assert.deepEqual(await state(), before);
  // Other letters still go out; a 登记回执 without a pattern goes out unnumbered (intake is never refused).
  const { receipt: __, ...noReceipt } = defaultPatterns('凉市监');
  await saveLetterSettings(sys, agency.id, { docCode: '凉市监', patterns: noReceipt });
  const later = await submitApplication(
    sys,
    personApplication(agency.creditCode, { description: '请公开2025年度抽检计划' }),
  );
  const receipt = await database.db
    .selectFrom('letters as l')
    .innerJoin('applications as a', 'a.id', 'l.application_id')
    .select('l.doc_number')
    .where('a.tracking_number', '=', later.trackingNumber)
    .executeTakeFirstOrThrow();
  assert.equal(receipt.doc_number, null);
  const decided = await recordCaseEvent(op, tn, { type: 'decided', date: '2026-03-02', outcome: 'granted' });
  assert.equal(decided.docNumber, '凉市监依申〔2026〕1号', 'the refused step took no number');
});
