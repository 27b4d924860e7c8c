import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { completeResidentId } from '../src/domain/id-number.ts';
import { launchBrowser, startApp } from './browser.ts';

const shots = join(import.meta.dirname, '../test-results/screenshots');
let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

before(async () => {
  mkdirSync(shots, { recursive: true });
  app = await startApp();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.stop();
});

/** A fresh browser session logged in to the console as a demo user. */
async function login(
  username: string,
  viewport = { width: 1366, height: 768 },
): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await page.goto(`${app.url}/console/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(app.password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('heading', { name: '工作台', level: 3, exact: true }).waitFor();
  return { ctx, page };
}

async function pickDate(page: Page, label: string, date: string) {
  const input = page.getByRole('dialog').getByLabel(label);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

test('the officer registers a paper application, asks for 补正, decides, and downloads the letter', async () => {
  const { ctx, page } = await login('demo-operator');
  await page.screenshot({ path: join(shots, 'console-workbench.png') });
  await page.getByRole('menuitem', { name: '依申请公开' }).click();
  await page.getByRole('button', { name: '登记申请' }).click();
  await pickDate(page, '收到申请日期', today);
  await page.getByLabel('姓名或名称').fill('王芳');
  await page.getByLabel('证件号码').fill(completeResidentId('62060219800101002'));
  await page.getByLabel('联系电话').fill('13909351234');
  await page.getByLabel('所需政府信息').fill('请提供2026年凉州区农贸市场食品抽检结果');
  await page.getByRole('button', { name: '登 记' }).click();
  await page.waitForURL(/\/console\/case\/GK\d{4}-\d{6}/);
  const tn = /GK\d{4}-\d{6}/.exec(page.url())![0];
  await page.getByRole('button', { name: '发出补正通知' }).click();
  await page.getByRole('dialog').getByLabel('需要补正的事项').fill('请明确所需抽检结果的时间范围和市场名称');
  await page.getByRole('button', { name: '确 定' }).click();
  await page.getByText('待申请人补正').first().waitFor();
  await page.getByRole('button', { name: '收到补正' }).click();
  await page.getByRole('button', { name: '确 定' }).click();
  await page.getByRole('button', { name: '作出答复决定' }).click();
  await page.getByRole('dialog').getByRole('combobox', { name: '答复结果' }).click();
  await page.getByTitle('予以公开', { exact: true }).click();
  await page.getByRole('button', { name: '确 定' }).click();
  await page.getByText('已作出答复决定').first().waitFor();
  // The clock says why its date is what it is, citing the articles.
  assert.match((await page.textContent('main')) ?? '', /第三十三条/);
  await page.screenshot({ path: join(shots, 'console-case.png'), fullPage: true });
  const href = await page.getByRole('link', { name: '预览 PDF' }).last().getAttribute('href');
  const pdf = await page.request.get(`${app.url}${href}`);
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
  // Crafted requests from this session cannot act for another agency: the policy answers 404.
  const foreign = await page.evaluate(async () => {
    const me = await (await fetch('/api/v1/me')).json();
    // Another agency's id is public (its portal page); acting for it is refused as if it did not exist.
    const home = await (await fetch('/')).text();
    const edu = /href="\/agencies\/([0-9a-f-]{36})">凉州区教育局</.exec(home)![1];
    const r = await fetch('/api/v1/catalogue/items', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
      body: JSON.stringify({ title: '越权创建的信息', agencyId: edu }),
    });
    const seen = (await (await fetch('/api/v1/agencies')).json()).items.length;
    return { status: r.status, agencies: seen };
  });
  assert.equal(foreign.status, 404);
  assert.equal(foreign.agencies, 1, 'an operator sees only its own agency');
  assert.ok(tn);
  await ctx.close();
});

test('an item goes through 保密审查 and approval to the portal', async () => {
  const title = `凉州区${today}食品安全抽检结果公告`;
  const op = await login('demo-operator');
  await op.page.getByRole('menuitem', { name: '主动公开' }).click();
  await op.page.getByRole('link', { name: '新建信息' }).click();
  await op.page.getByLabel('标题').fill(title);
  await op.page.getByRole('textbox', { name: '正文' }).fill('本次抽检食品 120 批次，合格 118 批次。');
  await op.page.getByRole('button', { name: '保 存' }).click();
  await op.page.waitForURL(/\/console\/item\/[0-9a-f-]{36}/);
  const id = /item\/([0-9a-f-]{36})/.exec(op.page.url())![1]!;
  await op.page.getByRole('button', { name: '提交保密审查' }).click();
  await op.page.getByText('待保密审查').first().waitFor();
  await op.ctx.close();
  assert.equal((await fetch(`${app.url}/items/${id}`)).status, 404, 'not public before review');

  const rev = await login('demo-reviewer');
  await rev.page.getByRole('link', { name: title }).click();
  await rev.page.getByRole('button', { name: '保密审查' }).click();
  await rev.page.getByRole('button', { name: '提交审查意见' }).click();
  await rev.page.getByText('已审查待批准').first().waitFor();
  await rev.ctx.close();

  const ap = await login('demo-approver');
  await ap.page.getByRole('link', { name: title }).click();
  await ap.page.getByRole('button', { name: '审批并发布' }).click();
  await ap.page.getByRole('link', { name: '查看公开页面' }).waitFor();
  await ap.page.screenshot({ path: join(shots, 'console-item.png'), fullPage: true });
  await ap.ctx.close();
  const pub = await fetch(`${app.url}/items/${id}`);
  assert.equal(pub.status, 200);
  assert.match(await pub.text(), /本次抽检食品 120 批次/);
});

test('the 2020 report: checks shown, submitted, accepted by the supervisor, published by the approver', async () => {
  const op = await login('demo-operator');
  await op.page.goto(`${app.url}/console/reports?year=2020`);
  await op.page.getByText(/校验（/).waitFor();
  assert.match((await op.page.textContent('main')) ?? '', /三、收到和处理政府信息公开申请情况/);
  await op.page.screenshot({ path: join(shots, 'console-report.png'), fullPage: true });
  await op.page.getByRole('button', { name: '提交审核' }).click();
  await op.page.getByText('已报送').first().waitFor();
  await op.ctx.close();

  const sup = await login('demo-supervisor');
  await sup.page.getByRole('menuitem', { name: '监督考核' }).click();
  // The department's overdue case is visible to the supervisor.
  await sup.page.getByRole('heading', { name: /监督考核/ }).waitFor();
  const overdue = sup.page.locator('tr', { hasText: '凉州区市场监督管理局' }).locator('.ant-tag-red').first();
  await overdue.waitFor();
  assert.ok(Number(await overdue.textContent()) >= 1);
  await sup.page.screenshot({ path: join(shots, 'console-supervision.png'), fullPage: true });
  const samr = await sup.page.evaluate(
    async () =>
      (await (await fetch('/api/v1/agencies')).json()).items.find(
        (a: { name: string }) => a.name === '凉州区市场监督管理局',
      ).id,
  );
  await sup.page.goto(`${app.url}/console/reports?agency=${samr}&year=2020`);
  await sup.page.getByRole('button', { name: '审核通过' }).click();
  await sup.page.getByText('审核通过').first().waitFor();
  await sup.ctx.close();

  const ap = await login('demo-approver');
  await ap.page.goto(`${app.url}/console/reports?year=2020`);
  const reason = ap.page.getByPlaceholder('校验未通过仍公布的理由');
  if (await reason.count()) {
    await reason.fill('2020年原报告如此公布');
    await ap.page.getByRole('button', { name: '说明理由并公布' }).click();
  } else await ap.page.getByRole('button', { name: '公 布' }).click();
  await ap.page.getByRole('link', { name: '查看公开页面' }).waitFor();
  await ap.ctx.close();
  const pub = await fetch(`${app.url}/agencies/${samr}/reports/2020`);
  assert.equal(pub.status, 200);
});

test('the console at a phone width', async () => {
  const { ctx, page } = await login('demo-operator', { width: 390, height: 844 });
  await page.screenshot({ path: join(shots, 'console-phone.png'), fullPage: false });
  await ctx.close();
});

test('the console in English: the switch on the login page, English labels and date pickers, back to Chinese', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await ctx.newPage();
  await page.goto(`${app.url}/console/`);
  await page.getByRole('link', { name: 'English' }).click();
  await page.getByLabel('Username').fill('demo-operator');
  await page.getByLabel('Password').fill(app.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Workbench', level: 3, exact: true }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.getByRole('menuitem', { name: 'Requests' }).click();
  await page.getByRole('button', { name: 'Register a request' }).click();
  await page.getByRole('dialog').getByText('Applicant type').waitFor();
  await page.screenshot({ path: join(shots, 'console-english.png') });
  await page.keyboard.press('Escape');
  await page.getByRole('link', { name: '中文' }).click();
  // Back on the same screen, in Chinese.
  await page.getByRole('menuitem', { name: '工作台' }).waitFor();
  assert.match(page.url(), /\/console\/cases/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  await ctx.close();
});
