import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { consoleLogin, launchBrowser, startApp } from './browser.ts';

/**
 * 信息公开专栏 › 公开指南 in the console (issue #21): the administrator edits a section of the agency's
 * 政府信息公开指南, saves, and the portal's 指南 shows it; an empty section, one too long and a bad 邮编 are
 * refused on their fields and change nothing.
 */
const shots = process.env.GONGKAI_SHOTS ?? '/tmp/guide21-shots';
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

async function openGuide(page: Page) {
  await page.getByRole('menuitem', { name: '信息公开专栏' }).click();
  await page.getByRole('menuitem', { name: '公开指南' }).click();
  await page.getByRole('textbox', { name: '收费' }).waitFor();
}

const fieldError = (page: Page, name: string) =>
  page
    .locator('.ant-form-item', { has: page.getByRole('textbox', { name, exact: true }) })
    .locator('.ant-form-item-explain-error');

async function publicGuide(page: Page, href: string) {
  const res = await page.request.get(href);
  assert.equal(res.status(), 200);
  return res.text();
}

test('the administrator edits a 指南 section in the console; the portal shows it; bad input is refused on its field', async () => {
  const { ctx, page } = await consoleLogin(browser, app, 'demo-admin', 1440);
  await openGuide(page);
  const preview = page.getByRole('link', { name: /预览公开的指南/ });
  const href = new URL((await preview.getAttribute('href'))!, app.url).href;
  assert.match(href, /\/agencies\/[0-9a-f-]{36}\/guide$/);
  const before = await publicGuide(page, href);
  assert.match(before, /《条例》第四十二条/, 'the default 收费 text');
  assert.equal(await page.getByText(/guide\.|rules\.|bodyHtml/).count(), 0, 'no raw page kinds in Chinese');
  await page.screenshot({ path: join(shots, 'column-guide-1440.png'), fullPage: true });

  const fees = page.getByRole('textbox', { name: '收费' });
  // Empty: refused in the browser, on the section's field, and nothing is sent.
  await fees.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.getByRole('button', { name: '保 存' }).click();
  await fieldError(page, '收费').waitFor();
  assert.equal(await fieldError(page, '收费').textContent(), '请填写本栏内容');
  // Too long: over 20,000 characters.
  await fees.fill('长'.repeat(20_001));
  await page.getByRole('button', { name: '保 存' }).click();
  await page.getByText('内容不能超过20000字').waitFor();
  await page.screenshot({ path: join(shots, 'column-guide-errors-1440.png'), fullPage: false });
  assert.match(await publicGuide(page, href), /《条例》第四十二条/, 'nothing changed');

  // A bad 邮编 is the server's refusal (the agency's contact), on its field: nothing is saved either.
  const text = '本机关依申请提供政府信息，不收取费用。端到端测试写入的收费说明。';
  await fees.fill(text);
  const postcode = page.getByLabel('邮政编码');
  const oldPostcode = await postcode.inputValue();
  await postcode.fill('7330');
  await page.getByRole('button', { name: '保 存' }).click();
  const postcodeError = page.locator('.ant-form-item', { has: postcode }).locator('.ant-form-item-explain-error');
  await postcodeError.waitFor();
  assert.equal(await postcodeError.textContent(), '邮政编码应为6位数字');
  assert.doesNotMatch(await publicGuide(page, href), /端到端测试写入的收费说明/);

  // Good input: saved, the section is the agency's own, and the portal's 指南 shows it.
  await postcode.fill(oldPostcode);
  await page.getByRole('button', { name: '保 存' }).click();
  await page.getByText('已保存').waitFor();
  assert.equal(await postcodeError.count(), 0, 'the corrected field has no message left');
  await page.locator('.ant-card', { has: fees }).getByText('本机关已编写').waitFor();
  const after = await publicGuide(page, href);
  assert.match(after, /端到端测试写入的收费说明/);
  assert.doesNotMatch(after, /《条例》第四十二条/);
  assert.match(after, /《条例》第五十一条/, 'the other sections keep their text');
  await page.screenshot({ path: join(shots, 'column-guide-saved-1440.png'), fullPage: false });

  // 公开制度: the 制度 pages, the published ones linked to their public page.
  await page.getByRole('tab', { name: '公开制度' }).click();
  await page.getByRole('textbox', { name: '政府信息公开保密审查制度' }).waitFor();
  await page.screenshot({ path: join(shots, 'column-rules-1440.png'), fullPage: true });

  // 1024 wide (the sider folds at lg), then in English: no raw page kinds, the sections' English titles.
  await page.setViewportSize({ width: 1024, height: 900 });
  await page.getByRole('tab', { name: '公开指南' }).click();
  await fees.waitFor();
  await page.screenshot({ path: join(shots, 'column-guide-1024.png'), fullPage: true });
  await ctx.addCookies([{ name: 'gk_lang', value: 'en', url: app.url }]);
  await page.goto(`${app.url}/console/column`);
  await page.getByRole('textbox', { name: 'Fees' }).waitFor();
  assert.equal(await page.getByText(/guide\.|rules\./).count(), 0, 'no raw page kinds');
  await page.screenshot({ path: join(shots, 'column-guide-en-1024.png'), fullPage: false });
  await ctx.close();
});

test('an operator reads the pages but cannot save them (the policy: agency.update)', async () => {
  const { ctx, page } = await consoleLogin(browser, app, 'demo-operator', 1440);
  await openGuide(page);
  await page.getByText('只有本机关的机关管理员可以修改这些页面').waitFor();
  assert.equal(await page.getByRole('button', { name: '保 存' }).count(), 0);
  await ctx.close();
});
