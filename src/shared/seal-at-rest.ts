import { type Kysely, sql, type Transaction } from 'kysely';
import { appendAudit } from '../db/audit.ts';
import type { DB } from '../db/schema.ts';
import { trackingNumbersIn } from '../domain/case/tracking-number.ts';
import { SYSTEM_ACTOR } from './context.ts';
import {
  codeCandidates,
  fillMarkers,
  hideValues,
  type PersonalValues,
  QUERY_CODE_NOT_KEPT,
  readerValues,
  stripMarkers,
} from './letter-seal.ts';
import { indexApplicantNames } from './name-index.ts';
import { outboxDedupeKey, sealMail } from './outbox.ts';
import { bindProcessKey, decrypt, encrypt, maskAddress, maskEmailsIn } from './pii.ts';
import { queryCodeHash } from './tracking.ts';

/**
 * The start-up step of personal data at rest (migration 0015; 个人信息保护法第五十一条), run after the migrations
 * and before the server answers, by `serve` and by every CLI command that opens the database:
 * - binds this process's secret key for what is sealed without a Ctx at hand (the outbox, letters);
 * - seals what versions before 0015 kept in clear: letters (the applicant's and a third party's names become
 *   markers, sealed beside the text; a printed 查询码 goes), outbox rows (recipient and body; dedupe keys
 *   digested; addresses in errors masked), the replayed answers of idempotent submissions (they hold the query
 *   code) and the 获取信息的途径 of applications.
 * One transaction under an advisory lock (several instances starting at once seal once); a second run finds
 * nothing to do. Tables it rewrote are then compacted (VACUUM FULL), so the clear row versions leave the data
 * files; copies already in old WAL segments or backups are beyond its reach.
 */
export interface SealCounts {
  letters: number;
  mails: number;
  answers: number;
  deliveries: number;
}

type Log = { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };

const LOCK = 74_063_523; // advisory lock: one sealing pass at a time across instances
const BATCH = 500;
const TABLES: Record<keyof SealCounts, string> = {
  letters: 'letters',
  mails: 'mail_outbox',
  answers: 'idempotency_keys',
  deliveries: 'applications',
};

function open<T>(secret: Buffer, sealed: string): T {
  try {
    return decrypt<T>(secret, sealed);
  } catch {
    throw new Error('无法解密申请人信息：密钥与数据库不符 (GONGKAI_SECRET_KEY does not match the database)');
  }
}

