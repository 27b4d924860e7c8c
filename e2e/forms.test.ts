import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { demoTotpSecret, totpCode } from '../src/commands/auth/totp.ts';
import { completeResidentId } from '../src/domain/id-number.ts';
import { launchBrowser, startApp } from './browser.ts';

/**
 * Form messages as people read them: the portal's application form refused empty and with an over-long name,
 * in Chinese and in English, and console forms showing the server's message on the field it is about.
 * Screenshots go to /tmp/shots/console-helper (GONGKAI_SHOTS to change) for a person to look at.
 */
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

/** zod's own words, in either language: what nobody filling a form should read. */
const RAW = /无效输入|期望|Invalid input|[Ee]xpected |received /;
const LONG_NAME = '张'.repeat(101);

const fieldError = (page: Page, id: string) => page.locator(`#${id}-err`).textContent();

for (const width of [1366, 390]) {
  test(`the application form at ${width}px: empty, then an over-long name, in Chinese and in English`, async () => {
    const ctx = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
    const page = await ctx.newPage();
    await page.goto(`${app.url}/apply`);
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.waitForSelector('.alert');
    assert.match((await fieldError(page, 'f-applicant-name')) ?? '', /^请填写(申请人)?姓名或名称$/);
    assert.match((await fieldError(page, 'f-agency')) ?? '', /^请(选择|填写)受理机关$/);
    const alert = (await page.textContent('.alert')) ?? '';
    assert.match(alert, /请填写所需政府信息的描述/);
    assert.doesNotMatch((await page.textContent('main')) ?? '', RAW);
    await page.screenshot({ path: join(shots, `apply-empty-zh-${width}.png`), fullPage: true });

    await page.fill('#f-applicant-name', LONG_NAME);
    await page.fill('#f-applicant-phone', '13912345678');
    await page.fill('#f-description', '请公开凉州区2025年度食品安全抽检结果');
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.waitForSelector('#f-applicant-name-err');
    assert.equal(await fieldError(page, 'f-applicant-name'), '姓名或名称不超过100字');
    assert.equal(await page.inputValue('#f-applicant-name'), LONG_NAME, 'what was typed is kept');
    assert.equal(await page.inputValue('#f-applicant-phone'), '13912345678');
    assert.equal(await page.inputValue('#f-description'), '请公开凉州区2025年度食品安全抽检结果');
    assert.doesNotMatch((await page.textContent('main')) ?? '', RAW);
    await page.screenshot({ path: join(shots, `apply-long-zh-${width}.png`), fullPage: true });

    // The portal's language switch, then the same two refusals in English.
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForSelector('html[lang="en"]');
    await page.goto(`${app.url}/apply`);
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.waitForSelector('.alert');
    assert.match((await fieldError(page, 'f-applicant-name')) ?? '', /^Please enter the (applicant's )?name$/);
    assert.match((await fieldError(page, 'f-agency')) ?? '', /^Please (choose|enter) the agency$/);
    assert.doesNotMatch((await page.textContent('main')) ?? '', RAW);
    assert.doesNotMatch((await page.textContent('.alert')) ?? '', /[\u4e00-\u9fff]/, 'no Chinese left in English');
    await page.screenshot({ path: join(shots, `apply-empty-en-${width}.png`), fullPage: true });
    await page.fill('#f-applicant-name', LONG_NAME);
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.waitForSelector('#f-applicant-name-err');
    assert.equal(await fieldError(page, 'f-applicant-name'), 'The name must be at most 100 characters');
    assert.equal(await page.inputValue('#f-applicant-name'), LONG_NAME);
    await page.screenshot({ path: join(shots, `apply-long-en-${width}.png`), fullPage: true });
    await ctx.close();
  });
}

/** A console session at 1440px, logged in (administrators answer the TOTP question the login asks). */
async function consoleLogin(username: string) {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await page.goto(`${app.url}/console/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(app.password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  return { ctx, page };
}
const workbench = (page: Page) => page.getByRole('heading', { name: '工作台', level: 3, exact: true }).waitFor();

test('the item editor puts the server’s message on the title field and keeps what was typed', async () => {
  const { ctx, page } = await consoleLogin('demo-operator');
  await workbench(page);
  await page.goto(`${app.url}/console/item/new`);
  await page.getByLabel('文号').fill('凉市监发〔2026〕9号');
  await page.getByLabel(/^正文/).fill('<p>正文已填写</p>');
  await page.getByRole('button', { name: '保 存' }).click();
  const title = page.locator('.ant-form-item', { has: page.getByLabel('标题', { exact: true }) });
  await title.locator('.ant-form-item-explain-error').waitFor();
  assert.equal(await title.locator('.ant-form-item-explain-error').textContent(), '请填写标题');
  assert.equal(await page.getByLabel('文号').inputValue(), '凉市监发〔2026〕9号', 'what was typed is kept');
  assert.doesNotMatch((await page.textContent('main')) ?? '', RAW);
  await page.screenshot({ path: join(shots, 'console-item-empty-title-1440.png'), fullPage: true });
  // Corrected, it saves: the message goes once the field is right.
  await page.getByLabel('标题', { exact: true }).fill('凉州区食品安全抽检结果');
  await page.getByRole('button', { name: '保 存' }).click();
  await page.waitForURL(/\/console\/item\/[0-9a-f-]{36}/);
  await ctx.close();
});

test('an administrator logs in with the TOTP code the login asks for; the user form and templates work', async () => {
  const { ctx, page } = await consoleLogin('demo-admin');
  const code = page.getByLabel('动态口令（6 位）');
  await code.waitFor();
  await code.fill(totpCode(demoTotpSecret(app.password), new Date()));
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await workbench(page);

  await page.getByRole('menuitem', { name: '系统管理' }).click();
  await page.getByLabel('用户名', { exact: true }).fill('X');
  await page.getByLabel('姓名', { exact: true }).fill('新同事');
  await page.getByRole('button', { name: '创 建' }).click();
  const username = page.locator('.ant-form-item', { has: page.getByLabel('用户名', { exact: true }) });
  await username.locator('.ant-form-item-explain-error').waitFor();
  assert.match((await username.locator('.ant-form-item-explain-error').textContent()) ?? '', /用户名须为3–50位/);
  assert.equal(await page.getByLabel('姓名', { exact: true }).inputValue(), '新同事');
  await page.screenshot({ path: join(shots, 'console-user-form-1440.png'), fullPage: true });

  // A template of the agency's own is named so in the list (the list once crashed on it).
  await page.getByRole('tab', { name: '告知书模板' }).click();
  await page.getByRole('combobox').click();
  await page.locator('.ant-select-item-option').first().click();
  await page.getByRole('button', { name: '保存模板' }).click();
  await page.getByText('已保存').waitFor();
  await page.getByRole('combobox').click();
  await page.locator('.ant-select-item-option', { hasText: '（本机关）' }).first().waitFor();
  await page.keyboard.press('Escape');

  // The audit log names who did each thing, in words: the template just saved, by 赵丽 (demo-admin).
  await page.getByRole('tab', { name: '审计日志' }).click();
  const saved = page.locator('tr', { hasText: '保存告知书模板' }).first();
  await saved.waitFor();
  assert.equal((await saved.locator('td').nth(2).textContent())?.trim(), '赵丽（机关管理员）');
  await page.screenshot({ path: join(shots, 'console-audit-1440.png') });
  await ctx.close();
});

test('in English, a paper application: the empty name refused on its field, then registered with the default ID type', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(`${app.url}/console/`);
  await page.getByRole('link', { name: 'English' }).click();
  await page.getByLabel('Username').fill('demo-operator');
  await page.getByLabel('Password').fill(app.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('menuitem', { name: 'Requests' }).click();
  await page.getByRole('button', { name: 'Register a request' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('ID number').fill(completeResidentId('62060219800101002'));
  await dialog.getByLabel('Telephone').fill('13909351234');
  await dialog.getByLabel('Government information requested').fill('The 2026 food sampling results of Liangzhou');
  await page.getByRole('button', { name: 'Register' }).last().click();
  const name = dialog.locator('.ant-form-item', { has: page.getByLabel('Name of person or organisation') });
  await name.locator('.ant-form-item-explain-error').waitFor();
  assert.match(
    (await name.locator('.ant-form-item-explain-error').textContent()) ?? '',
    /^Please enter the (applicant's )?name/,
  );
  assert.equal(await dialog.getByLabel('Telephone').inputValue(), '13909351234', 'what was typed is kept');
  await page.screenshot({ path: join(shots, 'console-register-en-1440.png') });
  await dialog.getByLabel('Name of person or organisation').fill('Wang Fang');
  await page.getByRole('button', { name: 'Register' }).last().click();
  await page.waitForURL(/\/console\/case\/GK\d{4}-\d{6}/);
  await ctx.close();
});
