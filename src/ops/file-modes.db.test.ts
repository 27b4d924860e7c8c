import assert from 'node:assert/strict';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { dataDirSecretKey } from '../../test/helpers/db.ts';
import { groupOrOtherAccessible } from '../../test/helpers/file-modes.ts';
import { startServerProcess, stopServerProcess } from '../../test/helpers/process.ts';
import { startTestServer } from '../../test/helpers/server.ts';
import { openDatabase } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { backup, restore } from './backup.ts';
import { ownerOnly } from './file-modes.ts';

/**
 * SECURITY.md: everything under the data dir is its owner's only (directories 0700, files 0600): the embedded
 * database, the secret key, attachments, restored files. Runs on the embedded database whatever DATABASE_URL
 * says (its files are what is checked). The test process keeps the usual umask 022, so what is checked in
 * process is the code's own modes, not the CLI's umask.
 */
const PASSWORD = 'Demo-Pass-2026';
const dirs: string[] = [];
const tempDir = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
};
let umask: number;
before(() => {
  umask = process.umask(0o022);
});
after(() => {
  process.umask(umask);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const pdf = (n: number) =>
  Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200 + n, 32), Buffer.from('\n%%EOF\n')]);

/** Every directory 0755 and file 0666 (0644 for attachments): a data dir as an older version left it. */
function makeOld(root: string) {
  for (const e of readdirSync(root, { recursive: true }).map((n) => join(root, String(n)))) {
    const st = lstatSync(e);
    if (!st.isSymbolicLink()) chmodSync(e, st.isDirectory() ? 0o755 : 0o666);
  }
  chmodSync(root, 0o755);
  mkdirSync(join(root, 'attachments/old-item'), { recursive: true, mode: 0o755 });
  writeFileSync(join(root, 'attachments/old-item/old-file'), pdf(0), { mode: 0o644 });
}

test('the walk at start removes group/other bits, leaves links alone and stops at its bound', () => {
  const root = tempDir('gongkai-modes-');
  mkdirSync(join(root, 'a/b'), { recursive: true, mode: 0o755 });
  writeFileSync(join(root, 'a/b/f'), 'x', { mode: 0o644 });
  writeFileSync(join(root, 'g'), 'x', { mode: 0o600 });
  const outside = join(tempDir('gongkai-outside-'), 'o');
  writeFileSync(outside, 'x', { mode: 0o644 });
  symlinkSync(outside, join(root, 'link'));
  chmodSync(root, 0o755);
  const bounded = ownerOnly(root, 3);
  assert.deepEqual([bounded.seen, bounded.truncated], [3, true]);
  assert.equal(statSync(root).mode & 0o777, 0o700, 'the root first');
  const r = ownerOnly(root);
  assert.equal(r.truncated, false);
  assert.equal(r.seen, 6); // root, a, a/b, a/b/f, g, link
  assert.deepEqual(groupOrOtherAccessible(root), []);
  assert.equal(statSync(outside).mode & 0o777, 0o644, 'a link is not followed');
  assert.equal(ownerOnly(root).fixed, 0, 'nothing left to fix');
});

test('after a start over an older data dir, with uploads, and after a restore, nothing is open to group or others', {
  timeout: 300_000,
}, async () => {
  // The database an older version created (the database host's own modes are checked on the way).
  const dataDir = tempDir('gongkai-modes-data-');
  const seed = await openDatabase({ dataDir, databaseUrl: undefined, secretKey: dataDirSecretKey(dataDir) });
  await migrate(seed.pool);
  await seed.close();
  assert.deepEqual(groupOrOtherAccessible(join(dataDir, 'pgdata')), [], 'a new database is owner-only');
  makeOld(dataDir);
  assert.ok(groupOrOtherAccessible(dataDir).length > 100);

  // The real server fixes the tree at start and writes owner-only from then on.
  const port = 4600 + Math.floor(Math.random() * 100);
  const url = `http://127.0.0.1:${port}`;
  const child = await startServerProcess(
    { DATABASE_URL: '', GONGKAI_DATA_DIR: dataDir, GONGKAI_DEMO_PASSWORD: PASSWORD },
    port,
  );
  try {
    assert.deepEqual(groupOrOtherAccessible(dataDir), [], 'after start');
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'demo-operator', password: PASSWORD }),
    });
    assert.equal(login.status, 200);
    const auth = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
    const item = await fetch(`${url}/api/v1/catalogue/items`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ title: '文件权限测试信息' }),
    });
    assert.equal(item.status, 201);
    const { id } = (await item.json()) as { id: string };
    const att = await fetch(`${url}/api/v1/catalogue/items/${id}/attachments?filename=a.pdf`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/octet-stream' },
      body: pdf(1),
    });
    assert.equal(att.status, 201, await att.text());
    assert.equal(readdirSync(join(dataDir, 'attachments', id)).length, 1);
    assert.deepEqual(groupOrOtherAccessible(dataDir), [], 'after an upload to the server');
  } finally {
    await stopServerProcess(child);
  }

  // An upload in a process with the usual umask (this one) is owner-only by its own modes; then a backup.
  const database = await openDatabase({ dataDir, databaseUrl: undefined, secretKey: dataDirSecretKey(dataDir) });
  let archive: Uint8Array;
  try {
    const server = await startTestServer({ ...database, dataDir } as typeof database, () => new Date());
    try {
      const token = await server.login('demo-operator', PASSWORD);
      const item = await server.request('POST', '/api/v1/catalogue/items', { token, body: { title: '另一条' } });
      const att = await server.request('POST', `/api/v1/catalogue/items/${item.body.id}/attachments?filename=b.pdf`, {
        token,
        body: pdf(2) as unknown as string,
        headers: { 'content-type': 'application/octet-stream' },
      });
      assert.equal(att.status, 201, att.text);
      assert.deepEqual(groupOrOtherAccessible(dataDir), [], 'after an upload in a umask-022 process');
    } finally {
      await server.close();
    }
    archive = (await backup(database.db, dataDir)).archive;
  } finally {
    await database.close();
  }

  // A restore into a new data dir an operator made (0755), in this umask-022 process.
  const fresh = tempDir('gongkai-modes-restore-');
  chmodSync(fresh, 0o755);
  const target = await openDatabase({ dataDir: fresh, databaseUrl: undefined, secretKey: dataDirSecretKey(fresh) });
  try {
    await migrate(target.pool);
    const r = await restore(target.db, fresh, archive);
    assert.ok(r.files >= 4, 'three attachments and the secret key');
  } finally {
    await target.close();
  }
  assert.ok(existsSync(join(fresh, 'secret.key')));
  assert.deepEqual(groupOrOtherAccessible(fresh), [], 'after a restore');
});
