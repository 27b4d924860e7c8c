import { z } from 'zod';

/**
 * The inputs of login, API tokens and 双因素认证 enrolment, as the HTTP contract reads them (the commands in
 * src/commands/auth check the same shapes again).
 */
const username = z.string().min(1, '请输入用户名').max(100).meta({ title: '用户名', labelEn: 'username' });
const password = z.string().min(1, '请输入密码').max(200).meta({ title: '密码', labelEn: 'password' });

export const loginInput = z.object({
  username,
  password,
  totp: z.string().trim().max(10).meta({ title: '动态口令', labelEn: 'one-time code' }).optional(),
});

export const apiTokenInput = z.object({
  name: z.string().trim().min(1, '请填写令牌名称').max(100).meta({ title: '令牌名称', labelEn: 'token name' }),
  days: z.number().int().min(1).max(730).default(365).meta({ title: '有效天数', labelEn: 'days valid' }),
});

export const totpEnrolInput = z.object({
  username,
  password,
  code: z.string().trim().max(10).meta({ title: '动态口令', labelEn: 'one-time code' }).optional(),
});
