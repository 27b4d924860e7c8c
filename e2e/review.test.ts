import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { completeResidentId } from '../src/domain/id-number.ts';
import { consoleLogin, launchBrowser, startApp } from './browser.ts';

/**
 * Review loops with words (issue #18): a return with its reasons seen by the author, the head's extensions in
 * the workbench, an appeal registered once however often its modal is sent.
 */
const shots = process.env.GONGKAI_SHOTS ?? '/tmp/shots/review';
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

async function login(username: string, width = 1440): Promise<{ ctx: BrowserContext; page: Page }> {
  return consoleLogin(browser, app, username, width);
}

/** A write from the logged-in page (its session and CSRF token), as the console would send it. */
async function api(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch('/api/v1/me')).json();
      const r = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: r.status, body: await r.json() };
    },
    { method, path, body },
  );
}

async function shoot(page: Page, name: string) {
  for (const width of [1440, 1024]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test('the reviewer returns an item with a comment; the operator sees who, when and why on the workbench and the item', async () => {
  const title = `凉州区${today}农贸市场抽检结果（退回测试）`;
  const op = await login('demo-operator');
  const made = await api(op.page, 'POST', '/api/v1/catalogue/items', {
    title,
    genre: 'notice',
    bodyHtml: '<p>本次抽检食品 80 批次。</p>',
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const id = made.body.id as string;
  assert.equal((await api(op.page, 'POST', `/api/v1/catalogue/items/${id}/submit`, {})).status, 200);

  const rev = await login('demo-reviewer');
  await rev.page.goto(`${app.url}/console/item/${id}`);
  await rev.page.getByRole('button', { name: '退回修改' }).click();
  const dialog = rev.page.getByRole('dialog');
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await dialog.getByText('请填写退回意见').waitFor();
  const why = '抽检批次数与附件不一致，请核对后重新提交';
  await dialog.getByLabel('意见').fill(why);
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await rev.page.getByTestId('latest-return').waitFor();
  await rev.ctx.close();

  await op.page.reload();
  const card = op.page.getByTestId('returned');
  await card.getByText(title).waitFor();
  const text = (await card.textContent()) ?? '';
  assert.match(text, /李强（保密审查）于 .* 退回/);
  assert.ok(text.includes(why));
  await shoot(op.page, 'workbench-operator');
  await card.getByRole('link', { name: title }).click();
  const latest = op.page.getByTestId('latest-return');
  await latest.waitFor();
  assert.ok(((await latest.textContent()) ?? '').includes(why));
  assert.match((await op.page.getByTestId('review-history').textContent()) ?? '', /提交.*退回/s);
  await shoot(op.page, 'item-editor-history');
  await op.ctx.close();
});

async function newCase(page: Page, what: string) {
  const agencies = await page.evaluate(async () => (await (await fetch('/api/v1/agencies')).json()).items);
  const r = await api(page, 'POST', '/api/v1/cases', {
    agency: agencies[0].creditCode,
    channel: 'in_person',
    receivedDate: today,
    applicant: {
      type: 'natural_person',
      name: '王芳',
      idType: '居民身份证',
      idNumber: completeResidentId('62060219800101002'),
      phone: '13909351234',
    },
    description: `请提供2026年凉州区${what}的相关文件`,
    form: 'paper',
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.trackingNumber as string;
}

test('the approver approves one extension and refuses another with a comment, in the workbench', async () => {
  const op = await login('demo-operator');
  const a = await newCase(op.page, '农贸市场改造');
  const b = await newCase(op.page, '夜市管理');
  for (const tn of [a, b]) {
    const r = await api(op.page, 'POST', `/api/v1/cases/${tn}/events`, {
      type: 'extension_requested',
      date: today,
      reason: '需调取档案并征求业务科室意见',
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
  }
  // The operator may not decide: no buttons.
  await op.page.reload();
  assert.equal(await op.page.getByTestId('extensions').count(), 0, 'no head card for the operator');

  const ap = await login('demo-approver');
  const rowA = ap.page.getByTestId(`extension-${a}`);
  const rowB = ap.page.getByTestId(`extension-${b}`);
  await rowA.waitFor();
  await rowB.waitFor();
  await shoot(ap.page, 'workbench-approver');
  await rowA.getByRole('button', { name: /^批\s*准$/ }).click();
  await ap.page
    .getByRole('dialog')
    .getByRole('button', { name: /^批\s*准$/ })
    .click();
  await rowA.waitFor({ state: 'detached' });
  await rowB.getByRole('button', { name: /不批准/ }).click();
  const dialog = ap.page.getByRole('dialog');
  const why = '所需信息已在本机关，无需延期';
  await dialog.getByLabel('意见').fill(why);
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await rowB.waitFor({ state: 'detached' });

  const caseA = await api(ap.page, 'GET', `/api/v1/cases/${a}`);
  assert.equal(caseA.body.events.at(-1).type, 'extension_approved');
  assert.equal(caseA.body.events.at(-1).actor, '王建国（分管负责人）');
  const reviewsB = await api(ap.page, 'GET', `/api/v1/cases/${b}/reviews`);
  assert.deepEqual(
    reviewsB.body.items.map((e: { decisionLabel: string; comment: string }) => [e.decisionLabel, e.comment]),
    [
      ['申请延期', '需调取档案并征求业务科室意见'],
      ['不批准', why],
    ],
  );
  await ap.page.goto(`${app.url}/console/case/${b}`);
  await ap.page.getByTestId('review-history').getByText(why).waitFor();
  await shoot(ap.page, 'case-detail-extension');
  await ap.ctx.close();
  await op.ctx.close();
});

test('a double click on the appeal modal registers one appeal', async () => {
  const op = await login('demo-operator');
  const tn = await newCase(op.page, '广告监管');
  await op.page.goto(`${app.url}/console/case/${tn}`);
  await op.page.getByRole('button', { name: '登记复议/诉讼' }).click();
  const dialog = op.page.getByRole('dialog');
  const filed = dialog.getByLabel('立案日期');
  await filed.click();
  await filed.fill(today);
  await filed.press('Enter');
  const note = dialog.getByLabel('备注');
  await note.fill('申请人不服答复');
  // A double click on 登记: the modal sends once (disabled while sending), and the server keeps one per key.
  await dialog.getByRole('button', { name: /登\s*记/ }).dblclick();
  await op.page.getByTestId('appeal').first().waitFor();
  await op.page.waitForTimeout(1000);
  const view = await api(op.page, 'GET', `/api/v1/cases/${tn}`);
  assert.equal(view.body.appeals.length, 1, JSON.stringify(view.body.appeals));
  const shown = (await op.page.getByTestId('appeal').first().textContent()) ?? '';
  assert.match(shown, /行政复议/);
  assert.match(shown, /尚未审结/);
  assert.ok(!/reconsideration|pending/.test((await op.page.textContent('main')) ?? ''), 'no raw codes');
  await shoot(op.page, 'case-detail');
  await op.ctx.close();
});