export async function preparePersonalData(db: Kysely<DB>, secret: Buffer, log?: Log): Promise<SealCounts> {
  bindProcessKey(secret);
  const counts = await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${LOCK})`.execute(trx);
    const c: SealCounts = {
      letters: await sealLetters(trx, secret),
      mails: await sealOutbox(trx, secret),
      answers: await sealAnswers(trx, secret),
      deliveries: await sealDeliveries(trx, secret),
    };
    if (Object.values(c).some((n) => n > 0))
      await appendAudit(trx, {
        at: new Date(),
        actorId: null,
        actorName: SYSTEM_ACTOR.username,
        agencyId: null,
        action: 'system.personal_data_sealed',
        entityType: 'database',
        entityId: '0015',
        after: c,
      });
    return c;
  });
  for (const [what, n] of Object.entries(counts) as [keyof SealCounts, number][]) {
    if (!n) continue;
    try {
      await sql`vacuum full ${sql.table(TABLES[what])}`.execute(db);
    } catch (err) {
      log?.warn({ table: TABLES[what], err: (err as Error).message }, '整理数据表失败 (vacuum full failed)');
    }
  }
  if (Object.values(counts).some((n) => n > 0))
    log?.info({ sealed: counts }, '已加密存量个人信息 (personal data at rest sealed)');
  // Migration 0019: the applicant-name search tokens of applications written before it (keyed hashes only).
  const named = await indexApplicantNames(db, secret);
  if (named) log?.info({ applications: named }, '已建立申请人姓名检索索引 (applicant names indexed)');
  return counts;
}

/** The query code an older row printed, if any: the candidate whose keyed hash is the application's. */
function printedCode(secret: Buffer, text: string, trackingNumber: string, hash: string): string | undefined {
  return codeCandidates(text).find((c) => queryCodeHash(secret, trackingNumber, c) === hash);
}

async function sealLetters(trx: Transaction<DB>, secret: Buffer): Promise<number> {
  let n = 0;
  for (;;) {
    const rows = await trx
      .selectFrom('letters as l')
      .innerJoin('applications as a', 'a.id', 'l.application_id')
      .select([
        'l.id',
        'l.kind',
        'l.title',
        'l.body',
        'l.event_seq',
        'l.application_id',
        'a.tracking_number',
        'a.query_code_hash',
        'a.applicant_enc',
        'a.applicant_masked',
      ])
      .where('l.personal_enc', 'is', null)
      .limit(BATCH)
      .execute();
    if (!rows.length) return n;
    for (const r of rows) {
      const personal: PersonalValues = { applicant: open<{ name: string }>(secret, r.applicant_enc).name };
      if (r.kind === 'third_party' && r.event_seq !== null) {
        const ev = await trx
          .selectFrom('application_events')
          .select('data')
          .where('application_id', '=', r.application_id)
          .where('seq', '=', r.event_seq)
          .executeTakeFirst();
        const party = (ev?.data as { partyName?: unknown } | undefined)?.partyName;
        if (typeof party === 'string' && party) personal.thirdParty = party;
      }
      const code = printedCode(secret, [r.title, ...r.body].join('\n'), r.tracking_number, r.query_code_hash);
      const hide = (s: string) => hideValues(stripMarkers(s), { ...personal, queryCode: code });
      const masked = (r.applicant_masked as { name?: string }).name ?? '';
      await trx
        .updateTable('letters')
        .set({
          title: fillMarkers(hide(r.title), readerValues({ kind: 'staff_masked', maskedApplicant: masked }, personal)),
          body: JSON.stringify(r.body.map(hide)),
          personal_enc: encrypt(secret, personal),
        })
        .where('id', '=', r.id)
        .execute();
      n++;
    }
  }
}

async function sealOutbox(trx: Transaction<DB>, secret: Buffer): Promise<number> {
  let n = 0;
  for (;;) {
    const { rows } = await sql<{
      id: string;
      to: string;
      body: string;
      subject: string;
      dedupe_key: string | null;
      last_error: string | null;
    }>`select id, legacy_to_address as to, coalesce(legacy_body, '') as body, subject, dedupe_key, last_error
       from mail_outbox where sealed is null limit ${BATCH}`.execute(trx);
    if (!rows.length) return n;
    for (const r of rows) {
      // The confirmation mail printed the query code: found by the application numbers the mail names.
      let body = r.body;
      const numbers = [...new Set(trackingNumbersIn(`${r.subject}\n${r.body}`))];
      if (numbers.length) {
        const apps = await trx
          .selectFrom('applications')
          .select(['tracking_number', 'query_code_hash'])
          .where('tracking_number', 'in', numbers)
          .execute();
        for (const a of apps) {
          const code = printedCode(secret, body, a.tracking_number, a.query_code_hash);
          if (code) body = body.split(code).join(QUERY_CODE_NOT_KEPT);
        }
      }
      await sql`update mail_outbox set sealed = ${sealMail(secret, { to: r.to, body })},
          legacy_to_address = null, legacy_body = null,
          dedupe_key = ${r.dedupe_key === null ? null : outboxDedupeKey(secret, r.dedupe_key)},
          last_error = ${r.last_error === null ? null : maskEmailsIn(r.last_error)}
        where id = ${r.id}`.execute(trx);
      n++;
    }
  }
}

async function sealAnswers(trx: Transaction<DB>, secret: Buffer): Promise<number> {
  let n = 0;
  for (;;) {
    const { rows } = await sql<{ scope: string; key: string; response: unknown }>`
      select scope, key, response from idempotency_keys where not (response ? 'sealed') limit ${BATCH}`.execute(trx);
    if (!rows.length) return n;
    for (const r of rows) {
      await trx
        .updateTable('idempotency_keys')
        .set({ response: JSON.stringify({ sealed: encrypt(secret, r.response) }) })
        .where('scope', '=', r.scope)
        .where('key', '=', r.key)
        .execute();
      n++;
    }
  }
}

async function sealDeliveries(trx: Transaction<DB>, secret: Buffer): Promise<number> {
  let n = 0;
  for (;;) {
    const rows = await trx
      .selectFrom('applications')
      .select(['id', 'delivery'])
      .where('delivery', 'is not', null)
      .where('delivery_enc', 'is', null)
      .limit(BATCH)
      .execute();
    if (!rows.length) return n;
    for (const r of rows) {
      await trx
        .updateTable('applications')
        .set({ delivery: maskAddress(r.delivery!), delivery_enc: encrypt(secret, r.delivery) })
        .where('id', '=', r.id)
        .execute();
      n++;
    }
  }
}
