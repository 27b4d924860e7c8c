import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';

/** Thrown when another live process holds the embedded database. */
export class DatabaseLockedError extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive lock file beside the embedded database so that only one process opens it
 * (two PGlite instances on one directory corrupt it). A lock left by a dead process is taken over.
 */
export function acquireLock(file: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(file, 'utf8') === String(process.pid)) unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isFinite(pid) && pid !== process.pid && alive(pid)) {
        throw new DatabaseLockedError(
          `内置数据库正被另一个进程（PID ${pid}）使用，请先停止该进程（如正在运行的服务器）再执行此命令。` +
            ` (The embedded database is in use by process ${pid}.)`,
        );
      }
      unlinkSync(file);
    }
  }
  throw new DatabaseLockedError('无法获取内置数据库锁 (could not lock the embedded database)');
}
