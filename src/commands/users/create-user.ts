import { hash } from '@node-rs/argon2';
import type { z } from 'zod';
import { agencyResource, findRegion } from '../../db/repos/agencies.ts';
import { findUserByName } from '../../db/repos/users.ts';
import { SYSTEM } from '../../domain/access/index.ts';
import type { userInput } from '../../domain/access/user-input.ts';
import { invalid } from '../../domain/errors.ts';
import { passwordProblems } from '../../domain/password.ts';
import { authorize, type Ctx, inTransaction } from '../../shared/context.ts';

/** 新增用户: agency admins for their own agency's roles; system admins for any role. */
export async function createUser(ctx: Ctx, input: z.infer<typeof userInput>): Promise<string> {
  for (const r of input.roles) {
    if (r.role === 'supervisor' || r.role === 'sysadmin') {
      authorize(ctx, 'user.manage', SYSTEM);
      if (r.role === 'supervisor' && (!r.regionCode || !(await findRegion(ctx.db, r.regionCode)))) {
        throw invalid('监督角色须指定存在的行政区划');
      }
    } else {
      if (!r.agencyId) throw invalid('机关角色须指定机关');
      const res = await agencyResource(ctx.db, r.agencyId);
      if (!res) throw invalid('机关不存在');
      authorize(ctx, 'user.manage', res, { visibleWith: 'agency.read' });
    }
  }
  const problems = passwordProblems(input.password, input.username);
  if (problems.length) throw invalid(problems.join('；'), { field: 'password' });
  if (await findUserByName(ctx.db, input.username)) throw invalid(`用户名 ${input.username} 已被使用`);
  const passwordHash = await hash(input.password);
  return inTransaction(ctx, async (trx, audit) => {
    const user = await trx
      .insertInto('users')
      .values({
        username: input.username,
        display_name: input.displayName,
        email: input.email ?? null,
        password_hash: passwordHash,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const r of input.roles) {
      const isAgencyRole = r.role !== 'supervisor' && r.role !== 'sysadmin';
      await trx
        .insertInto('user_roles')
        .values({
          user_id: user.id,
          role: r.role,
          agency_id: isAgencyRole ? (r.agencyId ?? null) : null,
          region_code: r.role === 'supervisor' ? (r.regionCode ?? null) : null,
        })
        .execute();
    }
    await audit({
      agencyId: input.roles.find((r) => r.agencyId)?.agencyId ?? null,
      action: 'user.created',
      entityType: 'user',
      entityId: user.id,
      after: { username: input.username, displayName: input.displayName, roles: input.roles },
    });
    return user.id;
  });
}
