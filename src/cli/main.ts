import { ConfigError } from '../config/index.ts';
import { DatabaseLockedError } from '../db/lock.ts';
import { AppError } from '../domain/errors.ts';
import { commands } from './commands.ts';

export const HELP = `gongkai — 政府信息公开平台 (open government information platform)

用法 (usage): gongkai <命令> [参数]

${commands.map((c) => `  ${c.usage.padEnd(44)} ${c.summary}`).join('\n')}

环境变量 (environment): PORT (3000), HOST (127.0.0.1), GONGKAI_DATA_DIR (./data), DATABASE_URL,
  GONGKAI_SECRET_KEY, GONGKAI_DEMO_PASSWORD, LOG_LEVEL
`;

/** Exit codes: 0 ok, 1 failure or checks failed, 2 bad input or configuration. */
export async function main(argv: string[]): Promise<number> {
  // What this process creates — the data dir, the database (its host inherits this), attachments, keys,
  // backups, reports — is readable by its owner only (SECURITY.md; src/ops/file-modes.ts).
  process.umask(0o077);
  const [first, second] = argv;
  if (!first || first === '--help' || first === '-h' || first === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  const cmd = commands.find((c) => c.name === `${first} ${second}`) ?? commands.find((c) => c.name === first);
  if (!cmd) {
    process.stderr.write(`未知命令 (unknown command): ${argv.join(' ')}\n\n${HELP}`);
    return 2;
  }
  const rest = argv.slice(cmd.name.split(' ').length);
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`用法 (usage): gongkai ${cmd.usage}\n  ${cmd.summary}\n`);
    return 0;
  }
  try {
    return await cmd.run(rest);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    if (err instanceof AppError) {
      process.stderr.write(`错误：${err.message}\n`);
      return err.status === 400 ? 2 : 1;
    }
    if (err instanceof DatabaseLockedError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE') {
      process.stderr.write(`端口已被占用 (port in use): ${e.message}。请设置其他 PORT。\n`);
      return 1;
    }
    process.stderr.write(`错误 (error): ${e.message}\n`);
    return 1;
  }
}
