import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { type TestDatabase, testDatabase } from '../../../test/helpers/db.ts';
import { fixedClock, makeAgency, makeUser, systemCtx, type TestAgency } from '../../../test/helpers/factory.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';

/** Section 二 saved through the API, the government's figures, the supervisor's roll-up, overdue reports. */
let database: TestDatabase;
let server: TestServer;
let gov: TestAgency;
let filled: TestAgency;
let blank: TestAgency;
// 2026-03-02: the departments' 2025 reports are past 1月31日, the government's not yet past 3月31日.
const now = fixedClock(new Date('2026-03-02T02:00:00Z'));
const tk = { supervisor: '', filled: '', blank: '' };
const Y = 2025;
const FIGURES = ['licensing.decisions', 'penalty.decisions', 'coercion.decisions', 'fees.amount_10k_yuan'];

before(async () => {
  database = await testDatabase();
  const ctx = systemCtx(database, now);
  gov = await makeAgency(ctx, { name: '凉州区人民政府', kind: 'government' });
  filled = await makeAgency(ctx, { name: '凉州区市场监督管理局', parentAgencyId: gov.id });
  blank = await makeAgency(ctx, { name: '凉州区教育局', parentAgencyId: gov.id });
  server = await startTestServer(database, now);
  tk.supervisor = await server.apiToken((await makeUser(ctx, 'supervisor', '620602')).username);
  tk.filled = await server.apiToken(filled.users.operator.username);
  tk.blank = await server.apiToken(blank.users.operator.username);
});
after(async () => {
  await server.close();
  await database.close();
});

const report = async (id: string, token = tk.supervisor) => {
  const r = await server.request('GET', `/api/v1/reports/${id}/${Y}`, { token });
  assert.equal(r.status, 200, r.text);
  return r.body;
};
const save = (id: string, token: string, body: unknown) =>
  server.request('PUT', `/api/v1/reports/${id}/${Y}/figures`, { token, body });
const blanks = (r: { failures: { rule: string; at: string }[] }) =>
  r.failures.filter((f) => f.rule === 'M' && f.at.startsWith('proactive.')).map((f) => f.at.slice(10));

describe('section 二', () => {
  test('a department saves its figures; bad cells are refused on their path and change nothing', async () => {
    assert.deepEqual(blanks(await report(filled.id)), FIGURES);
    const bad = await save(filled.id, tk.filled, { licensing: { decisions: -3 }, penalty: { decisions: 1.5 } });
    assert.equal(bad.status, 400, bad.text);
    const paths = bad.body.error.details.map((d: { path: string }) => d.path).sort();
    assert.deepEqual(paths, ['licensing.decisions', 'penalty.decisions']);
    assert.match(JSON.stringify(bad.body.error.details), /不能为负数/);
    assert.deepEqual(blanks(await report(filled.id)), FIGURES, 'nothing saved');
    const unknown = await save(filled.id, tk.filled, { rules: { issued: 4 } });
    assert.equal(unknown.status, 400, '规章 are counted from the catalogue, never entered');
    const ok = await save(filled.id, tk.filled, {
      licensing: { decisions: 120 },
      penalty: { decisions: 8 },
      coercion: { decisions: 0 },
      fees: { amount_10k_yuan: 1.25 },
    });
    assert.equal(ok.status, 200, ok.text);
    const r = await report(filled.id);
    assert.deepEqual(blanks(r), []);
    assert.equal(r.proactive.licensing.decisions, 120);
    assert.equal(r.figures.fees.amount_10k_yuan, 1.25);
    // Another agency's operator does not enter them.
    assert.equal((await save(filled.id, tk.blank, { licensing: { decisions: 1 } })).status, 404);
  });

  test('the government report: the departments’ sum by default; the supervisor enters figures that stand instead', async () => {
    // One department left them blank: the sum is blank, four M failures.
    let g = await report(gov.id);
    assert.deepEqual(blanks(g), FIGURES);
    assert.equal(g.departments.length, 2);
    const b = await save(blank.id, tk.blank, { licensing: { decisions: 30 }, penalty: { decisions: 2 } });
    assert.equal(b.status, 200, b.text);
    g = await report(gov.id);
    assert.equal(g.proactive.licensing.decisions, 150, 'sum of the departments');
    assert.deepEqual(blanks(g), ['coercion.decisions', 'fees.amount_10k_yuan']);
    // 条例第四十九条: the 主管部门 compiles the government report: the supervisor fills the rest in.
    const s = await save(gov.id, tk.supervisor, { coercion: { decisions: 1 }, fees: { amount_10k_yuan: 3 } });
    assert.equal(s.status, 200, s.text);
    g = await report(gov.id);
    assert.deepEqual(blanks(g), []);
    assert.equal(g.proactive.coercion.decisions, 1);
    assert.equal(g.proactive.licensing.decisions, 150);
    // …but not a department's own.
    assert.equal((await save(filled.id, tk.supervisor, { licensing: { decisions: 1 } })).status, 403);
    // The region roll-up counts the government report once: its entered figures, not added to the departments'.
    const roll = await server.request('GET', `/api/v1/supervision/report?region=620602&year=${Y}`, {
      token: tk.supervisor,
    });
    assert.equal(roll.status, 200, roll.text);
    assert.deepEqual(roll.body.report.proactive, g.proactive);
    assert.deepEqual(roll.body.report.applications, g.applications);
  });
});

