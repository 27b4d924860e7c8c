import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fixedClock } from '../../test/helpers/factory.ts';
import { appendAudit } from '../db/audit.ts';
import { openDatabase } from '../db/connect.ts';

/** `gongkai audit checkpoint` and `gongkai audit verify [--checkpoint FILE]` as an administrator runs them. */
const bin = join(import.meta.dirname, '../../bin/gongkai.js');
let dataDir: string;
const agency = randomUUID();

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, DATABASE_URL: '', GONGKAI_DATA_DIR: dataDir, GONGKAI_SECRET_KEY: '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The embedded database of the data dir, opened with the key the CLI generated there. */
async function withDb<T>(fn: (d: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>) {
  const secretKey = Buffer.from(readFileSync(join(dataDir, 'secret.key'), 'utf8').trim(), 'hex');
  const d = await openDatabase({ dataDir, databaseUrl: undefined, secretKey });
  try {
    return await fn(d);
  } finally {
    await d.close();
  }
}

before(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'gongkai-cli-audit-'));
});
after(() => rmSync(dataDir, { recursive: true, force: true }));

test('audit checkpoint, then verify against it; a truncated chain fails against the kept copy, naming chain and seq', async () => {
  assert.equal(cli(['db', 'migrate']).code, 0);
  const now = fixedClock();
  await withDb((d) =>
    d.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 5; i++)
        await appendAudit(trx, { at: now(), actorId: null, actorName: 't', agencyId: agency, action: 'test.event' });
    }),
  );
  const cp = cli(['audit', 'checkpoint']);
  assert.equal(cp.code, 0, cp.stderr + cp.stdout);
  assert.match(cp.stdout, /已写入审计检查点：.*audit-checkpoints\/.+\.json（2 条审计链）/);
  const dir = join(dataDir, 'audit-checkpoints');
  const file = join(dir, readdirSync(dir)[0]!);
  assert.equal(statSync(file).mode & 0o777, 0o600);
  const kept = join(dataDir, 'kept.json');
  copyFileSync(file, kept);

  const ok = cli(['audit', 'verify']);
  assert.equal(ok.code, 0, ok.stderr + ok.stdout);
  assert.match(ok.stdout, /审计日志完整：共 \d+ 条、2 条审计链，哈希链（HMAC-SM3）校验通过/);
  assert.match(ok.stdout, /与检查点 .+\.json（.+，2 条链）核对一致/);

  // The insider: records 4 and 5 deleted, the head pointed at 3, the data dir's checkpoints removed.
  await withDb(async (d) => {
    await d.pool.query('alter table audit_events disable trigger audit_events_no_update');
    await d.pool.query('alter table audit_heads disable trigger audit_heads_forward');
    await d.pool.query('delete from audit_events where chain = $1 and chain_seq > 3', [agency]);
    await d.pool.query(
      'update audit_heads set seq = 3, hash = (select hash from audit_events where chain = $1 and chain_seq = 3) where chain = $1',
      [agency],
    );
  });
  rmSync(dir, { recursive: true });
  const bad = cli(['audit', 'verify', '--checkpoint', kept]);
  assert.equal(bad.code, 1, bad.stderr + bad.stdout);
  assert.match(bad.stdout, new RegExp(`机关（${agency}）的审计链第 4 条：记录缺失，链比检查点 ${kept} 短`));

  // A forged copy is refused; a missing file is a usage error.
  const forged = JSON.parse(readFileSync(kept, 'utf8'));
  forged.heads = forged.heads.map((h: { seq: number }) => ({ ...h, seq: 3 }));
  writeFileSync(join(dataDir, 'forged.json'), JSON.stringify(forged));
  const refused = cli(['audit', 'verify', '--checkpoint', join(dataDir, 'forged.json')]);
  assert.equal(refused.code, 1);
  assert.match(refused.stdout, /检查点被拒绝（1 个，审计日志校验不能算通过）：\n {2}- 检查点 .*forged\.json 签名无效/);
  assert.equal(cli(['audit', 'verify', '--checkpoint', join(dataDir, 'nope.json')]).code, 2);
});
