import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { TEST_SECRET_KEY } from '../../test/helpers/db.ts';
import { type Database, openDatabase } from './connect.ts';
import { distributionViolations } from './distribution-check.ts';
import { listMigrations, migrate } from './migrate.ts';

/**
 * An existing deployment upgrades to distribution-ready keys (migration 0024): its case events, letters and
 * attachments get their parent's agency, and from then on a child of another agency's parent is refused.
 */
let database: Database;
let dataDir: string;
let dropDb: () => Promise<void> = async () => {};
const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const APP = '00000000-0000-4000-8000-0000000000a1';
const ITEM = '00000000-0000-4000-8000-0000000000c1';
const ITEM_B = '00000000-0000-4000-8000-0000000000c2';
let before24: string[] = [];

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'gongkai-dist-'));
  let url: string | undefined;
  if (process.env.DATABASE_URL) {
    const name = `gongkai_dist_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = `/${name}`;
    url = u.toString();
    dropDb = async () => {
      const a = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    };
  }
  database = await openDatabase({ dataDir, databaseUrl: url, secretKey: TEST_SECRET_KEY });
  const q = (s: string, v: unknown[] = []) => database.pool.query(s, v);
  // The schema as it was before 0024, holding rows of every table the migration changes.
  await q(
    'create table schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())',
  );
  for (const m of listMigrations().filter((x) => x.version < 24)) {
    await q(m.sql);
    await q('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
  }
  await q(`insert into regions (code, name, path) values ('620602', '凉州区', '620602')`);
  await q(
    `insert into agencies (id, name, credit_code, kind, region_code) values
    ($1, '甲局', 'CODE-A', 'department', '620602'), ($2, '乙局', 'CODE-B', 'department', '620602')`,
    [A, B],
  );
  await q(
    `insert into applications (id, agency_id, tracking_number, query_code_hash, channel, received_date, receipt_basis,
       applicant_type, applicant_key, applicant_enc, applicant_masked, description, form, state)
     values ($1, $2, 'GK2026-000001', 'h', 'online', '2026-03-02', 'online', 'natural_person', 'k', 'e', '{}',
       '申请内容', 'email', 'in_progress')`,
    [APP, A],
  );
  await q(
    `insert into application_events (application_id, seq, type, date) values
    ($1, 1, 'registered', '2026-03-02'), ($1, 2, 'extension_requested', '2026-03-20')`,
    [APP],
  );
  await q(
    `insert into letters (application_id, kind, title, body, issued_date, event_seq)
    values ($1, 'receipt', '登记回执', '[]', '2026-03-02', 1)`,
    [APP],
  );
  await q(
    `insert into fees (application_id, agency_id, mode, amount, notice_date)
    values ($1, $2, 'per_application', 100, '2026-03-05')`,
    [APP, A],
  );
  await q(
    `insert into appeals (application_id, agency_id, kind, filed_date)
    values ($1, $2, 'reconsideration', '2026-04-01')`,
    [APP, A],
  );
  await q(
    `insert into catalogue_items (id, agency_id, index_no, title, state) values
    ($1, $2, 'X/2026-00001', '甲局的文件', 'published'), ($3, $4, 'X/2026-00002', '乙局的解读', 'draft')`,
    [ITEM, A, ITEM_B, B],
  );
  await q('update catalogue_items set interprets_id = $1 where id = $2', [ITEM, ITEM_B]);
  await q(
    `insert into catalogue_attachments (item_id, filename, mime, size, sha256)
    values ($1, 'a.pdf', 'application/pdf', 3, 'abc')`,
    [ITEM],
  );
  await q(
    `insert into concerns (agency_id, source, topic, received_date, response_item_id)
    values ($1, 'hotline', '关切', '2026-03-01', $2)`,
    [A, ITEM],
  );
  await q(`insert into ratings (agency_id, target_type, target_id, score) values ($1, 'application', $2, 5)`, [A, APP]);
  before24 = await distributionViolations(database.pool);
  // 0024 and whatever came after it (the later ones too must run on the upgraded schema).
  const applied = await migrate(database.pool);
  assert.deepEqual(
    applied,
    listMigrations()
      .map((m) => m.version)
      .filter((v) => v >= 24),
  );
});
after(async () => {
  await database.close();
  await dropDb();
  rmSync(dataDir, { recursive: true, force: true });
});

test('before 0024 the checker finds the keys that could not be split by agency', () => {
  for (const v of [
    'application_events: agency_id is missing or nullable',
    'letters: agency_id is missing or nullable',
    'catalogue_attachments: agency_id is missing or nullable',
    'applications: primary key (id) lacks agency_id',
    'catalogue_items: unique catalogue_items_index_no_key (index_no) lacks agency_id',
  ])
    assert.ok(before24.includes(v), `${v}\n${before24.join('\n')}`);
});

test('after 0024 the rows are kept, the children carry their parent’s agency, and no key violates', async () => {
  assert.deepEqual(await distributionViolations(database.pool), []);
  for (const t of ['application_events', 'letters', 'catalogue_attachments']) {
    const { rows } = await database.pool.query(`select agency_id, count(*)::int as n from ${t} group by 1`);
    assert.deepEqual(rows, [{ agency_id: A, n: t === 'application_events' ? 2 : 1 }], t);
  }
  const { rows } = await database.pool.query(
    `select (select count(*) from fees)::int + (select count(*) from appeals)::int
          + (select count(*) from concerns)::int + (select count(*) from ratings)::int as n`,
  );
  assert.equal(rows[0].n, 4);
});

test('a child of another agency’s parent is refused; the documented cross-agency link still holds', async () => {
  await assert.rejects(
    database.pool.query(
      `insert into letters (agency_id, application_id, kind, title, body, issued_date)
      values ($1, $2, 'receipt', '登记回执', '[]', '2026-03-02')`,
      [B, APP],
    ),
    /foreign key/,
  );
  await assert.rejects(
    database.pool.query(
      `insert into catalogue_attachments (agency_id, item_id, filename, mime, size, sha256)
      values ($1, $2, 'b.pdf', 'application/pdf', 3, 'abc')`,
      [B, ITEM],
    ),
    /foreign key/,
  );
  const { rows } = await database.pool.query('select interprets_id from catalogue_items where id = $1', [ITEM_B]);
  assert.equal(rows[0].interprets_id, ITEM);
});

test('索引号 is unique per agency', async () => {
  await database.pool.query(
    `insert into catalogue_items (agency_id, index_no, title) values ($1, 'X/2026-00001', '同号')`,
    [B],
  );
  await assert.rejects(
    database.pool.query(
      `insert into catalogue_items (agency_id, index_no, title) values ($1, 'X/2026-00001', '重号')`,
      [A],
    ),
    /duplicate key/,
  );
});

test('lookups by id alone still use an index', async () => {
  for (const t of ['applications', 'catalogue_items', 'letters', 'review_history']) {
    const { rows } = await database.pool.query(
      `select count(*)::int as n from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
       where i.indrelid = $1::regclass and a.attname = 'id'`,
      [t],
    );
    assert.ok(rows[0].n >= 1, t);
  }
});
