import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, test } from 'node:test';
import { personApplication } from '../../test/helpers/applicants.ts';
import { type TestDatabase, testDatabase } from '../../test/helpers/db.ts';
import { fixedClock, makeAgency, makeUser, systemCtx, type TestAgency } from '../../test/helpers/factory.ts';
import { startTestServer, type TestServer } from '../../test/helpers/server.ts';
import { verifyAudit } from '../db/audit.ts';
import { migrate } from '../db/migrate.ts';
import { makeCheckpoint } from '../jobs/audit-checkpoint.ts';
import { backup, RestoreError, restore } from './backup.ts';

let source: TestDatabase;
let target: TestDatabase;
let server: TestServer;
let agency: TestAgency;
const now = fixedClock(new Date('2026-03-02T02:00:00Z'));

before(async () => {
  source = await testDatabase();
  target = await testDatabase();
  agency = await makeAgency(systemCtx(source, now), { name: '凉州区市场监督管理局' });
  server = await startTestServer(source, now);
});
after(async () => {
  await server.close();
  await source.close();
  await target.close();
});

const dump = async (db: TestDatabase) => {
  const tables = (
    await db.pool.query(
      "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1",
    )
  ).rows.map((r) => r.table_name as string);
  const out: Record<string, string[]> = {};
  for (const t of tables)
    out[t] = (await db.pool.query(`select row_to_json(x)::text as j from "${t}" x`)).rows
      .map((r) => r.j as string)
      .sort();
  return out;
};

test('backup while running, restore into an empty database: every row, file and the audit chain come back', async () => {
  // Data of every kind: a case with its letter (a file), a published item with an attachment, audit events.
  const app = await server.request('POST', '/api/v1/applications', { body: personApplication(agency.creditCode) });
  assert.equal(app.status, 201);
  const op = await server.apiToken(agency.users.operator.username);
  const item = await server.request('POST', '/api/v1/catalogue/items', { token: op, body: { title: '备份测试信息' } });
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200, 32), Buffer.from('\n%%EOF\n')]);
  const att = await server.request('POST', `/api/v1/catalogue/items/${item.body.id}/attachments?filename=a.pdf`, {
    token: op,
    body: pdf as unknown as string,
    headers: { 'content-type': 'application/octet-stream' },
  });
  assert.equal(att.status, 201, att.text);
  const letters = await server.request('GET', `/api/v1/cases/${app.body.trackingNumber}`, { token: op });
  const letterId = letters.body.letters[0].id;
  assert.equal(
    (await server.request('GET', `/api/v1/cases/${app.body.trackingNumber}/letters/${letterId}/pdf`, { token: op }))
      .status,
    200,
  );

  // A signed checkpoint in the data dir: it travels with the backup and the restored chains still match it.
  const cp = await makeCheckpoint(source.db, now());
  assert.equal(cp.ok, true);

  // Through the running server, as a system administrator would (the same archive as `gongkai backup`).
  const sys = await makeUser(systemCtx(source, now), 'sysadmin');
  const token = await server.apiToken(sys.username);
  const r = await fetch(`${server.url}/api/v1/admin/backup`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-type'), 'application/zip');
  const archive = new Uint8Array(await r.arrayBuffer());
  const refused = await server.request('POST', '/api/v1/admin/backup', { token: op });
  assert.equal(refused.status, 404, 'only system administrators');

  const before = await dump(source);
  const dataDir = mkdtempSync(join(tmpdir(), 'gk-restore-'));
  await migrate(target.pool);
  const restored = await restore(target.db, dataDir, archive);
  assert.ok(restored.files >= 1, 'the attachment (letters are rendered on demand, never kept on disk)');
  const after = await dump(target);
  // The backup's own audit event (and the head it moved) came after the snapshot; migrations are the target's own.
  before.audit_events = before.audit_events!.filter((e) => !e.includes('"system.backup"'));
  for (const d of [before, after]) {
    delete d.audit_heads;
    delete d.schema_migrations;
  }
  assert.deepEqual(after, before);
  // Every chain's head is its last record, and the chains verify against the checkpoint restored with them.
  const heads = await target.pool.query(
    'select h.chain, h.seq, (select max(chain_seq) from audit_events e where e.chain = h.chain) as last from audit_heads h',
  );
  assert.ok(heads.rows.length >= 2, 'the platform chain and the agency’s chain');
  for (const h of heads.rows) assert.equal(h.seq, h.last ?? 0, h.chain);
  const restoredCp = join(dataDir, 'audit-checkpoints', basename(cp.ok ? cp.file : ''));
  const v = await verifyAudit(target.db, { checkpoint: restoredCp });
  assert.deepEqual([v.ok, v.breaks, v.checkpoints.map((c) => c.valid)], [true, [], [true]]);
  const srcDir = (source as { dataDir?: string }).dataDir ?? '/tmp';
  const attRow = (await target.pool.query('select id, item_id from catalogue_attachments')).rows[0];
  assert.deepEqual(
    readFileSync(join(dataDir, 'attachments', attRow.item_id, attRow.id)),
    readFileSync(join(srcDir, 'attachments', attRow.item_id, attRow.id)),
  );
  // A second restore into the now non-empty database is refused and changes nothing.
  await assert.rejects(
    restore(target.db, dataDir, archive),
    (e: unknown) => e instanceof RestoreError && /不是空的/.test(e.message),
  );
  await assert.rejects(restore(target.db, dataDir, new Uint8Array([1, 2, 3])), RestoreError);
  // New records continue the restored sequences.
  const seq = await target.pool.query('select max(seq)::int m from audit_events');
  assert.ok(seq.rows[0].m > 0);
});

test('the archive is a consistent snapshot even when taken from a running database', async () => {
  const { archive, rows } = await backup(source.db, '/nonexistent');
  assert.ok(rows > 0);
  assert.ok(archive.length > 100);
});
