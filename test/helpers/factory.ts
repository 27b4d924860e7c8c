import { createRegion } from '../../src/commands/agencies/create-region.ts';
import { createAgency } from '../../src/commands/agencies/save-agency.ts';
import { provisionTotp, TOTP_REQUIRED_ROLES } from '../../src/commands/auth/totp.ts';
import { createUser } from '../../src/commands/users/create-user.ts';
import type { Database } from '../../src/db/connect.ts';
import { loadActor } from '../../src/db/repos/users.ts';
import type { Actor, Role } from '../../src/domain/access/index.ts';
import { completeCreditCode } from '../../src/domain/credit-code.ts';
import { type Ctx, SYSTEM_ACTOR } from '../../src/shared/context.ts';

export const TEST_PASSWORD = 'Test-Passw0rd!';
/** Administrators' second factor in tests (base32). */
export const TEST_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
export const FIXED_NOW = new Date('2026-03-02T02:00:00Z'); // a Monday, 10:00 in Beijing

export function fixedClock(start = FIXED_NOW) {
  let t = start.getTime();
  const now = () => new Date(t);
  now.advance = (ms: number) => {
    t += ms;
  };
  now.set = (d: Date) => {
    t = d.getTime();
  };
  return now;
}

export function systemCtx(db: Database, now: () => Date = fixedClock()): Ctx {
  return { db: db.db, now, actor: SYSTEM_ACTOR, secretKey: Buffer.alloc(32, 7) };
}

let serial = 0;

export interface TestAgency {
  id: string;
  creditCode: string;
  name: string;
  users: Record<Exclude<Role, 'supervisor' | 'sysadmin'>, { id: string; username: string; actor: Actor }>;
}

/** Regions: 甘肃省 › 武威市 › 凉州区, and 兰州市 › 城关区 as "another region". Idempotent per database. */
export async function ensureRegions(ctx: Ctx) {
  const regions = [
    { code: '620000', name: '甘肃省', parentCode: null },
    { code: '620600', name: '武威市', parentCode: '620000' },
    { code: '620602', name: '凉州区', parentCode: '620600' },
    { code: '620100', name: '兰州市', parentCode: '620000' },
    { code: '620102', name: '城关区', parentCode: '620100' },
  ];
  for (const r of regions) {
    const exists = await ctx.db.selectFrom('regions').select('code').where('code', '=', r.code).executeTakeFirst();
    if (!exists) await createRegion(ctx, r);
  }
}

/** A whole agency: the agency and one user per agency role. */
export async function makeAgency(
  ctx: Ctx,
  opts: { name?: string; regionCode?: string; kind?: 'government' | 'department'; parentAgencyId?: string } = {},
): Promise<TestAgency> {
  await ensureRegions(ctx);
  serial += 1;
  const n = `${process.pid % 1000}${serial}`.padStart(6, '0').slice(-6);
  const creditCode = completeCreditCode(`11${opts.regionCode ?? '620602'}MB${n}`);
  const name = opts.name ?? `测试局${serial}`;
  const id = await createAgency(ctx, {
    name,
    creditCode,
    kind: opts.kind ?? 'department',
    regionCode: opts.regionCode ?? '620602',
    parentAgencyId: opts.parentAgencyId ?? null,
    contact: {},
    indexPattern: '{code}/{year}-{seq5}',
  });
  const users = {} as TestAgency['users'];
  for (const role of ['operator', 'reviewer', 'approver', 'agency_admin'] as const) {
    const username = `u${serial}-${role.replace('_', '')}`;
    const userId = await createUser(ctx, {
      username,
      displayName: `${name}${role}`,
      password: TEST_PASSWORD,
      roles: [{ role, agencyId: id }],
    });
    if (TOTP_REQUIRED_ROLES.has(role)) await provisionTotp(ctx, userId, TEST_TOTP_SECRET);
    users[role] = { id: userId, username, actor: (await loadActor(ctx.db, userId))! };
  }
  return { id, creditCode, name, users };
}

export async function makeUser(ctx: Ctx, role: 'supervisor' | 'sysadmin', regionCode = '620602') {
  await ensureRegions(ctx);
  serial += 1;
  const username = `u${serial}-${role}`;
  const id = await createUser(ctx, {
    username,
    displayName: username,
    password: TEST_PASSWORD,
    roles: [{ role, regionCode: role === 'supervisor' ? regionCode : null }],
  });
  if (TOTP_REQUIRED_ROLES.has(role)) await provisionTotp(ctx, id, TEST_TOTP_SECRET);
  return { id, username, actor: (await loadActor(ctx.db, id))! };
}
