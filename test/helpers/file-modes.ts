import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { OWNER_ONLY_MASK } from '../../src/ops/file-modes.ts';

/** Entries under `root` (itself included) with any group/other permission bit: what a test finds wrong. */
export function groupOrOtherAccessible(root: string): string[] {
  const found: string[] = [];
  const stack = [root];
  while (stack.length) {
    const path = stack.pop()!;
    let st: ReturnType<typeof lstatSync>;
    try {
      st = lstatSync(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue; // a running database's temporary file
      throw err;
    }
    if (st.isSymbolicLink()) continue;
    if ((st.mode & OWNER_ONLY_MASK) !== 0) found.push(`${(st.mode & 0o7777).toString(8)} ${path}`);
    if (st.isDirectory()) for (const n of readdirSync(path)) stack.push(join(path, n));
  }
  return found;
}
