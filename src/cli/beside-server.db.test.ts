import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { unzipSync } from 'fflate';
import { dataDirSecretKey } from '../../test/helpers/db.ts';
import { groupOrOtherAccessible } from '../../test/helpers/file-modes.ts';
import { startServerProcess, stopServerProcess } from '../../test/helpers/process.ts';
import { openDatabase } from '../db/connect.ts';

/**
 * One machine, one embedded database: while `gongkai serve` runs, CLI commands on the same data dir use the
 * server's database (through its socket, recorded in the lock file) instead of refusing, and the server keeps
 * answering; `restore` and a second `serve` are refused; a lock left by a dead process is taken over. Always on
 * the embedded database (DATABASE_URL is cleared): that is what is tested.
 */
const bin = join(import.meta.dirname, '../../bin/gongkai.js');
const root = mkdtempSync(join(tmpdir(), 'gongkai-beside-'));
const dataDir = join(root, 'data'); // created by the first command, under its umask
after(() => rmSync(root, { recursive: true, force: true }));
const env = { DATABASE_URL: '', GONGKAI_DATA_DIR: dataDir, GONGKAI_DEMO_PASSWORD: 'Demo-Pass-2026' };

function cli(args: string[], extra: Record<string, string> = {}) {
  const child = spawn(process.execPath, [bin, ...args], {
    env: { ...process.env, ...env, ...extra },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
}

test('a lock left by a dead process is taken over, with a message', async () => {
  const gone = spawnSync(process.execPath, ['-e', '']).pid!;
  const first = await cli(['db', 'migrate']); // creates the data dir and the database
  assert.equal(first.code, 0, first.stderr);
  assert.deepEqual(groupOrOtherAccessible(dataDir), [], 'the CLI creates the data dir owner-only (its umask)');
  writeFileSync(join(dataDir, 'pgdata.lock'), String(gone)); // an older version's lock: the bare pid
  const r = await cli(['db', 'migrate']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, new RegExp(`已接管上次未正常退出的进程（PID ${gone}，已不存在）留下的内置数据库锁`));
  assert.equal(existsSync(join(dataDir, 'pgdata.lock')), false, 'released at the end');
});

test('while another command holds the embedded database, a command stops with a clear message', async () => {
  const held = await openDatabase({ dataDir, databaseUrl: undefined, secretKey: dataDirSecretKey(dataDir) });
  try {
    const r = await cli(['audit', 'verify']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, new RegExp(`内置数据库正被另一个命令（进程 ${process.pid}）使用：请等它结束后再试`));
  } finally {
    await held.close();
  }
});

test('beside the running server: report, audit, backup and calendar work, the server keeps answering', {
  timeout: 400_000,
}, async () => {
  const port = 4500 + Math.floor(Math.random() * 100);
  const server = await startServerProcess(env, port);
  const health = { ok: 0, failed: [] as string[] };
  let polling = true;
  const poll = (async () => {
    while (polling) {
      try {
        const r = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (r.status === 200) health.ok++;
        else health.failed.push(`${r.status} ${await r.text()}`);
      } catch (err) {
        health.failed.push((err as Error).message);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  try {
    // The lock names the server and its socket, owner-only; the data dir is owner-only throughout.
    const lock = JSON.parse(readFileSync(join(dataDir, 'pgdata.lock'), 'utf8'));
    assert.equal(lock.pid, server.pid);
    assert.equal(lock.role, 'server');
    assert.ok(existsSync(join(lock.socketDir, '.s.PGSQL.5432')));
    assert.equal(statSync(join(dataDir, 'pgdata.lock')).mode & 0o777, 0o600);
    assert.deepEqual(groupOrOtherAccessible(dataDir), []);

    // Three commands at once, beside the server and each other.
    const file = join(root, 'backup.zip');
    const [report, audit, saved] = await Promise.all([
      cli(['report', 'generate', '--agency', '11620602MB161547XN', '--year', '2024', '--format', 'json']),
      cli(['audit', 'verify']),
      cli(['backup', file]),
    ]);
    assert.equal(report.code, 0, report.stderr);
    const json = JSON.parse(report.stdout);
    assert.equal(json.agency, '凉州区市场监督管理局');
    assert.deepEqual(json.checks, { R1: [], R2: [], R3: [], R4: [], M: [] });
    assert.equal(audit.code, 0, audit.stderr);
    assert.match(audit.stdout, /校验通过/);
    assert.equal(saved.code, 0, saved.stderr);
    assert.match(saved.stdout, /已备份：\d+ 行数据/);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const archive = unzipSync(readFileSync(file));
    const agencies = JSON.parse(Buffer.from(archive['tables/agencies.json']!).toString()) as unknown[];
    assert.ok(agencies.length >= 5, 'the demo agencies are in the snapshot');

    // The calendar as entered in this database: `deadline --agency` has no fallback without it.
    const caseFile = join(root, 'case.json');
    writeFileSync(caseFile, JSON.stringify({ received: { date: '2025-09-26', channel: 'online' }, events: [] }));
    const [calendar, deadline] = await Promise.all([
      cli(['calendar', 'show', '2025']),
      cli(['deadline', caseFile, '--agency', '11620602MB161547XN']),
    ]);
    assert.equal(calendar.code, 0, calendar.stderr);
    assert.match(calendar.stdout, /2025年工作日历/);
    assert.equal(deadline.code, 0, deadline.stderr);
    // 第三十三条: 20 working days after 2025-09-26: 10-01…10-08 off, Sunday 09-28 and Saturday 10-11 worked.
    assert.equal(JSON.parse(deadline.stdout).replyDue, '2025-10-30');

    const restore = await cli(['restore', file]);
    assert.equal(restore.code, 1);
    assert.match(restore.stderr, new RegExp(`服务正在运行（进程 ${server.pid}）：请先停止服务再恢复`));
    const second = await cli(['serve'], { PORT: String(port + 100) });
    assert.equal(second.code, 1);
    assert.match(second.stderr, new RegExp(`服务已在运行（进程 ${server.pid}）`));

    const last = await fetch(`http://127.0.0.1:${port}/healthz`);
    assert.equal(last.status, 200);
    assert.equal(((await last.json()) as { database: { status: string } }).database.status, 'ok');
  } finally {
    polling = false;
    await poll;
    await stopServerProcess(server);
  }
  assert.deepEqual(health.failed, []);
  assert.ok(health.ok >= 10, `the server answered while the commands ran (${health.ok} times)`);
  assert.equal(existsSync(join(dataDir, 'pgdata.lock')), false, 'the server released the database');
  const alone = await cli(['audit', 'verify']);
  assert.equal(alone.code, 0, alone.stderr);
});
