import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { consoleLogin, launchBrowser, startApp } from './browser.ts';

/** The console's server-side lists (issue #18): search, filter, page 2, the back button, the total. */

const shots = process.env.LIST_SHOTS ?? join(import.meta.dirname, '../test-results/screenshots');
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

async function login(username: string, width = 1440) {
  return consoleLogin(browser, app, username, width);
}

/** The number in "共 N 条" (or "约 N 条"). */
async function total(page: Page): Promise<number> {
  const text = await page.locator('.ant-pagination-total-text').first().textContent({ timeout: 30_000 });
  const m = /[共约]\s*([\d,]+)\s*条/.exec(text ?? '');
  assert.ok(m, `a total: ${text}`);
  return Number(m[1]!.replace(/,/g, ''));
}

const settled = (page: Page) => page.locator('.ant-spin-spinning').waitFor({ state: 'detached', timeout: 30_000 });
/** Does something that reloads the list, and waits for the list's answer to be shown. */
async function reloads(page: Page, action: () => Promise<unknown>) {
  const answer = page.waitForResponse((r) => /\/api\/v1\/(cases|catalogue\/items)\?/.test(r.url()), {
    timeout: 30_000,
  });
  await action();
  await answer;
  await page.waitForTimeout(50);
  await settled(page);
}
const firstCell = async (page: Page) =>
  (await page.locator('.ant-table-tbody tr.ant-table-row').first().textContent()) ?? '';

