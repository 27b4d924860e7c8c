import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PROJECT_ROOT } from '../config/paths.ts';
import { DatabaseLockedError, type Lock, tryLock } from './lock.ts';

export interface EmbeddedServer {
  /** Directory holding the socket; `pg` connects with host = this dir and port 5432. */
  socketDir: string;
  /** Set when this process uses the database of a running server (this pid) instead of running its own. */
  besideServer?: number;
  /** Called by a server once it answers requests: from then on CLI commands connect to its database. */
  share(): void;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** `serve` runs the database and shares it; a command runs it, or uses the running server's. */
  role: 'server' | 'command';
  /** A command that must not run beside a running server: the action its refusal names (e.g. 恢复). */
  alone?: string;
  /** Tells the operator what happened (a stale lock taken over, waiting for a starting server). */
  notice?: (message: string) => void;
  /** How long a command waits for a starting server to serve, or a dead holder's database to exit. */
  waitMs?: number;
}

const hostScript = join(PROJECT_ROOT, 'src/db/pglite-host.ts');
const SOCKET = '.s.PGSQL.5432';

/**
 * Opens the embedded PGlite database of `dataDir`: in a child process behind a Unix socket, or — for a command
 * while `gongkai serve` runs on this data dir — the server's own, through its socket (two PGlite instances on
 * one directory would corrupt it; one instance shared is safe, see session-queue.ts).
 */
export async function startEmbedded(dataDir: string, opts: EmbeddedOptions): Promise<EmbeddedServer> {
  const notice = opts.notice ?? ((m: string) => process.stderr.write(`${m}\n`));
  const until = Date.now() + (opts.waitMs ?? 120_000);
  let waiting = false;
  for (;;) {
    const got = tryLock(join(dataDir, 'pgdata.lock'), opts.role);
    if ('lock' in got) {
      if (got.tookOverFrom !== undefined)
        notice(
          `已接管上次未正常退出的进程（PID ${got.tookOverFrom}，已不存在）留下的内置数据库锁。` +
            ` (Took over the lock left by process ${got.tookOverFrom}, which is gone.)`,
        );
      return run(dataDir, got.lock);
    }
    const h = got.heldBy;
    if (got.orphanHost) {
      // Its holder died; its database process is closing the files. Never open them before it has gone.
      if (Date.now() > until)
        throw new DatabaseLockedError(
          `上次的内置数据库进程（PID ${h.host}）仍未退出：请等待它退出后重试。 (The database process ${h.host} is still running.)`,
        );
    } else if (opts.role === 'server') {
      throw new DatabaseLockedError(
        h.role === 'server'
          ? `服务已在运行（进程 ${h.pid}）：同一数据目录不能启动两个服务。 (The server is already running as process ${h.pid}.)`
          : `内置数据库正被命令（进程 ${h.pid}）使用：请等它结束后再启动服务。 (The embedded database is in use by process ${h.pid}.)`,
      );
    } else if (h.role === 'command') {
      throw new DatabaseLockedError(
        `内置数据库正被另一个命令（进程 ${h.pid}）使用：请等它结束后再试。 (The embedded database is in use by process ${h.pid}.)`,
      );
    } else if (opts.alone) {
      throw new DatabaseLockedError(
        `服务正在运行（进程 ${h.pid}）：请先停止服务再${opts.alone}。 (The server is running as process ${h.pid}: stop it first.)`,
      );
    } else if (h.socketDir) {
      return { socketDir: h.socketDir, besideServer: h.pid, share() {}, async stop() {} };
    } else {
      // A server that is starting (migrations, the demo) does not share its database yet.
      if (Date.now() > until)
        throw new DatabaseLockedError(
          `服务（进程 ${h.pid}）仍在启动，内置数据库尚不可用：请稍后再试。 (The server ${h.pid} is still starting.)`,
        );
      if (!waiting) notice(`服务正在启动（进程 ${h.pid}），等待其就绪… (waiting for the server to start)`);
      waiting = true;
    }
    await sleep(250);
  }
}

/** The socket lives in the data dir (0700) when its path fits a Unix socket's limit, else in a private temp dir. */
function socketDirFor(dataDir: string): string {
  const inData = join(dataDir, 'pgsocket');
  if (Buffer.byteLength(join(inData, SOCKET)) > 100) return mkdtempSync(join(tmpdir(), 'gongkai-pg-'));
  rmSync(inData, { recursive: true, force: true }); // a crash's leftover: the lock is ours
  mkdirSync(inData, { mode: 0o700 });
  return inData;
}

async function run(dataDir: string, lock: Lock): Promise<EmbeddedServer> {
  const dbDir = join(dataDir, 'pgdata');
  let socketDir: string | undefined;
  const cleanup = () => {
    lock.release();
    if (socketDir) rmSync(socketDir, { recursive: true, force: true });
  };
  let child: ReturnType<typeof fork>;
  try {
    mkdirSync(dbDir, { recursive: true, mode: 0o700 });
    socketDir = socketDirFor(dataDir);
    child = fork(hostScript, [dbDir, join(socketDir, SOCKET)], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    if (child.pid !== undefined) lock.update({ host: child.pid });
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`内置数据库进程启动失败 (embedded database exited with ${code})`)));
      child.once('error', reject);
    });
  } catch (err) {
    cleanup();
    throw err;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const dir = socketDir;
  return {
    socketDir: dir,
    share() {
      lock.update({ host: child.pid, socketDir: dir });
    },
    async stop() {
      lock.update({ host: child.pid, socketDir: undefined }); // no new command connects while it stops
      if (child.exitCode === null && child.signalCode === null) {
        child.send('stop');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      cleanup();
    },
  };
}
