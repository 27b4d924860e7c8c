import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { figuresFromCsv } from '../commands/reports/figures-csv.ts';
import { importReport, saveFigures } from '../commands/reports/reports.ts';
import { findAgencyByCreditCode } from '../db/repos/agencies.ts';
import { analyzeFile } from '../documents/analyze.ts';
import { AppError } from '../domain/errors.ts';
import { REPORT_FORMATS, type ReportFormat, renderReport } from '../render/report-output.ts';
import { agencyReport } from '../shared/report/agency-report.ts';
import { expandInputs } from './report-read.ts';
import { systemCtx, withDatabase } from './runtime.ts';

/** `gongkai report generate --agency CODE --year YYYY --format json|text|html|docx|pdf|xlsx [--out FILE] [--version 2019|2021]` */
export async function reportGenerate(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      agency: { type: 'string' },
      year: { type: 'string' },
      format: { type: 'string', default: 'json' },
      out: { type: 'string' },
      version: { type: 'string' },
    },
  });
  const year = Number(values.year);
  const format = values.format as ReportFormat;
  if (
    !values.agency ||
    !Number.isInteger(year) ||
    year < 2019 ||
    !REPORT_FORMATS.includes(format) ||
    (values.version && !['2019', '2021'].includes(values.version))
  ) {
    process.stderr.write(
      `用法：gongkai report generate --agency 统一社会信用代码 --year 年度(≥2019) --format ${REPORT_FORMATS.join('|')} [--out 文件] [--version 2019|2021]\n`,
    );
    return 2;
  }
  return withDatabase(async (database) => {
    const agency = await findAgencyByCreditCode(database.db, values.agency!.toUpperCase());
    if (!agency) {
      process.stderr.write(`机关 ${values.agency} 不存在\n`);
      return 2;
    }
    const r = await agencyReport(
      database.db,
      agency.id,
      year,
      values.version ? { version: values.version as '2019' | '2021' } : {},
    );
    const out = await renderReport(r, format);
    if (values.out) writeFileSync(values.out, out);
    else process.stdout.write(out);
    if (values.out)
      process.stderr.write(
        `已生成 ${values.out}（${r.failures.length ? `${r.failures.length} 项校验不通过` : '校验全部通过'}）\n`,
      );
    return 0;
  });
}

/** `gongkai report import FILE… --agency CODE`: store parsed published reports as the agency's history. */
export async function reportImport(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { agency: { type: 'string' } } });
  if (!values.agency || !positionals.length) {
    process.stderr.write('用法：gongkai report import FILE… --agency 统一社会信用代码\n');
    return 2;
  }
  const analyses = await Promise.all(expandInputs(positionals).map(analyzeFile));
  const bad = analyses.filter(
    (a) => !a.ok || a.parsed.unresolved.length || a.parsed.notFound.length || !a.parsed.report.year,
  );
  if (bad.length) {
    for (const a of bad)
      process.stderr.write(
        `拒绝导入 ${a.file}：${!a.ok ? a.error : !a.parsed.report.year ? '无法识别年度' : '报告不完整或有无法确定的单元格'}\n`,
      );
    return 2;
  }
  return withDatabase(async (database, config) => {
    const agency = await findAgencyByCreditCode(database.db, values.agency!.toUpperCase());
    if (!agency) {
      process.stderr.write(`机关 ${values.agency} 不存在\n`);
      return 2;
    }
    for (const a of analyses) {
      if (!a.ok) continue;
      await importReport(systemCtx(database, config), agency.id, a.parsed.report);
      process.stdout.write(`已导入 ${a.file} → ${agency.name} ${a.parsed.report.year}年度报告\n`);
    }
    return 0;
  });
}

/** `gongkai report figures --agency CODE --year YYYY FILE.csv`: yearly figures from other systems. */
export async function reportFigures(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { agency: { type: 'string' }, year: { type: 'string' } },
  });
  const year = Number(values.year);
  if (!values.agency || !Number.isInteger(year) || !positionals[0]) {
    process.stderr.write(
      '用法：gongkai report figures --agency 统一社会信用代码 --year 年度 FILE.csv（列：信息内容,列,数值）\n',
    );
    return 2;
  }
  const text = readFileSync(positionals[0], 'utf8');
  return withDatabase(async (database, config) => {
    const agency = await findAgencyByCreditCode(database.db, values.agency!.toUpperCase());
    if (!agency) {
      process.stderr.write(`机关 ${values.agency} 不存在\n`);
      return 2;
    }
    const r = await agencyReport(database.db, agency.id, year);
    try {
      const figures = figuresFromCsv(r.version, text);
      await saveFigures(systemCtx(database, config), agency.id, year, figures);
      process.stdout.write(`已导入 ${agency.name} ${year}年 ${Object.keys(figures).length} 项数据\n`);
      return 0;
    } catch (err) {
      if (err instanceof AppError) {
        process.stderr.write(`${err.message}\n`);
        for (const e of (err.details as { errors?: { row: number; message: string }[] })?.errors ?? [])
          process.stderr.write(`  第 ${e.row} 行：${e.message}\n`);
        return 2;
      }
      throw err;
    }
  });
}
