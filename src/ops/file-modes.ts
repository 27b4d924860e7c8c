import { chmodSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The data dir holds the database, the secret key, attachments and letters: personal data (个人信息保护法第五十一条:
 * 采取相应的加密、去标识化等安全技术措施) that no other account on the machine may read or change. Everything under
 * it is the owner's only: directories 0700, files 0600. New files get these modes from the process umask (set in
 * main.ts, and in the database host) and explicit modes where they are written; this walk fixes a tree written by
 * an older version, once at each start.
 */
export const OWNER_ONLY_MASK = 0o077;

export interface ModeFix {
  /** Entries whose group/other bits were removed. */
  fixed: number;
  /** Entries looked at. */
  seen: number;
  /** The walk stopped at `limit` entries (the rest is fixed at the next start). */
  truncated: boolean;
}

/**
 * Removes group and other permission bits from `root` and everything beneath it. Bounded: at most `limit`
 * entries; symbolic links beneath the root neither followed nor changed (the root itself may be one); entries
 * that vanish meanwhile skipped.
 */
export function ownerOnly(root: string, limit = 1_000_000): ModeFix {
  const result: ModeFix = { fixed: 0, seen: 0, truncated: false };
  const stack = [root];
  while (stack.length) {
    const path = stack.pop()!;
    if (result.seen >= limit) {
      result.truncated = true;
      break;
    }
    let st: ReturnType<typeof lstatSync>;
    try {
      st = path === root ? statSync(path) : lstatSync(path);
    } catch {
      continue; // removed meanwhile (the database rotates its files)
    }
    result.seen++;
    if (st.isSymbolicLink()) continue;
    if ((st.mode & OWNER_ONLY_MASK) !== 0) {
      try {
        chmodSync(path, st.mode & 0o7700);
        result.fixed++;
      } catch {
        /* removed meanwhile, or not ours to change: the next start tries again */
      }
    }
    if (st.isDirectory()) {
      let names: string[];
      try {
        names = readdirSync(path);
      } catch {
        continue;
      }
      for (const n of names) stack.push(join(path, n));
    }
  }
  return result;
}
