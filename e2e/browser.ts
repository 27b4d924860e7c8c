import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { demoTotpSecret, totpCode } from '../src/commands/auth/totp.ts';

/** Debian's Chromium (installed by scripts/setup-system.sh), with the flags a closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** The real server (`gongkai serve`) on a fresh data dir with the demo loaded, on a free port. */
export async function startApp(): Promise<{ url: string; stop: () => Promise<void>; password: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-e2e-'));
  const port = 3900 + Math.floor(Math.random() * 90);
  const password = 'E2e-Demo-Pass1';
  const child = spawn(process.execPath, [join(import.meta.dirname, '../bin/gongkai.js'), 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      GONGKAI_DATA_DIR: dataDir,
      PORT: String(port),
      GONGKAI_DEMO_PASSWORD: password,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 240_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('gongkai 已启动')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    password,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

const require = createRequire(import.meta.url);
const axeSource = require('node:fs').readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') as string;

/** axe-core in the page: the serious and critical violations (WCAG 2.1 A/AA). */
export async function axeViolations(page: Page) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return r.violations.map((v: { id: string; impact: string; help: string; nodes: { target: string[] }[] }) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  return (result as { id: string; impact: string; help: string; targets: string[] }[]).filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
}

/**
 * A fresh browser session logged in to the console as a demo user (the administrator with the demo's TOTP
 * code), waiting for the main menu.
 */
export async function consoleLogin(
  browser: Browser,
  app: { url: string; password: string },
  username: string,
  width = 1440,
): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await page.goto(`${app.url}/console/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(app.password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  if (username === 'demo-admin') {
    await page.getByLabel('动态口令（6 位）').fill(totpCode(demoTotpSecret(app.password), new Date()));
    await page.getByRole('button', { name: /登\s*录/ }).click();
  }
  await page.getByRole('navigation', { name: '主菜单' }).waitFor();
  return { ctx, page };
}
