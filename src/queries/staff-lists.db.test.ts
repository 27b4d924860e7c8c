import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { personApplication } from '../../test/helpers/applicants.ts';
import { type TestDatabase, testDatabase } from '../../test/helpers/db.ts';
import { fixedClock, makeAgency, makeUser, systemCtx, type TestAgency } from '../../test/helpers/factory.ts';
import { startTestServer, type TestServer } from '../../test/helpers/server.ts';
import { registerCase, submitApplication } from '../commands/applications/intake.ts';
import { searchColumns } from '../db/repos/catalogue.ts';
import { indexApplicantNames } from '../shared/name-index.ts';

/** The console's server-side lists (issue #18): paging, totals, sort, filters, search, scope, bad input. */

let database: TestDatabase;
let server: TestServer;
let a: TestAgency;
let b: TestAgency;
let c: TestAgency;
const tk: Record<string, string> = {};
const now = fixedClock(new Date('2026-03-02T02:00:00Z'));
const GENRES = ['notice', 'normative', 'plan'] as const;
const STATES = ['published', 'draft', 'in_review'] as const;
const NAMES = ['张三', '李四', '王小明', '欧阳娜娜', '阿依古丽·买买提'];
/** Each agency's items as inserted: what the filters must find. */
const items: { agency: string; i: number; state: string; genre: string; year: number; article: string }[] = [];
const cases: Record<string, { tn: string; name: string; channel: string }[]> = {};

async function insertItems(agency: TestAgency, n: number, prefix: string) {
  for (let i = 0; i < n; i++) {
    const state = STATES[i % 3]!;
    const genre = GENRES[i % 3 === 0 ? 0 : (i % 5) % 3]!;
    const year = 2023 + (i % 4);
    const article = i % 5 < 2 ? '20.1' : '20.7';
    const title = i === 7 ? `${prefix}食品安全抽检计划` : `${prefix}第${i}号工作通知`;
    const doc = `${prefix}政发〔${year}〕${i + 1}号`;
    const date = `${year}-0${1 + (i % 9)}-1${i % 10}`;
    await database.db
      .insertInto('catalogue_items')
      .values({
        agency_id: agency.id,
        title,
        doc_number: doc,
        index_no: state === 'published' ? `${agency.creditCode}/${year}-${String(i).padStart(5, '0')}` : null,
        state,
        genre,
        article_item: article,
        formed_date: date,
        publish_date: state === 'published' ? date : null,
        keywords: '',
        body_text: '正文提到食品安全',
        body_html: '<p>正文提到食品安全</p>',
        ...searchColumns(title, doc, '', '正文提到食品安全'),
      })
      .execute();
    items.push({ agency: agency.id, i, state, genre, year, article });
  }
}

async function insertCases(agency: TestAgency, n: number) {
  const ctx = { ...systemCtx(database, now), actor: agency.users.operator.actor };
  cases[agency.id] = [];
  for (let i = 0; i < n; i++) {
    const name = NAMES[i % NAMES.length]!;
    const body = personApplication(agency.creditCode, {
      applicant: { ...personApplication('').applicant, name },
      description: `请公开第${i}项政府信息`,
    });
    const r =
      i % 4 === 3
        ? await registerCase(ctx, { ...body, channel: 'post', receivedDate: `2026-0${1 + (i % 2)}-1${i % 10}` })
        : await submitApplication(systemCtx(database, now), body);
    cases[agency.id]!.push({ tn: r.trackingNumber, name, channel: i % 4 === 3 ? 'post' : 'online' });
  }
}

before(async () => {
  database = await testDatabase();
  const ctx = systemCtx(database, now);
  a = await makeAgency(ctx, { name: '凉州区甲局' });
  b = await makeAgency(ctx, { name: '凉州区乙局' });
  c = await makeAgency(ctx, { name: '城关区丙局', regionCode: '620102' });
  await insertItems(a, 45, '甲');
  await insertItems(b, 8, '乙');
  await insertItems(c, 4, '丙');
  await insertCases(a, 24);
  await insertCases(b, 5);
  await insertCases(c, 3);
  server = await startTestServer(database, now);
  tk.a = await server.apiToken(a.users.operator.username);
  tk.b = await server.apiToken(b.users.operator.username);
  tk.sup = await server.apiToken((await makeUser(ctx, 'supervisor', '620602')).username);
});
after(async () => {
  await server?.close();
  await database?.close();
});

