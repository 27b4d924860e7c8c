import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';

/** Thrown for configuration that cannot work; the message is one line for the operator. */
export class ConfigError extends Error {}

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  GONGKAI_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must start with postgres:// or postgresql://')
    .optional(),
  // A streaming replica of DATABASE_URL: portal pages and search read there (docs/deploy.md).
  DATABASE_READ_URL: z
    .string()
    .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must start with postgres:// or postgresql://')
    .optional(),
  PUBLIC_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(5),
  GONGKAI_SECRET_KEY: z
    .string()
    .refine((v) => /^[0-9a-f]{64}$/i.test(v), 'must be 64 hexadecimal characters (32 bytes)')
    .optional(),
  GONGKAI_DEMO_PASSWORD: z.string().optional(),
  GONGKAI_PUBLIC_URL: z
    .string()
    .refine((v) => /^https?:\/\//.test(v), 'must start with http:// or https://')
    .optional(),
  SMTP_URL: z
    .string()
    .refine((v) => /^smtps?:\/\//.test(v), 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('政府信息公开平台 <noreply@localhost>'),
  // The reverse proxies whose X-Forwarded-For is believed (docs/deploy.md); unset: the socket's peer is the client.
  TRUST_PROXY: z
    .string()
    .transform((v) => v.split(',').map((p) => p.trim()))
    .superRefine((list, ctx) => {
      const problem = list.map(proxyProblem).find((p) => p !== null);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  AUDIT_CHECKPOINT_EMAIL: z.email('must be an e-mail address').optional(),
  // The site's identity in the portal's footer (主办单位, 联系方式, 网站标识码, ICP and 公安 备案号): docs/deploy.md.
  SITE_SPONSOR: z.string().max(100).optional(),
  SITE_CONTACT: z.string().max(200).optional(),
  SITE_CODE: z
    .string()
    .regex(/^[0-9A-Za-z]{10}$/, 'must be the 10-character 网站标识码')
    .optional(),
  SITE_ICP: z.string().max(60).optional(),
  SITE_PSB: z.string().max(60).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Why one entry of TRUST_PROXY cannot be used, or null: an address, a CIDR, or a proxy-addr range name. */
function proxyProblem(entry: string): string | null {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return null;
  const [address = '', bits, extra] = entry.split('/');
  const family = isIP(address);
  if (!entry || extra !== undefined || family === 0)
    return `must list proxy addresses or CIDRs separated by commas (e.g. 10.0.0.5,192.168.10.0/24); "${entry}" is neither`;
  if (bits === undefined) return null;
  const max = family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(bits) || Number(bits) > max) return `"${entry}": the prefix length must be 1 to ${max}`;
  if (Number(bits) === 0) return `"${entry}" trusts every address: any client could forge X-Forwarded-For`;
  return null;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** A read replica for the public portal; requires `databaseUrl`. */
  databaseReadUrl: string | undefined;
  /** Rendered public pages are reused this long for anonymous visitors (0: off). */
  publicCacheSeconds: number;
  /** 32-byte key for encrypting personal data and signing; hex in env or generated into the data dir. */
  secretKey: Buffer;
  demoPassword: string | undefined;
  publicUrl: string | undefined;
  /** Outgoing mail; without it mail stays in the outbox (nothing is lost) until SMTP is configured. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Where the daily signed audit checkpoint is also e-mailed (a copy outside this machine); none when unset. */
  auditCheckpointEmail: string | undefined;
  logLevel: string;
  /** The portal footer's 主办单位, 联系方式, 网站标识码, ICP and 公安 备案号 (unset: from the government agency). */
  site: { sponsor?: string; contact?: string; siteCode?: string; icp?: string; psb?: string };
  /** Proxies whose X-Forwarded-For is believed; undefined: none (the socket's peer is the client). */
  trustProxy: string[] | undefined;
}

/** Validates the environment without touching the disk. */
export function parseEnv(env: Record<string, string | undefined>) {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const key = issue.path.join('.');
    throw new ConfigError(
      `配置错误 (configuration error): ${key}=${JSON.stringify(cleaned[key] ?? '')} ${issue.message}`,
    );
  }
  return result.data;
}

/** Loads configuration: env validated, data dir created, secret key read or generated (0600). */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  const e = parseEnv(env);
  if (e.DATABASE_READ_URL && !e.DATABASE_URL)
    throw new ConfigError('配置错误 (configuration error): DATABASE_READ_URL needs DATABASE_URL (a replica of it)');
  const dataDir = isAbsolute(e.GONGKAI_DATA_DIR) ? e.GONGKAI_DATA_DIR : resolve(cwd, e.GONGKAI_DATA_DIR);
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (err) {
    throw new ConfigError(
      `配置错误 (configuration error): GONGKAI_DATA_DIR=${dataDir} cannot be created: ${(err as Error).message}`,
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    databaseReadUrl: e.DATABASE_READ_URL,
    publicCacheSeconds: e.PUBLIC_CACHE_SECONDS,
    secretKey: e.GONGKAI_SECRET_KEY ? Buffer.from(e.GONGKAI_SECRET_KEY, 'hex') : ensureSecretKey(dataDir),
    demoPassword: e.GONGKAI_DEMO_PASSWORD,
    publicUrl: e.GONGKAI_PUBLIC_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    auditCheckpointEmail: e.AUDIT_CHECKPOINT_EMAIL,
    logLevel: e.LOG_LEVEL,
    site: {
      ...(e.SITE_SPONSOR ? { sponsor: e.SITE_SPONSOR } : {}),
      ...(e.SITE_CONTACT ? { contact: e.SITE_CONTACT } : {}),
      ...(e.SITE_CODE ? { siteCode: e.SITE_CODE } : {}),
      ...(e.SITE_ICP ? { icp: e.SITE_ICP } : {}),
      ...(e.SITE_PSB ? { psb: e.SITE_PSB } : {}),
    },
    trustProxy: e.TRUST_PROXY,
  };
}

function ensureSecretKey(dataDir: string): Buffer {
  const file = join(dataDir, 'secret.key');
  if (existsSync(file)) {
    const hex = readFileSync(file, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/i.test(hex)) {
      throw new ConfigError(`配置错误 (configuration error): ${file} does not hold a 64-hex-character key`);
    }
    return Buffer.from(hex, 'hex');
  }
  const key = randomBytes(32);
  writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return key;
}
