import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';

/** Thrown when the embedded database cannot be opened because another live process holds it. */
export class DatabaseLockedError extends Error {}

/**
 * Who holds the embedded database, as its lock file (`pgdata.lock`, mode 0600) records it: two PGlite
 * instances on one directory corrupt it, so only the holder runs one. A server also records its PGlite
 * host's pid and, once it answers requests, the directory of the host's socket: CLI commands then connect
 * there instead of opening the database themselves (embedded.ts).
 */
export interface LockHolder {
  pid: number;
  role: 'server' | 'command';
  /** The PGlite host process (a child of `pid`). */
  host?: number;
  /** Set by a server once it serves: where its database answers (`.s.PGSQL.5432` in this directory). */
  socketDir?: string;
}

export interface Lock {
  /** Rewrites the record (atomically), keeping pid and role. */
  update(fields: Omit<LockHolder, 'pid' | 'role'>): void;
  release(): void;
}

/** The process exists (a zombie, dead but not yet reaped, does not count). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    // /proc/PID/stat: "pid (comm) S …"; comm may hold spaces and parentheses, the state follows the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc (not Linux): kill(pid, 0) is the answer
  }
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** The lock's record; null when there is none. A bare number is the lock of an older version (a pid). */
export function readLock(file: string): LockHolder | null | 'unreadable' {
  const text = readText(file);
  return text === null ? null : parseLock(text);
}

function parseLock(text: string): LockHolder | 'unreadable' {
  if (/^\s*\d+\s*$/.test(text)) return { pid: Number(text), role: 'command' };
  try {
    const v = JSON.parse(text) as Partial<LockHolder>;
    if (!Number.isSafeInteger(v.pid) || (v.role !== 'server' && v.role !== 'command')) return 'unreadable';
    return {
      pid: v.pid!,
      role: v.role,
      host: Number.isSafeInteger(v.host) ? v.host : undefined,
      socketDir: typeof v.socketDir === 'string' ? v.socketDir : undefined,
    };
  } catch {
    return 'unreadable';
  }
}

/** Writes `text` to `file` whole or not at all: a reader never sees a half-written record. */
function writeWhole(file: string, text: string, mode: 'create' | 'replace'): boolean {
  const tmp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}`;
  writeFileSync(tmp, text, { mode: 0o600, flag: 'wx' });
  try {
    if (mode === 'replace') {
      renameSync(tmp, file);
      return true;
    }
    linkSync(tmp, file); // fails with EEXIST if the lock exists: create-if-absent with the content in place
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      /* renamed away */
    }
  }
}

export type LockAttempt =
  | { lock: Lock; tookOverFrom?: number }
  /** A live process holds it; or its holder died and left its PGlite host still running (`orphanHost`). */
  | { heldBy: LockHolder; orphanHost?: boolean };

/**
 * Takes the lock for this process, or says who holds it. A lock left by a dead process (and its dead host) is
 * taken over; `tookOverFrom` names that process, for the caller to say so.
 */
export function tryLock(file: string, role: LockHolder['role']): LockAttempt {
  const me: LockHolder = { pid: process.pid, role };
  let tookOverFrom: number | undefined;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (writeWhole(file, JSON.stringify(me), 'create')) {
      let current = me;
      const ours = () => {
        const now = readLock(file);
        return now !== null && now !== 'unreadable' && now.pid === process.pid;
      };
      return {
        tookOverFrom,
        lock: {
          update(fields) {
            current = { ...current, ...fields, pid: me.pid, role: me.role };
            if (ours()) writeWhole(file, JSON.stringify(current), 'replace');
          },
          release() {
            try {
              if (ours()) unlinkSync(file);
            } catch {
              /* already gone */
            }
          },
        },
      };
    }
    const seen = readText(file);
    if (seen === null) continue; // released meanwhile
    const holder = parseLock(seen);
    if (holder !== 'unreadable') {
      if (holder.pid !== process.pid && alive(holder.pid)) return { heldBy: holder };
      if (holder.host !== undefined && alive(holder.host)) return { heldBy: holder, orphanHost: true };
      tookOverFrom = holder.pid;
    }
    // Another process may have taken the stale lock over meanwhile: remove only the record judged stale.
    if (readText(file) !== seen) continue;
    try {
      unlinkSync(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  throw new DatabaseLockedError('无法获取内置数据库锁 (could not lock the embedded database)');
}
