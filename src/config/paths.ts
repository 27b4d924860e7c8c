import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The checkout's root (where package.json names `gongkai`), found from this module's own place: the same
 * whether the server runs from the TypeScript sources (src/config/) or from the built bundle (dist/server/).
 * Files the server reads beside its code — migrations, the built console, the embedded database's host — are
 * found from here.
 */
function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'gongkai') return dir;
    if (dirname(dir) === dir) throw new Error(`gongkai: package.json not found above ${from}`);
  }
}

export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));
