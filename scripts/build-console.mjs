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

const force = process.argv.includes('--force');
// The console imports the pure domain (the case-event table and its forms): a change there rebuilds it too.
const sources = Math.max(newest(src), newest(join(root, 'src/domain')));
if (!force && existsSync(out) && statSync(out).mtimeMs >= sources) process.exit(0);
if (!existsSync(join(root, 'node_modules/vite'))) {
  console.error('工作台未构建：缺少 vite（请先运行 npm install）');
  process.exit(1);
}
process.stdout.write('构建工作台 (building the staff console)…\n');
const { build } = await import('vite');
await build({ configFile: join(src, 'vite.config.ts') });
process.stdout.write('工作台已构建：dist/console\n');
