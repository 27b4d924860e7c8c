import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { completeResidentId } from '../src/domain/id-number.ts';
import { axeViolations, launchBrowser, startApp } from './browser.ts';

const shots = join(import.meta.dirname, '../test-results/screenshots');
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

const PARTS = ['政府信息公开指南', '政府信息公开制度', '法定主动公开内容', '政府信息公开年报', '依申请公开'];

async function newPage(width: number, opts: { large?: boolean } = {}): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN', bypassCSP: true });
  if (opts.large) await ctx.addCookies([{ name: 'gk_large', value: '1', url: app.url }]);
  return ctx.newPage();
}

test('every agency page and every part of its column carries the five-part navigation', async () => {
  const page = await newPage(1366);
  await page.goto(`${app.url}/`);
  const agencies = await page
    .locator('ul.agencies a')
    .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  assert.ok(agencies.length >= 6);
  for (const href of agencies) {
    await page.goto(href);
    const nav = page.getByRole('navigation', { name: '信息公开专栏' });
    assert.deepEqual(
      (await nav.getByRole('link').allTextContents()).map((s) => s.trim()),
      PARTS,
      href,
    );
    for (const part of PARTS) {
      await page.goto(href);
      await page.getByRole('navigation', { name: '信息公开专栏' }).getByRole('link', { name: part }).click();
      await page.waitForLoadState();
      const current = page.locator('nav.column-nav a[aria-current="page"]');
      assert.equal((await current.textContent())?.trim(), part, `${href}: ${part}`);
    }
  }
  // The government's own 制度 pages read as rules.
  await page.goto(`${app.url}/`);
  await page.getByRole('link', { name: '武威市凉州区人民政府', exact: true }).click();
  await page.getByRole('navigation', { name: '信息公开专栏' }).getByRole('link', { name: '政府信息公开制度' }).click();
  await page.getByRole('link', { name: /保密审查制度/ }).click();
  assert.match((await page.textContent('article')) ?? '', /第一条/);
  await page.context().close();
});

test('an application without proof of identity or contact is refused field by field, zh and en, keeping what was typed', async () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    const page = await newPage(1366);
    await page.goto(`${app.url}/apply${lang === 'en' ? '?lang=en' : ''}`);
    await page.selectOption('#f-agency', { label: '凉州区市场监督管理局' });
    await page.fill('#f-applicant-name', '赵敏');
    await page.fill('#f-description', '请公开凉州区2025年度食品安全监督抽检结果汇总');
    await page.fill('#f-applicant-postcode', '733000');
    await page.locator('form.apply button[type="submit"]').click();
    await page.waitForSelector('.error-summary');
    const summary = page.locator('.error-summary');
    const expected =
      lang === 'en'
        ? ['Please enter the ID number', 'Please give at least one way to contact you']
        : ['请填写身份证件号码', '请至少填写一种联系方式'];
    const text = (await summary.textContent()) ?? '';
    for (const m of expected) assert.ok(text.includes(m.slice(0, 12)), `${lang}: ${text}`);
    // Each message links to its field, which carries it too.
    await summary.locator('a[href="#f-applicant-idNumber"]').click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-applicant-idNumber');
    assert.match((await page.textContent('#f-applicant-idNumber-err')) ?? '', new RegExp(expected[0]!.slice(0, 10)));
    assert.equal(await page.getAttribute('#f-applicant-phone', 'aria-invalid'), 'true');
    assert.equal(await page.inputValue('#f-applicant-name'), '赵敏');
    assert.equal(await page.inputValue('#f-applicant-postcode'), '733000');
    assert.equal(await page.inputValue('#f-description'), '请公开凉州区2025年度食品安全监督抽检结果汇总');
    await page.screenshot({ path: join(shots, `apply-refused-${lang}.png`) });
    await page.context().close();
  }
});

test('长辈版 scales breadcrumbs and the footer, and marks itself as the current mode', async () => {
  const sizes = async (large: boolean) => {
    const page = await newPage(1366, { large });
    await page.goto(`${app.url}/`);
    await page.getByRole('link', { name: '凉州区市场监督管理局', exact: true }).click();
    await page
      .getByRole('navigation', { name: '信息公开专栏' })
      .getByRole('link', { name: '政府信息公开指南' })
      .click();
    const px = (sel: string) =>
      page
        .locator(sel)
        .first()
        .evaluate((e) => Number.parseFloat(getComputedStyle(e).fontSize));
    const line = await page
      .locator('main p')
      .first()
      .evaluate((e) => {
        const s = getComputedStyle(e);
        return Number.parseFloat(s.lineHeight) / Number.parseFloat(s.fontSize);
      });
    const r = {
      crumbs: await px('nav.crumbs'),
      footer: await px('.site-footer p'),
      body: await px('main p'),
      line,
      // The mark is text a screen reader reads too (translated: " (current)" in English), shown on one link only.
      current: await page
        .locator('.modes a.m-large .now')
        .evaluate((e) => (getComputedStyle(e).display === 'none' ? '' : (e.textContent ?? ''))),
    };
    await page.screenshot({ path: join(shots, `guide${large ? '-large' : ''}.png`) });
    await page.context().close();
    return r;
  };
  const normal = await sizes(false);
  const large = await sizes(true);
  assert.ok(large.crumbs >= normal.crumbs * 1.3, `breadcrumbs ${normal.crumbs} → ${large.crumbs}`);
  assert.ok(large.footer >= normal.footer * 1.3, `footer ${normal.footer} → ${large.footer}`);
  assert.ok(large.body >= 20, `body ${large.body}`);
  assert.ok(large.line > normal.line, `line spacing ${normal.line} → ${large.line}`);
  assert.match(large.current, /当前/);
  assert.doesNotMatch(normal.current, /当前/);
});

