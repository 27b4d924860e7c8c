import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { type Config, loadConfig } from '../config/index.ts';
import { type Database, openDatabase } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { requestLogFields } from '../http/log-redaction.ts';
import type { Ctx } from '../shared/context.ts';
import { SYSTEM_ACTOR } from '../shared/context.ts';
import { preparePersonalData } from '../shared/seal-at-rest.ts';

/** The server's logger (a destination only in tests): credentials redacted from headers, bodies and URLs. */
export function createLogger(level: string, destination?: pino.DestinationStream) {
  return pino(
    {
      level,
      serializers: { req: requestLogFields },
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'res.headers["set-cookie"]',
          '*.password',
          '*.token',
        ],
        censor: '[已隐藏]',
      },
    },
    ...(destination ? [destination] : []),
  );
}

/**
 * Opens the configured database, applies migrations, runs `fn`, closes. While `gongkai serve` runs on the
 * embedded database, the command uses the server's (embedded.ts) — unless `alone` names an action that must
 * not run beside it (恢复), which is then refused.
 */
export async function withDatabase<T>(
  fn: (database: Database, config: Config) => Promise<T>,
  opts: { alone?: string } = {},
): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config, { alone: opts.alone });
  try {
    await migrate(database.pool);
    await preparePersonalData(database.db, config.secretKey);
    return await fn(database, config);
  } finally {
    await database.close();
  }
}

/** `withDatabase` for a command that must not run beside a running server; `action` is named in the refusal. */
export function withDatabaseAlone<T>(action: string, fn: (database: Database, config: Config) => Promise<T>) {
  return withDatabase(fn, { alone: action });
}

export function systemCtx(database: Database, config: Config): Ctx {
  return { db: database.db, now: () => new Date(), actor: SYSTEM_ACTOR, secretKey: config.secretKey };
}

/** The demo password: GONGKAI_DEMO_PASSWORD, else the one generated at first load (kept in the data dir). */
export function demoPasswordFile(config: Config) {
  return join(config.dataDir, 'demo-password.txt');
}

export function readDemoPassword(config: Config): string | undefined {
  if (config.demoPassword) return config.demoPassword;
  const f = demoPasswordFile(config);
  return existsSync(f) ? readFileSync(f, 'utf8').trim() : undefined;
}

export function saveDemoPassword(config: Config, password: string) {
  if (config.demoPassword) return;
  writeFileSync(demoPasswordFile(config), password + '\n', { mode: 0o600 });
  chmodSync(demoPasswordFile(config), 0o600);
}
