import fc from 'fast-check';
import { errorBody, isFileSpec, type RouteSpec } from '../../src/http/contract/index.ts';
import { arbitraryOf, type Known, mutatedOf } from './contract-arbitrary.ts';

/**
 * Requests of the HTTP contract's routes for the fuzz run, generated from their schemas (contract-arbitrary.ts),
 * and what an answer to one must be: below 500, and a refusal in the error shape, in Chinese, in our own words.
 */

type Schema = Parameters<typeof arbitraryOf>[0];
interface Queryable {
  query(text: string): Promise<{ rows: unknown[] }>;
}

/** One generated request of a route: its address (params filled in, query appended), headers and body text. */
export interface FuzzRequest {
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** A path segment as a client would send it; a lone surrogate goes as the bytes a careless client sends. */
export function segment(v: unknown): string {
  const s = typeof v === 'string' ? v : v === undefined ? '' : JSON.stringify(v);
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    out += c >= 0xd800 && c <= 0xdfff ? '%ED%A0%80' : encodeURIComponent(ch);
  }
  return out;
}

function queryString(q: unknown): string {
  if (!q || typeof q !== 'object' || Array.isArray(q)) return '';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(q))
    for (const x of Array.isArray(v) ? v : [v])
      if (x !== undefined)
        parts.push(`${segment(k)}=${segment(typeof x === 'string' ? x : x === null ? '' : JSON.stringify(x))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Only what fetch lets a header carry (visible ASCII); the rest is dropped. */
function headerValues(h: unknown): Record<string, string> {
  if (!h || typeof h !== 'object') return {};
  return Object.fromEntries(
    Object.entries(h).filter(
      (e): e is [string, string] => typeof e[1] === 'string' && /^[\x20-\x7e]{0,200}$/.test(e[1]),
    ),
  );
}

interface RouteLike {
  path: string;
  params?: Schema;
  query?: Schema;
  headers?: Schema;
  body?: Schema | { kind: 'file'; types: readonly string[] };
}

/** Requests of a route from its schemas: valid, with hostile leaves, or with one node replaced or removed. */
export function requestOf(spec: RouteLike, known: Known): fc.Arbitrary<FuzzRequest> {
  const of = (s: Schema | undefined) => {
    if (!s) return fc.constant(undefined);
    const valid = arbitraryOf(s, known, 0);
    return fc.oneof(valid, arbitraryOf(s, known, 0.15), mutatedOf(valid));
  };
  const file = spec.body && 'kind' in spec.body ? spec.body : undefined;
  const body: fc.Arbitrary<{ text?: string; type?: string }> = file
    ? fc.record({
        text: fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1')),
        ),
        type: fc.constantFrom(...file.types, 'application/octet-stream'),
      })
    : of(spec.body as Schema | undefined).map((b) =>
        b === undefined ? {} : { text: JSON.stringify(b), type: 'application/json' },
      );
  return fc.record({ params: of(spec.params), query: of(spec.query), headers: of(spec.headers), body }).map((r) => {
    const params = (r.params && typeof r.params === 'object' ? r.params : {}) as Record<string, unknown>;
    const path = spec.path.replace(/:(\w+)/g, (_, k: string) => segment(params[k]));
    const headers = headerValues(r.headers);
    if (r.body.type) headers['content-type'] = r.body.type;
    return { path: path + queryString(r.query), headers, ...(r.body.text !== undefined ? { body: r.body.text } : {}) };
  });
}

/** Requests every route with a JSON body must refuse cleanly: not JSON, another type, empty, too large. */
export const BROKEN_BODIES: readonly { name: string; type: string; body: string }[] = [
  { name: 'invalid JSON', type: 'application/json', body: '{"a":' },
  { name: 'JSON null', type: 'application/json', body: 'null' },
  { name: 'a JSON string', type: 'application/json', body: '"x"' },
  { name: 'an empty body', type: 'application/json', body: '' },
  { name: 'plain text', type: 'text/plain', body: 'hello' },
  { name: 'XML', type: 'application/xml', body: '<a/>' },
  { name: 'a form', type: 'application/x-www-form-urlencoded', body: 'a=1&b=%ED%A0%80' },
  { name: '3 MB', type: 'application/json', body: JSON.stringify({ x: 'x'.repeat(3 * 1024 * 1024) }) },
];

// ── Answers ───────────────────────────────────────────────────────────────────────────────────────────────────

/** zod's or the framework's own words: what nobody filling a form should read. */
export const RAW = /Invalid input|[Ee]xpected |Unrecognized key|Too (big|small)|无效输入|期望|未知键/;
export const CJK = /[\u3400-\u9fff]/;

/** What is wrong with an answer: a 5xx, or a refusal not in the error shape, not Chinese, or zod's raw words. */
export function answerProblem(status: number, body: unknown): string | null {
  if (status >= 500) return `status ${status}: ${JSON.stringify(body).slice(0, 300)}`;
  if (status < 400) return null;
  const e = errorBody.safeParse(body);
  if (!e.success) return `${status}, not the error shape: ${JSON.stringify(body).slice(0, 300)}`;
  for (const m of [e.data.error.message, ...e.data.error.details.map((d) => d.message)]) {
    if (!CJK.test(m)) return `${status}, not in Chinese: ${m}`;
    if (RAW.test(m)) return `${status}, raw validation words: ${m}`;
  }
  return null;
}

/** Ids of rows of every table (up to five each), so that valid-shaped ids sometimes name real rows. */
export async function knownIds(pool: Queryable, except: Set<string>): Promise<string[]> {
  const tables = await pool.query(
    "select table_name from information_schema.columns where column_name = 'id' and data_type = 'uuid' and table_schema = current_schema() and table_name not in ('sessions')",
  );
  const ids: string[] = [];
  for (const { table_name } of tables.rows as { table_name: string }[]) {
    const rows = await pool.query(`select id::text from "${table_name}" limit 5`);
    for (const r of rows.rows as { id: string }[]) if (!except.has(r.id)) ids.push(r.id);
  }
  return ids;
}

/** A seed of its own for each operation, so that a run is the same run every time. */
export const seedOf = (s: string) => [...s].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7);

// ── The run ───────────────────────────────────────────────────────────────────────────────────────────────────

export const FUZZ_ROLES = ['anonymous', 'operator', 'sysadmin'] as const;
export type FuzzRole = (typeof FUZZ_ROLES)[number];

export interface FuzzOutcome {
  sent: number;
  statuses: Record<string, number>;
  /** What is wrong with an answer, request by request (the first 30). */
  problems: string[];
  /** Statuses a route answers that its contract does not list (the OpenAPI document is silent on them). */
  undocumented: string[];
}

/**
 * Every route's generated requests as each role (about 4,000 in all, however many routes), and the broken
 * bodies once per route with a JSON body; `between` runs after each route (to renew a revoked token, say).
 */
export async function fuzzRoutes(
  specs: readonly RouteSpec[],
  known: Known,
  send: (spec: RouteSpec, role: FuzzRole, req: FuzzRequest) => Promise<{ status: number; body: unknown }>,
  between: () => Promise<void>,
): Promise<FuzzOutcome> {
  const perCombination = Math.max(12, Math.min(150, Math.floor(4000 / (specs.length * 2.3))));
  const out: FuzzOutcome = { sent: 0, statuses: {}, problems: [], undocumented: [] };
  for (const spec of specs) {
    const requests = fc.sample(requestOf(spec, known), { numRuns: perCombination, seed: seedOf(spec.operationId) });
    // Broken bodies are refused before the login is looked at: sent once, by whoever reaches the route.
    const broken = spec.body && !isFileSpec(spec.body) ? BROKEN_BODIES : [];
    for (const role of FUZZ_ROLES) {
      const runs = role === 'anonymous' && spec.auth === 'login' ? requests.slice(0, 5) : requests;
      const extra = role === (spec.auth === 'login' ? 'operator' : 'anonymous') ? broken : [];
      const all: [string, FuzzRequest][] = [
        ...runs.map((r): [string, FuzzRequest] => ['generated', r]),
        ...extra.map((b): [string, FuzzRequest] => [
          b.name,
          { path: runs[0]!.path, headers: { 'content-type': b.type }, body: b.body },
        ]),
      ];
      for (const [kind, req] of all) {
        out.sent++;
        let status = 0;
        let problem: string | null;
        try {
          const r = await send(spec, role, req);
          status = r.status;
          problem = answerProblem(r.status, r.body);
        } catch (e) {
          problem = (e as Error).message;
        }
        out.statuses[status] = (out.statuses[status] ?? 0) + 1;
        const gap = problem && /→ (\d+): status \1 is not in the contract$/.exec(problem);
        const where = `${spec.operationId}: ${gap?.[1]} (${kind})`;
        if (gap && !out.undocumented.includes(where)) out.undocumented.push(where);
        else if (problem && !gap && out.problems.length < 30)
          out.problems.push(
            `${spec.operationId} as ${role} (${kind}): ${spec.method} ${req.path.slice(0, 200)} ${req.body?.slice(0, 200) ?? ''} → ${problem}`,
          );
      }
    }
    await between();
  }
  return out;
}
