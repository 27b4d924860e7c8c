import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestDatabase, testDatabase } from '../../../test/helpers/db.ts';
import { fixedClock, makeAgency, makeUser, systemCtx, type TestAgency } from '../../../test/helpers/factory.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import { makeCheckpoint } from '../../jobs/audit-checkpoint.ts';

let database: TestDatabase;
let server: TestServer;
let agency: TestAgency;
let token: string;
const now = fixedClock();

before(async () => {
  database = await testDatabase();
  agency = await makeAgency(systemCtx(database, now), { name: '凉州区教育局' });
  const sys = await makeUser(systemCtx(database, now), 'sysadmin');
  server = await startTestServer(database, now);
  token = await server.apiToken(sys.username);
});
after(async () => {
  await server.close();
  await database.close();
});

test('GET /api/v1/audit/verify: every chain, against the newest checkpoint; a break names chain and seq in Chinese', async () => {
  const first = await server.request('GET', '/api/v1/audit/verify', { token });
  assert.equal(first.status, 200);
  assert.equal(first.body.ok, true);
  assert.ok(first.body.chains >= 2);
  assert.deepEqual(first.body.checkpoints, []);
  const cp = await makeCheckpoint(database.db, now());
  assert.ok(cp.ok);
  const checked = await server.request('GET', '/api/v1/audit/verify', { token });
  assert.deepEqual(
    checked.body.checkpoints.map((c: { valid: boolean; chains: number }) => [c.valid, c.chains]),
    [[true, cp.checkpoint.heads.length]],
  );
  await database.pool.query('alter table audit_events disable trigger audit_events_no_update');
  await database.pool.query(
    `update audit_events set after = '{"name":"篡改"}'::jsonb where chain = $1 and chain_seq = 1`,
    [agency.id],
  );
  const broken = await server.request('GET', '/api/v1/audit/verify', { token });
  assert.equal(broken.status, 200);
  assert.equal(broken.body.ok, false);
  assert.deepEqual(
    broken.body.breaks.map((b: { chain: string; seq: number; reason: string }) => [b.chain, b.seq, b.reason]),
    [[agency.id, 1, 'hash_mismatch']],
  );
  assert.equal(broken.body.firstBroken.message, `凉州区教育局（${agency.id}）的审计链第 1 条：内容被修改（哈希不符）`);
  // Agency administrators do not see the whole trail's state.
  const admin = await server.apiToken(agency.users.agency_admin.username);
  assert.equal((await server.request('GET', '/api/v1/audit/verify', { token: admin })).status, 404);
});
