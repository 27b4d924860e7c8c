import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError } from '../domain/errors.ts';
import { hasMalformedText, MALFORMED_TEXT_MESSAGE } from '../domain/text-guard.ts';
import { requireLogin } from './auth.ts';
import { errorBody, type FileSpec, isFileSpec, type RouteSpec } from './contract/common.ts';
import { errorStatuses, routeSchema } from './contract/json-schema.ts';
import { zodErrorMap } from './contract/messages.ts';
import { requestLocale } from './errors.ts';

type Parsed<T> = T extends z.ZodType ? z.output<T> : undefined;
type Responses<S extends RouteSpec> = S['responses'][keyof S['responses']];
/**
 * The handler's side of a JSON response: its shape, with closed sets of text as text (queries read them from
 * the database as strings) and instants as Dates (sent as ISO strings). The values themselves are checked
 * against the schema in tests (below).
 */
type Loose<T> = T extends string
  ? string | Date
  : T extends boolean
    ? boolean
    : T extends readonly (infer U)[]
      ? readonly Loose<U>[]
      : T extends object
        ? { [K in keyof T]: Loose<T[K]> }
        : T;
type JsonOf<R> = R extends z.ZodType ? Loose<z.input<R>> : never;

export interface RouteInput<S extends RouteSpec> {
  params: Parsed<S['params']>;
  query: Parsed<S['query']>;
  headers: Parsed<S['headers']>;
  /** JSON: parsed by the contract; a file body: the Buffer (or text) its content-type parser gave. */
  body: S['body'] extends FileSpec ? unknown : Parsed<S['body']>;
  req: FastifyRequest;
  reply: FastifyReply;
}

/** What a handler returns: a body of one of its JSON responses, or, for file responses, the sent reply. */
export type RouteResult<S extends RouteSpec> =
  | JsonOf<Responses<S>>
  | (Extract<Responses<S>, FileSpec> extends never ? (S['files'] extends object ? FastifyReply : never) : FastifyReply);

export interface RouteOptions {
  /** Route `config` as Fastify takes it (rate limits). */
  config?: Record<string, unknown>;
  bodyLimit?: number;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    contract?: RouteSpec;
  }
}

/**
 * Registers a contract route: the JSON schema for the OpenAPI document, login checked first (401 before any
 * input is read), then params, query, headers and body parsed once with zod in the request's language, and the
 * handler called with the parsed, typed values. Fastify's own validation and serialisation are off for these
 * routes, so every message comes from our map and every body is sent as the handler built it.
 */
export function route<const S extends RouteSpec>(
  app: FastifyInstance,
  spec: S,
  handler: (input: RouteInput<S>) => Promise<RouteResult<S>>,
  opts: RouteOptions = {},
) {
  const success = Object.keys(spec.responses)
    .map(Number)
    .sort((a, b) => a - b)[0]!;
  app.route({
    method: spec.method,
    url: spec.path,
    schema: routeSchema(spec),
    config: { ...opts.config, contract: spec },
    ...(opts.bodyLimit ? { bodyLimit: opts.bodyLimit } : {}),
    validatorCompiler: () => () => true,
    serializerCompiler: () => (data) => JSON.stringify(data),
    onSend: async (req, reply, payload) => checkedPayload(req, reply, spec, payload),
    handler: async (req, reply) => {
      if (spec.auth === 'login') requireLogin(req);
      if (hasMalformedText(req.params)) throw new AppError('invalid', MALFORMED_TEXT_MESSAGE);
      const parse = (schema: z.ZodType | FileSpec | undefined, value: unknown) =>
        !schema || isFileSpec(schema) ? (schema ? value : undefined) : parseInput(req, schema, value);
      const input = {
        params: parse(spec.params, req.params ?? {}),
        query: parse(spec.query, req.query ?? {}),
        headers: parse(spec.headers, req.headers),
        body: parse(spec.body, req.body ?? {}),
        req,
        reply,
      } as RouteInput<S>;
      reply.status(success);
      return handler(input);
    },
  });
}

/** Parses a value with a schema, messages in the request's language (a ZodError → 400 with one detail per field). */
export function parseInput<T extends z.ZodType>(req: FastifyRequest, schema: T, value: unknown): z.output<T> {
  const r = schema.safeParse(value, { error: zodErrorMap(requestLocale(req)) });
  if (!r.success) throw r.error;
  return r.data;
}

// ── Responses true to the contract (switched on by the test server) ─────────────────────────────────────────

declare module 'fastify' {
  interface FastifyInstance {
    contractChecks?: boolean;
  }
}

/** Every JSON response of a contract route is checked against its schema for its status; tests turn it on. */
export function enableContractChecks(app: FastifyInstance) {
  app.decorate('contractChecks', true);
}

async function checkedPayload(req: FastifyRequest, reply: FastifyReply, spec: RouteSpec, payload: unknown) {
  if (!(req.server as { contractChecks?: boolean }).contractChecks) return payload;
  const problem = contractProblem(spec, reply.statusCode, String(reply.getHeader('content-type') ?? ''), payload);
  if (!problem) return payload;
  const message = `${spec.method} ${spec.path} → ${reply.statusCode}: ${problem}`;
  console.error(`contract violation: ${message}`);
  reply.status(500).header('x-contract-violation', encodeURIComponent(message)).type('application/json');
  return JSON.stringify(errorBody.parse({ error: { code: 'internal', message, details: [] } }));
}

/** What is wrong with a response, or null when it is what the contract says. */
export function contractProblem(spec: RouteSpec, status: number, contentType: string, payload: unknown): string | null {
  if (status >= 300 && status < 400) return null;
  const schema =
    status < 300
      ? spec.responses[status as keyof RouteSpec['responses']]
      : errorStatuses(spec).includes(status as never)
        ? errorBody
        : undefined;
  if (!schema) return `status ${status} is not in the contract`;
  const alternative = spec.files?.[status as keyof RouteSpec['responses']];
  if (alternative && !contentType.startsWith('application/json'))
    return contractProblem(
      { ...spec, responses: { [status]: alternative }, files: undefined },
      status,
      contentType,
      payload,
    );
  if (isFileSpec(schema)) {
    const type = contentType.split(';')[0]!.trim();
    return schema.types.includes(type) ? null : `content-type ${type} is not one of ${schema.types.join(', ')}`;
  }
  if (!contentType.startsWith('application/json')) return `content-type ${contentType} is not application/json`;
  let json: unknown;
  try {
    json = JSON.parse(typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString() : '');
  } catch {
    return 'the body is not JSON';
  }
  const r = schema.safeParse(json);
  if (!r.success) return r.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
  const extra = extraKeys(json, r.data, '');
  return extra.length ? `fields not in the contract: ${extra.join(', ')}` : null;
}

/** Keys the response carries that the schema's output dropped (an object schema strips what it does not know). */
function extraKeys(sent: unknown, kept: unknown, at: string): string[] {
  if (Array.isArray(sent) && Array.isArray(kept)) return sent.flatMap((x, i) => extraKeys(x, kept[i], `${at}[${i}]`));
  if (!sent || typeof sent !== 'object' || !kept || typeof kept !== 'object') return [];
  return Object.entries(sent).flatMap(([k, v]) =>
    k in kept ? extraKeys(v, (kept as Record<string, unknown>)[k], at ? `${at}.${k}` : k) : [at ? `${at}.${k}` : k],
  );
}
