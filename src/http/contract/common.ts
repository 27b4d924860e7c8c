import { z } from 'zod';
import { isISODate } from '../../domain/calendar/index.ts';
import { TRACKING_NUMBER } from '../../domain/case/tracking-number.ts';

/**
 * The HTTP contract's building blocks: a route's description (method, path, inputs, responses, who may call
 * it), the one error body, ids and the small shapes every area shares. Pure (zod and src/domain only), so the
 * console imports the same contract the server is registered from.
 */

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The OpenAPI tags, with the description each carries in the document. */
export const TAGS = {
  applications: '依申请公开：网上申请、进度查询与告知书下载（公众，无需登录）',
  cases: '依申请公开：案件登记、办理、告知书、复议诉讼（工作人员）',
  templates: '告知书模板：机关自定义告知书的文字',
  catalogue: '主动公开：信息目录的编辑、保密审查、批准、发布、附件、导入导出',
  agencies: '机关与用户：机关信息、机关页面、工作人员账号',
  auth: '登录与认证：会话、API 令牌、双因素认证',
  calendar: '工作日历与法定期限：节假日安排、地方调整、期限计算',
  reports: '年度报告：统计、编辑、报送、审核、发布',
  supervision: '监督：考核、社会评议、责任追究、回应关切、政策解读',
  audit: '审计与运维：审计日志、哈希链校验、备份',
  console: '工作台：界面语言、标签与用户列表',
  reviews: '审查记录与工作台：退回意见、延期批准、待批准的答复',
} as const;
export type Tag = keyof typeof TAGS;

/** A response (or request body) that is a file rather than JSON. */
export interface FileSpec {
  readonly kind: 'file';
  readonly types: readonly string[];
  readonly description: string;
}
export const file = (types: readonly string[], description: string): FileSpec => ({ kind: 'file', types, description });
export const isFileSpec = (x: unknown): x is FileSpec => (x as FileSpec | undefined)?.kind === 'file';
/** `?inline=1` on a file route: a PDF or HTML file shown in the browser (Content-Disposition: inline). */
export const inline = z
  .enum(['1', 'true', '0', 'false'])
  .optional()
  .meta({ description: '1：PDF、HTML 在浏览器中预览（Content-Disposition: inline）；默认下载（attachment）' });

export type SuccessStatus = 200 | 201 | 202;
export type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 414 | 415 | 423 | 429 | 431 | 500;

/** Every route can answer these: bad input, bad token, refused, absent, too many requests, our own failure. */
export const DEFAULT_ERRORS: readonly ErrorStatus[] = [400, 401, 403, 404, 429, 500];

export interface RouteSpec {
  readonly method: Method;
  /** Fastify's path syntax (`/api/v1/cases/:tn`). */
  readonly path: string;
  readonly operationId: string;
  /** 中文 summary, shown in the API documentation. */
  readonly summary: string;
  readonly description?: string;
  readonly tag: Tag;
  /** `login`: 401 without a session or token (checked before the input). */
  readonly auth: 'public' | 'login';
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly headers?: z.ZodObject;
  readonly body?: z.ZodType | FileSpec;
  readonly responses: Partial<Record<SuccessStatus, z.ZodType | FileSpec>>;
  /** A file the same status may carry instead of its JSON (e.g. `?format=pdf`). */
  readonly files?: Partial<Record<SuccessStatus, FileSpec>>;
  /** Error statuses beyond `DEFAULT_ERRORS`. */
  readonly errors?: readonly ErrorStatus[];
}

export const defineRoute = <const S extends RouteSpec>(spec: S): S => spec;

// ── The error body ────────────────────────────────────────────────────────────────────────────────────────────

export const ERROR_CODES = [
  'invalid',
  'unauthenticated',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'conflict',
  'payload_too_large',
  'uri_too_long',
  'unsupported_media_type',
  'locked',
  'rate_limited',
  'headers_too_large',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const issue = z.object({
  path: z.string().meta({ description: '出错的字段（如 applicant.name；空表示整个请求）' }),
  message: z.string(),
});

/** `{ error: { code, message, details: [{ path, message }] } }`, the language of the request. */
export const errorBody = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string().meta({ description: '给用户看的说明（中文，或 English）' }),
      details: z.array(issue),
      /** Login: the account needs a TOTP code (`totp`). */
      totpRequired: z.boolean().optional(),
      /** Login: an administrator must enrol a TOTP secret first. */
      totpEnrolmentRequired: z.boolean().optional(),
      /** Imports: the rows that failed, with their problems. */
      rows: z.array(z.object({ row: z.number().int(), column: z.string().optional(), message: z.string() })).optional(),
    }),
  })
  .meta({ description: '错误' });
export type ErrorBody = z.infer<typeof errorBody>;

// ── Shared shapes ─────────────────────────────────────────────────────────────────────────────────────────────

export const uuid = (title = '编号', labelEn = 'id') =>
  z.uuid({ message: `${title}格式不正确` }).meta({ title, labelEn });
export const isoDate = (title = '日期', labelEn = 'date') =>
  z.string().refine(isISODate, `${title}无效（格式 YYYY-MM-DD）`).meta({ title, labelEn, format: 'date' });
export const year = (min = 2008) => z.coerce.number().int().min(min).max(2100).meta({ title: '年份', labelEn: 'year' });
export const regionCode = () =>
  z
    .string()
    .regex(/^\d{6}$/, '地区代码应为6位数字')
    .meta({ title: '地区代码', labelEn: 'region code' });
export const trackingNumber = () =>
  z
    .string()
    .regex(TRACKING_NUMBER, '申请编号格式不正确（如 GK2026-000001）')
    .meta({ title: '申请编号', labelEn: 'tracking number', example: 'GK2026-000001' });
export const limit = (max = 1000) =>
  z.coerce.number().int().min(1).max(max).meta({ title: '条数', labelEn: 'limit' }).optional();
export const shortText = (max: number) => z.string().trim().max(max);

export const ok = z.object({ ok: z.literal(true) });
/** A date as `YYYY-MM-DD` (date columns travel as strings). */
export const dateOut = z.string().meta({ format: 'date' });
/** An instant, ISO 8601. */
export const instant = z.string().meta({ format: 'date-time' });
export const idOnly = z.object({ id: z.uuid() });
/** One page of a staff list: its rows, how many there are in all (an estimate when `exact` is false), where it is. */
export const listPage = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int().meta({ description: '总条数（exact 为 false 时为估计：约 N 条）' }),
    exact: z.boolean(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
