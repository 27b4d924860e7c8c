import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { completeResidentId } from '../src/domain/id-number.ts';
import { axeViolations, launchBrowser, startApp } from './browser.ts';

const shots = join(import.meta.dirname, '../test-results/screenshots');
let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
let page: Page;

before(async () => {
  mkdirSync(shots, { recursive: true });
  app = await startApp();
  browser = await launchBrowser();
  // bypassCSP only to inject axe-core; the pages themselves run no script.
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', bypassCSP: true });
});
after(async () => {
  await browser?.close();
  await app?.stop();
});

async function noSeriousViolations(name: string) {
  const v = await axeViolations(page);
  assert.deepEqual(v, [], `${name}: ${JSON.stringify(v, null, 2)}`);
}

test('home → agency → item, with the metadata table; no serious accessibility violation', async () => {
  await page.goto(`${app.url}/`);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  await page.screenshot({ path: join(shots, 'home.png'), fullPage: true });
  await noSeriousViolations('home');
  await page.getByRole('link', { name: '凉州区市场监督管理局', exact: true }).click();
  await page.waitForURL(/\/agencies\//);
  assert.match((await page.textContent('h1')) ?? '', /凉州区市场监督管理局 政府信息公开/);
  await page.screenshot({ path: join(shots, 'agency.png'), fullPage: true });
  await noSeriousViolations('agency');
  await page.locator('section[aria-labelledby="latest-h"] ol.items a').first().click();
  await page.waitForURL(/\/items\//);
  const meta = await page.textContent('table.meta');
  assert.match(meta ?? '', /索引号\s*11620602MB161547XN\/\d{4}-\d{5}/);
  assert.match(meta ?? '', /发布机构\s*凉州区市场监督管理局/);
  assert.match(meta ?? '', /公开方式\s*主动公开/);
  const title = await page.textContent('h1');
  assert.ok((await page.title()).startsWith(title ?? '∅'));
  await page.screenshot({ path: join(shots, 'item.png'), fullPage: true });
  await noSeriousViolations('item');
});

test('search finds an item by a two-character word and by its 文号', async () => {
  await page.goto(`${app.url}/search`);
  await page.fill('#q', '许可');
  await page.getByRole('button', { name: '搜索' }).click();
  await page.waitForURL(/q=/);
  assert.ok((await page.locator('ol.items li').count()) > 0);
  assert.ok((await page.locator('ol.items mark').count()) > 0);
  await page.screenshot({ path: join(shots, 'search.png'), fullPage: true });
  await noSeriousViolations('search');
  // A 文号 from the results, typed back with ordinary brackets: folded alike, its item comes first.
  await page.fill('#q', '行政处罚决定书');
  await page.getByRole('button', { name: '搜索' }).click();
  await page.waitForLoadState();
  const listed = (await page.locator('ol.items').textContent()) ?? '';
  const docNo = /[\u4e00-\u9fa5]{2,10}〔\d{4}〕\d+号/.exec(listed)?.[0];
  assert.ok(docNo, 'a result shows its 文号');
  await page.fill('#q', docNo.replace('〔', '[').replace('〕', ']'));
  await page.getByRole('button', { name: '搜索' }).click();
  await page.waitForLoadState();
  const first = await page.locator('ol.items li').first().textContent();
  assert.ok((first ?? '').includes(docNo), `${docNo} first: ${first}`);
});

test('submit an application and track it', async () => {
  await page.goto(`${app.url}/apply`);
  await noSeriousViolations('apply');
  await page.selectOption('#f-agency', { label: '凉州区市场监督管理局' });
  await page.fill('#f-applicant-name', '赵敏');
  await page.fill('#f-applicant-idNumber', completeResidentId('62060219900101123'));
  await page.fill('#f-applicant-phone', '13912345678');
  await page.fill('#f-description', '请公开凉州区2025年度食品安全监督抽检结果汇总');
  await page.check('#f-consent');
  await page.getByRole('button', { name: '提交申请' }).click();
  await page.waitForSelector('.success');
  await page.screenshot({ path: join(shots, 'applied.png'), fullPage: true });
  const text = (await page.textContent('.success')) ?? '';
  const number = /GK\d{4}-\d{6}/.exec(text)![0];
  await page.getByRole('button', { name: '查看办理进度' }).click();
  await page.waitForURL(/\/track$/);
  assert.doesNotMatch(page.url(), /code=/, 'the 查询码 is in no URL');
  assert.match((await page.textContent('main')) ?? '', new RegExp(`申请 ${number}`));
  assert.match((await page.textContent('main')) ?? '', /已登记/);
  await page.screenshot({ path: join(shots, 'track.png'), fullPage: true });
  await noSeriousViolations('track');
});

test('a phone-width layout and the annual report page', async () => {
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await phone.goto(`${app.url}/`);
  await phone.getByRole('link', { name: '凉州区市场监督管理局', exact: true }).click();
  await phone.getByRole('link', { name: /2024年政府信息公开工作年度报告/ }).click();
  await phone.waitForURL(/\/reports\/2024/);
  assert.ok((await phone.locator('svg').count()) > 0, 'charts rendered on the server');
  await phone.screenshot({ path: join(shots, 'report-phone.png'), fullPage: false });
  await phone.close();
});

test('the deadline calculator, and the English interface chosen by its link', async () => {
  await page.goto(`${app.url}/`);
  await page.getByRole('link', { name: '答复期限计算器' }).click();
  await page.fill('#d-received', '2026-09-28');
  await page.getByRole('button', { name: '计算' }).click();
  await page.waitForSelector('#result-h');
  assert.match((await page.textContent('#result-h')) ?? '', /答复期限：2026年\d+月\d+日/);
  await page.screenshot({ path: join(shots, 'deadline.png'), fullPage: true });
  await noSeriousViolations('deadline');
  await page.getByRole('link', { name: 'English' }).click();
  await page.waitForSelector('html[lang="en"]');
  assert.match((await page.textContent('#result-h')) ?? '', /Reply due/);
  await page.goto(`${app.url}/`);
  assert.match((await page.textContent('main')) ?? '', /Disclosing agencies/);
  await page.screenshot({ path: join(shots, 'home-en.png'), fullPage: true });
  await noSeriousViolations('home (en)');
  await page.getByRole('link', { name: '中文' }).click();
  await page.waitForSelector('html[lang="zh-CN"]');
});

test('the viewing-point kiosk works without JavaScript and prints an item cleanly', async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 1024 } });
  const kiosk = await ctx.newPage();
  await kiosk.goto(`${app.url}/kiosk`);
  assert.ok((await kiosk.locator('.kiosk-banner').count()) === 1);
  await kiosk.getByRole('link', { name: '凉州区市场监督管理局', exact: true }).click();
  await kiosk.locator('section[aria-labelledby="latest-h"] ol.items a').first().click();
  await kiosk.waitForURL(/\/items\//);
  assert.equal(await kiosk.locator('meta[http-equiv="refresh"]').getAttribute('content'), '180;url=/');
  assert.equal(await kiosk.locator('a[href^="http"]').count(), 0, 'no way out of the portal');
  await kiosk.screenshot({ path: join(shots, 'kiosk-item.png') });
  await kiosk.getByRole('link', { name: '打印版' }).click();
  await kiosk.waitForURL(/\/print$/);
  const pdf = join(shots, 'kiosk-print.pdf');
  await kiosk.pdf({ path: pdf, format: 'A4' });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  assert.match(text, /索引号/);
  assert.doesNotMatch(text, /信息查阅点|长辈版|提交评价/, 'no site chrome or forms on paper');
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, join(shots, 'kiosk-print')]);
  await ctx.close();
});
