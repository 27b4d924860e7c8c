import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { ZodError } from 'zod';
import { personApplication } from '../../test/helpers/applicants.ts';
import type { Known } from '../../test/helpers/contract-arbitrary.ts';
import { type FuzzRequest, type FuzzRole, fuzzRoutes, knownIds } from '../../test/helpers/contract-requests.ts';
import { type TestDatabase, testDatabase } from '../../test/helpers/db.ts';
import { fixedClock, makeAgency, makeUser, systemCtx, type TestAgency } from '../../test/helpers/factory.ts';
import { startTestServer, type TestServer } from '../../test/helpers/server.ts';
import { submitApplication } from '../commands/applications/intake.ts';
import { loadCalendar } from '../db/repos/calendar.ts';
import { UnreadableFileError } from '../documents/docx-text.ts';
import { bytesToText } from '../documents/read-report.ts';
import { ClockInputError } from '../domain/clock/index.ts';
import { AppError } from '../domain/errors.ts';
import { parseReportText } from '../domain/report/parse/index.ts';
import { wellFormed } from '../domain/text-guard.ts';
import { computeDeadlines } from '../queries/deadline.ts';
import * as contract from './contract/index.ts';
import { CONTRACT, type RouteSpec } from './contract/index.ts';

/**
 * Fuzzing every public input (10,000+ generated inputs per run): hostile and random values never cause a
 * server error, a hang, or a partial write — only refusals in Chinese. The first test walks the whole HTTP
 * contract: every operation, with requests generated from its own schemas, as anonymous, operator, sysadmin.
 */
let database: TestDatabase;
let server: TestServer;
let agency: TestAgency;
const now = fixedClock(new Date('2026-03-02T02:00:00Z'));
const expected = (e: unknown) =>
  e instanceof ZodError || e instanceof AppError || e instanceof ClockInputError || e instanceof UnreadableFileError;
const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '%',
    '_',
    "'; drop table applications; --",
    '<script>alert(1)</script>',
    '〔2020〕',
    '\ud800',
    'x'.repeat(5000),
  ),
);
const within = async <T>(ms: number, p: Promise<T>): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
};

before(async () => {
  database = await testDatabase();
  agency = await makeAgency(systemCtx(database, now), { name: '凉州区市场监督管理局' });
  // Each generated client comes through a proxy on this host with its own X-Forwarded-For (TRUST_PROXY), so one
  // client's rate limit does not hide what the others' requests reach.
  server = await startTestServer(database, now, { trustProxy: ['127.0.0.1'] });
});
after(async () => {
  await server.close();
  await database.close();
});

// ── The whole contract, from its schemas ──────────────────────────────────────────────────────────────────────

test('every route spec the contract exports is in its table, once', () => {
  const exported = (Object.values(contract) as unknown[]).filter(
    (x): x is RouteSpec => typeof x === 'object' && x !== null && 'operationId' in x && 'responses' in x,
  );
  const ids = CONTRACT.map((r) => r.operationId);
  assert.deepEqual(new Set(ids).size, ids.length, 'operationIds are unique');
  assert.deepEqual(
    exported.map((r) => r.operationId).filter((id) => !ids.includes(id)),
    [],
  );
});

