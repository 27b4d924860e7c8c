import { existsSync } from 'node:fs';
import { type VerifyResult, verifyAudit } from '../db/audit.ts';
import { invalid } from '../domain/errors.ts';
import { makeCheckpoint } from '../jobs/audit-checkpoint.ts';
import { withDatabase } from './runtime.ts';

function checkpointArg(args: string[]): string | undefined {
  const i = args.indexOf('--checkpoint');
  if (i < 0) return undefined;
  const file = args[i + 1];
  if (!file || file.startsWith('--')) throw invalid('请指定检查点文件：gongkai audit verify --checkpoint FILE');
  if (!existsSync(file)) throw invalid(`检查点文件不存在：${file}`);
  return file;
}

function report(r: VerifyResult): string {
  const lines: string[] = [];
  if (r.breaks.length) {
    lines.push(`审计日志被篡改或损坏（${r.breaks.length} 条审计链未通过）：`);
    for (const b of r.breaks) lines.push(`  - ${b.message}`);
  } else {
    lines.push(`审计日志完整：共 ${r.count} 条、${r.chains} 条审计链，哈希链（HMAC-SM3）校验通过。`);
  }
  const refused = r.checkpoints.filter((c) => !c.valid);
  if (refused.length) {
    lines.push(`检查点被拒绝（${refused.length} 个，审计日志校验不能算通过）：`);
    for (const c of refused) lines.push(`  - ${c.message}`);
  }
  for (const c of r.checkpoints)
    if (c.valid && !r.breaks.some((b) => b.checkpoint === c.file))
      lines.push(`与检查点 ${c.file}（${c.at}，${c.chains} 条链）核对一致。`);
  if (r.checkpoints.length === 0)
    lines.push('尚无检查点：运行 gongkai audit checkpoint 生成一个（服务运行时每天自动生成）。');
  return `${lines.join('\n')}\n`;
}

/** `gongkai audit verify [--checkpoint FILE]`: 0 when every chain and checkpoint holds, 1 otherwise. */
export async function auditVerify(args: string[]): Promise<number> {
  const checkpoint = checkpointArg(args);
  return withDatabase(async (database) => {
    const r = await verifyAudit(database.db, checkpoint ? { checkpoint } : {});
    process.stdout.write(report(r));
    return r.ok ? 0 : 1;
  });
}

/** `gongkai audit checkpoint`: verifies, then writes (and mails, when configured) a signed checkpoint. */
export async function auditCheckpoint(): Promise<number> {
  return withDatabase(async (database) => {
    const out = await makeCheckpoint(database.db, new Date(), 'cli');
    if (!out.ok) {
      process.stdout.write(`${report(out.verify)}未写入检查点：审计日志校验未通过。\n`);
      return 1;
    }
    process.stdout.write(
      `已写入审计检查点：${out.file}（${out.checkpoint.heads.length} 条审计链）${out.mailed ? '，副本已放入发件箱' : ''}。\n` +
        '请另存一份（或设置 AUDIT_CHECKPOINT_EMAIL 每天发送）：日后用 gongkai audit verify --checkpoint 文件 核对。\n',
    );
    return 0;
  });
}
