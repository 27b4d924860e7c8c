import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import { nameGrams, queryNameGrams } from '../domain/lists/name-grams.ts';
import { decrypt, keyedDigest } from './pii.ts';

/**
 * The applicant-name index (migration 0019): keyed hashes (HMAC-SHA256 under a key derived from the secret key,
 * purpose `applicant-name`, cut to 64 bits) of the name's grams. The name itself stays sealed in `applicant_enc`;
 * without the secret key the hashes name no one.
 */
const hash = (secret: Buffer, gram: string) => keyedDigest(secret, 'applicant-name', gram).slice(0, 16);

/** The tokens an application is stored with (written at intake). */
export const nameTokens = (secret: Buffer, name: string): string[] => nameGrams(name).map((g) => hash(secret, g));

/** The tokens a search for `q` asks for (all of them); none when `q` has no letters. */
export const nameQueryTokens = (secret: Buffer, q: string): string[] => queryNameGrams(q).map((g) => hash(secret, g));

const BATCH = 500;

function sealedName(secret: Buffer, sealed: string): string {
  try {
    return decrypt<{ name?: string }>(secret, sealed).name ?? '';
  } catch {
    throw new Error('无法解密申请人信息：密钥与数据库不符 (GONGKAI_SECRET_KEY does not match the database)');
  }
}

/**
 * Backfill at start (beside the sealing step): applications written before 0019 get their tokens, a batch at a
 * time, from the sealed name. A second run finds nothing to do. Returns how many rows were indexed.
 */
export async function indexApplicantNames(db: Kysely<DB>, secret: Buffer): Promise<number> {
  let n = 0;
  for (;;) {
    const rows = await db
      .selectFrom('applications')
      .select(['id', 'applicant_enc'])
      .where('applicant_name_tokens', 'is', null)
      .limit(BATCH)
      .execute();
    if (!rows.length) return n;
    const values = rows.map((r) => ({
      id: r.id,
      t: nameTokens(secret, sealedName(secret, r.applicant_enc)),
    }));
    // One statement a batch: the tokens travel as JSON, not as a text[][] (rows differ in length).
    await sql`update applications a set applicant_name_tokens = array(select jsonb_array_elements_text(v.t))
      from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(id uuid, t jsonb) where a.id = v.id`.execute(db);
    n += rows.length;
  }
}
