import { createHmac } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { LOCKOUT } from '../../domain/password.ts';

/**
 * Lockout after failed checks (等保2.0 GB/T 22239-2019 8.1.4.1 b: 登录失败处理), counted so that one client cannot
 * lock anyone else out (SECURITY.md, "Lockout and rate limits"):
 * - pair: failures of one account from one client lock that pair — 5 within 15 minutes, locked 15 minutes;
 * - client: failures from one client across accounts lock the client — 20 within 15 minutes, locked 15 minutes;
 * - account: failures of one account from all clients — 50 within an hour — refuse the account for an hour to
 *   every client that has itself failed in its last 15 minutes; a client without failures (the owner at their
 *   desk) still logs in.
 * The "account" is the username as typed (known or not: an unknown name is counted and locked the same way, so
 * the answers never tell whether an account exists) or, in the `code` realm, the tracking number whose query
 * code is checked. The two realms count apart.
 */
export const LOCKOUT_RULES = {
  pair: { maxFailures: LOCKOUT.maxFailures, minutes: LOCKOUT.minutes },
  client: { maxFailures: 20, minutes: 15 },
  account: { maxFailures: 50, minutes: 60 },
} as const;

export type Realm = 'login' | 'code';
export type Scope = keyof typeof LOCKOUT_RULES;
const SCOPES = Object.keys(LOCKOUT_RULES) as Scope[];

export interface LockoutKeys {
  realm: Realm;
  keys: Record<Scope, string>;
}

export interface Counter {
  failures: number;
  windowEndsAt: Date;
  lockedUntil: Date | null;
}

/** The rows' keys: HMACs under the secret key, so neither the client address nor the name is stored. */
export function lockoutKeys(secretKey: Buffer, realm: Realm, subject: string, client: string): LockoutKeys {
  const mac = (...parts: string[]) =>
    createHmac('sha256', secretKey)
      .update(JSON.stringify(['lockout', realm, ...parts]))
      .digest('hex');
  return {
    realm,
    keys: { pair: mac('pair', subject, client), client: mac('client', client), account: mac('account', subject) },
  };
}

/** Until when a check is refused without being tried, or null (pure: the rule above). */
export function refusedUntil(counters: Partial<Record<Scope, Counter>>, now: Date): Date | null {
  const lock = (c: Counter | undefined) => (c?.lockedUntil && c.lockedUntil > now ? c.lockedUntil : null);
  const clientFailed = !!counters.client && counters.client.windowEndsAt > now && counters.client.failures > 0;
  const until = [lock(counters.pair), lock(counters.client), clientFailed ? lock(counters.account) : null].filter(
    (d): d is Date => d !== null,
  );
  return until.length ? new Date(Math.max(...until.map((d) => d.getTime()))) : null;
}

export async function readCounters(db: Kysely<DB>, k: LockoutKeys): Promise<Partial<Record<Scope, Counter>>> {
  const rows = await db
    .selectFrom('auth_failures')
    .select(['scope', 'failures', 'window_ends_at', 'locked_until'])
    .where('key', 'in', Object.values(k.keys))
    .execute();
  return Object.fromEntries(
    rows.map((r) => [
      r.scope,
      {
        failures: r.failures,
        windowEndsAt: new Date(r.window_ends_at),
        lockedUntil: r.locked_until ? new Date(r.locked_until) : null,
      },
    ]),
  );
}

const plusMinutes = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000);

/**
 * An attempt counted before it is checked: the count is taken first (atomically), so attempts sent in parallel
 * cannot all be checked before any of them is counted. A right password or code gives its count back.
 */
export interface Attempt {
  lockout: LockoutKeys;
  /** The scopes whose lock this attempt set (its count reached the threshold); a refund lifts them again. */
  locked: Scope[];
}

/** Counts after this attempt beyond what the rule allows (an attempt raced past a lock being set): pure. */
export function pastThreshold(counts: Record<Scope, number>): boolean {
  const over = (s: Scope) => counts[s] > LOCKOUT_RULES[s].maxFailures;
  // The account's threshold holds against a client that had failed before this attempt.
  return over('pair') || over('client') || (over('account') && counts.client > 1);
}

/**
 * Starts an attempt: refused (with the time the refusal lasts) while a lock holds, else counted in every scope,
 * locking a scope whose count reaches its threshold. Rows whose window and lock have ended are pruned on the
 * way, a hundred at a time, so the table holds about the last hour's failures.
 */
export async function beginAttempt(
  db: Kysely<DB>,
  k: LockoutKeys,
  now: Date,
): Promise<{ attempt: Attempt } | { refusedUntil: Date }> {
  const until = refusedUntil(await readCounters(db, k), now);
  if (until) return { refusedUntil: until };
  const counted = await db
    .insertInto('auth_failures')
    .values(
      SCOPES.map((scope) => ({
        key: k.keys[scope],
        realm: k.realm,
        scope,
        failures: 1,
        window_ends_at: plusMinutes(now, LOCKOUT_RULES[scope].minutes),
      })),
    )
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql`case when auth_failures.window_ends_at <= ${now} then 1 else auth_failures.failures + 1 end`,
        window_ends_at: sql`case when auth_failures.window_ends_at <= ${now} then excluded.window_ends_at else auth_failures.window_ends_at end`,
      }),
    )
    .returning(['scope', 'failures'])
    .execute();
  const counts = Object.fromEntries(counted.map((r) => [r.scope, r.failures])) as Record<Scope, number>;
  // Exactly one attempt sees a count reach the threshold (the increments are atomic): it sets the lock.
  const locked = SCOPES.filter((s) => counts[s] === LOCKOUT_RULES[s].maxFailures);
  for (const scope of locked)
    await db
      .updateTable('auth_failures')
      .set({ locked_until: plusMinutes(now, LOCKOUT_RULES[scope].minutes) })
      .where('key', '=', k.keys[scope])
      .execute();
  await sql`delete from auth_failures where key in (select key from auth_failures where window_ends_at <= ${now}
    and (locked_until is null or locked_until <= ${now}) limit 100)`.execute(db);
  if (pastThreshold(counts))
    return {
      refusedUntil: refusedUntil(await readCounters(db, k), now) ?? plusMinutes(now, LOCKOUT_RULES.pair.minutes),
    };
  return { attempt: { lockout: k, locked } };
}

/** A right password or code: its count is given back, and a lock it set is lifted. */
export async function refundAttempt(db: Kysely<DB>, attempt: Attempt): Promise<void> {
  const keys = attempt.lockout.keys;
  await db
    .updateTable('auth_failures')
    .set({ failures: sql`greatest(failures - 1, 0)` })
    .where('key', 'in', Object.values(keys))
    .execute();
  if (attempt.locked.length)
    await db
      .updateTable('auth_failures')
      .set({ locked_until: null })
      .where(
        'key',
        'in',
        attempt.locked.map((s) => keys[s]),
      )
      .execute();
}

/** A success from the pair (a completed login or enrolment step) ends its run of failures. */
export async function clearPair(db: Kysely<DB>, k: LockoutKeys): Promise<void> {
  await db.deleteFrom('auth_failures').where('key', '=', k.keys.pair).execute();
}

/** Minutes to wait, rounded up, for the messages. */
export function minutesUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}
