import { z } from 'zod';
import { ROLES } from './policy.ts';

/** 新增用户: a staff account and its roles (agency roles name the agency, supervisors their region). */
export const roleInput = z.object({
  role: z.enum(ROLES as [string, ...string[]], { message: '角色不正确' }).transform((r) => r as (typeof ROLES)[number]),
  agencyId: z.uuid('机关编号格式不正确').nullable().optional(),
  regionCode: z
    .string()
    .regex(/^\d{6}$/, '行政区划代码应为6位数字')
    .nullable()
    .optional(),
});

export const userInput = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9._-]{2,49}$/, '用户名须为3–50位小写字母、数字、点、横线或下划线'),
  displayName: z.string().trim().min(1, '请填写姓名').max(50).meta({ title: '姓名', labelEn: 'display name' }),
  email: z.email('电子邮箱格式不正确').optional(),
  password: z.string().meta({ title: '密码', labelEn: 'password' }),
  roles: z.array(roleInput).min(1, '至少分配一个角色'),
});
