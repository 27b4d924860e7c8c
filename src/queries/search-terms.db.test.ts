import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { type TestDatabase, testDatabase } from '../../test/helpers/db.ts';
import { fixedClock, makeAgency, systemCtx } from '../../test/helpers/factory.ts';
import { startTestServer, type TestServer } from '../../test/helpers/server.ts';
import { importCatalogue } from '../commands/catalogue/import.ts';
import { IMPORT_COLUMNS, matchesAll, parseQuery, searchText } from '../domain/catalogue/index.ts';
import { searchItems } from './catalogue.ts';

// Issue #20: what people type — several words in any order, a pasted title with its brackets, a 文号 in any
// bracket form — finds exactly the items holding every term (the truth: each term a substring of the folded title,
// 文号, keywords or body), title matches first, marked.
let database: TestDatabase;
let server: TestServer;
const now = fixedClock(new Date('2026-03-02T02:00:00Z'));
const ids = { titleMatch: '', bodyNewer: '' };
const agencyIds: string[] = [];
const SUBJECTS = ['食品安全', '药品监管', '特种设备', '价格监督'];
const VERBS = ['监督抽检', '专项整治', '执法检查'];

function row(i: number, title: string, doc: string, date: string, genre: string, body: string) {
  return [
    `X/${date.slice(0, 4)}-${String(i).padStart(6, '0')}`,
    title,
    doc,
    date,
    date,
    '市场监管',
    genre,
    `20.${(i % 3) + 11}`,
    '现行有效',
    '',
    `<p>${body}</p>`,
  ];
}

