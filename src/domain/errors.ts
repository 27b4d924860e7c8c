/** A refusal a user sees: a Chinese message, a stable code, and the HTTP status that carries it. */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'locked'
  | 'rate_limited';

const statusOf: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  locked: 423,
  rate_limited: 429,
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.status = statusOf[kind];
  }
}

export const notFound = (what = '记录') => new AppError('not_found', `${what}不存在或无权访问`);
export const invalid = (message: string, details?: unknown) => new AppError('invalid', message, details);
