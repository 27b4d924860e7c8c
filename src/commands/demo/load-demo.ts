import { randomBytes } from 'node:crypto';
import { findAgencyByCreditCode } from '../../db/repos/agencies.ts';
import { defaultPatterns } from '../../domain/agency/letter-settings.ts';
import { passwordProblems } from '../../domain/password.ts';
import { type Ctx, SYSTEM_ACTOR } from '../../shared/context.ts';
import { createRegion } from '../agencies/create-region.ts';
import { saveLetterSettings } from '../agencies/letter-settings.ts';
import { createAgency } from '../agencies/save-agency.ts';
import { demoTotpSecret, provisionTotp, TOTP_REQUIRED_ROLES } from '../auth/totp.ts';
import { createUser } from '../users/create-user.ts';
import { DEMO_AGENCIES, DEMO_REGIONS, DEMO_STAFF, DEMO_USERS, type DemoAgency, SEED_AGENCY_CODE } from './data.ts';

export interface DemoResult {
  loaded: boolean;
  users: { username: string; displayName: string }[];
}

export function generateDemoPassword(): string {
  // Meets the 等保 rules: upper, lower, digit and symbol.
  return `Gk-${randomBytes(6).toString('base64url')}7a!Q`;
}

/** The demo agencies' 文号 patterns (from their 机关代字) and 救济途径. */
const demoLetterSettings = (a: DemoAgency) => ({
  docCode: a.docCode,
  patterns: defaultPatterns(a.docCode),
  reviewBody: a.reviewBody,
  court: a.court,
});

/** A demo loaded before the 文号 register (migration 0018) gets the demo's letter settings, once. */
async function settleLetterSettings(ctx: Ctx) {
  for (const a of DEMO_AGENCIES) {
    const row = await findAgencyByCreditCode(ctx.db, a.creditCode);
    if (!row) continue;
    const has = await ctx.db
      .selectFrom('letter_settings')
      .select('agency_id')
      .where('agency_id', '=', row.id)
      .executeTakeFirst();
    if (!has) await saveLetterSettings(ctx, row.id, demoLetterSettings(a));
  }
}

/** Where the demo's files go (attachments): the data directory; none in tests that need no files. */
export interface DemoEnv {
  dataDir?: string;
}

/** Extension points for later modules' demo data (catalogue, applications, reports), run in the same transaction. */
export type DemoExtension = (ctx: Ctx, ids: Record<string, string>, env: DemoEnv) => Promise<void>;

/**
 * Loads the demo government in one transaction; does nothing when it is already there.
 * Every record goes through the ordinary commands, so it is validated and audited like any other.
 */
export async function loadDemo(
  ctx: Ctx,
  password: string,
  extensions: DemoExtension[] = [],
  env: DemoEnv = {},
): Promise<DemoResult> {
  const users = DEMO_USERS.map((u) => ({ username: u.username, displayName: u.displayName }));
  if (await findAgencyByCreditCode(ctx.db, SEED_AGENCY_CODE)) {
    await settleLetterSettings({ ...ctx, actor: SYSTEM_ACTOR });
    return { loaded: false, users };
  }
  const problems = passwordProblems(password, '');
  if (problems.length) throw new Error(`GONGKAI_DEMO_PASSWORD 不符合密码规则：${problems.join('；')}`);
  await ctx.db.transaction().execute(async (trx) => {
    const sys: Ctx = { ...ctx, db: trx, actor: SYSTEM_ACTOR };
    for (const r of DEMO_REGIONS) {
      if (!(await trx.selectFrom('regions').select('code').where('code', '=', r.code).executeTakeFirst())) {
        await createRegion(sys, { code: r.code, name: r.name, parentCode: r.parentCode });
      }
    }
    const ids: Record<string, string> = {};
    const gov = DEMO_AGENCIES.find((a) => a.kind === 'government')!;
    for (const a of [gov, ...DEMO_AGENCIES.filter((x) => x !== gov)]) {
      ids[a.key] = await createAgency(sys, {
        name: a.name,
        shortName: a.shortName,
        creditCode: a.creditCode,
        kind: a.kind,
        regionCode: '620602',
        parentAgencyId: a === gov ? null : ids.gov!,
        contact: {
          office: a.kind === 'government' ? '凉州区人民政府办公室（政务公开办）' : `${a.shortName}办公室`,
          address: '甘肃省武威市凉州区',
          postcode: '733000',
          phone: a.phone,
          hours: '工作日 上午8:30–12:00，下午14:30–18:00',
        },
        indexPattern: '{code}/{year}-{seq5}',
        docCode: a.docCode,
      });
      await saveLetterSettings(sys, ids[a.key]!, demoLetterSettings(a));
    }
    for (const u of DEMO_USERS) {
      const userId = await createUser(sys, {
        username: u.username,
        displayName: u.displayName,
        password,
        roles: [
          {
            role: u.role,
            agencyId: 'agency' in u ? ids[u.agency] : null,
            regionCode: 'region' in u ? u.region : null,
          },
        ],
      });
      // 等保: administrators log in with a second factor; the demo's is derived from the demo password.
      if (TOTP_REQUIRED_ROLES.has(u.role)) await provisionTotp(sys, userId, demoTotpSecret(password));
    }
    for (const s of DEMO_STAFF) {
      await createUser(sys, {
        username: s.username,
        displayName: s.displayName,
        password,
        roles: (['operator', 'reviewer', 'approver'] as const).map((role) => ({
          role,
          agencyId: ids[s.agency]!,
          regionCode: null,
        })),
      });
    }
    for (const ext of extensions) await ext(sys, ids, env);
  });
  return { loaded: true, users };
}
