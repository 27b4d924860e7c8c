import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { demoTotpSecret, totpCode } from '../src/commands/auth/totp.ts';
import { launchBrowser, startApp } from './browser.ts';

/** 机关设置 in the console: the demo agency's 文号 patterns and 救济途径, a bad pattern refused on its field. */
const shots = process.env.GONGKAI_SHOTS ?? '/tmp/shots/console-helper';
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

test('the administrator sees and edits the 文号 patterns and the 复议机关 and court; a bad pattern is refused on its field', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await page.goto(`${app.url}/console/`);
  await page.getByLabel('用户名').fill('demo-admin');
  await page.getByLabel('密码').fill(app.password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByLabel('动态口令（6 位）').fill(totpCode(demoTotpSecret(app.password), new Date()));
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('heading', { name: '工作台', level: 3, exact: true }).waitFor();
  await page.getByRole('menuitem', { name: '系统管理' }).click();
  await page.getByRole('tab', { name: '机关设置' }).click();
  const reply = page.getByLabel('答复告知书', { exact: true });
  await reply.waitFor();
  assert.equal(await reply.inputValue(), '凉市监依申〔{year}〕{n}号');
  assert.equal(await page.getByLabel('复议机关').inputValue(), '武威市凉州区人民政府');
  assert.equal(await page.getByLabel('管辖法院').inputValue(), '武威市凉州区人民法院');
  await reply.fill('凉市监依申〔{year}〕第{n}号');
  await page.getByRole('button', { name: '保 存' }).click();
  const item = page.locator('.ant-form-item', { has: reply });
  await item.locator('.ant-form-item-explain-error').waitFor();
  assert.match((await item.locator('.ant-form-item-explain-error').textContent()) ?? '', /GB\/T 9704/);
  await page.screenshot({ path: join(shots, 'console-letter-settings-1440.png'), fullPage: true });
  await reply.fill('凉市监依申〔{year}〕{n}号');
  await page.getByRole('button', { name: '保 存' }).click();
  await page.getByText('已保存').waitFor();
  await ctx.close();
});
