import { demoTotpSecret } from '../commands/auth/totp.ts';
import { demoExtensions } from '../commands/demo/extensions.ts';
import { generateDemoPassword, loadDemo } from '../commands/demo/load-demo.ts';
import type { Config } from '../config/index.ts';
import type { Database } from '../db/connect.ts';
import { readDemoPassword, saveDemoPassword, systemCtx } from './runtime.ts';

/** Loads the demo when absent; returns the lines to print (logins and password). */
export async function ensureDemo(database: Database, config: Config): Promise<{ loaded: boolean; lines: string[] }> {
  const password = readDemoPassword(config) ?? generateDemoPassword();
  const result = await loadDemo(systemCtx(database, config), password, demoExtensions, { dataDir: config.dataDir });
  if (result.loaded) saveDemoPassword(config, password);
  const known = readDemoPassword(config);
  const lines = [
    '演示账号 (demo logins):',
    ...result.users.map((u) => `  ${u.username.padEnd(16)} ${u.displayName}`),
    known
      ? `  密码 (password): ${known}${config.demoPassword ? '（来自 GONGKAI_DEMO_PASSWORD）' : ''}`
      : '  密码：加载演示数据时已打印（未保存在数据目录）',
    ...(known
      ? [
          `  管理员（demo-admin、demo-sysadmin）另需动态口令：将密钥 ${demoTotpSecret(known)} 添加到验证器应用（TOTP, 30 秒, 6 位）`,
        ]
      : []),
  ];
  return { loaded: result.loaded, lines };
}
