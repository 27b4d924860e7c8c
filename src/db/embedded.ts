import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../config/paths.ts';
import { acquireLock } from './lock.ts';

export interface EmbeddedServer {
  /** Directory holding the socket; `pg` connects with host = this dir and port 5432. */
  socketDir: string;
  stop(): Promise<void>;
}

const hostScript = join(PROJECT_ROOT, 'src/db/pglite-host.ts');

/** Starts the embedded PGlite database of `dataDir` in a child process, behind a Unix socket. */
export async function startEmbedded(dataDir: string): Promise<EmbeddedServer> {
  const dbDir = join(dataDir, 'pgdata');
  mkdirSync(dbDir, { recursive: true, mode: 0o700 });
  const release = acquireLock(join(dataDir, 'pgdata.lock'));
  const socketDir = mkdtempSync(join(tmpdir(), 'gongkai-pg-'));
  const child = fork(hostScript, [dbDir, join(socketDir, '.s.PGSQL.5432')], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const cleanup = () => {
    release();
    rmSync(socketDir, { recursive: true, force: true });
  };
  try {
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
  return {
    socketDir,
    async stop() {
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
