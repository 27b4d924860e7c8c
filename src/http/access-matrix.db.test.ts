import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { EXPECTED, ROUTES, type Rule, type Target } from '../../test/access/route-table.ts';
import { personApplication } from '../../test/helpers/applicants.ts';
import { type TestDatabase, testDatabase } from '../../test/helpers/db.ts';
import { fixedClock, makeAgency, makeUser, systemCtx, type TestAgency } from '../../test/helpers/factory.ts';
import { startTestServer, type TestServer } from '../../test/helpers/server.ts';
import { GRANTS } from '../domain/access/index.ts';

/**
 * 授权矩阵: every route × every role × own agency / another agency of the region / another region. The
 * expected answer comes from test/access/route-table.ts (routes → rule) and its independent role table.
 */
const ROLES = ['anonymous', 'operator', 'reviewer', 'approver', 'agency_admin', 'supervisor', 'sysadmin'] as const;
type RoleName = (typeof ROLES)[number];
/** Served files (the console's hashed assets, the API documentation's pages): public by nature. */
const STATIC = [/^\/console\/assets\//, /^\/api\/v1\/docs/];

let database: TestDatabase;
let server: TestServer;
const now = fixedClock(new Date('2026-03-02T02:00:00Z'));
const targets = {} as Record<'A' | 'B' | 'C', Target>;
const tokens = {} as Record<RoleName, string>;
const MARK = { A: '矩阵甲局', B: '矩阵乙局', C: '矩阵丙局' };

async function fixtures(key: 'A' | 'B' | 'C', a: TestAgency, region: string): Promise<Target> {
  const op = await server.apiToken(a.users.operator.username);
  const rev = await server.apiToken(a.users.reviewer.username);
  const ap = await server.apiToken(a.users.approver.username);
  const app = await server.request('POST', '/api/v1/applications', {
    body: personApplication(a.creditCode, { description: `请公开${MARK[key]}的抽检结果` }),
  });
  assert.equal(app.status, 201, app.text);
  const q = (text: string, params: unknown[]) => database.pool.query(text, params).then((r) => r.rows[0]);
  const caseRow = await q('select id from applications where tracking_number = $1', [app.body.trackingNumber]);
  const letter = await q('select id from letters where application_id = $1', [caseRow.id]);
  const appeal = await q(
    "insert into appeals (application_id, agency_id, kind, filed_date) values ($1, $2, 'reconsideration', '2026-03-01') returning id",
    [caseRow.id, a.id],
  );
  const mk = async (title: string) =>
    (
      await server.request('POST', '/api/v1/catalogue/items', {
        token: op,
        body: { title, bodyHtml: `<p>${title}</p>` },
      })
    ).body.id as string;
  const itemId = await mk(`${MARK[key]}已公开信息`);
  for (const [s, t, body] of [
    ['submit', op, {}],
    ['review', rev, { disclosure: 'proactive' }],
    ['approve', ap, {}],
  ] as const)
    assert.equal(
      (await server.request('POST', `/api/v1/catalogue/items/${itemId}/${s}`, { token: t, body })).status,
      200,
    );
  const draftId = await mk(`${MARK[key]}草稿信息`);
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  const attachment = await server.request('POST', `/api/v1/catalogue/items/${draftId}/attachments?filename=a.png`, {
    token: op,
    body: png,
    headers: { 'content-type': 'application/octet-stream' },
  });
  assert.equal(attachment.status, 201, attachment.text);
  const job = await q(
    "insert into import_jobs (agency_id, kind, state) values ($1, 'catalogue', 'done') returning id",
    [a.id],
  );
  const concern = await q(
    "insert into concerns (agency_id, source, topic, received_date) values ($1, 'hotline', $2, '2026-03-01') returning id",
    [a.id, `${MARK[key]}关切`],
  );
  const rating = await q(
    "insert into ratings (agency_id, target_type, target_id, score, comment) values ($1, 'item', $2, 3, '意见') returning id",
    [a.id, itemId],
  );
  return {
    key,
    agencyId: a.id,
    creditCode: a.creditCode,
    region,
    tn: app.body.trackingNumber,
    queryCode: app.body.queryCode,
    letterId: letter.id,
    appealId: appeal.id,
    itemId,
    draftId,
    attachmentId: attachment.body.id,
    jobId: job.id,
    concernId: concern.id,
    ratingId: rating.id,
  };
}

before(async () => {
  database = await testDatabase();
  const ctx = systemCtx(database, now);
  const a = await makeAgency(ctx, { name: `凉州区${MARK.A}` });
  const b = await makeAgency(ctx, { name: `凉州区${MARK.B}` });
  const c = await makeAgency(ctx, { name: `城关区${MARK.C}`, regionCode: '620102' });
  const sup = await makeUser(ctx, 'supervisor', '620602');
  const sys = await makeUser(ctx, 'sysadmin');
  server = await startTestServer(database, now);
  targets.A = await fixtures('A', a, '620602');
  targets.B = await fixtures('B', b, '620602');
  targets.C = await fixtures('C', c, '620102');
  tokens.anonymous = '';
  for (const r of ['operator', 'reviewer', 'approver', 'agency_admin'] as const)
    tokens[r] = await server.apiToken(a.users[r].username);
  tokens.supervisor = await server.apiToken(sup.username);
  tokens.sysadmin = await server.apiToken(sys.username);
});
after(async () => {
  await server.close();
  await database.close();
});

/** Whether the role may do what the rule asks on the target (A: own agency, B: same region, C: another region). */
function allowed(role: RoleName, rule: Rule, target: 'A' | 'B' | 'C'): boolean {
  if ('public' in rule) return true;
  if (role === 'anonymous') return false;
  if ('login' in rule) return true;
  if (!EXPECTED[role]!.split(' ').includes(rule.action)) return false;
  if (rule.on === 'list') return true;
  if (role === 'sysadmin') return true;
  if (rule.on === 'system') return false;
  if (role === 'supervisor') return target !== 'C';
  return rule.on === 'agency' && target === 'A';
}

/** Runs one route for every role and target; returns what differs from the table. */
async function check(key: string): Promise<string[]> {
  const spec = ROUTES[key]!;
  const [method] = key.split(' ');
  const problems: string[] = [];
  const run = async (role: RoleName, t: Target) => {
    const body = spec.body?.(t);
    try {
      return await server.request(method!, spec.path(t), {
        token: tokens[role] || undefined,
        ...(body !== undefined ? { body, headers: spec.contentType ? { 'content-type': spec.contentType } : {} } : {}),
      });
    } catch (e) {
      throw new Error(`${key} as ${role} on ${t.key}: ${(e as Error).message}`);
    }
  };
  const targetsFor = 'public' in spec.rule ? (['A'] as const) : (['A', 'B', 'C'] as const);
  const publicStatus = 'public' in spec.rule ? (await run('anonymous', targets.A)).status : 0;
  for (const t of targetsFor) {
    for (const role of ROLES) {
      const r = await run(role, targets[t]);
      const where = `${key} as ${role} on ${t}: ${r.status}`;
      if (r.status >= 500) problems.push(`${where} (server error)`);
      else if ('public' in spec.rule) {
        // The same answer for everyone (a rate limit may answer 429 to anyone).
        if (r.status !== publicStatus && r.status !== 429) problems.push(`${where}, anonymous got ${publicStatus}`);
      } else if (allowed(role, spec.rule, t)) {
        if ([401, 403, 404].includes(r.status)) problems.push(`${where}, expected access`);
        if ('login' in spec.rule || spec.rule.on === 'list') {
          // Scoped lists: nothing of agencies outside the caller's scope.
          const hidden = role === 'sysadmin' ? [] : role === 'supervisor' ? [MARK.C] : [MARK.B, MARK.C];
          for (const m of hidden) if (r.text.includes(m)) problems.push(`${where}, shows ${m}`);
        }
      } else if (!(method === 'GET' ? [401, 403, 404] : [400, 401, 403, 404]).includes(r.status))
        // A refused write may fail validation first (400); anything else (2xx, 409…) got past the policy.
        problems.push(`${where}, expected refusal`);
      else if (role === 'anonymous' && r.status !== 401) problems.push(`${where}, expected 401`);
    }
  }
  return problems;
}

test('every route of the server is in the matrix table', () => {
  const table = (server.app as unknown as { routeTable: { method: string; url: string }[] }).routeTable;
  const missing = table
    .map((r) => `${r.method} ${r.url}`)
    .filter((k) => !ROUTES[k] && !STATIC.some((p) => p.test(k.split(' ')[1]!)));
  assert.deepEqual(missing, []);
  const served = new Set(table.map((r) => `${r.method} ${r.url}`));
  assert.deepEqual(
    Object.keys(ROUTES).filter((k) => !served.has(k)),
    [],
    'no stale rows',
  );
});

test('every route answers every role as the table says, for own, neighbouring and foreign agencies', async () => {
  const problems: string[] = [];
  for (const key of Object.keys(ROUTES)) if (!ROUTES[key]!.skip) problems.push(...(await check(key)));
  assert.deepEqual(problems, []);
});

test('a deliberately broken policy line is caught by the matrix', async () => {
  const original = GRANTS.operator;
  // The mistake: operators may accept (审核) their own annual report.
  (GRANTS as Record<string, readonly string[]>).operator = [...original, 'report.supervise'];
  try {
    const problems = await check('POST /api/v1/reports/:agencyId/:year/:step');
    assert.ok(
      problems.some((p) => p.includes('as operator on A') && p.includes('expected refusal')),
      problems.join('\n'),
    );
  } finally {
    (GRANTS as Record<string, readonly string[]>).operator = original;
  }
});