before(async () => {
  database = await testDatabase();
  const ctx = systemCtx(database, now);
  const a = await makeAgency(ctx, { name: '凉州区市场监督管理局' });
  const b = await makeAgency(ctx, { name: '凉州区卫生健康局' });
  agencyIds.push(a.id, b.id);
  const rowsA: string[][] = [[...IMPORT_COLUMNS]];
  const rowsB: string[][] = [[...IMPORT_COLUMNS]];
  for (let i = 1; i <= 90; i++) {
    const year = 2015 + (i % 10);
    const d = `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;
    const subject = SUBJECTS[i % SUBJECTS.length]!;
    const verb = VERBS[Math.floor(i / 5) % VERBS.length]!;
    if (i % 3 === 0) {
      // 行政处罚决定书 with its 文号 in the title, in full-width brackets as published.
      const doc = `凉市监罚〔${year}〕${i}号`;
      rowsA.push(
        row(
          i,
          `凉州区市场监督管理局行政处罚决定书（${doc}）`,
          doc,
          d,
          '决定',
          `当事人经营${subject}相关业务，经${verb}发现违法行为。`,
        ),
      );
    } else if (i % 3 === 1) {
      rowsA.push(
        row(
          i,
          `关于开展${year}年${subject}${verb}工作的通知`,
          i % 2 ? `凉市监发〔${year}〕${i}号` : '',
          d,
          '通知',
          `各有关单位：${subject}${verb}工作要求如下。`,
        ),
      );
    } else {
      rowsB.push(
        row(i, `${year}年${subject}工作情况通报`, '', d, '工作动态', `本年度开展${verb}，涉及${subject}。第${i}期。`),
      );
    }
  }
  // Ranking: the same two words in one title (older) and in newer bodies only.
  rowsA.push(row(901, '冷链仓储专项检查情况的公告', '', '2016-05-01', '公告', '正文。'));
  rowsA.push(row(902, '关于第二季度工作的通知', '', '2024-05-01', '通知', '本季度开展冷链仓储专项检查。'));
  rowsA.push(row(903, '关于第三季度工作的通知', '', '2024-08-01', '通知', '继续开展冷链仓储专项检查。'));
  // HTML in a title is text: escaped, and marked around.
  rowsB.push(row(904, '关于<b>冷链</b>&仓储的说明', '', '2015-01-01', '公告', '说明。'));
  await importCatalogue(ctx, a.id, rowsA);
  await importCatalogue(ctx, b.id, rowsB);
  await sql`analyze catalogue_items`.execute(database.db);
  const find = async (title: string) =>
    (await database.db.selectFrom('catalogue_items').select('id').where('title', '=', title).executeTakeFirstOrThrow())
      .id;
  ids.titleMatch = await find('冷链仓储专项检查情况的公告');
  ids.bodyNewer = await find('关于第三季度工作的通知');
  server = await startTestServer(database, now);
});
after(async () => {
  await server?.close();
  await database?.close();
});

/** The truth, in JS over every published row: each term a substring of a folded field. */
async function truth(q: string) {
  const { terms } = parseQuery(q);
  const rows = await database.db
    .selectFrom('catalogue_items')
    .select([
      'id',
      'title',
      'doc_number',
      'keywords',
      'body_text',
      'agency_id',
      'publish_date',
      'genre',
      'article_item',
    ])
    .where('state', '=', 'published')
    .execute();
  return rows.filter(
    (r) => terms.length && matchesAll(searchText(r.title, r.doc_number, r.keywords, r.body_text), terms),
  );
}
async function allIds(q: string, sort?: 'date') {
  const out: string[] = [];
  for (let page = 1; ; page++) {
    const r = await searchItems(database.db, q, {}, page, { sort });
    out.push(...r.rows.map((x) => x.id));
    if (r.rows.length < 20) return { ids: out, total: r.total };
  }
}

const title = '凉州区市场监督管理局行政处罚决定书（凉市监罚〔2018〕3号）';
const CASES: [string, string, number?][] = [
  ['two words', '食品安全 监督抽检'],
  ['two words reversed', '监督抽检 食品安全'],
  ['words with punctuation between', '行政处罚，食品安全'],
  ['a year and a word', '食品安全 2015'],
  ['a word and a year, reversed', '2015年 食品安全'],
  ['a pasted title with its brackets', title, 1],
  ['the pasted title in half-width brackets', '凉州区市场监督管理局行政处罚决定书(凉市监罚[2018]3号)', 1],
  ['a 文号 in 〔〕', '凉市监罚〔2018〕3号', 1],
  ['a 文号 in []', '凉市监罚[2018]3号', 1],
  ['a 文号 in ()', '凉市监罚(2018)3号', 1],
  ['a 文号 in 【】', '凉市监罚【2018】3号', 1],
  ['a 文号 in ［］', '凉市监罚［2018］3号', 1],
  ['a 文号 in ﹝﹞', '凉市监罚﹝2018﹞3号', 1],
  ['a word and a 文号', '行政处罚 凉市监罚[2018]3号', 1],
  ['a phrase', '"食品安全监督抽检"'],
  ['a phrase across a space', '“食品安全 监督抽检”'],
  ['an absent word with a common one', '食品安全 量子通信', 0],
  ['three words', '通报 价格监督 涉及'],
];

describe('terms, folded, all required', () => {
  for (const [name, q, expected] of CASES)
    test(name, async () => {
      const want = (await truth(q)).map((r) => r.id).sort();
      if (expected !== undefined) assert.equal(want.length, expected, `truth of ${q}`);
      else assert.ok(want.length >= 2, `${q} should find several (${want.length})`);
      const got = await allIds(q);
      assert.deepEqual([...got.ids].sort(), want, q);
      assert.equal(got.total, want.length);
    });

  test('word order does not matter', async () => {
    assert.deepEqual((await allIds('抽检 食品')).ids.sort(), (await allIds('食品 抽检')).ids.sort());
  });
});

test('ranking: a title holding every term comes before newer body matches; 按时间排序 puts the newest first', async () => {
  const rel = await searchItems(database.db, '冷链 仓储', {}, 1);
  assert.equal(rel.rows[0]!.id, ids.titleMatch);
  const byDate = await searchItems(database.db, '冷链 仓储', {}, 1, { sort: 'date' });
  assert.equal(byDate.rows[0]!.id, ids.bodyNewer);
  assert.equal(byDate.total, rel.total);
});

test('facets count the matches by agency, year, category and kind', async () => {
  const q = '食品安全';
  const want = await truth(q);
  const r = await searchItems(database.db, q, {}, 1);
  assert.ok(r.facets);
  const count = (key: (x: (typeof want)[number]) => string) => {
    const m = new Map<string, number>();
    for (const x of want) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
    return m;
  };
  const asMap = (fs: { key: string; n: number }[]) => new Map(fs.map((x) => [x.key, x.n]));
  assert.deepEqual(
    asMap(r.facets.agency),
    count((x) => x.agency_id),
  );
  assert.deepEqual(
    asMap(r.facets.year),
    count((x) => x.publish_date!.slice(0, 4)),
  );
  assert.deepEqual(
    asMap(r.facets.genre),
    count((x) => x.genre),
  );
  assert.deepEqual(
    asMap(r.facets.item),
    count((x) => x.article_item!),
  );
  // A facet's filter finds its count.
  const y = r.facets.year[0]!;
  assert.equal((await searchItems(database.db, q, { year: Number(y.key) }, 1)).total, y.n);
});

describe('the search page', () => {
  test('marks every term in titles and excerpts, HTML escaped', async () => {
    const r = await server.request('GET', `/search?q=${encodeURIComponent('仓储 冷链')}`);
    assert.equal(r.status, 200);
    assert.match(r.text, /<mark>冷链仓储<\/mark>专项检查情况的公告/);
    assert.match(r.text, /class="snippet">本季度开展<mark>冷链仓储<\/mark>专项检查/);
    assert.match(r.text, /关于&lt;b&gt;<mark>冷链<\/mark>&lt;\/b&gt;&amp;<mark>仓储<\/mark>的说明/);
    assert.doesNotMatch(r.text, /<b>冷链/);
    assert.match(r.text, /共 4 条/);
    assert.match(r.text, /按时间排序/);
    assert.match(r.text, /class="facets"/);
  });

  test('a pasted title finds its item; nothing found suggests dropping each word and 依申请公开', async () => {
    const r = await server.request('GET', `/search?q=${encodeURIComponent(title)}`);
    assert.match(r.text, /共 1 条/);
    const none = await server.request('GET', `/search?q=${encodeURIComponent('食品安全 量子通信')}`);
    assert.match(none.text, /共 0 条/);
    assert.match(
      none.text,
      /href="\/search\?q=%E9%A3%9F%E5%93%81%E5%AE%89%E5%85%A8"[^>]*>去掉“量子通信”<\/a>（共 \d+ 条）/,
    );
    // Leaving out 食品安全 finds nothing either (量子通信 is nowhere): not offered.
    assert.doesNotMatch(none.text, /去掉“食品安全”/);
    assert.match(none.text, /href="\/apply"/);
    const neither = await server.request('GET', `/search?q=${encodeURIComponent('量子通信 航天发射')}`);
    assert.match(neither.text, /去掉其中任何一个词也没有找到/);
    assert.doesNotMatch(neither.text, /class="drop"/);
  });

  test('bad input: a 2,000-character query, punctuation alone, a lone surrogate → a message, never a 5xx', async () => {
    // 2,000 characters (2,000 CJK ones are 18 KB of URL, past Node's 16 KB header limit: a 431, never a 5xx).
    for (const q of ['食品 '.repeat(667), `${'食'.repeat(600)}${'a'.repeat(1400)}`]) {
      const long = await server.request('GET', `/search?q=${encodeURIComponent(q)}`);
      assert.equal(long.status, 200);
      assert.match(long.text, /搜索词过长/);
    }
    const huge = await server.request('GET', `/search?q=${encodeURIComponent('食'.repeat(2000))}`);
    assert.ok(huge.status < 500, String(huge.status));
    const punct = await server.request('GET', `/search?q=${encodeURIComponent('（）【】，。!?')}`);
    assert.equal(punct.status, 200);
    assert.match(punct.text, /标点符号不能单独搜索/);
    for (const raw of ['%ED%A0%80', '%ED%A0%80%E9%A3%9F%E5%93%81', '%FF', '%']) {
      const r = await server.request('GET', `/search?q=${raw}`);
      assert.ok(r.status < 500, `${raw}: ${r.status}`);
    }
    const many = await server.request('GET', `/search?q=${encodeURIComponent('一 二 三 四 五 六 七 八 九 十 百')}`);
    assert.match(many.text, /搜索词过多/);
    const en = await server.request('GET', `/search?lang=en&q=${encodeURIComponent('食品安全')}`);
    assert.doesNotMatch(en.text, /~|\d\+/);
  });
});
