import { z } from 'zod';
import { apiTokenInput, loginInput, totpEnrolInput } from '../../domain/access/auth-input.ts';
import { ROLES } from '../../domain/access/index.ts';
import { defineRoute, instant, ok } from './common.ts';

/** 登录与认证: sessions (cookie + CSRF token), API tokens, TOTP enrolment. */

const limited: { errors: readonly [423] } = { errors: [423] };

export const login = defineRoute({
  method: 'POST',
  path: '/api/v1/auth/login',
  operationId: 'login',
  summary: '登录（管理员须动态口令）',
  description: '连续5次失败锁定账户（423）。返回的令牌也写入会话 Cookie；用 Cookie 的写操作须带 X-CSRF-Token。',
  tag: 'auth',
  auth: 'public',
  body: loginInput,
  responses: {
    200: z.object({
      token: z.string(),
      csrfToken: z.string(),
      expiresAt: instant,
      user: z.object({ id: z.uuid(), username: z.string(), displayName: z.string() }),
    }),
  },
  ...limited,
});

export const logout = defineRoute({
  method: 'POST',
  path: '/api/v1/auth/logout',
  operationId: 'logout',
  summary: '退出登录',
  tag: 'auth',
  auth: 'login',
  responses: { 200: ok },
});

export const createApiToken = defineRoute({
  method: 'POST',
  path: '/api/v1/auth/tokens',
  operationId: 'createApiToken',
  summary: '创建接口令牌（只显示一次）',
  tag: 'auth',
  auth: 'login',
  body: apiTokenInput,
  responses: { 201: z.object({ token: z.string(), name: z.string(), expiresAt: instant }) },
});

export const startTotpEnrolment = defineRoute({
  method: 'POST',
  path: '/api/v1/auth/totp/enrol',
  operationId: 'startTotpEnrolment',
  summary: '双因素认证：获取密钥（凭密码；更换密钥须当前动态口令）',
  tag: 'auth',
  auth: 'public',
  body: totpEnrolInput,
  responses: { 200: z.object({ secret: z.string(), uri: z.string().meta({ description: 'otpauth:// 地址' }) }) },
  errors: [409, 423],
});

export const confirmTotpEnrolment = defineRoute({
  method: 'POST',
  path: '/api/v1/auth/totp/confirm',
  operationId: 'confirmTotpEnrolment',
  summary: '双因素认证：以动态口令确认启用',
  tag: 'auth',
  auth: 'public',
  body: totpEnrolInput,
  responses: { 200: ok },
  errors: [409, 423],
});

export const me = defineRoute({
  method: 'GET',
  path: '/api/v1/me',
  operationId: 'me',
  summary: '当前用户与角色',
  tag: 'auth',
  auth: 'login',
  responses: {
    200: z.object({
      id: z.uuid(),
      username: z.string(),
      displayName: z.string(),
      email: z.string().nullable(),
      roles: z.array(
        z.object({
          role: z.enum(ROLES as [string, ...string[]]),
          agencyId: z.uuid().nullable(),
          regionPath: z.string().nullable().meta({ description: '监督角色：所监督地区的路径' }),
          label: z.string(),
        }),
      ),
      csrfToken: z.string().optional().meta({ description: '会话登录时：写操作所需的 CSRF 令牌' }),
    }),
  },
});

export const authContract = [login, logout, createApiToken, startTotpEnrolment, confirmTotpEnrolment, me] as const;