const get = async (path: string, token = tk.a!) => {
  const t0 = performance.now();
  const r = await server.request('GET', path, { token });
  if (process.env.LIST_TIMES) console.log(path, Math.round(performance.now() - t0));
  assert.ok(r.status < 500, `${path}: ${r.status} ${r.text}`);
  return r;
};
const itemsOf = async (qs: string, token = tk.a!) => {
  const r = await get(`/api/v1/catalogue/items?${qs}`, token);
  assert.equal(r.status, 200, r.text);
  return r.body as {
    items: { title: string; agency_id: string; state: string; publish_date: string | null; formed_date: string }[];
    total: number;
    exact: boolean;
    page: number;
    pageSize: number;
  };
};
const casesOf = async (qs: string, token = tk.a!) => {
  const r = await get(`/api/v1/cases?${qs}`, token);
  assert.equal(r.status, 200, r.text);
  return r.body as { items: { trackingNumber: string; agency: { id: string }; state: string }[]; total: number };
};
const mine = (agency: string) => items.filter((i) => i.agency === agency);

describe('catalogue list', () => {
  test('pages: the total, a full page, the last page, a page past the end (empty, the real total)', async () => {
    const first = await itemsOf('pageSize=10');
    assert.deepEqual([first.total, first.items.length, first.page, first.pageSize, first.exact], [45, 10, 1, 10, true]);
    const last = await itemsOf('pageSize=10&page=5');
    assert.equal(last.items.length, 5);
    const past = await itemsOf('pageSize=10&page=9');
    assert.deepEqual([past.items.length, past.total], [0, 45]);
    const far = await itemsOf('pageSize=100&page=5000');
    assert.deepEqual([far.items.length, far.total], [0, 45], 'far past the end: empty, not refused');
    const all = new Set<string>();
    for (let p = 1; p <= 5; p++) for (const i of (await itemsOf(`pageSize=10&page=${p}`)).items) all.add(i.title);
    assert.equal(all.size, 45, 'every item once over the pages');
    assert.equal((await itemsOf('')).pageSize, 20, 'default page size');
  });

  test('sort: newest first by default (undated first), oldest reverses it', async () => {
    const dateOf = (i: { publish_date: string | null; formed_date: string }) => i.publish_date ?? i.formed_date;
    const newest = (await itemsOf('pageSize=100')).items.map(dateOf);
    assert.deepEqual(newest, [...newest].sort().reverse());
    const oldest = (await itemsOf('pageSize=100&sort=oldest')).items.map(dateOf);
    assert.deepEqual(oldest, [...oldest].sort());
    assert.equal((await itemsOf('pageSize=100&sort=updated')).total, 45);
  });

  test('each filter: state, year, 体裁, §20 item, and together', async () => {
    const A = mine(a.id);
    assert.equal((await itemsOf('state=draft')).total, A.filter((i) => i.state === 'draft').length);
    // The year of an item: published, else formed.
    assert.equal((await itemsOf('year=2024')).total, A.filter((i) => i.year === 2024).length);
    assert.equal((await itemsOf('genre=normative')).total, A.filter((i) => i.genre === 'normative').length);
    assert.equal((await itemsOf('articleItem=20.7')).total, A.filter((i) => i.article === '20.7').length);
    const both = A.filter((i) => i.state === 'published' && i.year === 2025 && i.article === '20.1').length;
    assert.ok(both > 0);
    assert.equal((await itemsOf('state=published&year=2025&articleItem=20.1')).total, both);
    assert.equal((await itemsOf('queue=review')).total, A.filter((i) => i.state === 'in_review').length);
  });

  test('q: on 标题, 文号 and 索引号 (not the body), within scope', async () => {
    const title = await itemsOf(`q=${encodeURIComponent('食品安全')}`);
    assert.deepEqual(
      title.items.map((i) => i.title),
      ['甲食品安全抽检计划'],
      'the body mentions it in every item: only the title counts',
    );
    const doc = await itemsOf(`q=${encodeURIComponent('甲政发〔2024〕2号')}`);
    assert.deepEqual(
      doc.items.map((i) => i.title),
      ['甲第1号工作通知'],
    );
    const index = await itemsOf(`q=${encodeURIComponent(`${a.creditCode}/2023-00000`)}`);
    assert.deepEqual(
      index.items.map((i) => i.title),
      ['甲第0号工作通知'],
    );
    const prefix = await itemsOf(`q=${encodeURIComponent(`${a.creditCode}/2023`)}`);
    assert.equal(prefix.total, A_PUBLISHED_2023());
    assert.equal((await itemsOf(`q=${encodeURIComponent('不存在的标题')}`)).total, 0);
  });

  test('scope: an operator sees their agency only; a supervisor their region, by agency if asked', async () => {
    const opA = await itemsOf('pageSize=100');
    assert.ok(opA.items.every((i) => i.agency_id === a.id));
    const opB = await itemsOf(`pageSize=100&agencyId=${a.id}`, tk.b);
    assert.equal(opB.total, 0, 'another agency asked by id: nothing');
    const sup = await itemsOf('pageSize=100', tk.sup);
    assert.equal(sup.total, 45 + 8, 'both agencies of 凉州区, not 城关区');
    assert.ok(sup.items.every((i) => i.agency_id !== c.id));
    assert.equal((await itemsOf(`agencyId=${b.id}`, tk.sup)).total, 8);
    assert.equal((await itemsOf(`agencyId=${c.id}`, tk.sup)).total, 0);
    assert.equal((await itemsOf(`q=${encodeURIComponent('食品安全')}`, tk.sup)).total, 2);
  });
});

