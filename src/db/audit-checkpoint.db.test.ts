import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type TestDatabase, testDatabase } from '../../test/helpers/db.ts';
import { fixedClock } from '../../test/helpers/factory.ts';
import { PLATFORM_CHAIN } from '../domain/audit/chain.ts';
import { signCheckpoint } from '../domain/audit/checkpoint.ts';
import { makeCheckpoint } from '../jobs/audit-checkpoint.ts';
import { appendAudit, verifyAudit } from './audit.ts';

let database: TestDatabase;
const now = fixedClock();
const a = randomUUID();
const b = randomUUID();
let dir: string;

before(async () => {
  database = await testDatabase();
  dir = join(database.dataDir, 'audit-checkpoints');
});
after(async () => database?.close());

const append = (agencyId: string | null, n: number) =>
  database.db.transaction().execute(async (trx) => {
    for (let i = 0; i < n; i++)
      await appendAudit(trx, { at: now(), actorId: null, actorName: 't', agencyId, action: 'test.event' });
  });

const breaks = async (opts: { checkpoint?: string } = {}) =>
  (await verifyAudit(database.db, opts)).breaks.map((x) => [x.chain, x.seq, x.reason]);

test('a checkpoint signs every chain’s head: a file of its own (0600), never overwritten, that verify uses', async () => {
  await append(a, 5);
  await append(b, 2);
  await append(null, 1);
  const first = await makeCheckpoint(database.db, now());
  assert.ok(first.ok);
  assert.equal(statSync(first.file).mode & 0o777, 0o600);
  assert.deepEqual(
    first.checkpoint.heads
      .filter((h) => h.chain !== PLATFORM_CHAIN)
      .map((h) => `${h.chain}:${h.seq}`)
      .sort(),
    [`${a}:5`, `${b}:2`].sort(),
  );
  const text = readFileSync(first.file, 'utf8');
  // The same instant again: a second file beside the first, the first unchanged.
  const second = await makeCheckpoint(database.db, now());
  assert.ok(second.ok);
  assert.notEqual(second.file, first.file);
  assert.equal(readFileSync(first.file, 'utf8'), text);
  assert.equal(readdirSync(dir).length, 2);
  const v = await verifyAudit(database.db);
  assert.equal(v.ok, true, JSON.stringify(v));
  assert.deepEqual(
    v.checkpoints.map((c) => [c.file, c.valid]),
    [[readdirSync(dir).sort().at(-1), true]],
  );
  // The checkpoint is itself an audit event of the platform chain.
  const ev = await database.pool.query("select entity_id from audit_events where action = 'audit.checkpoint'");
  assert.equal(ev.rows.length, 2);
});

test('the tail of a chain deleted and its head re-pointed: the head agrees, the checkpoint outside the database does not', async () => {
  const kept = join(database.dataDir, 'kept-copy.json');
  copyFileSync(join(dir, readdirSync(dir).sort().at(-1)!), kept); // the copy the administrator keeps elsewhere
  assert.deepEqual(await breaks(), []);
  // The insider deletes a's records 4 and 5 and points its head at record 3: chain and head agree again.
  await database.pool.query('alter table audit_events disable trigger audit_events_no_update');
  await database.pool.query('alter table audit_heads disable trigger audit_heads_forward');
  await database.pool.query('delete from audit_events where chain = $1 and chain_seq > 3', [a]);
  await database.pool.query(
    'update audit_heads set seq = 3, hash = (select hash from audit_events where chain = $1 and chain_seq = 3) where chain = $1',
    [a],
  );
  const v = await verifyAudit(database.db);
  assert.equal(v.ok, false);
  assert.deepEqual(await breaks(), [[a, 4, 'checkpoint_ahead']]);
  assert.match(v.breaks[0]!.message, new RegExp(`^机关（${a}）的审计链第 4 条：记录缺失，链比检查点 .+\\.json 短`));

  // They also delete the checkpoints in the data dir: the kept copy still catches it.
  rmSync(dir, { recursive: true });
  assert.deepEqual(await breaks(), [], 'with no checkpoint at all the truncation is invisible');
  assert.deepEqual(await breaks({ checkpoint: kept }), [[a, 4, 'checkpoint_ahead']]);
});

test('a forged checkpoint (signed without the checkpoint key) is refused, given or found in the data dir', async () => {
  const heads = [{ chain: a, seq: 3, hash: 'f'.repeat(64), legacy: 0 }];
  const sm3 = (s: string) => createHash('sm3').update(s).digest('hex');
  const forged = signCheckpoint(now().toISOString(), heads, sm3);
  const file = join(database.dataDir, 'forged.json');
  writeFileSync(file, JSON.stringify(forged));
  const given = await verifyAudit(database.db, { checkpoint: file });
  assert.equal(given.ok, false);
  assert.deepEqual(
    given.checkpoints.map((c) => [c.valid, c.message]),
    [[false, `检查点 ${file} 签名无效：不是本系统签发的，或签发后被改动（也可能是用另一个密钥签发的）`]],
  );
  assert.deepEqual(given.breaks, [], 'a refused checkpoint checks nothing');

  // Dropped into the data dir as the newest file: reported, and the last valid checkpoint still used.
  const good = await makeCheckpoint(database.db, now());
  assert.ok(good.ok);
  writeFileSync(join(dir, '9999-12-31T00-00-00.000Z.json'), JSON.stringify(forged));
  const found = await verifyAudit(database.db);
  assert.equal(found.ok, false);
  assert.deepEqual(
    found.checkpoints.map((c) => [c.file, c.valid]),
    [
      ['9999-12-31T00-00-00.000Z.json', false],
      [good.file.split('/').at(-1), true],
    ],
  );
  // A checkpoint edited by hand (a head moved back) is refused the same way.
  const edited = { ...good.checkpoint, heads: good.checkpoint.heads.map((h) => ({ ...h, seq: 1 })) };
  writeFileSync(file, JSON.stringify(edited));
  assert.equal((await verifyAudit(database.db, { checkpoint: file })).checkpoints.at(-1)?.valid, false);
  // While the data dir holds a refused checkpoint, no new one is signed.
  const refused = await makeCheckpoint(database.db, now());
  assert.equal(refused.ok, false);
});
