import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { migrate } from '../db/migrate.ts';
import { invalid } from '../domain/errors.ts';
import { backup, RestoreError, restore } from '../ops/backup.ts';
import { auditCheckpoint, auditVerify } from './audit.ts';
import { calendarOfficial, calendarSet, calendarShow, deadlineCommand } from './calendar.ts';
import { ensureDemo } from './demo.ts';
import { reportFigures, reportGenerate, reportImport } from './report-generate.ts';
import { reportCheck, reportParse } from './report-read.ts';
import { withDatabase, withDatabaseAlone } from './runtime.ts';
import { serve } from './serve.ts';

export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  run(args: string[]): Promise<number>;
}

export const commands: CliCommand[] = [
  {
    name: 'serve',
    usage: 'serve',
    summary: '启动服务器（npm start）：迁移数据库，空库时加载演示数据',
    async run() {
      await serve();
      return new Promise<number>(() => {}); // runs until a signal
    },
  },
  {
    name: 'db migrate',
    usage: 'db migrate',
    summary: '执行数据库迁移',
    run: () =>
      withDatabase(async (database) => {
        const applied = await migrate(database.pool);
        process.stdout.write(applied.length ? `已执行迁移：${applied.join(', ')}\n` : '数据库已是最新，无需迁移\n');
        return 0;
      }),
  },
  {
    name: 'demo',
    usage: 'demo',
    summary: '加载演示数据（凉州区及其部门、各角色演示账号）；已加载时不作更改',
    run: () =>
      withDatabase(async (database, config) => {
        const { loaded, lines } = await ensureDemo(database, config);
        process.stdout.write(`${loaded ? '已加载演示数据。' : '演示数据已存在，未作更改。'}\n${lines.join('\n')}\n`);
        return 0;
      }),
  },
  {
    name: 'backup',
    usage: 'backup FILE',
    summary: '备份数据库和数据目录中的文件（服务运行中也可，一致性快照）',
    run: (args) =>
      withDatabase(async (database, config) => {
        const file = args[0];
        if (!file) throw invalid('请指定备份文件：gongkai backup FILE');
        const r = await backup(database.db, config.dataDir);
        writeFileSync(file, r.archive, { mode: 0o600 });
        process.stdout.write(`已备份：${r.rows} 行数据、${r.files} 个文件 → ${file}\n`);
        return 0;
      }),
  },
  {
    name: 'restore',
    usage: 'restore FILE',
    summary: '从备份恢复到新建的空数据库（DATABASE_URL 或新的数据目录）',
    run: (args) =>
      withDatabaseAlone('恢复', async (database, config) => {
        const file = args[0];
        if (!file || !existsSync(file)) throw invalid(`备份文件不存在：${file ?? '（未指定）'}`);
        try {
          const r = await restore(database.db, config.dataDir, readFileSync(file));
          process.stdout.write(`已恢复：${r.rows} 行数据、${r.files} 个文件。\n`);
          return 0;
        } catch (err) {
          if (!(err instanceof RestoreError)) throw err;
          process.stderr.write(`恢复未执行：${err.message}\n`);
          return 1;
        }
      }),
  },
  {
    name: 'audit verify',
    usage: 'audit verify [--checkpoint FILE]',
    summary: '校验每个机关的审计链（HMAC-SM3）并与最新检查点（及保存的检查点文件）核对，列出每处断裂',
    run: auditVerify,
  },
  {
    name: 'audit checkpoint',
    usage: 'audit checkpoint',
    summary: '校验后写入签名的审计检查点（数据目录 audit-checkpoints/；设置 AUDIT_CHECKPOINT_EMAIL 时另发邮件）',
    run: auditCheckpoint,
  },
  {
    name: 'deadline',
    usage: 'deadline FILE [--agency CODE]',
    summary: '计算法定期限：读取一个案件或案件数组（JSON），输出答复期限及其计算过程',
    run: deadlineCommand,
  },
  {
    name: 'calendar show',
    usage: 'calendar show YEAR [--region CODE] [--json]',
    summary: '显示某年的节假日与调休上班日',
    run: calendarShow,
  },
  {
    name: 'calendar set',
    usage: 'calendar set DATE workday|holiday [--region CODE] --why 依据',
    summary: '调整某日为上班或放假（全国或某行政区划），并重新计算所有未结期限',
    run: calendarSet,
  },
  {
    name: 'calendar official',
    usage: 'calendar official YEAR --notice 通知名称',
    summary: '登记某年国务院节假日安排已录入（该年期限不再是暂定）',
    run: calendarOfficial,
  },
  {
    name: 'report parse',
    usage: 'report parse FILE…',
    summary: '读取已发布的年度报告（txt/md/html/docx/pdf 或文件夹），输出交换格式 JSON',
    run: reportParse,
  },
  {
    name: 'report check',
    usage: 'report check FILE… [--json] [--csv FILE]',
    summary: '校验年度报告（R1–R5、空白单元格）；0 全部通过，1 有不通过，2 有文件无法读取',
    run: reportCheck,
  },
  {
    name: 'report generate',
    usage: 'report generate --agency CODE --year YYYY --format json|text|html|docx|pdf|xlsx [--out FILE]',
    summary: '由业务数据生成机关年度报告（无 --out 时输出到标准输出）',
    run: reportGenerate,
  },
  {
    name: 'report import',
    usage: 'report import FILE… --agency CODE',
    summary: '将已发布的历史年报解析后存为该机关的历史年报（无法完整解析的文件拒绝导入）',
    run: reportImport,
  },
  {
    name: 'report figures',
    usage: 'report figures --agency CODE --year YYYY FILE.csv',
    summary: '导入其他系统提供的年度数据（行政许可、处罚、强制、收费、采购），CSV 列：信息内容,列,数值',
    run: reportFigures,
  },
];