const A_PUBLISHED_2023 = () => mine(a.id).filter((i) => i.state === 'published' && i.year === 2023).length;

describe('case list', () => {
  test('pages, sort and totals', async () => {
    const first = await casesOf('pageSize=10');
    assert.deepEqual([first.total, first.items.length], [24, 10]);
    const past = await casesOf('pageSize=10&page=4');
    assert.deepEqual([past.items.length, past.total], [0, 24]);
    const newest = (await casesOf('pageSize=100')).items.map((i) => i.trackingNumber);
    const oldest = (await casesOf('pageSize=100&sort=oldest')).items.map((i) => i.trackingNumber);
    assert.deepEqual(oldest, [...newest].reverse());
    assert.equal((await casesOf('pageSize=100&sort=due')).total, 24);
  });

  test('filters: channel, year, state, queue', async () => {
    const A = cases[a.id]!;
    assert.equal((await casesOf('channel=post')).total, A.filter((x) => x.channel === 'post').length);
    assert.equal((await casesOf('channel=online')).total, A.filter((x) => x.channel === 'online').length);
    assert.equal((await casesOf('year=2026')).total, 24);
    assert.equal((await casesOf('year=2025')).total, 0);
    assert.equal((await casesOf('state=registered')).total, 24);
    assert.equal((await casesOf('queue=open')).total, 24);
    assert.equal((await casesOf('queue=waiting')).total, 0);
    assert.equal((await casesOf('queue=overdue')).total, 0);
    assert.equal((await casesOf('outcome=granted')).total, 0);
  });

  test('q: the tracking number (whole, beginning, serial) and the applicant name (bigrams, whole)', async () => {
    const tn = cases[a.id]![5]!.tn;
    assert.deepEqual(
      (await casesOf(`q=${tn}`)).items.map((i) => i.trackingNumber),
      [tn],
    );
    assert.ok((await casesOf(`q=${tn.slice(0, 9)}`)).items.some((i) => i.trackingNumber === tn));
    assert.ok((await casesOf(`q=${Number(tn.slice(-6))}`)).items.some((i) => i.trackingNumber === tn));
    const want = (name: string) => cases[a.id]!.filter((x) => x.name.includes(name)).map((x) => x.tn);
    const named = async (q: string, token = tk.a) =>
      (await casesOf(`pageSize=100&q=${encodeURIComponent(q)}`, token)).items.map((i) => i.trackingNumber).sort();
    assert.deepEqual(await named('王小明'), want('王小明').sort());
    assert.deepEqual(await named('小明'), want('小明').sort());
    assert.deepEqual(await named('欧阳'), want('欧阳').sort());
    assert.deepEqual(await named('阿依古丽 买买提'), want('买买提').sort(), 'spaces and the middle dot alike');
    assert.deepEqual(await named('赵六'), []);
    // Scope: B's 王小明 is not A's; the supervisor sees both agencies of the region.
    const sup = await named('王小明', tk.sup);
    assert.equal(sup.length, want('王小明').length + cases[b.id]!.filter((x) => x.name === '王小明').length);
  });

  test('the name is not stored in clear: only keyed hashes, and rows written before 0019 are backfilled', async () => {
    const rows = await database.db
      .selectFrom('applications')
      .select(['id', 'applicant_name_tokens', 'applicant_masked'])
      .execute();
    for (const r of rows) {
      assert.ok(r.applicant_name_tokens?.length, 'indexed at intake');
      for (const t of r.applicant_name_tokens!) assert.match(t, /^[0-9a-f]{16}$/);
    }
    const dump = (await database.pool.query('select row_to_json(a)::text as t from applications a')).rows
      .map((r: { t: string }) => r.t)
      .join('\n');
    for (const name of ['王小明', '欧阳娜娜', '买买提', '小明']) assert.ok(!dump.includes(name), name);
    // An application from before the index: found again once the start-up step has filled it.
    const tn = cases[a.id]![2]!.tn; // 王小明
    await database.db.updateTable('applications').set({ applicant_name_tokens: null }).execute();
    assert.equal((await casesOf(`q=${encodeURIComponent('王小明')}`)).total, 0);
    assert.equal(await indexApplicantNames(database.db, Buffer.alloc(32, 7)), rows.length);
    assert.ok((await casesOf(`q=${encodeURIComponent('王小明')}`)).items.some((i) => i.trackingNumber === tn));
  });

  test('scope: an operator never sees another agency; a supervisor their region only', async () => {
    assert.ok((await casesOf('pageSize=100')).items.every((i) => i.agency.id === a.id));
    assert.equal((await casesOf('pageSize=100', tk.b)).total, 5);
    assert.equal((await casesOf(`agencyId=${a.id}`, tk.b)).total, 0);
    assert.equal((await casesOf(`q=${cases[a.id]![0]!.tn}`, tk.b)).total, 0);
    const sup = await casesOf('pageSize=100', tk.sup);
    assert.equal(sup.total, 24 + 5);
    assert.ok(sup.items.every((i) => i.agency.id !== c.id));
    assert.equal((await casesOf(`agencyId=${c.id}`, tk.sup)).total, 0);
  });
});

