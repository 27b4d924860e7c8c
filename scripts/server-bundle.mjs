#!/usr/bin/env node
// The server as one built file (dist/server/gongkai.mjs, esbuild; packages stay in node_modules): less memory
// and a faster start than compiling the TypeScript sources at run time. Built by `npm install` (prepare) and
// `npm start` when missing or older than any source file; bin/gongkai.js runs it only while it is fresh, else
// the sources through tsx — a changed checkout never runs stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const SERVER_BUNDLE = join(root, 'dist/server/gongkai.mjs');

/** The worker threads' code (src/workers/entry.ts) beside a server bundle: built with it, shipped with it. */
export const workerBundle = (out = SERVER_BUNDLE) => join(dirname(out), 'gongkai-worker.mjs');

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

/** The bundle and its worker exist and no source file is newer. */
export function bundleIsFresh(out = SERVER_BUNDLE) {
  const src = newest(join(root, 'src'));
  return [out, workerBundle(out)].every((f) => existsSync(f) && statSync(f).mtimeMs >= src);
}

export async function buildServer(out = SERVER_BUNDLE) {
  const { build } = await import('esbuild');
  const worker = workerBundle(out);
  const common = {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    keepNames: true,
    logLevel: 'warning',
    // The pool (src/workers/pool.ts) starts this file, found from PROJECT_ROOT, instead of the TypeScript entry.
    define: { __GONGKAI_WORKER_ENTRY__: JSON.stringify(relative(root, worker).split('\\').join('/')) },
  };
  // The worker first: a server bundle never stands without the worker it starts.
  await build({ ...common, entryPoints: [join(root, 'src/workers/entry.ts')], outfile: worker });
  await build({
    ...common,
    stdin: {
      contents: "import { main } from './src/cli/main.ts';\nprocess.exit(await main(process.argv.slice(2)));\n",
      resolveDir: root,
      sourcefile: 'gongkai-entry.ts',
      loader: 'ts',
    },
    outfile: out,
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
