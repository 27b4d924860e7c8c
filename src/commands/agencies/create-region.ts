import { z } from 'zod';
import { findRegion } from '../../db/repos/agencies.ts';
import { SYSTEM } from '../../domain/access/index.ts';
import { invalid } from '../../domain/errors.ts';
import { authorize, type Ctx, inTransaction } from '../../shared/context.ts';

export const regionInput = z.object({
  code: z.string().regex(/^\d{6}$/, '行政区划代码应为6位数字'),
  name: z.string().trim().min(1).max(50),
  parentCode: z
    .string()
    .regex(/^\d{6}$/)
    .nullable()
    .optional(),
});

/** 新增行政区划 (system admin). The path of ancestor codes drives supervisors' scopes. */
export async function createRegion(ctx: Ctx, input: z.infer<typeof regionInput>) {
  authorize(ctx, 'agency.create', SYSTEM);
  if (await findRegion(ctx.db, input.code)) throw invalid(`行政区划 ${input.code} 已存在`);
  let path = input.code;
  if (input.parentCode) {
    const parent = await findRegion(ctx.db, input.parentCode);
    if (!parent) throw invalid(`上级行政区划 ${input.parentCode} 不存在`);
    path = `${parent.path}/${input.code}`;
  }
  await inTransaction(ctx, async (trx, audit) => {
    await trx
      .insertInto('regions')
      .values({ code: input.code, name: input.name, parent_code: input.parentCode ?? null, path })
      .execute();
    await audit({ agencyId: null, action: 'region.created', entityType: 'region', entityId: input.code, after: input });
  });
}