describe('bad input: 400 with a Chinese message on the field, never a 5xx', () => {
  for (const [path, field] of [
    ['/api/v1/catalogue/items?pageSize=101', 'pageSize'],
    ['/api/v1/catalogue/items?pageSize=0', 'pageSize'],
    ['/api/v1/catalogue/items?page=abc', 'page'],
    ['/api/v1/catalogue/items?page=0', 'page'],
    ['/api/v1/catalogue/items?page=1.5', 'page'],
    ['/api/v1/catalogue/items?state=bogus', 'state'],
    ['/api/v1/catalogue/items?genre=novel', 'genre'],
    ['/api/v1/catalogue/items?articleItem=99', 'articleItem'],
    ['/api/v1/catalogue/items?sort=random', 'sort'],
    ['/api/v1/catalogue/items?agencyId=x', 'agencyId'],
    ['/api/v1/cases?pageSize=500', 'pageSize'],
    ['/api/v1/cases?page=-1', 'page'],
    ['/api/v1/cases?state=lost', 'state'],
    ['/api/v1/cases?queue=someday', 'queue'],
    ['/api/v1/cases?channel=pigeon', 'channel'],
    ['/api/v1/cases?outcome=maybe', 'outcome'],
    ['/api/v1/cases?year=1900', 'year'],
  ] as const) {
    test(path, async () => {
      const r = await get(path);
      assert.equal(r.status, 400, r.text);
      const d = r.body.error.details.find((x: { path: string }) => x.path === field);
      assert.ok(d, `a message on ${field}: ${r.text}`);
      assert.match(d.message, /[\u4e00-\u9fff]/);
      assert.doesNotMatch(r.body.error.message, /Invalid|Expected/);
    });
  }

  test('a search of punctuation only, or very long, answers in words or an empty page', async () => {
    assert.equal((await itemsOf(`q=${encodeURIComponent('％％__\\')}`)).total, 0);
    assert.equal((await casesOf(`q=${encodeURIComponent('·・')}`)).total, 0);
    assert.equal((await get(`/api/v1/cases?q=${'长'.repeat(61)}`)).status, 400);
  });
});
