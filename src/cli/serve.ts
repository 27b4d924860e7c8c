import { failInterruptedImports } from '../commands/catalogue/import-job.ts';
import { loadConfig } from '../config/index.ts';
import { verifyAudit } from '../db/audit.ts';
import { openDatabase, openReadDatabase } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { type PublicChanges, publicChanges } from '../db/public-changes.ts';
import { readRouter } from '../db/read-router.ts';
import { buildServer } from '../http/server.ts';
import { smtpTransport } from '../jobs/mailer.ts';
import { startScheduler } from '../jobs/scheduler.ts';
import { ownerOnly } from '../ops/file-modes.ts';
import { preparePersonalData } from '../shared/seal-at-rest.ts';
import { ensureDemo } from './demo.ts';
import { createLogger } from './runtime.ts';

/** `gongkai serve` (npm start): migrate, load the demo on an empty database, serve, shut down gracefully. */
export async function serve(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  // A data dir written by an older version (database files 0666, attachments 0644) becomes owner-only.
  const modes = ownerOnly(config.dataDir);
  if (modes.fixed || modes.truncated)
    logger.warn(modes, `数据目录权限已收紧为仅所有者可读写：${modes.fixed} 项 (data dir made owner-only)`);
  const database = await openDatabase(config, { role: 'server', notice: (m) => logger.warn(m) });
  const replica = config.databaseReadUrl ? await openReadDatabase(config.databaseReadUrl) : null;
  // Portal reads on the replica while it is healthy and close behind, else on the primary (read-router.ts).
  const reads = replica ? readRouter(database.pool, replica.pool) : null;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, '正在停止服务 (shutting down)');
    const timer = setTimeout(() => process.exit(1), 15_000);
    try {
      stopScheduler?.();
      await app?.close();
      await changes?.close();
      await reads?.close();
      await replica?.close();
      await database.close();
    } finally {
      clearTimeout(timer);
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  let app: Awaited<ReturnType<typeof buildServer>> | undefined;
  let stopScheduler: (() => void) | undefined;
  let changes: PublicChanges | undefined;
  try {
    const applied = await migrate(database.pool);
    if (applied.length) logger.info({ applied }, '数据库迁移完成 (migrations applied)');
    await preparePersonalData(database.db, config.secretKey, logger);
    // Imports cut off by the last stop wrote nothing; on a shared PostgreSQL another instance may still run its own.
    await failInterruptedImports(
      database,
      database.kind === 'embedded' ? new Date() : new Date(Date.now() - 6 * 3600_000),
    );
    const audit = await verifyAudit(database.db);
    if (!audit.ok) logger.error({ firstBroken: audit.firstBroken }, '审计日志哈希链校验失败 (audit chain broken)');
    const agencies = await database.db.selectFrom('agencies').select('id').limit(1).execute();
    const demo =
      agencies.length === 0 ||
      (await database.db.selectFrom('users').select('id').where('username', '=', 'demo-operator').executeTakeFirst())
        ? await ensureDemo(database, config)
        : null;
    // The public page cache hears every change to public content from the database (any instance's write).
    changes = config.publicCacheSeconds > 0 ? publicChanges(database) : undefined;
    app = await buildServer({
      db: database.db,
      now: () => new Date(),
      secretKey: config.secretKey,
      https: config.publicUrl?.startsWith('https://') ?? false,
      dbKind: database.kind,
      dataDir: config.dataDir,
      logger,
      readDb: reads?.db,
      readHealth: reads?.health,
      publicCacheSeconds: config.publicCacheSeconds,
      publicChanges: changes,
      trustProxy: config.trustProxy,
      site: config.site,
    });
    await app.listen({ port: config.port, host: config.host });
    if (!config.smtpUrl)
      logger.warn('未配置 SMTP_URL：邮件保存在发件箱中，配置后自动发送 (no SMTP_URL: mail waits in the outbox)');
    stopScheduler = startScheduler({
      db: database.db,
      now: () => new Date(),
      transport: config.smtpUrl ? smtpTransport(config.smtpUrl) : null,
      mailFrom: config.mailFrom,
      log: logger,
    });
    // Serving: CLI commands on this data dir now use this database instead of refusing (embedded.ts).
    database.share?.();
    const url =
      config.publicUrl ?? `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
    const out = [
      '',
      `gongkai 已启动：${url}/`,
      `  数据库 (database): ${database.kind === 'embedded' ? `内置 PGlite（${config.dataDir}/pgdata）` : 'PostgreSQL（DATABASE_URL）'}${replica ? '，门户读取只读副本（DATABASE_READ_URL）' : ''}`,
      `  门户 (portal): ${url}/`,
      `  管理后台 (console): ${url}/console/`,
      `  接口文档 (API docs): ${url}/api/v1/docs`,
      `  健康检查 (health): ${url}/healthz`,
      ...(demo ? [demo.loaded ? '  已加载演示数据 (demo data loaded)' : '', ...demo.lines] : []),
      '',
    ];
    process.stdout.write(out.filter((l) => l !== '').join('\n') + '\n');
  } catch (err) {
    await app?.close().catch(() => {});
    await changes?.close();
    await replica?.close();
    await database.close();
    throw err;
  }
}
