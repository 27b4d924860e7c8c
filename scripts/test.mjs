#!/usr/bin/env node
// Test runner front: Node 20's `--test` takes no globs, so collect the files here.
//   node scripts/test.mjs unit   → src/**/*.test.ts except *.db.test.ts (pure)
//   node scripts/test.mjs db     → src/**/*.db.test.ts (real database: PGlite, or DATABASE_URL)
//   node scripts/test.mjs e2e    → e2e/**/*.test.ts (real browser)
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const kind = process.argv[2] ?? 'unit';
const extra = process.argv.slice(3);

function walk(dir) {
  let out = [];
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const e of entries) {
    if (e === 'node_modules' || e.startsWith('.')) continue;
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out = out.concat(walk(p));
    else out.push(p);
  }
  return out;
}

const pick = {
  unit: () => walk('src').filter((f) => f.endsWith('.test.ts') && !f.endsWith('.db.test.ts')),
  db: () => walk('src').filter((f) => f.endsWith('.db.test.ts')),
  e2e: () => walk('e2e').filter((f) => f.endsWith('.test.ts')),
}[kind];
if (!pick) {
  console.error(`unknown test kind: ${kind}`);
  process.exit(2);
}
const files = pick().sort();
if (files.length === 0) {
  console.error(`no ${kind} test files found`);
  process.exit(1);
}
const concurrency = kind === 'unit' ? 4 : kind === 'db' ? 2 : 1;
const r = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...extra, ...files],
  { stdio: 'inherit' },
);
process.exit(r.status ?? 1);
