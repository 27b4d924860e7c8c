import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { officeDocx } from '../test/helpers/word.ts';
import { launchBrowser, startApp } from './browser.ts';

// Screenshots of the editor (1440 and 1024 wide) go to GK_SHOTS when set, else beside the other test results.
const shots = process.env.GK_SHOTS ?? join(import.meta.dirname, '../test-results/screenshots');
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

async function shoot(page: Page, name: string) {
  for (const width of [1440, 1024]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** The item as the API gives it to this session. */
const itemOf = (page: Page, id: string) =>
  page.evaluate(async (i) => (await fetch(`/api/v1/catalogue/items/${i}`)).json(), id) as Promise<{
    body_html: string;
    attachments: { id: string; filename: string; uploadedBy: string }[];
  }>;

test('the officer writes the body in the rich editor, uploads and removes attachments, and imports from Word', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await page.goto(`${app.url}/console/`);
  await page.getByLabel('用户名').fill('demo-operator');
  await page.getByLabel('密码').fill(app.password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('heading', { name: '工作台', level: 3, exact: true }).waitFor();
  await page.getByRole('menuitem', { name: '主动公开' }).click();
  await page.getByRole('link', { name: '新建信息' }).click();
  await page.getByLabel('标题').fill('凉州区食品安全抽检结果公告');

  // The rich editor: a heading, bold text, a list; what it saves is what the server keeps.
  const body = page.getByRole('textbox', { name: '正文' });
  await body.click();
  await page.getByRole('button', { name: '标题', exact: true }).click();
  await page.keyboard.type('抽检情况');
  await page.keyboard.press('Enter');
  await page.keyboard.type('本次抽检食品 120 批次，');
  await page.getByRole('button', { name: '加粗', exact: true }).click();
  await page.keyboard.type('合格 118 批次');
  await page.getByRole('button', { name: '加粗', exact: true }).click();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: '列表', exact: true }).click();
  await page.keyboard.type('肉制品');
  await page.getByRole('button', { name: '保 存' }).click();
  await page.waitForURL(/\/console\/item\/[0-9a-f-]{36}/);
  const id = /item\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  const saved = await itemOf(page, id);
  assert.equal(
    saved.body_html,
    '<h2>抽检情况</h2><p>本次抽检食品 120 批次，<strong>合格 118 批次</strong></p><ul><li><p>肉制品</p></li></ul>',
  );
  // Opened again, the editor shows what was saved.
  await page.reload();
  await page.getByRole('textbox', { name: '正文' }).locator('strong', { hasText: '合格 118 批次' }).waitFor();

  // Upload: the progress bar runs to its end, and the file is listed with the uploader's name.
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(3 * 1024 * 1024, 0x20)]);
  await page
    .getByTestId('attachments')
    .locator('input[type=file]')
    .setInputFiles({ name: '抽检报告.pdf', mimeType: 'application/pdf', buffer: pdf });
  const progress = page.getByTestId('upload-progress');
  await progress.getByText('“抽检报告.pdf”上传完成').waitFor();
  assert.equal(await progress.getByRole('progressbar').getAttribute('aria-valuenow'), '100');
  const row = page.getByRole('row', { name: /抽检报告\.pdf/ });
  await row.waitFor();
  const text = (await row.textContent()) ?? '';
  assert.match(text, /PDF/);
  assert.match(text, /3\.0 MB/);
  assert.match(text, /张敏（公开专员）/);
  assert.doesNotMatch(text, /demo-operator|application\/pdf/);
  const link = await row.getByRole('link', { name: '抽检报告.pdf' }).getAttribute('href');
  const download = await page.request.get(`${app.url}${link}`);
  assert.equal(download.status(), 200);
  assert.equal((await download.body()).length, pdf.length);
  await shoot(page, 'item-editor-attachments');

  // 从Word导入: the converted body fills the editor (not saved until the officer saves), its image an attachment.
  await page
    .locator('input[type=file][accept*=".docx"]')
    .setInputFiles({ name: '抽检通知.docx', mimeType: 'application/octet-stream', buffer: await officeDocx() });
  await page.getByRole('button', { name: '替 换' }).click();
  await page.getByText('已导入“抽检通知.docx”：正文尚未保存').waitFor();
  const editor = page.getByRole('textbox', { name: '正文' });
  await editor.locator('h2', { hasText: '关于开展食品安全抽检工作的通知' }).waitFor();
  assert.equal(await editor.locator('table tr').count(), 2);
  assert.equal(await editor.locator('ul li').count(), 2);
  assert.equal(await editor.locator('strong', { hasText: '现通知如下' }).count(), 1);
  await page.getByRole('row', { name: /抽检通知-图1\.png/ }).waitFor();
  assert.match((await itemOf(page, id)).body_html, /^<h2>抽检情况/, 'the import alone saves nothing');
  await shoot(page, 'item-editor-word-import');
  await page.getByRole('button', { name: '保 存' }).click();
  await page.getByText('已保存').first().waitFor();
  await page.getByText('正文尚未保存').waitFor({ state: 'detached' });
  const imported = await itemOf(page, id);
  assert.match(imported.body_html, /<h2>关于开展食品安全抽检工作的通知<\/h2>/);
  assert.match(imported.body_html, /<table>/);
  const image = imported.attachments.find((a) => a.filename === '抽检通知-图1.png')!;
  assert.ok(imported.body_html.includes(`/items/${id}/attachments/${image.id}`));

  // Removal, confirmed first.
  await page
    .getByRole('row', { name: /抽检报告\.pdf/ })
    .getByRole('button', { name: '删除' })
    .click();
  await page
    .getByRole('tooltip')
    .getByRole('button', { name: /删\s*除/ })
    .click();
  await page.getByRole('row', { name: /抽检报告\.pdf/ }).waitFor({ state: 'detached' });
  assert.deepEqual(
    (await itemOf(page, id)).attachments.map((a) => a.filename),
    ['抽检通知-图1.png'],
  );
  await page.getByRole('heading', { name: '凉州区食品安全抽检结果公告' }).scrollIntoViewIfNeeded();
  await shoot(page, 'item-editor-rich');
  await ctx.close();
});
