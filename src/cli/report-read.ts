import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Analysis, addAcrossYears, analyzeFile, checkOutput, parseOutput } from '../documents/analyze.ts';
import { REPORT_EXTENSIONS } from '../documents/read-report.ts';
import type { CheckFailure } from '../domain/report/index.ts';
import { dashboardHtml } from './report-dashboard.ts';

/** Files and folders (recursively, by supported extension), in a stable order. */
export function expandInputs(inputs: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) {
      out.push(p); // reported as unreadable
      return;
    }
    if (st.isDirectory()) dir(p);
    else out.push(p);
  };
  // Directory entries carry their type: no stat per file (a researcher's folder holds thousands).
  const dir = (p: string) => {
    const entries = readdirSync(p, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const e of entries) {
      const q = join(p, e.name);
      const isDir = e.isDirectory() || (e.isSymbolicLink() && statSync(q, { throwIfNoEntry: false })?.isDirectory());
      if (isDir) dir(q);
      else if (REPORT_EXTENSIONS.includes(extname(e.name).toLowerCase())) out.push(q);
    }
  };
  for (const i of inputs) walk(i);
  return out;
}

/** Reads every file; progress on stderr: a bar on a terminal, else a count line at every tenth (and the end). */
async function analyzeAll(files: string[]): Promise<Analysis[]> {
  const many = files.length > 1;
  const tty = process.stderr.isTTY && many;
  const step = Math.max(1, Math.ceil(files.length / 10));
  const out: Analysis[] = [];
  // A window of files in flight: while HTML, DOCX and PDF files are turned into text in the worker pool, this
  // thread parses the plain-text ones (read one by one, it waited on every worker round trip; parsing the text in
  // the pool too measured twice as slow). Results keep the folder's order; the window bounds the memory held.
  const WINDOW = 16;
  const inFlight: Promise<Analysis>[] = [];
  for (let j = 0; j < Math.min(WINDOW, files.length); j++) inFlight.push(analyzeFile(files[j]!));
  for (let i = 0; i < files.length; i++) {
    out.push(await inFlight[i % WINDOW]!);
    if (i + WINDOW < files.length) inFlight[i % WINDOW] = analyzeFile(files[i + WINDOW]!);
    const n = i + 1;
    if (tty && (i % 10 === 9 || n === files.length)) {
      const w = 30;
      const done = Math.round((n / files.length) * w);
      process.stderr.write(`\r读取年报 ${'█'.repeat(done)}${'░'.repeat(w - done)} ${n}/${files.length}`);
    } else if (!tty && many && (n % step === 0 || n === files.length))
      process.stderr.write(`读取年报 ${n}/${files.length}\n`);
  }
  if (tty) process.stderr.write('\n');
  return out;
}

/** `gongkai report parse FILE…` */
export async function reportParse(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (!positionals.length) {
    process.stderr.write('用法：gongkai report parse FILE…（.txt .md .html .docx .pdf，或文件夹）\n');
    return 2;
  }
  const files = expandInputs(positionals);
  const all = await analyzeAll(files);
  const out = all.map(parseOutput);
  process.stdout.write(
    `${JSON.stringify(files.length === 1 && positionals.length === 1 && !statSync(positionals[0]!, { throwIfNoEntry: false })?.isDirectory() ? out[0] : out, null, 2)}\n`,
  );
  return all.some((a) => !a.ok) ? 2 : 0;
}

const RULE_NAMES: Record<string, string> = {
  R1: 'R1 勾稽关系',
  R2: 'R2 总计等于各办理结果之和',
  R3: 'R3 总计等于各类申请人之和',
  R4: 'R4 复议诉讼总计',
  M: 'M 空白单元格',
  R5: 'R5 上下年度结转',
};

/**
 * `gongkai report check FILE|DIR… [--json] [--csv FILE] [--html FILE]`: exit 0 all hold, 1 any fails, 2 any
 * unreadable (the others are still read and reported).
 */
