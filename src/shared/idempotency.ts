import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { AppError, invalid } from '../domain/errors.ts';
import { decrypt, encrypt } from './pii.ts';

/**
 * A staff write made once per `Idempotency-Key` (a double click, a retried request): the first answer is stored
 * sealed in `idempotency_keys` (per user and operation: the scope) by the write's own transaction and replayed
 * to a repeat. Concurrent repeats wait on an advisory lock of the key, so the second sees the first's answer.
 */
export function checkKey(key: string | undefined): string | undefined {
  const k = key?.trim();
  if (k === undefined || k === '') return undefined;
  if (!/^[\w.:-]{8,128}$/.test(k)) throw invalid('Idempotency-Key 格式不正确（8–128位字母、数字或 ._:-）');
  return k;
}

export async function once<T>(
  trx: Transaction<DB>,
  secret: Buffer,
  at: { scope: string; key: string | undefined; request: unknown },
  run: () => Promise<T>,
): Promise<T> {
  const { scope, key } = at;
  if (!key) return run();
  const requestHash = createHash('sha256').update(JSON.stringify(at.request)).digest('hex');
  await sql`select pg_advisory_xact_lock(hashtext(${`${scope}:${key}`}::text))`.execute(trx);
  const prior = await trx
    .selectFrom('idempotency_keys')
    .select('response')
    .where('scope', '=', scope)
    .where('key', '=', key)
    .executeTakeFirst();
  if (prior) {
    const s = decrypt<{ requestHash: string; result: T }>(secret, prior.response.sealed);
    if (s.requestHash !== requestHash) throw new AppError('conflict', '该 Idempotency-Key 已用于另一项不同的操作');
    return s.result;
  }
  const result = await run();
  await trx
    .insertInto('idempotency_keys')
    .values({ scope, key, response: JSON.stringify({ sealed: encrypt(secret, { requestHash, result }) }) })
    .execute();
  return result;
}