describe('the supervisor’s 汇总年度报告 and overdue reports', () => {
  test('the roll-up is the region government’s report; an empty agency id is refused in words', async () => {
    const empty = await server.request('GET', `/api/v1/reports//${Y}`, { token: tk.supervisor });
    assert.ok(empty.status === 400 || empty.status === 404, empty.text);
    const g = await report(gov.id);
    assert.equal(g.agency, '凉州区人民政府');
    assert.ok(g.departments.length === 2);
  });

  test('条例第四十九条: departments past 1月31日 unpublished are overdue; the government not before 3月31日', async () => {
    const r = await server.request('GET', `/api/v1/reports/status?year=${Y}`, { token: tk.supervisor });
    assert.equal(r.status, 200, r.text);
    const by = new Map(r.body.items.map((i: { agencyId: string }) => [i.agencyId, i]));
    const d = by.get(filled.id) as { late: boolean; timeliness: string; daysLate: number; deadline: string };
    assert.deepEqual([d.deadline, d.late, d.timeliness, d.daysLate], ['2026-01-31', true, 'overdue', 30]);
    const gv = by.get(gov.id) as { late: boolean; timeliness: string; deadline: string };
    assert.deepEqual([gv.deadline, gv.late, gv.timeliness], ['2026-03-31', false, 'pending']);
    now.set(new Date('2026-04-01T02:00:00Z'));
    const later = await server.request('GET', `/api/v1/reports/status?year=${Y}`, { token: tk.supervisor });
    const g2 = later.body.items.find((i: { agencyId: string }) => i.agencyId === gov.id);
    assert.deepEqual([g2.late, g2.timeliness, g2.daysLate], [true, 'overdue', 1]);
    now.set(new Date('2026-03-02T02:00:00Z'));
  });
});

describe('考核 export', () => {
  test('the workbook shows 无数据 where nothing was measured, 不排名 for nothing at all, and the rule', async () => {
    // 2026-03-02: no reply was due, no report due yet in 2026 for the government: nothing to assess for it.
    const r = await fetch(`${server.url}/api/v1/supervision/assessment.xlsx?region=620602&year=2026`, {
      headers: { authorization: `Bearer ${tk.supervisor}` },
    });
    assert.equal(r.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await r.arrayBuffer());
    const ranking = wb.getWorksheet('考核排名')!.getSheetValues() as unknown[][];
    assert.equal(ranking[1]![3], '总分（按适用指标折算）');
    const gv = ranking.find((row) => row?.[2] === '凉州区人民政府')!;
    assert.deepEqual([gv[1], gv[3]], ['不排名', '无数据']);
    assert.ok(gv.slice(5).every((c) => c === '无数据'));
    const rule = JSON.stringify(wb.getWorksheet('计分规则')!.getSheetValues());
    assert.match(rule, /适用指标权重之和/);
    assert.match(rule, /不排名/);
  });
});
