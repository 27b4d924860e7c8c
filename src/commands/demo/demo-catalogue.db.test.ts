import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type TestDatabase, testDatabase } from '../../../test/helpers/db.ts';
import { fixedClock, systemCtx } from '../../../test/helpers/factory.ts';
import { attachmentPath } from '../catalogue/attachments.ts';
import { SEED_PUBLISHED_2020, SEED_PUBLISHED_TOTAL } from './catalogue.ts';
import { DEMO_AGENCIES, SEED_AGENCY_CODE } from './data.ts';
import { demoExtensions } from './extensions.ts';
import { loadDemo } from './load-demo.ts';
import { doubled } from './text/parts.ts';

/** The demo catalogue as a reviewer reads it: by kind and agency role, no template marks, reports for every year. */
let database: TestDatabase;
let dataDir: string;
const today = '2026-06-01';
const now = fixedClock(new Date(`${today}T02:00:00Z`));
type Row = { agency: string; key: string; title: string; body: string; genre: string; item: string | null; id: string };
let rows: Row[];

before(async () => {
  database = await testDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'gongkai-demo-'));
  await loadDemo(systemCtx(database, now), 'Demo-Pass-2026', demoExtensions, { dataDir });
  const keyOf = new Map(DEMO_AGENCIES.map((a) => [a.name, a.key]));
  rows = (
    await database.db
      .selectFrom('catalogue_items as i')
      .innerJoin('agencies as a', 'a.id', 'i.agency_id')
      .select(['i.id', 'a.name as agency', 'i.title', 'i.body_text as body', 'i.genre', 'i.article_item as item'])
      .where('i.state', '=', 'published')
      .execute()
  ).map((r) => ({ ...r, key: keyOf.get(r.agency)! }));
});
after(async () => {
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('the seed agency keeps 2,816 items by the end of 2020, 43 of them in 2020, none 规范性文件', async () => {
  const seed = await database.db
    .selectFrom('catalogue_items as i')
    .innerJoin('agencies as a', 'a.id', 'i.agency_id')
    .select(['i.publish_date', 'i.genre'])
    .where('a.credit_code', '=', SEED_AGENCY_CODE)
    .where('i.publish_date', '<=', '2020-12-31')
    .execute();
  assert.equal(seed.length, SEED_PUBLISHED_TOTAL);
  assert.equal(seed.filter((s) => s.publish_date?.startsWith('2020')).length, SEED_PUBLISHED_2020);
  assert.ok(seed.every((s) => s.genre !== 'normative' && s.genre !== 'rules'));
});

test('no title twice in an agency, no counters, no doubled words, nothing after today', async () => {
  for (const a of DEMO_AGENCIES) {
    const titles = rows.filter((r) => r.key === a.key).map((r) => r.title);
    const dups = titles.filter((t, i) => titles.indexOf(t) !== i);
    assert.deepEqual(dups, [], a.name);
  }
  for (const r of rows) {
    assert.doesNotMatch(r.title, /[（(]\d+[)）]$/, r.title);
    assert.equal(doubled(r.title), null, r.title);
    assert.equal(doubled(r.body), null, `${r.title}: ${doubled(r.body)}`);
  }
  const late = await database.db
    .selectFrom('catalogue_items')
    .select('title')
    .where('publish_date', '>', today)
    .execute();
  assert.deepEqual(late, []);
});

test('every agency its own count; each by its role: the town never a 局 and §21, 教育局 no penalties', () => {
  const counts = DEMO_AGENCIES.map((a) => rows.filter((r) => r.key === a.key).length);
  assert.equal(new Set(counts).size, counts.length, String(counts));
  const town = rows.filter((r) => r.key === 'town');
  assert.ok(
    town.every((r) => !/我局|本局/.test(r.title + r.body)),
    'a town writes 我镇',
  );
  assert.ok(town.filter((r) => r.item === '21').length >= 10);
  assert.ok(!rows.some((r) => r.key === 'edu' && /处罚/.test(r.title)));
  assert.ok(rows.some((r) => r.key === 'edu' && /招生|资助|教师/.test(r.title)));
  assert.ok(rows.some((r) => r.key === 'health' && /卫生|医疗|传染病/.test(r.title)));
});

test('one 预算 and one 决算 a year in every agency (a year’s 决算 out the August after it)', () => {
  const n = (rs: Row[], y: number, what: string) =>
    rs.filter((r) => r.title.includes(`${y}年`) && r.title.includes(what)).length;
  for (const a of DEMO_AGENCIES) {
    const own = rows.filter((r) => r.key === a.key && r.item === '20.7');
    for (const y of [2021, 2022, 2023, 2024, 2025, 2026]) assert.equal(n(own, y, '预算'), 1, `${a.name} ${y} 预算`);
    for (const y of [2021, 2022, 2023, 2024]) assert.equal(n(own, y, '决算'), 1, `${a.name} ${y} 决算`);
    assert.equal(n(own, 2025, '决算'), 0, 'the 2025 决算 comes in August 2026');
  }
});

test('a penalty decision states 当事人, facts, evidence, basis, penalty, how to pay and how to appeal', () => {
  const penalties = rows.filter((r) => r.title.includes('行政处罚决定书'));
  assert.ok(penalties.length > 500);
  for (const p of penalties) {
    for (const part of ['当事人：', '违法事实', '证据', '处罚依据', '处罚内容', '履行方式', '救济途径'])
      assert.ok(p.body.includes(part), `${p.title}: ${part}`);
    assert.match(p.body, /违反了《[^》]+》第[^条]+条/);
    assert.match(p.body, /依据《[^》]+》第[^条]+条/);
    assert.match(p.body, /申请行政复议/);
  }
});

test('each 规范性文件 has its PDF and a linked 政策解读', async () => {
  const normative = await database.db
    .selectFrom('catalogue_items')
    .select(['id', 'title'])
    .where('genre', '=', 'normative')
    .where('state', '=', 'published')
    .execute();
  assert.ok(normative.length >= 10);
  for (const n of normative) {
    const files = await database.db
      .selectFrom('catalogue_attachments')
      .selectAll()
      .where('item_id', '=', n.id)
      .execute();
    assert.equal(files.length, 1, n.title);
    assert.equal(files[0]!.mime, 'application/pdf');
    const path = attachmentPath(dataDir, n.id, files[0]!.id);
    assert.ok(existsSync(path));
    assert.equal(readFileSync(path).subarray(0, 5).toString(), '%PDF-');
    const reading = await database.db
      .selectFrom('catalogue_items')
      .select(['genre', 'state'])
      .where('interprets_id', '=', n.id)
      .execute();
    assert.deepEqual(reading, [{ genre: 'interpretation', state: 'published' }], n.title);
  }
});

test('annual reports: every agency published 2021–2024, last year in draft; the district 汇总 holds its departments', async () => {
  const reports = await database.db
    .selectFrom('annual_reports as r')
    .innerJoin('agencies as a', 'a.id', 'r.agency_id')
    .select(['a.name', 'a.kind', 'r.year', 'r.status', 'r.data'])
    .execute();
  for (const a of DEMO_AGENCIES)
    for (const y of [2021, 2022, 2023, 2024]) {
      const r = reports.find((x) => x.name === a.name && x.year === y);
      assert.equal(r?.status, 'published', `${a.name} ${y}`);
    }
  assert.ok(reports.filter((r) => r.year === 2025).every((r) => r.status === 'draft'));
  // The government's frozen 2024 report counts its departments' applications with its own.
  const apps = (name: string) =>
    (reports.find((r) => r.name === name && r.year === 2024)!.data as { applications: { new: { total: number } } })
      .applications.new.total;
  const gov = DEMO_AGENCIES.find((a) => a.kind === 'government')!;
  const deps = DEMO_AGENCIES.filter((a) => a !== gov).reduce((s, a) => s + apps(a.name), 0);
  assert.ok(deps > 0);
  assert.ok(apps(gov.name) >= deps, `${apps(gov.name)} ≥ ${deps}`);
});