test('no serious or critical accessibility violation on home, item, search, apply, track and a report, at 1366 and 390', async () => {
  for (const width of [1366, 390]) {
    const page = await newPage(width);
    const check = async (name: string) => {
      const v = await axeViolations(page);
      assert.deepEqual(v, [], `${name} at ${width}: ${JSON.stringify(v, null, 2)}`);
    };
    await page.goto(`${app.url}/`);
    await check('home');
    await page.getByRole('link', { name: '凉州区市场监督管理局', exact: true }).click();
    await page.locator('section[aria-labelledby="latest-h"] ol.items a').first().click();
    await page.waitForURL(/\/items\//);
    await check('item');
    await page.goto(`${app.url}/search?q=${encodeURIComponent('许可')}`);
    await check('search');
    await page.goto(`${app.url}/apply`);
    await check('apply');
    await page.selectOption('#f-agency', { label: '凉州区市场监督管理局' });
    await page.fill('#f-applicant-name', '赵敏');
    await page.fill('#f-applicant-idNumber', completeResidentId('62060219900101123'));
    await page.fill('#f-applicant-email', 'zhao@example.cn');
    await page.fill('#f-description', '请公开凉州区2025年度食品安全监督抽检结果汇总');
    await page.check('#f-consent');
    await page.locator('form.apply button[type="submit"]').click();
    await page.waitForSelector('.success');
    await page.getByRole('button', { name: '查看办理进度' }).click();
    await page.waitForURL(/\/track$/);
    assert.ok((await page.locator('ol.timeline li').count()) >= 1);
    await check('track');
    await page.goto(`${app.url}/`);
    await page.getByRole('link', { name: '凉州区市场监督管理局', exact: true }).click();
    await page.getByRole('link', { name: /2024年政府信息公开工作年度报告/ }).click();
    await page.waitForURL(/\/reports\/2024/);
    await check('report');
    if (width === 390) {
      // The item header table puts each label above its value; report tables scroll in a focusable region.
      const wrap = page.locator('.table-wrap').first();
      assert.equal(await wrap.getAttribute('tabindex'), '0');
      await page.screenshot({ path: join(shots, 'report-390.png') });
    }
    await page.context().close();
  }
});

test('kiosk: the idle reset follows real input, warns first, and never discards a form being typed in', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 1024 }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await page.clock.install();
  await page.goto(`${app.url}/kiosk`);
  await page.waitForURL(`${app.url}/`);
  // A reading page: input keeps it; idle, a warning, then back to the start.
  await page.goto(`${app.url}/concerns`);
  await page.clock.fastForward(120_000);
  // A key press, not the wheel: a wheel's smooth scroll sends its scroll events later, in real time, so one may land
  // after the next fast-forward and count as input then (the flake of the merged run).
  await page.keyboard.press('Shift');
  await page.clock.fastForward(120_000);
  assert.match(page.url(), /\/concerns$/, 'input two minutes ago: no reset');
  assert.equal(await page.locator('.kiosk-warning').count(), 0);
  await page.clock.fastForward(35_000);
  await page.locator('.kiosk-warning').waitFor();
  assert.match((await page.textContent('.kiosk-warning')) ?? '', /秒后将返回首页/);
  await page.screenshot({ path: join(shots, 'kiosk-warning.png') });
  await page.clock.fastForward(40_000);
  await page.waitForURL(`${app.url}/`);
  // A form being typed in stays, however long the pause; the warning asks instead.
  await page.goto(`${app.url}/apply`);
  await page.fill('#f-applicant-name', '赵敏');
  await page.fill('#f-description', '请公开凉州区2025年度食品安全监督抽检结果');
  await page.clock.fastForward(600_000);
  await page.locator('.kiosk-warning').waitFor();
  assert.match(page.url(), /\/apply$/);
  assert.equal(await page.inputValue('#f-applicant-name'), '赵敏');
  assert.match((await page.textContent('.kiosk-warning')) ?? '', /已填写的内容会保留/);
  await page.getByRole('button', { name: '继续填写' }).click();
  assert.equal(await page.locator('.kiosk-warning').count(), 0);
  assert.equal(await page.inputValue('#f-description'), '请公开凉州区2025年度食品安全监督抽检结果');
  await ctx.close();
});
