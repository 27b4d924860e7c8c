import type { z } from 'zod';
import type { ErrorBody, ErrorCode, FileSpec, RouteSpec } from '../../src/http/contract/index.ts';
import * as contract from '../../src/http/contract/index.ts';
import { t } from './i18n.ts';

/**
 * The console's only way to the server: `call('getCase', { params: { tn } })`, one operation of the HTTP contract
 * (src/http/contract) by its operationId. Params, query, headers and body are typed as the contract's schemas
 * take them (`z.input`), the answer as its success response gives it (`z.output`, or a Blob for a file). Every
 * write carries the session's CSRF token. A refusal arrives as an `ApiError` with the error body's code,
 * message and details (field path + message), which `placeErrors` (hooks.ts) puts on a form's fields.
 */

type Exports = typeof contract;
type SpecKey = { [K in keyof Exports]: Exports[K] extends RouteSpec ? K : never }[keyof Exports];
/** Every route of the contract, by its operationId. */
export type Operations = {
  [K in SpecKey as Exports[K] extends RouteSpec ? Exports[K]['operationId'] : never]: Exports[K];
};
export type OperationId = keyof Operations;

/** A part of the request (params, query, headers) as its schema takes it; optional when every field is. */
type Part<Name extends string, S> = S extends z.ZodType
  ? object extends z.input<S>
    ? { [P in Name]?: z.input<S> }
    : { [P in Name]: z.input<S> }
  : { [P in Name]?: never };
type BodyPart<S> = S extends FileSpec
  ? { body: Blob | ArrayBuffer | string; contentType: S['types'][number] | (string & {}) }
  : S extends z.ZodType
    ? object extends z.input<S>
      ? { body?: z.input<S> }
      : { body: z.input<S> }
    : { body?: never };

/** A property of a route spec, `undefined` where the route has none. */
type Get<S, P extends string> = S extends { readonly [Q in P]: infer V } ? V : undefined;

/**
 * What a call of each operation sends, computed once per operation in a mapped type: written as a conditional
 * over `K`, a union of operations would expand into the product of their parts (TS2590 as the contract grows).
 */
type Inputs = {
  [K in OperationId]: Part<'params', Get<Operations[K], 'params'>> &
    Part<'query', Get<Operations[K], 'query'>> &
    Part<'headers', Get<Operations[K], 'headers'>> &
    BodyPart<Get<Operations[K], 'body'>>;
};
/** What a call of the operation sends. */
export type Input<K extends OperationId> = Inputs[K];

type Success<S extends RouteSpec> = S['responses'][keyof S['responses']];
type Answer<R> = R extends FileSpec ? Blob : R extends z.ZodType ? z.output<R> : never;
/** What a call of the operation answers. */
export type Output<K extends OperationId> = Answer<Success<Operations[K]>>;

type ArgsOf = { [K in OperationId]: object extends Inputs[K] ? [input?: Inputs[K]] : [input: Inputs[K]] };
/** What a call of the operation takes after its name, once `K` is known. */
type Args<K extends OperationId> = NoInfer<K extends OperationId ? ArgsOf[K] : never>;

type ErrorDetails = ErrorBody['error'];
export type Issue = ErrorDetails['details'][number];

/** A refusal of the server: status, the error body's code, message and field details, and its extras. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: Issue[];
  /** Login: the account needs its TOTP code. */
  readonly totpRequired: boolean;
  /** Imports: the rows that failed. */
  readonly rows: NonNullable<ErrorDetails['rows']>;
  constructor(
    readonly status: number,
    error: Partial<ErrorDetails> & { message: string },
  ) {
    super(error.message);
    this.code = error.code ?? 'internal';
    this.details = error.details ?? [];
    this.totpRequired = error.totpRequired === true;
    this.rows = error.rows ?? [];
  }
}

const isSpec = (x: unknown): x is RouteSpec =>
  typeof x === 'object' && x !== null && typeof (x as RouteSpec).operationId === 'string' && 'responses' in x;
const SPECS = new Map<string, RouteSpec>(
  (Object.values(contract) as unknown[]).filter(isSpec).map((s) => [s.operationId, s]),
);

let csrf = '';
export function setCsrf(token: string | undefined) {
  csrf = token ?? '';
}

