import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { consoleLogin, launchBrowser, startApp } from './browser.ts';

/**
 * The annual report editor's section 二 with live checks, the supervisor's 汇总年度报告, overdue reports in red and
 * the fair 考核 table — on the demo data, in a real browser.
 */
const shots = process.env.SHOTS_DIR ?? join(import.meta.dirname, '../test-results/screenshots');
let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;

before(async () => {
  mkdirSync(shots, { recursive: true });
  app = await startApp();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.stop();
});

async function login(username: string, width = 1440): Promise<Page> {
  return (await consoleLogin(browser, app, username, width)).page;
}

const checksTitle = (page: Page) => page.locator('.ant-card-head-title', { hasText: /^校验（/ });

test('supervisor: overdue reports red, 考核 无数据 with its rule, 汇总年度报告 opens the government report', async () => {
  const page = await login('demo-supervisor');
  // The Workbench card: the region's overdue reports, in red.
  const card = page.getByTestId('overdue-reports');
  await card
    .locator('.ant-tag-red', { hasText: /逾期未公布 \d+ 天/ })
    .first()
    .waitFor();
  assert.match((await card.textContent()) ?? '', /武威市凉州区人民政府/);

  await page.getByRole('menuitem', { name: '监督考核' }).click();
  await page.getByRole('heading', { name: /监督考核/ }).waitFor();
  // The reports table: the government's 2025 report, past 3月31日 and unpublished, flagged red.
  const reports = page.locator('.ant-card', { hasText: /^\d{4}年度报告/ });
  const govRow = reports.locator('tr', { hasText: '武威市凉州区人民政府' });
  await govRow.locator('.ant-tag-red', { hasText: /逾期未公布 \d+ 天/ }).waitFor();
  // 考核: 无数据 cells, the rule next to the table, and the active agency first.
  await page.getByText('计分规则').waitFor();
  assert.match((await page.textContent('main')) ?? '', /其权重不计入分母/);
  assert.ok((await page.locator('.ant-card', { hasText: '考核排名' }).getByText('无数据').count()) >= 1);
  // The table shows the server's ranking row for row (the rule itself is tested in domain/supervision): equal
  // totals share a rank, the agency with a reply past its deadline ranks below the ones without.
  const ranking = page.locator('.ant-card', { hasText: '考核排名' });
  const server = await page.evaluate(async () => {
    const year = new Date().getFullYear();
    const agencies = (await (await fetch('/api/v1/agencies')).json()).items as { kind: string; regionCode: string }[];
    const region = agencies.find((x) => x.kind === 'government')!.regionCode;
    const a = await (await fetch(`/api/v1/supervision/assessment?region=${region}&year=${year}`)).json();
    return (a.rows as { agency: string; rank: number | null; total: number | null }[]).map((r) => ({
      name: r.agency,
      rank: r.rank,
      total: r.total,
    }));
  });
  assert.ok(server.length >= 6, 'every agency of the district is assessed');
  for (const row of server) {
    // The first cell is the row's expand button.
    const cell = ranking.locator('tr', { hasText: row.name }).first().locator('td').nth(1);
    assert.equal((await cell.textContent())?.trim(), row.rank === null ? '不排名' : String(row.rank), row.name);
  }
  for (const a of server) {
    for (const b of server) if (a.total !== null && a.total === b.total) assert.equal(a.rank, b.rank);
  }
  const samr = server.find((r) => r.name === '凉州区市场监督管理局')!;
  assert.ok(server.every((r) => r.total === null || r.total >= samr.total! || r.rank! < samr.rank!));
  for (const w of [1440, 1024]) {
    await page.setViewportSize({ width: w, height: 900 });
    await page.screenshot({ path: join(shots, `supervision-${w}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1440, height: 900 });

  // 汇总年度报告: the region government's report (it used to send the supervisor's empty agency id).
  await page.getByRole('link', { name: '汇总年度报告' }).click();
  await page.getByRole('heading', { name: '年度报告', level: 3 }).waitFor();
  await checksTitle(page).waitFor();
  assert.doesNotMatch((await page.textContent('main')) ?? '', /机关编号不正确/);
  assert.match(page.url(), /agency=[0-9a-f-]{36}/);
  assert.match((await page.textContent('main')) ?? '', /各部门合计/);
});

test('report editor: a section-二 cell cleared shows its live check, typed clears it, saved, the server agrees', async () => {
  // 条例第四十九条: the agency's operator enters its section-二 figures (the demo's are entered for every year).
  const page = await login('demo-operator');
  const samr = await page.evaluate(
    async () =>
      (await (await fetch('/api/v1/agencies')).json()).items.find(
        (a: { name: string }) => a.name === '凉州区市场监督管理局',
      ).id as string,
  );
  const year = new Date().getFullYear() - 1;
  await page.goto(`${app.url}/console/reports?agency=${samr}&year=${year}`);
  await checksTitle(page).waitFor();
  assert.equal(await checksTitle(page).textContent(), '校验（全部通过）');
  const licensing = page.getByLabel('行政许可 本年处理决定数量');
  const cellError = (label: string) =>
    page
      .locator('.ant-space-item', { has: page.getByLabel(label) })
      .locator('.ant-typography-danger', { hasText: '空白' });
  assert.equal(await cellError('行政许可 本年处理决定数量').count(), 0);

  // Cleared: the check comes at once (the browser runs the domain's rules), next to the cell; typed: it goes.
  await licensing.fill('');
  await page.getByText('校验（1 项未通过）').waitFor();
  assert.equal(await cellError('行政许可 本年处理决定数量').count(), 1);
  await page.getByText('含未保存的修改').waitFor();
  for (const w of [1440, 1024]) {
    await page.setViewportSize({ width: w, height: 900 });
    await page.getByText('二、主动公开政府信息情况').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, `report-editor-${w}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByLabel('行政处罚 本年处理决定数量').fill('');
  await page.getByText('校验（2 项未通过）').waitFor();

  // Filled and saved: the server's checks agree, and the figures stay after a reload.
  await licensing.fill('1280');
  await page.getByLabel('行政处罚 本年处理决定数量').fill('96');
  await page.getByText('校验（全部通过）').waitFor();
  assert.equal(await cellError('行政许可 本年处理决定数量').count(), 0);
  await page.getByRole('button', { name: '保存第二部分' }).click();
  await page.getByText('已保存').first().waitFor();
  await page.reload();
  await page.getByText('校验（全部通过）').waitFor();
  assert.equal(await page.getByLabel('行政许可 本年处理决定数量').inputValue(), '1280');
  assert.equal(await page.getByLabel('行政处罚 本年处理决定数量').inputValue(), '96');
  const r = await page.evaluate(
    async ({ samr, year }) => {
      const rep = await (await fetch(`/api/v1/reports/${samr}/${year}`)).json();
      return { failures: rep.failures.length as number, licensing: rep.proactive.licensing.decisions as number };
    },
    { samr, year },
  );
  assert.deepEqual(r, { failures: 0, licensing: 1280 });
});
