/**
 * Walks every console screen in Chinese as each demo role and fails on identifiers that reached the user:
 * snake_case codes ("other_no_correction"), key=value pairs ("decidedYear=2025"), code — code pairs
 * ("reconsideration — pending") and English words where Chinese is expected. Tabs and the first record of each
 * list are opened too, since most raw codes hide in details.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { consoleLogin, launchBrowser, startApp } from './browser.ts';

let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;

before(async () => {
  app = await startApp();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.stop();
});

/** Text a user reads: visible text nodes outside inputs, code blocks and technical values (URLs, e-mails). */
async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('input, textarea, code, pre, script, style, [data-raw-ok]')) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      const s = getComputedStyle(el);
      if (s.visibility === 'hidden' || s.display === 'none') continue;
      out.push(n.textContent ?? '');
    }
    return out.join('\n');
  });
}

/** Words that may stay Latin in a Chinese screen: units, formats, product and standard names. */
const ALLOWED = new Set(
  'PDF DOCX XLSX CSV Excel Word HTML OpenAPI API TOTP GB/T ID OGI URL RSS Atom SM3 HMAC Ant Design gongkai GK'.split(
    ' ',
  ),
);

export function rawCodes(text: string): string[] {
  const found = new Set<string>();
  const cleaned = text
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[\w.+-]+@[\w.-]+/g, ' ')
    .replace(/\b[\w-]+\.(pdf|docx|xlsx|csv|png|jpg|txt)\b/gi, ' ');
  // Each pattern takes what it found out of the text, so one code is reported once.
  let rest = cleaned;
  const take = (re: RegExp, keep: (s: string) => boolean = () => true) => {
    rest = rest.replace(re, (m) => {
      if (keep(m)) found.add(m);
      return ' ';
    });
  };
  take(/\b[a-zA-Z]+=[\w-]+/g);
  take(/\b[a-z]{3,}\s+[—-]\s+[a-z]{3,}\b/g);
  take(/\b[a-z]+(?:_[a-z0-9]+)+\b/g);
  take(/\b[a-z]{4,}[A-Z][a-zA-Z]*\b/g);
  take(/(?<![\w/.-])[a-z]{5,}(?![\w/.-])/g, (m) => !ALLOWED.has(m));
  return [...found];
}

test('rawCodes finds the codes users reported and passes Chinese text', () => {
  assert.deepEqual(rawCodes('结果：other_no_correction'), ['other_no_correction']);
  assert.deepEqual(rawCodes('筛选 decidedYear=2025'), ['decidedYear=2025']);
  assert.ok(rawCodes('reconsideration — pending').includes('reconsideration — pending'));
  assert.deepEqual(rawCodes('共 12 条 · 2026年 · GK2026-000123 · PDF · demo@example.cn'), []);
});

async function login(username: string): Promise<Page> {
  return (await consoleLogin(browser, app, username)).page;
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.ant-skeleton, .ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => {});
}

async function check(page: Page, where: string, problems: string[]) {
  await settle(page);
  for (const code of rawCodes(await visibleText(page))) problems.push(`${where}: ${code}`);
}

/** Every tab of the screen, then the first row link of its table (a detail screen), each checked. */
async function walkScreen(page: Page, where: string, problems: string[], depth = 0) {
  await check(page, where, problems);
  const tabs = page.getByRole('tab');
  const n = await tabs.count();
  for (let i = 1; i < n; i++) {
    const label = ((await tabs.nth(i).textContent()) ?? '').trim();
    await tabs.nth(i).click();
    await check(page, `${where} › ${label}`, problems);
  }
  if (depth > 0) return;
  const row = page.locator('.ant-table-row a[href^="/console/"]').first();
  if (await row.count()) {
    await row.click();
    await walkScreen(page, `${where} › 详情`, problems, depth + 1);
    await page.goBack();
  }
}

for (const user of ['demo-operator', 'demo-reviewer', 'demo-approver', 'demo-admin', 'demo-supervisor']) {
  test(`no raw codes on the console screens of ${user} (zh-CN)`, async () => {
    const page = await login(user);
    const problems: string[] = [];
    const menu = page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem');
    const labels = await menu.allInnerTexts();
    for (const label of labels) {
      await page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: label }).click();
      await walkScreen(page, `${user} ${label}`, problems);
    }
    await page.context().close();
    assert.deepEqual(problems, [], `raw codes shown in Chinese mode:\n${problems.join('\n')}`);
  });
}