test('every operation of the contract, with requests from its schemas, as anonymous, operator and sysadmin: no 5xx; each refusal in the error shape, in Chinese', async (t) => {
  const ctx = systemCtx(database, now);
  const sys = await makeUser(ctx, 'sysadmin');
  const applied = await server.request('POST', '/api/v1/applications', {
    body: personApplication(agency.creditCode, { description: '请公开模糊测试所需的抽检结果汇总' }),
    headers: { 'x-forwarded-for': '10.255.0.1' },
  });
  assert.equal(applied.status, 201, applied.text);
  const users: Record<Exclude<FuzzRole, 'anonymous'>, string> = {
    operator: agency.users.operator.username,
    sysadmin: sys.username,
  };
  const tokens: Record<FuzzRole, string> = {
    anonymous: '',
    operator: await server.apiToken(users.operator),
    sysadmin: await server.apiToken(users.sysadmin),
  };
  const known: Known = {
    uuids: await knownIds(database.pool, new Set([agency.users.operator.id, sys.id])),
    byKey: {
      agency: [agency.creditCode],
      creditCode: [agency.creditCode],
      tn: [applied.body.trackingNumber],
      number: [applied.body.trackingNumber],
      trackingNumber: [applied.body.trackingNumber],
      code: [applied.body.queryCode],
      region: ['620602'],
      regionCode: ['620602'],
    },
  };
  // A token the run itself revoked (a logout, say) is replaced, so every route is tried with a live one.
  const renew = async () => {
    for (const role of ['operator', 'sysadmin'] as const) {
      const me = await server.request('GET', '/api/v1/me', { token: tokens[role] });
      if (me.status === 401) tokens[role] = await server.apiToken(users[role]);
    }
  };
  // Each request from its own address: the rate limits (per address) must not hide what a route does.
  let n = 0;
  const send = (spec: RouteSpec, role: FuzzRole, req: FuzzRequest) => {
    n++;
    const headers = { ...req.headers, 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` };
    const token = tokens[role] || undefined;
    return within(15_000, server.request(spec.method, req.path, { token, headers, body: req.body }));
  };
  const started = Date.now();
  const { sent, statuses, problems, undocumented } = await fuzzRoutes(CONTRACT, known, send, renew);
  t.diagnostic(
    `${sent} requests over ${CONTRACT.length} operations in ${Date.now() - started} ms: ${JSON.stringify(statuses)}`,
  );
  assert.deepEqual(problems, []);
  // The generated values reach the handlers, not only the validation: a share of them succeed.
  const ok = Object.entries(statuses).reduce((sum, [s, c]) => sum + (Number(s) >= 200 && Number(s) < 300 ? c : 0), 0);
  assert.ok(ok > sent * 0.05, `only ${ok} of ${sent} requests succeeded`);
  // Every status answered is in the route's contract (a body too large, 413, or of the wrong type, 415, included).
  assert.deepEqual(undocumented, []);
});

// The contract fuzz's counterexample, kept as a fixed case: a draft naming a missing item was a foreign-key 500.
test('a draft naming an item that does not exist is refused on that field, not with a server error', async () => {
  const token = await server.apiToken(agency.users.operator.username);
  const missing = '0f8fad5b-d9cb-469f-a165-70867728950e';
  for (const [field, message] of [
    ['supersedesId', '所替代的信息不存在'],
    ['interpretsId', '所解读的文件不存在'],
  ] as const) {
    const r = await server.request('POST', '/api/v1/catalogue/items', {
      token,
      body: { title: '引用了不存在的信息', [field]: missing },
    });
    assert.equal(r.status, 400, r.text);
    assert.deepEqual(r.body.error.details, [{ path: field, message }]);
  }
});

test('application intake: 2,000 random and mutated bodies; every acknowledged one is stored once, nothing else', async () => {
  const ctx = { db: database.db, now, actor: null, secretKey: Buffer.alloc(32, 7) };
  const base = personApplication(agency.creditCode);
  const body = fc.oneof(
    fc.anything(),
    fc.record({ ...Object.fromEntries(Object.keys(base).map((k) => [k, fc.oneof(nasty, fc.anything())])) }),
    fc
      .tuple(fc.constantFrom(...Object.keys(base.applicant)), nasty)
      .map(([k, v]) => ({ ...base, applicant: { ...base.applicant, [k]: v } })),
    fc
      .tuple(fc.constantFrom('description', 'form', 'agency', 'delivery'), nasty)
      .map(([k, v]) => ({ ...base, [k]: v })),
  );
  const count = async () => Number((await database.pool.query('select count(*)::int n from applications')).rows[0].n);
  const start = await count();
  let accepted = 0;
  await fc.assert(
    fc.asyncProperty(body, async (b) => {
      try {
        await within(5000, submitApplication(ctx, b));
        accepted++;
      } catch (e) {
        if (!expected(e)) throw e;
      }
    }),
    { numRuns: 2000, seed: 11 },
  );
  assert.equal(await count(), start + accepted);
  const events = Number((await database.pool.query('select count(*)::int n from application_events')).rows[0].n);
  assert.equal(events, start + accepted, 'each stored application has exactly its registration event');
  // Over HTTP, JSON may carry a lone surrogate: refused in Chinese, nothing stored.
  const r = await server.request('POST', '/api/v1/applications', {
    body: JSON.stringify(base).replace('张三', '\\ud800'),
  });
  assert.equal(r.status, 400);
  assert.match(r.body.error.message, /无法识别的字符/);
  assert.equal(await count(), start + accepted);
});

test('search: 2,000 random queries over HTTP, each answered without error and in time', async () => {
  await fc.assert(
    fc.asyncProperty(nasty, fc.option(fc.integer({ min: -5, max: 1e9 })), async (q, page) => {
      const r = await within(
        5000,
        server.request(
          'GET',
          `/search?q=${encodeURIComponent(wellFormed(q))}${page === null ? '' : `&page=${page}&year=${page}`}`,
        ),
      );
      assert.ok(r.status < 500, `${r.status} for ${JSON.stringify(q)}`);
    }),
    { numRuns: 2000, seed: 12 },
  );
});

test('deadline calculator: 3,000 random cases give a date or a Chinese refusal', async () => {
  const cal = await loadCalendar(database.db, null);
  const date = fc.oneof(
    fc
      .date({ min: new Date('2018-01-01'), max: new Date('2031-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    nasty,
  );
  const event = fc.record({
    type: fc.constantFrom(
      'correction_requested',
      'correction_received',
      'consultation_started',
      'consultation_ended',
      'fee_notice_sent',
      'fee_paid',
      'extension_approved',
      'delayed_reply_set',
      'bogus',
    ),
    date,
    party: fc.constantFrom('third_party', 'agency', 'x'),
    workdays: fc.integer({ min: -5, max: 100 }),
    until: date,
  });
  await fc.assert(
    fc.property(
      fc.oneof(
        fc.anything(),
        fc.record({
          received: fc.record({ date, channel: fc.constantFrom('online', 'post', 'x') }),
          events: fc.array(event, { maxLength: 6 }),
        }),
      ),
      (input) => {
        try {
          computeDeadlines(input, cal);
        } catch (e) {
          if (!expected(e)) throw e;
        }
      },
    ),
    { numRuns: 3000, seed: 13 },
  );
});

test('report reading: 3,000 random texts and hostile files (binary, nested HTML, zip bombs as DOCX) end in time', async () => {
  await fc.assert(
    fc.property(fc.oneof(fc.string({ maxLength: 3000 }), fc.string({ unit: 'grapheme', maxLength: 2000 })), (t) => {
      parseReportText(t);
    }),
    { numRuns: 2500, seed: 14 },
  );
  const bomb = zipSync({ 'word/document.xml': new Uint8Array(120 * 1024 * 1024) }, { level: 9 });
  const hostile: [string, Uint8Array][] = [
    ['.docx', bomb],
    ['.html', Buffer.from(`${'<div>'.repeat(100_000)}二、主动公开政府信息情况${'</div>'.repeat(100_000)}`)],
    ['.html', Buffer.from('<table>'.repeat(20_000))],
    ['.txt', Buffer.from('一'.repeat(2_000_000))],
  ];
  const bytes = fc.tuple(fc.constantFrom('.docx', '.pdf', '.html', '.txt'), fc.uint8Array({ maxLength: 4096 }));
  for (const [ext, data] of [...hostile, ...fc.sample(bytes, { numRuns: 500, seed: 15 })]) {
    try {
      const text = await within(20_000, bytesToText(ext, data));
      await within(
        20_000,
        Promise.resolve().then(() => parseReportText(text.slice(0, 500_000))),
      );
    } catch (e) {
      if (!expected(e) && !(e instanceof Error && /文件|PDF|Invalid|invalid|unexpected|bad/i.test(e.message))) throw e;
      assert.doesNotMatch((e as Error).message, /no answer within/);
    }
  }
});
