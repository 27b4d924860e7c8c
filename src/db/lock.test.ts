import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { alive, readLock, tryLock } from './lock.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-lock-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const gonePid = () => spawnSync(process.execPath, ['-e', '']).pid!;

test('a lock is created whole (mode 0600), updated keeping who holds it, and released only by its holder', () => {
  const file = join(dir, 'a.lock');
  const got = tryLock(file, 'server');
  assert.ok('lock' in got);
  assert.equal(statSync(file).mode & 0o777, 0o600);
  assert.deepEqual(readLock(file), { pid: process.pid, role: 'server', host: undefined, socketDir: undefined });
  got.lock.update({ host: 42 });
  got.lock.update({ socketDir: '/s' });
  assert.deepEqual(readLock(file), { pid: process.pid, role: 'server', host: 42, socketDir: '/s' });
  got.lock.update({ socketDir: undefined });
  assert.deepEqual(readLock(file), { pid: process.pid, role: 'server', host: 42, socketDir: undefined });
  assert.deepEqual(readdirSync(dir), ['a.lock'], 'no temporary file left');
  // Someone else's record (a takeover after this process was judged dead) is not ours to remove.
  writeFileSync(file, JSON.stringify({ pid: process.ppid, role: 'command' }));
  got.lock.release();
  assert.equal(existsSync(file), true);
  rmSync(file);
});

test('a live holder is reported; a dead one (an older version wrote a bare pid) is taken over', () => {
  const file = join(dir, 'b.lock');
  writeFileSync(file, JSON.stringify({ pid: process.ppid, role: 'server', socketDir: '/x' }));
  assert.deepEqual(tryLock(file, 'command'), {
    heldBy: { pid: process.ppid, role: 'server', host: undefined, socketDir: '/x' },
  });
  const gone = gonePid();
  assert.equal(alive(gone), false);
  writeFileSync(file, String(gone));
  const got = tryLock(file, 'command');
  assert.ok('lock' in got);
  assert.equal(got.tookOverFrom, gone);
  got.lock.release();
  assert.equal(existsSync(file), false);
});

test('a dead holder whose database process still runs is not taken over (its files are still open)', () => {
  const file = join(dir, 'c.lock');
  const gone = gonePid();
  writeFileSync(file, JSON.stringify({ pid: gone, role: 'server', host: process.ppid }));
  const got = tryLock(file, 'command');
  assert.ok('heldBy' in got && got.orphanHost === true);
  writeFileSync(file, JSON.stringify({ pid: gone, role: 'server', host: gonePid() }));
  assert.ok('lock' in tryLock(file, 'command'));
});