type Loose = { params?: object; query?: object; headers?: object; body?: unknown; contentType?: string };

const specOf = (op: string): RouteSpec => {
  const spec = SPECS.get(op);
  if (!spec) throw new Error(`unknown operation ${op}`);
  return spec;
};

function address(spec: RouteSpec, input: Loose): string {
  const params = (input.params ?? {}) as Record<string, unknown>;
  const path = spec.path.replace(/:(\w+)/g, (_, k: string) => encodeURIComponent(String(params[k] ?? '')));
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(input.query ?? {}))
    for (const x of Array.isArray(v) ? v : [v]) if (x !== undefined && x !== null && x !== '') q.append(k, String(x));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/*
 * `href` and `call` are typed faces over untyped bodies. Each call site is checked for its own operation only
 * (the operation is inferred from its name, never from the input: NoInfer), which keeps TypeScript from
 * expanding the inputs of every operation at once (TS2590, "union type too complex") as the contract grows.
 * The input's type is a conditional on `K`, deferred until `K` is known: written as `ArgsOf[K]`, the first call
 * checked makes TypeScript build `ArgsOf[OperationId]`, the union of every operation's arguments.
 */

/** The address of a GET operation, for a link (a letter, an export). */
export const href = ((op: OperationId, input?: Loose): string => address(specOf(op), input ?? {})) as unknown as <
  K extends OperationId,
>(
  op: K,
  ...input: Args<K>
) => string;

/** Calls an operation of the contract; a refusal throws `ApiError`. */
export const call = callAny as unknown as <K extends OperationId>(op: K, ...input: Args<K>) => Promise<Output<K>>;

async function callAny(op: OperationId, input?: Loose): Promise<unknown> {
  const spec = specOf(op);
  const i = input ?? {};
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(i.headers ?? {})) if (typeof v === 'string') headers[k] = v;
  if (spec.method !== 'GET') headers['x-csrf-token'] = csrf;
  let body: BodyInit | undefined;
  if (i.contentType) {
    headers['content-type'] = i.contentType;
    body = i.body as BodyInit;
  } else if (spec.method !== 'GET') {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(i.body ?? {});
  }
  let res: Response;
  try {
    res = await fetch(address(spec, i), { method: spec.method, credentials: 'same-origin', headers, body });
  } catch {
    throw new ApiError(0, { code: 'internal', message: t('无法连接服务器，请检查网络后重试') });
  }
  if (res.ok && !(res.headers.get('content-type') ?? '').startsWith('application/json')) return await res.blob();
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON: a proxy's page, say */
  }
  if (!res.ok) {
    if (res.status === 401 && spec.auth === 'login') window.dispatchEvent(new Event('gk-logged-out'));
    const error = (data as Partial<ErrorBody> | null)?.error;
    throw new ApiError(
      res.status,
      typeof error?.message === 'string' ? error : { message: t('请求失败（{status}）', { status: res.status }) },
    );
  }
  return data;
}

/**
 * Sends a file to an operation whose body is a file, reporting the share sent (0–100) as it goes: fetch cannot
 * tell upload progress, XMLHttpRequest can. Answers and refusals as `call`.
 */
export const upload = uploadAny as unknown as <K extends OperationId>(
  op: K,
  input: NoInfer<K extends OperationId ? Inputs[K] : never>,
  onProgress: (percent: number) => void,
) => Promise<Output<K>>;

function uploadAny(op: OperationId, input: Loose, onProgress: (percent: number) => void): Promise<unknown> {
  const spec = specOf(op);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(spec.method, address(spec, input));
    xhr.withCredentials = true;
    xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.setRequestHeader('content-type', input.contentType ?? 'application/octet-stream');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, { code: 'internal', message: t('无法连接服务器，请检查网络后重试') }));
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        /* not JSON: a proxy's page, say */
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100);
        resolve(data);
        return;
      }
      if (xhr.status === 401 && spec.auth === 'login') window.dispatchEvent(new Event('gk-logged-out'));
      const error = (data as Partial<ErrorBody> | null)?.error;
      reject(
        new ApiError(
          xhr.status,
          typeof error?.message === 'string' ? error : { message: t('请求失败（{status}）', { status: xhr.status }) },
        ),
      );
    };
    xhr.send(input.body as XMLHttpRequestBodyInit);
  });
}
