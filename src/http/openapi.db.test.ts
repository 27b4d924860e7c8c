import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type TestDatabase, testDatabase } from '../../test/helpers/db.ts';
import { fixedClock } from '../../test/helpers/factory.ts';
import { startTestServer, type TestServer } from '../../test/helpers/server.ts';
import { CONTRACT } from './contract/index.ts';

/** The served OpenAPI document: every contract operation described with its schemas, and redocly lints it clean. */
let database: TestDatabase;
let server: TestServer;
// biome-ignore lint/suspicious/noExplicitAny: the document is inspected freely
let doc: any;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

before(async () => {
  database = await testDatabase();
  server = await startTestServer(database, fixedClock(new Date('2026-03-02T02:00:00Z')));
  const r = await server.request('GET', '/api/v1/openapi.json');
  assert.equal(r.status, 200);
  doc = r.body;
});
after(async () => {
  await server.close();
  await database.close();
});

const operations = () =>
  Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([m]) => METHODS.includes(m))
      // biome-ignore lint/suspicious/noExplicitAny: an OpenAPI operation object
      .map(([m, op]) => ({ key: `${m.toUpperCase()} ${path}`, op: op as any })),
  );

test('redocly (recommended rules) finds no error in the served document', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-openapi-'));
  try {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(doc));
    const r = spawnSync(
      join('node_modules', '.bin', 'redocly'),
      ['lint', file, '--format=stylish', '--extends=recommended'],
      { encoding: 'utf8', env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
    );
    assert.equal(r.status, 0, r.stdout + r.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the document holds every contract operation, each with an operationId, a tag and a 2xx schema', () => {
  const ops = operations();
  const ids = new Set(ops.map((o) => o.op.operationId));
  assert.deepEqual(
    CONTRACT.filter((s) => !ids.has(s.operationId)).map((s) => s.operationId),
    [],
  );
  assert.equal(ops.length, CONTRACT.length, 'only contract operations are published');
  for (const { key, op } of ops) {
    assert.ok(op.summary && op.tags?.length === 1, `${key}: summary and tag`);
    const success = Object.entries(op.responses).filter(([s]) => /^2/.test(s));
    assert.ok(success.length, `${key}: a 2xx response`);
    for (const [s, r] of success)
      assert.ok(
        Object.values((r as { content?: Record<string, { schema?: unknown }> }).content ?? {}).every((m) => m.schema),
        `${key} ${s}: a schema`,
      );
    assert.ok(op.responses['400'] && op.responses['500'], `${key}: error responses`);
  }
});

test('every /api/v1 route of the server is a contract route (only the document and its browser are not)', () => {
  const table = (server.app as unknown as { routeTable: { method: string; url: string }[] }).routeTable;
  const contract = new Set(CONTRACT.map((s) => `${s.method} ${s.path}`));
  const outside = table
    .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/v1/docs') && r.url !== '/api/v1/openapi.json')
    .map((r) => `${r.method} ${r.url}`)
    .filter((k) => !contract.has(k));
  assert.deepEqual(outside, []);
  assert.equal(new Set(CONTRACT.map((s) => s.operationId)).size, CONTRACT.length, 'operationIds are unique');
});

test('every operation that takes input describes it: path and query parameters, and a request body schema', () => {
  for (const spec of CONTRACT) {
    const path = spec.path.replace(/:(\w+)/g, '{$1}');
    const op = doc.paths[path]?.[spec.method.toLowerCase()];
    assert.ok(op, `${spec.method} ${path} is published`);
    const names = (op.parameters ?? []).map((p: { in: string; name: string }) => `${p.in}:${p.name}`);
    for (const p of path.match(/\{\w+\}/g) ?? []) assert.ok(names.includes(`path:${p.slice(1, -1)}`), `${path}: ${p}`);
    for (const q of Object.keys(spec.query?.shape ?? {})) assert.ok(names.includes(`query:${q}`), `${path}: ?${q}`);
    if (spec.body) {
      const content = op.requestBody?.content ?? {};
      assert.ok(Object.keys(content).length, `${spec.method} ${path}: a request body`);
      for (const m of Object.values(content) as { schema?: unknown }[]) assert.ok(m.schema, `${path}: body schema`);
    }
  }
});

test('the document names its licence, servers and tag descriptions', () => {
  assert.equal(doc.info.license.name, 'AGPL-3.0-or-later');
  assert.ok(doc.servers?.length);
  const tags = new Set(operations().flatMap((o) => o.op.tags));
  for (const t of tags) assert.ok(doc.tags.find((x: { name: string }) => x.name === t)?.description, t);
});
