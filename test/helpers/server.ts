import type { FastifyInstance } from 'fastify';
import { totpCode } from '../../src/commands/auth/totp.ts';
import type { Database } from '../../src/db/connect.ts';
import { publicChanges } from '../../src/db/public-changes.ts';
import type { AppDeps } from '../../src/http/deps.ts';
import { enableContractChecks } from '../../src/http/route.ts';
import { buildServer } from '../../src/http/server.ts';
import { TEST_PASSWORD, TEST_TOTP_SECRET } from './factory.ts';

export interface TestServer {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
  request(
    method: string,
    path: string,
    opts?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<{
    status: number; // biome-ignore lint/suspicious/noExplicitAny: test responses are inspected freely
    body: any;
    headers: Headers;
    text: string;
  }>;
  login(username: string, password?: string): Promise<string>;
  /** An API token (no idle timeout): for tests that move the clock by days. */
  apiToken(username: string): Promise<string>;
}

/**
 * The real HTTP server on a free port, over the given database, with the given clock. Every response of a
 * contract route is checked against its schema for its status: a mismatch throws from `request` (loudly).
 */
export async function startTestServer(
  database: Database,
  now: () => Date,
  extra: Partial<AppDeps> = {},
): Promise<TestServer> {
  // The public page cache needs the database's change feed (db/public-changes.ts).
  const changes =
    extra.publicCacheSeconds && !extra.publicChanges && 'pool' in database ? publicChanges(database) : undefined;
  const app = await buildServer({
    publicChanges: changes,
    db: database.db,
    now,
    secretKey: Buffer.alloc(32, 7),
    https: false,
    dbKind: database.kind,
    dataDir: (database as { dataDir?: string }).dataDir ?? '/tmp',
    logger: false,
    ...extra,
  });
  enableContractChecks(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const request: TestServer['request'] = async (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined;
    if (opts.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body =
        typeof opts.body === 'string' || Buffer.isBuffer(opts.body) ? (opts.body as string) : JSON.stringify(opts.body);
    }
    const res = await fetch(url + path, { method, headers, body, redirect: 'manual' });
    const text = await res.text();
    const violation = res.headers.get('x-contract-violation');
    if (violation) throw new Error(`contract violation: ${decodeURIComponent(violation)}`);
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed, headers: res.headers, text };
  };
  // Administrators answer with a TOTP code; once known, they send one at once (the login limit is per minute).
  const needsCode = new Set<string>();
  const login = async (username: string, password = TEST_PASSWORD) => {
    const withCode = () => {
      // Each code works once: every login with a code is in the next 30-second step.
      (now as { advance?: (ms: number) => void }).advance?.(30_000);
      return { username, password, totp: totpCode(TEST_TOTP_SECRET, now()) };
    };
    let r = await request('POST', '/api/v1/auth/login', {
      body: needsCode.has(username) ? withCode() : { username, password },
    });
    if (r.status === 401 && r.body?.error?.totpRequired && !needsCode.has(username)) {
      needsCode.add(username);
      r = await request('POST', '/api/v1/auth/login', { body: withCode() });
    }
    if (r.status !== 200) throw new Error(`login ${username} failed: ${r.status} ${r.text}`);
    return r.body.token as string;
  };
  return {
    app,
    url,
    request,
    close: async () => {
      await app.close();
      await changes?.close();
    },
    login,
    async apiToken(username) {
      const session = await login(username);
      const r = await request('POST', '/api/v1/auth/tokens', { token: session, body: { name: 'test' } });
      if (r.status !== 201) throw new Error(`token for ${username} failed: ${r.status} ${r.text}`);
      return r.body.token as string;
    },
  };
}
