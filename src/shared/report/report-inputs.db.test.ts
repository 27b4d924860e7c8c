import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { type TestDatabase, testDatabase } from '../../../test/helpers/db.ts';
import { makeAgency, systemCtx } from '../../../test/helpers/factory.ts';
import { computeReport } from '../../domain/report/index.ts';
import { rng } from '../random.ts';
import { reportRecords } from './report-inputs.ts';

// The report's grouped, index-only reads (migration 0012) against the plain truth: every application and item
// read one by one and counted by the domain — over cases that cross year ends, stay open, are withdrawn.
let database: TestDatabase;
const agencies: string[] = [];

before(async () => {
  database = await testDatabase();
  const ctx = systemCtx(database);
  for (let i = 0; i < 2; i++) agencies.push((await makeAgency(ctx)).id);
  const r = rng(7);
  const day = (y0: number, y1: number) =>
    `${r.int(y0, y1)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
  const plus = (d: string, days: number) => new Date(Date.parse(d) + days * 86_400_000).toISOString().slice(0, 10);
  for (let i = 0; i < 400; i++) {
    const received = r.chance(0.3) ? `${r.int(2022, 2025)}-12-${r.int(10, 31)}` : day(2022, 2025);
    const open = r.chance(0.1);
    const withdrawn = !open && r.chance(0.15);
    const later = plus(received, r.int(0, 60));
    await sql`insert into applications (agency_id, tracking_number, query_code_hash, channel,
        received_date, receipt_basis, applicant_type, applicant_key, applicant_enc, applicant_masked, description,
        form, state, outcome, decided_date, closed_date, flags)
      values (${r.pick(agencies)}, ${`T${i}`}, 'x', 'online', ${received}, '互联网',
        ${r.pick(['natural_person', 'commercial', 'research'])}, ${`k${i}`}, 'x', '{}'::jsonb, '请公开', 'email',
        ${open ? 'in_progress' : 'closed'},
        ${open ? null : withdrawn ? 'other_misc' : r.pick(['granted', 'partially_granted', 'withheld_state_secret'])},
        ${open || withdrawn ? null : later}, ${open ? null : plus(later, r.int(0, 5))}, '[]'::jsonb)`.execute(
      database.db,
    );
  }
  // 行政复议 and 行政诉讼 on some of them, decided or pending.
  const apps = await database.db.selectFrom('applications').select(['id', 'agency_id']).limit(60).execute();
  for (const a of apps) {
    const filed = day(2022, 2025);
    const decided = r.chance(0.6);
    await sql`insert into appeals (application_id, agency_id, kind, filed_date, result, result_date)
      values (${a.id}, ${a.agency_id}, ${r.pick(['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'])},
        ${filed}, ${decided ? r.pick(['upheld', 'corrected', 'other']) : 'pending'},
        ${decided ? plus(filed, r.int(10, 200)) : null})`.execute(database.db);
  }
  for (let i = 0; i < 150; i++) {
    const repealed = r.chance(0.2);
    await sql`insert into catalogue_items (agency_id, title, genre, state, written_date, publish_date, validity,
        validity_date)
      values (${r.pick(agencies)}, ${`文件${i}`}, ${r.pick(['rules', 'normative', 'notice'])},
        ${r.pick(['published', 'published', 'withdrawn', 'draft'])}, ${r.chance(0.7) ? day(2021, 2025) : null},
        ${day(2021, 2025)}, ${repealed ? 'repealed' : 'in_force'}, ${repealed ? day(2022, 2026) : null})`.execute(
      database.db,
    );
  }
});
after(() => database.close());

test('the grouped report reads count every application and item as the domain does, year by year', async () => {
  const apps = await database.db.selectFrom('applications').selectAll().execute();
  const appeals = await database.db.selectFrom('appeals').selectAll().execute();
  const items = await database.db
    .selectFrom('catalogue_items')
    .selectAll()
    .where('genre', 'in', ['rules', 'normative'])
    .where('state', 'in', ['published', 'withdrawn'])
    .execute();
  for (const year of [2023, 2024, 2025]) {
    const grouped = await reportRecords(database.db, agencies, year);
    for (const id of agencies) {
      const truth = {
        cases: apps
          .filter((a) => a.agency_id === id)
          .map((a) => ({
            applicantType: a.applicant_type,
            receivedDate: a.received_date,
            // 办结: the day of the decision, or the closing day of a withdrawn case.
            closedDate: a.outcome ? (a.decided_date ?? a.closed_date) : null,
            outcome: a.outcome,
          })),
        items: items
          .filter((x) => x.agency_id === id)
          .map((x) => ({
            genre: x.genre,
            writtenDate: x.written_date,
            publishDate: x.publish_date,
            validity: x.validity,
            validityDate: x.validity_date,
          })),
        appeals: appeals
          .filter((x) => x.agency_id === id)
          .map((x) => ({ kind: x.kind, filedDate: x.filed_date, result: x.result, resultDate: x.result_date })),
        figures: {},
      };
      const records = grouped.get(id)!;
      assert.ok(records.cases.length < truth.cases.length, 'cases arrive grouped');
      const got = computeReport('2021', year, { ...records, figures: {} });
      const want = computeReport('2021', year, truth);
      assert.deepEqual(got, want, `${year}, agency ${id}`);
      assert.ok((want.applications.carried_over!.total as number) > 0, 'some cases cross the year end');
      assert.ok(
        (want.appeals.reconsideration!.total as number) + (want.appeals.litigation_direct!.total as number) > 0,
      );
    }
  }
});
