#!/usr/bin/env node
// Builds the staff console (console/ → dist/console) with Vite when it is missing or older than its sources.
// Run by `npm install` (prepare) and `npm start`; `--force` always builds.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newest } from './server-bundle.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'console');
const out = join(root, 'dist/console/index.html');

// The console imports the HTTP contract (and the domain it stands on): a change there rebuilds it too.
const sources = [src, join(root, 'src/http/contract'), join(root, 'src/domain')];
const force = process.argv.includes('--force');
if (!force && existsSync(out) && statSync(out).mtimeMs >= Math.max(...sources.map(newest))) process.exit(0);
if (!existsSync(join(root, 'node_modules/vite'))) {
  console.error('工作台未构建：缺少 vite（请先运行 npm install）');
  process.exit(1);
}
process.stdout.write('构建工作台 (building the staff console)…\n');
const { build } = await import('vite');
await build({ configFile: join(src, 'vite.config.ts') });
process.stdout.write('工作台已构建：dist/console\n');