export async function reportCheck(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, csv: { type: 'string' }, html: { type: 'string' } },
  });
  if (!positionals.length) {
    process.stderr.write('用法：gongkai report check FILE|文件夹… [--json] [--csv 汇总.csv] [--html 看板.html]\n');
    return 2;
  }
  const files = expandInputs(positionals);
  const all = await analyzeAll(files);
  const r5 = addAcrossYears(all);
  const anyR5 = r5.size > 0;
  const results = all.map((a) => checkOutput(a, anyR5 ? (r5.get(a.file) ?? []) : undefined));
  if (values.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else process.stdout.write(human(all, r5));
  if (values.csv) writeFileSync(values.csv, csv(results));
  if (values.html)
    writeFileSync(values.html, dashboardHtml(all, r5, new Date().toISOString().slice(0, 16).replace('T', ' ')));
  if (all.some((a) => !a.ok && a.unreadable) || all.some((a) => !a.ok)) return 2;
  const fails = all.some((a) => a.ok && (a.failures.length > 0 || (r5.get(a.file)?.length ?? 0) > 0));
  return fails ? 1 : 0;
}

function human(all: Analysis[], r5: Map<string, CheckFailure[]>): string {
  const lines: string[] = [];
  let ok = 0;
  for (const a of all) {
    if (!a.ok) {
      const m = a.meta;
      const known = m
        ? [m.agency, m.year && `${m.year}年度`, m.version && `${m.version}版格式`].filter(Boolean).join(' ')
        : '';
      lines.push(`✗ ${a.file}${known ? `  ${known}` : ''}\n    无法读取：${a.error}`);
      continue;
    }
    const r = a.parsed.report;
    const failures = [...a.failures, ...(r5.get(a.file) ?? [])];
    const head = `${a.file}  ${r.agency ?? '（机关名称未识别）'} ${r.year ?? '（年度未识别）'}年度 ${r.version}版格式`;
    if (failures.length === 0) {
      ok++;
      lines.push(
        `✓ ${head}：全部校验通过${a.parsed.unresolved.length ? `（${a.parsed.unresolved.length} 个单元格无法确定，未参与校验）` : ''}`,
      );
    } else {
      lines.push(`✗ ${head}：${failures.length} 项不通过`);
      for (const rule of ['R1', 'R2', 'R3', 'R4', 'M', 'R5']) {
        const fs = failures.filter((f) => f.rule === rule);
        if (!fs.length) continue;
        lines.push(`    ${RULE_NAMES[rule]}：`);
        for (const f of fs.slice(0, 20)) lines.push(`      ${f.message}`);
        if (fs.length > 20) lines.push(`      …另有 ${fs.length - 20} 项`);
      }
    }
    for (const i of a.parsed.inferences) lines.push(`    推断：${i}`);
    if (a.parsed.tablesNotFound.length)
      lines.push(`    未找到的表格：${a.parsed.tablesNotFound.join('、')}（不按零计）`);
    if (a.parsed.unresolved.length)
      lines.push(
        `    无法确定的单元格：${a.parsed.unresolved.slice(0, 10).join('、')}${a.parsed.unresolved.length > 10 ? ' …' : ''}`,
      );
  }
  lines.push(
    '',
    `共 ${all.length} 份：${ok} 份全部通过，${all.filter((a) => a.ok).length - ok} 份有不通过项，${all.filter((a) => !a.ok).length} 份无法读取。`,
  );
  return `${lines.join('\n')}\n`;
}

function csv(results: ReturnType<typeof checkOutput>[]): string {
  const q = (v: unknown) => `"${String(v ?? '').replace(/"/g, '""')}"`;
  const rows = [
    ['file', 'version', 'year', 'agency', 'status', 'R1', 'R2', 'R3', 'R4', 'M', 'R5', 'unresolved', 'error'].join(','),
  ];
  for (const r of results) {
    if ('error' in r) {
      const m = r as { version?: string | null; year?: number | null; agency?: string | null; reason: string };
      rows.push(
        [q(r.file), m.version ?? '', m.year ?? '', q(m.agency), m.reason, '', '', '', '', '', '', '', q(r.error)].join(
          ',',
        ),
      );
      continue;
    }
    const c = r.checks;
    const failed = [c.R1, c.R2, c.R3, c.R4, c.M, c.R5 ?? []].some((x) => x.length);
    rows.push(
      [
        q(r.file),
        r.version,
        r.year ?? '',
        q(r.agency),
        failed ? 'fail' : 'pass',
        ...[c.R1, c.R2, c.R3, c.R4, c.M, c.R5 ?? []].map((x) => q(x.join(' '))),
        q(r.unresolved.join(' ')),
        '',
      ].join(','),
    );
  }
  return `\ufeff${rows.join('\n')}\n`;
}
