import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestDatabase, testDatabase } from '../../test/helpers/db.ts';
import { ensureRegions, systemCtx } from '../../test/helpers/factory.ts';
import { type Distribution, keyExceptions, tableDistribution } from './distribution.ts';
import { distributionViolations } from './distribution-check.ts';

/**
 * The schema after every migration can be split by agency (docs/deploy.md "Distribution-ready keys"): every table
 * is classified in src/db/distribution.ts, and every key of a distributed table includes its distribution column
 * (the documented exceptions aside). Then the proof on this server: each distributed table has a hash-partitioned
 * copy with all its keys, and a query by agency reads one partition.
 */
let database: TestDatabase;
before(async () => {
  database = await testDatabase();
});
after(() => database.close());

test('every table is classified and every distributed key includes its distribution column', async () => {
  assert.deepEqual(await distributionViolations(database.pool), []);
});

test('every exception says why', () => {
  for (const e of keyExceptions) {
    assert.ok(e.why.length > 20, `${e.table}.${e.name}`);
    assert.equal(tableDistribution[e.table]?.kind, 'distributed', e.table);
  }
});

test('the checker reports each kind of violation', async () => {
  const q = (s: string) => database.pool.query(s);
  await q('create schema dist_scratch');
  try {
    await q(`create table dist_scratch.owners (id uuid primary key)`);
    await q(`create table dist_scratch.items (
      id uuid primary key, agency_id uuid not null references dist_scratch.owners(id), code text unique)`);
    await q(`create table dist_scratch.parts (
      id uuid, agency_id uuid, item_id uuid references dist_scratch.items(id), primary key (agency_id, id))`);
    await q(`create table dist_scratch.notes (id uuid primary key, part_key text)`);
    await q(`create unique index notes_part_idx on dist_scratch.notes (part_key)`);
    await q(`create table dist_scratch.stray (id int primary key)`);
    const byAgency: Distribution = { kind: 'distributed', column: 'agency_id', why: 'test' };
    const violations = await distributionViolations(database.pool, {
      schema: 'dist_scratch',
      tables: {
        owners: { kind: 'reference', why: 'test' },
        items: byAgency,
        parts: byAgency,
        notes: byAgency,
        gone: { kind: 'local', why: 'test' },
      },
      exceptions: [{ table: 'items', name: 'items_not_there', why: 'an exception nothing needs' }],
    });
    assert.deepEqual(violations.sort(), [
      'gone: classified but no such table',
      'items: exception items_not_there is not needed (remove it from src/db/distribution.ts)',
      'items: primary key (id) lacks agency_id',
      'items: unique items_code_key (code) lacks agency_id',
      'notes: agency_id is missing or nullable',
      'notes: primary key (id) lacks agency_id',
      'notes: unique notes_part_idx (part_key) lacks agency_id',
      'parts: foreign key parts_item_id_fkey (item_id) → items does not pair agency_id with agency_id',
      'stray: not classified (src/db/distribution.ts)',
    ]);
    // A unique key of a distributed table without its column is allowed once it is listed, with its reason.
    const excepted = await distributionViolations(database.pool, {
      schema: 'dist_scratch',
      tables: { owners: { kind: 'reference', why: 'test' }, items: byAgency, stray: { kind: 'local', why: 't' } },
      exceptions: [{ table: 'items', name: 'items_code_key', why: 'codes are platform-wide' }],
    });
    assert.ok(!excepted.some((v) => v.includes('items_code_key')), excepted.join('\n'));
    assert.ok(excepted.some((v) => v.includes('parts: not classified')));
  } finally {
    await q('drop schema dist_scratch cascade');
  }
});

const distributed = Object.entries(tableDistribution).filter(
  (e): e is [string, Extract<Distribution, { kind: 'distributed' }>] => e[1].kind === 'distributed',
);

test('each distributed table has a copy hash-partitioned by its column, with its keys', async () => {
  const q = (s: string) => database.pool.query(s);
  await q('create schema dist_parts');
  try {
    for (const [t, d] of distributed) {
      // A unique exception lacks the column and cannot be a partitioned table's key: those tables get their primary
      // key and their other indexes (`including all` minus the unique ones named in keyExceptions).
      const exception = keyExceptions.some((e) => e.table === t && !e.name.endsWith('_fkey'));
      const like = exception ? 'including all excluding indexes' : 'including all';
      await q(`create table dist_parts.${t} (like public.${t} ${like}) partition by hash (${d.column})`);
      if (exception) {
        const pk = await database.pool.query<{ def: string }>(
          `select pg_get_constraintdef(oid) as def from pg_constraint where conrelid = 'public.${t}'::regclass and contype = 'p'`,
        );
        await q(`alter table dist_parts.${t} add ${pk.rows[0]!.def}`);
      }
      for (let r = 0; r < 4; r++)
        await q(
          `create table dist_parts.${t}_p${r} partition of dist_parts.${t} for values with (modulus 4, remainder ${r})`,
        );
    }
  } finally {
    await q('drop schema dist_parts cascade');
  }
});

test('the catalogue copied into 4 hash partitions by agency: a query by agency reads one of them', async () => {
  const q = (s: string, v: unknown[] = []) => database.pool.query(s, v);
  await ensureRegions(systemCtx(database));
  const agencies = (
    await q(`insert into agencies (name, credit_code, kind, region_code)
      select '分区演示机关' || g, 'DEMO-PART-' || g, 'department', '620602' from generate_series(1, 8) g returning id`)
  ).rows.map((r: { id: string }) => r.id);
  await q(
    `insert into catalogue_items (agency_id, title, state, publish_date)
    select a, '演示信息 ' || g, 'draft', date '2026-01-01' + g % 300 from unnest($1::uuid[]) a, generate_series(1, 50) g`,
    [agencies],
  );
  await q('create schema dist_demo');
  try {
    await q(`create table dist_demo.catalogue_items
      (like public.catalogue_items including defaults including generated) partition by hash (agency_id)`);
    await q('alter table dist_demo.catalogue_items add primary key (agency_id, id)');
    await q('create unique index on dist_demo.catalogue_items (agency_id, index_no)');
    for (let r = 0; r < 4; r++)
      await q(`create table dist_demo.catalogue_items_p${r} partition of dist_demo.catalogue_items
        for values with (modulus 4, remainder ${r})`);
    await q('insert into dist_demo.catalogue_items select * from public.catalogue_items');
    await q('analyze dist_demo.catalogue_items');
    const counts = await q(`select tableoid::regclass::text as p, count(*)::int as n from dist_demo.catalogue_items
      group by 1 order by 1`);
    assert.equal(
      counts.rows.reduce((s: number, r: { n: number }) => s + r.n, 0),
      400,
    );
    assert.ok(counts.rows.length > 1, 'eight agencies spread over more than one partition');
    for (const id of agencies) {
      const plan = (await q(`explain select * from dist_demo.catalogue_items where agency_id = '${id}'`)).rows
        .map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN'])
        .join('\n');
      const read = new Set(plan.match(/catalogue_items_p\d/g));
      assert.equal(read.size, 1, plan);
    }
  } finally {
    await q('drop schema dist_demo cascade');
  }
});