test('catalogue: search, filter, page 2, the back button restores, the total is shown', async () => {
  const { ctx, page } = await login('demo-operator');
  await page.getByRole('menuitem', { name: '主动公开' }).click();
  await page.waitForURL(/\/console\/catalogue/);
  await settled(page);
  const all = await total(page);
  assert.ok(all > 100, `the whole catalogue is reachable (${all}), not the first 300`);
  // Newest first: the first row is of the latest year present, not 2012.
  assert.doesNotMatch(await firstCell(page), /2012-/);
  await page.screenshot({ path: join(shots, 'catalogue-1440.png'), fullPage: true });

  // Page 2: in the URL, other rows.
  const first = await firstCell(page);
  await page.locator('.ant-pagination-item-2').click();
  await page.waitForURL(/[?&]page=2/);
  await settled(page);
  assert.notEqual(await firstCell(page), first);
  // Back: page 1 again.
  await reloads(page, () => page.goBack());
  assert.ok(!page.url().includes('page=2'));
  assert.equal(await firstCell(page), first);

  // A filter (体裁: labels, not codes), then a search within it.
  await page.getByRole('combobox', { name: '体裁' }).click();
  await page.getByTitle('通知', { exact: true }).click();
  await page.waitForURL(/genre=notice/);
  await settled(page);
  const notices = await total(page);
  assert.ok(notices > 0 && notices < all, `${notices} of ${all}`);
  const word = ((await page.locator('.ant-table-tbody tr.ant-table-row a').first().textContent()) ?? '').slice(0, 4);
  await page.getByRole('searchbox', { name: '搜索' }).fill(word);
  await page.getByRole('searchbox', { name: '搜索' }).press('Enter');
  await page.waitForURL(/q=/);
  await settled(page);
  const found = await total(page);
  assert.ok(found >= 1 && found <= notices, `${found} found of ${notices}`);
  assert.match(await firstCell(page), new RegExp(word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  // A shared link restores the same list; back leaves the search, keeps the filter.
  const link = page.url();
  const other = await ctx.newPage();
  await other.goto(link);
  await settled(other);
  assert.equal(await total(other), found);
  assert.equal(await other.getByRole('searchbox', { name: '搜索' }).inputValue(), word);
  await other.close();
  await reloads(page, () => page.goBack());
  assert.ok(!page.url().includes('q='));
  assert.equal(await total(page), notices);
  // Nothing found: the empty state says what to do.
  await page.getByRole('searchbox', { name: '搜索' }).fill('没有这样的标题啊');
  await page.getByRole('searchbox', { name: '搜索' }).press('Enter');
  await page.getByText('没有符合条件的记录：请换个搜索词，或清除筛选条件').waitFor();
  await page.setViewportSize({ width: 1024, height: 900 });
  await page.goto(`${app.url}/console/catalogue`);
  await total(page);
  await settled(page);
  await page.screenshot({ path: join(shots, 'catalogue-1024.png'), fullPage: true });
  await ctx.close();
});

test('a supervisor filters by agency (names, not ids) across the region', async () => {
  const { ctx, page } = await login('demo-supervisor');
  await page.goto(`${app.url}/console/catalogue`);
  const all = await total(page);
  await settled(page);
  await page.getByRole('combobox', { name: '机关' }).click();
  const option = page.locator('.ant-select-item-option').first();
  const name = (await option.textContent()) ?? '';
  assert.match(name, /[\u4e00-\u9fff]/);
  await reloads(page, () => option.click());
  assert.match(page.url(), /agencyId=/);
  assert.ok((await total(page)) <= all);
  await page.getByRole('heading', { name: '主动公开', level: 3 }).click();
  await page.locator('.ant-select-dropdown').waitFor({ state: 'hidden' });
  await page.screenshot({ path: join(shots, 'catalogue-supervisor-1440.png'), fullPage: false });
  await ctx.close();
});

test('cases: a queue, a filter, page 2 and back, a search by tracking number and by name', async () => {
  const { ctx, page } = await login('demo-operator');
  await page.getByRole('menuitem', { name: '依申请公开' }).click();
  await page.waitForURL(/\/console\/cases/);
  await settled(page);
  const all = await total(page);
  assert.ok(all > 0);
  await page.screenshot({ path: join(shots, 'cases-1440.png'), fullPage: true });
  if (all > 20) {
    const first = await firstCell(page);
    await page.locator('.ant-pagination-item-2').click();
    await page.waitForURL(/[?&]page=2/);
    await settled(page);
    assert.notEqual(await firstCell(page), first);
    await reloads(page, () => page.goBack());
    assert.ok(!page.url().includes('page=2'));
    assert.equal(await firstCell(page), first);
  }
  await page.getByRole('tab', { name: '未办结' }).click();
  await page.waitForURL(/queue=open/);
  await settled(page);
  assert.ok((await total(page)) <= all);
  await page.getByRole('combobox', { name: '渠道' }).click();
  await page.getByTitle('互联网（网上申请）', { exact: true }).click();
  await page.waitForURL(/channel=online/);
  await settled(page);
  await page.getByRole('tab', { name: '全部' }).click();
  await settled(page);
  // A tracking number finds its case.
  await page.goto(`${app.url}/console/cases`);
  await settled(page);
  const tn = /GK\d{4}-\d{6}/.exec(await firstCell(page))![0];
  await page.getByRole('searchbox', { name: '搜索' }).fill(tn);
  await page.getByRole('searchbox', { name: '搜索' }).press('Enter');
  await page.waitForURL(/q=GK/);
  await settled(page);
  assert.equal(await total(page), 1);
  // The applicant's name (shown masked) is searched through its keyed hashes: the case's own, revealed.
  const name = await page.evaluate(async (n) => {
    const c = await (await fetch(`/api/v1/cases/${n}?reveal=1`)).json();
    return c.applicant.name as string;
  }, tn);
  await page.getByRole('searchbox', { name: '搜索' }).fill(name);
  await page.getByRole('searchbox', { name: '搜索' }).press('Enter');
  await page.waitForURL(/q=%/);
  await settled(page);
  assert.ok((await total(page)) >= 1);
  assert.ok((await page.locator('.ant-table-tbody').textContent())?.includes(tn), `${tn} among the cases of ${name}`);
  await page.setViewportSize({ width: 1024, height: 900 });
  await page.goto(`${app.url}/console/cases`);
  await total(page);
  await settled(page);
  await page.screenshot({ path: join(shots, 'cases-1024.png'), fullPage: true });
  await ctx.close();
});
