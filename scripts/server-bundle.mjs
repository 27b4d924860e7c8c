#!/usr/bin/env node
// The server as one built file (dist/server/gongkai.mjs, esbuild; packages stay in node_modules): less memory
// and a faster start than compiling the TypeScript sources at run time. Built by `npm install` (prepare) and
// `npm start` when missing or older than any source file; bin/gongkai.js runs it only while it is fresh, else
// the sources through tsx — a changed checkout never runs stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const SERVER_BUNDLE = join(root, 'dist/server/gongkai.mjs');

/** The newest modification time of any file under `dir`. */
export function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

/** The bundle exists and no source file is newer. */
export function bundleIsFresh(out = SERVER_BUNDLE) {
  return existsSync(out) && statSync(out).mtimeMs >= newest(join(root, 'src'));
}

export async function buildServer(out = SERVER_BUNDLE) {
  const { build } = await import('esbuild');
  await build({
    stdin: {
      contents: "import { main } from './src/cli/main.ts';\nprocess.exit(await main(process.argv.slice(2)));\n",
      resolveDir: root,
      sourcefile: 'gongkai-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    keepNames: true,
    outfile: out,
    logLevel: 'warning',
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const outArg = process.argv.indexOf('--out');
  const out = outArg > 0 ? process.argv[outArg + 1] : SERVER_BUNDLE;
  if (process.argv.includes('--force') || !bundleIsFresh(out)) {
    process.stdout.write('构建服务端 (building the server)…\n');
    await buildServer(out);
    process.stdout.write(`服务端已构建：${out}\n`);
  }
}
