import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fixedClock, makeAgency, systemCtx } from '../../test/helpers/factory.ts';
import { DEMO_GOVERNMENT_CODE } from '../commands/demo/data.ts';
import { verifyAudit } from '../db/audit.ts';
import { openDatabase } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';

const bin = join(import.meta.dirname, '../../bin/gongkai.js');
let dataDir: string;

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, DATABASE_URL: '', GONGKAI_DATA_DIR: dataDir, ...env },
    encoding: 'utf8',
    // A guard against a hang, not a speed target: loading the demo on a busy CI machine takes over a minute.
    timeout: 300_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'gongkai-cli-'));
});
/** The key the CLI generated in the data dir (its first run). */
const dataDirKey = () => Buffer.from(readFileSync(join(dataDir, 'secret.key'), 'utf8').trim(), 'hex');
after(() => rmSync(dataDir, { recursive: true, force: true }));

test('--help works without a database', () => {
  const r = cli(['--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /gongkai/);
  assert.match(r.stdout, /audit verify/);
});

test('bad configuration stops with one clear line and exit code 2', () => {
  for (const [env, pattern] of [
    [{ PORT: 'abc' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL.*postgres/],
    [{ GONGKAI_SECRET_KEY: 'short' }, /GONGKAI_SECRET_KEY/],
  ] as const) {
    const r = cli(['db', 'migrate'], env);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, pattern);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  }
});

test('demo loads once; a second run changes nothing', () => {
  const first = cli(['demo'], { GONGKAI_DEMO_PASSWORD: 'Demo-Pass-2026' });
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /已加载演示数据/);
  assert.match(first.stdout, /demo-supervisor/);
  const second = cli(['demo'], { GONGKAI_DEMO_PASSWORD: 'Demo-Pass-2026' });
  assert.equal(second.code, 0);
  assert.match(second.stdout, /未作更改/);
  // 条例第五十条: the demo government's 2025 roll-up states its 考核, 社会评议 and 责任追究 results.
  const gov = cli(['report', 'generate', '--agency', '11620602013932018K', '--year', '2025', '--format', 'json']);
  assert.equal(gov.code, 0, gov.stderr);
  const problems = JSON.parse(gov.stdout).text.problems as string;
  assert.match(problems, /对5个部门（单位）的政府信息公开工作进行考核，平均得分[\d.]+分/);
  assert.match(problems, /公众通过政府信息公开平台评价\d+次/);
  assert.match(problems, /对1个单位（人员）进行责任追究，措施包括约谈/);
});

test('gongkai backup FILE and gongkai restore FILE: the demo comes back whole in a new data dir', () => {
  const file = join(dataDir, 'backup.zip');
  const b = cli(['backup', file]);
  assert.equal(b.code, 0, b.stderr);
  assert.match(b.stdout, /已备份：\d+ 行数据/);
  const fresh = mkdtempSync(join(tmpdir(), 'gongkai-restore-'));
  try {
    const r = cli(['restore', file], { GONGKAI_DATA_DIR: fresh });
    assert.equal(r.code, 0, r.stderr);
    const again = cli(['restore', file], { GONGKAI_DATA_DIR: fresh });
    assert.equal(again.code, 1);
    assert.match(again.stderr, /不是空的/);
    const v = cli(['audit', 'verify'], { GONGKAI_DATA_DIR: fresh });
    assert.equal(v.code, 0, v.stderr);
    // The restored secret key still opens the applicants' encrypted data: the report of 2024 computes.
    const rep = cli(['report', 'generate', '--agency', '11620602MB161547XN', '--year', '2024', '--format', 'json'], {
      GONGKAI_DATA_DIR: fresh,
    });
    assert.equal(rep.code, 0, rep.stderr);
    assert.deepEqual(readFileSync(join(fresh, 'secret.key')), readFileSync(join(dataDir, 'secret.key')));
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
  assert.equal(cli(['restore', join(dataDir, 'nope.zip')]).code, 2);
});

test('audit verify: intact chain passes; an edited row is reported as the first broken link', async () => {
  const ok = cli(['audit', 'verify']);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /校验通过/);

  // The test appends with the data dir's own key, as the CLI does.
  const database = await openDatabase({ dataDir, databaseUrl: undefined, secretKey: dataDirKey() });
  let target: number;
  let agencyId: string;
  try {
    await migrate(database.pool);
    agencyId = (await makeAgency(systemCtx(database, fixedClock()), { name: '篡改测试局' })).id;
    // The log refuses updates…
    await assert.rejects(database.pool.query(`update audit_events set action = 'x' where seq = 3`), /append-only/);
    // …so a tamperer must go around the trigger.
    target = 2;
    await database.pool.query('alter table audit_events disable trigger audit_events_no_update');
    await database.pool.query(
      `update audit_events set after = '{"name":"篡改"}'::jsonb where chain = $1 and chain_seq = $2`,
      [agencyId, target],
    );
    const v = await verifyAudit(database.db);
    assert.equal(v.ok, false);
    assert.deepEqual(
      { chain: v.firstBroken?.chain, seq: v.firstBroken?.seq, reason: v.firstBroken?.reason },
      { chain: agencyId, seq: target, reason: 'hash_mismatch' },
    );
  } finally {
    await database.close();
  }
  const r = cli(['audit', 'verify']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, new RegExp(`篡改测试局（${agencyId}）的审计链第 ${target} 条：内容被修改`));
});

test('report generate: the demo 2020 report equals the seed in every cell; every format opens; 2024 passes its checks', async () => {
  const code = '11620602MB161547XN';
  const out = mkdtempSync(join(tmpdir(), 'gongkai-report-'));
  const json = cli(['report', 'generate', '--agency', code, '--year', '2020', '--format', 'json']);
  assert.equal(json.code, 0, json.stderr);
  const got = JSON.parse(json.stdout);
  const exp = JSON.parse(readFileSync(join(import.meta.dirname, '../../../shared/samples/expected/001.json'), 'utf8'));
  for (const k of ['version', 'year', 'agency']) assert.equal(got[k], exp[k]);
  for (const sec of ['proactive', 'applications', 'appeals']) assert.deepEqual(got[sec], exp[sec], sec);
  assert.deepEqual(got.checks, exp.checks);
  assert.match(got.text.overview, /2020年主动公开发布各类政府信息43条,累计发布各类政府信息2816条/);

  // The text output reads back to the same numbers.
  const txt = join(out, '2020.txt');
  assert.equal(
    cli(['report', 'generate', '--agency', code, '--year', '2020', '--format', 'text', '--out', txt]).code,
    0,
  );
  const back = JSON.parse(cli(['report', 'parse', txt]).stdout);
  for (const sec of ['proactive', 'applications', 'appeals'])
    assert.deepEqual(back[sec], exp[sec], `parsed back ${sec}`);

  const y2024 = JSON.parse(cli(['report', 'generate', '--agency', code, '--year', '2024', '--format', 'json']).stdout);
  assert.deepEqual(y2024.checks, { R1: [], R2: [], R3: [], R4: [], M: [] });
  const rows = Object.entries(y2024.applications as Record<string, { total: number }>).filter(
    ([k, v]) => !['new', 'carried_over', 'total', 'carried_forward'].includes(k) && v.total > 0,
  );
  assert.ok(rows.length >= 3, `outcome rows with applications: ${rows.map(([k]) => k)}`);

  for (const f of ['docx', 'pdf', 'xlsx', 'html'] as const) {
    const file = join(out, `2024.${f}`);
    const r = cli(['report', 'generate', '--agency', code, '--year', '2024', '--format', f, '--out', file]);
    assert.equal(r.code, 0, r.stderr);
  }
  assert.match(execFileSync('unzip', ['-l', join(out, '2024.docx')], { encoding: 'utf8' }), /word\/document\.xml/);
  const xlsx = execFileSync('unzip', ['-l', join(out, '2024.xlsx')], { encoding: 'utf8' });
  assert.match(xlsx, /xl\/workbook\.xml/);
  assert.match(xlsx, /xl\/worksheets\/sheet3\.xml/);
  const pdfText = execFileSync('pdftotext', [join(out, '2024.pdf'), '-'], { encoding: 'utf8' });
  assert.match(pdfText.replace(/\s/g, ''), /凉州区市场监督管理局2024年政府信息公开工作年度报告/);
  assert.match(readFileSync(join(out, '2024.html'), 'utf8'), /<svg/);
  // The DOCX and PDF read back as passing reports.
  const check = cli(['report', 'check', join(out, '2024.docx'), join(out, '2024.pdf')]);
  assert.equal(check.code, 0, check.stdout);
});

test('report figures from CSV (validated whole) and report import of a published report', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-figures-'));
  const good = join(dir, 'figures.csv');
  const bad = join(dir, 'bad.csv');
  writeFileSync(good, '信息内容,列,数值\n行政许可,本年处理决定数量,1234\n行政处罚,本年处理决定数量,56\n');
  writeFileSync(bad, '信息内容,列,数值\n行政许可,本年处理决定数量,-3\n规章,本年制发件数,1\n');
  const refused = cli(['report', 'figures', '--agency', '11620602MB161547XN', '--year', '2025', bad]);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /第 2 行：“行政许可·本年处理决定数量”的数值“-3”不正确/);
  assert.match(refused.stderr, /第 3 行：“规章”不是2021年版格式中由其他系统提供的项目/);
  const ok = cli(['report', 'figures', '--agency', '11620602MB161547XN', '--year', '2025', good]);
  assert.equal(ok.code, 0, ok.stderr);
  const r = JSON.parse(
    cli(['report', 'generate', '--agency', '11620602MB161547XN', '--year', '2025', '--format', 'json']).stdout,
  );
  assert.equal(r.proactive.licensing.decisions, 1234);
  assert.equal(r.proactive.penalty.decisions, 56);

  // A published report of another agency, read from its text, stored as its history.
  const govCode = JSON.parse(
    cli(['report', 'parse', join(import.meta.dirname, '../../../shared/samples/reports/010.txt')]).stdout,
  );
  assert.equal(govCode.agency, '淮安市人民政府');
  // A report published here is never overwritten by an import.
  const over = cli([
    'report',
    'import',
    join(import.meta.dirname, '../../../shared/samples/reports/010.txt'),
    '--agency',
    '11620602MB161547XN',
  ]);
  assert.equal(over.code, 1);
  assert.match(over.stderr, /已在本平台发布/);
  // The demo publishes every agency's reports up to the year before last: the 2024 report is imported into an
  // agency that joined the platform without one (as a government moving its history in).
  const database = await openDatabase({ dataDir, databaseUrl: undefined, secretKey: dataDirKey() });
  let newcomer: string;
  try {
    newcomer = (await makeAgency(systemCtx(database, fixedClock()), { name: '新入驻机关', kind: 'government' }))
      .creditCode;
  } finally {
    await database.close();
  }
  assert.equal(
    cli([
      'report',
      'import',
      join(import.meta.dirname, '../../../shared/samples/reports/010.txt'),
      '--agency',
      DEMO_GOVERNMENT_CODE,
    ]).code,
    1,
    'the demo government has published its 2024 report here',
  );
  const imp = cli([
    'report',
    'import',
    join(import.meta.dirname, '../../../shared/samples/reports/010.txt'),
    '--agency',
    newcomer,
  ]);
  assert.equal(imp.code, 0, imp.stderr);
  const y2024 = JSON.parse(
    cli(['report', 'generate', '--agency', newcomer, '--year', '2024', '--format', 'json']).stdout,
  );
  assert.equal(y2024.applications.new.total, 3119);
  const refusedImport = cli([
    'report',
    'import',
    join(import.meta.dirname, '../../../shared/samples/reports/014.txt'),
    '--agency',
    '11620602MB161547XN',
  ]);
  assert.equal(refusedImport.code, 2);
  assert.match(refusedImport.stderr, /拒绝导入/);
});
