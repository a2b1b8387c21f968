/**
 * End-to-end check in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core):
 * builds nothing itself — run `npm run build` first. Serves dist/ with `vite preview`, walks the
 * wizard with a pasted Postfix log line in English and in Chinese, checks that the page made no
 * request outside localhost, and writes docs/screenshot.png.
 *
 *   npx tsx scripts/e2e.ts [--screenshot docs/screenshot.png]
 */
import { spawn } from 'node:child_process';
import { chromium, type Page } from 'playwright-core';

const PORT = 4317;
const BASE = `http://127.0.0.1:${PORT}/`;
const POSTFIX = 'Mar  3 10:12:01 mx1 postfix/smtpd[2211]: warning: Connection concurrency limit exceeded: 51 from unknown[203.0.113.5] for service smtp';

async function waitForServer(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`preview server did not start on ${url}`);
}

const LABELS = {
  en: { analyse: /^analyse$/i, forward: /^(next|continue|see diagnosis)$/i, heading: /^diagnosis$/i, cause: 'Root cause' },
  zh: { analyse: /^分析$/, forward: /^(下一步|继续|查看诊断)$/, heading: /^诊断结果$/, cause: '根本原因' },
} as const;

async function walk(page: Page, lang: 'en' | 'zh'): Promise<void> {
  const L = LABELS[lang];
  await page.goto(BASE);
  await page.evaluate('localStorage.clear()');
  await page.goto(BASE);
  await page.getByRole('textbox').first().fill(POSTFIX);
  await page.getByRole('button', { name: L.analyse }).click();
  // Walk forward, answering with the first option wherever a question is open, until the diagnosis shows.
  for (let i = 0; i < 15; i++) {
    const heading = page.getByRole('heading', { name: L.heading });
    if (await heading.isVisible().catch(() => false)) {
      await page.getByText(L.cause).first().waitFor();
      // The Postfix settings for the reached cause are among the snippets.
      await page.locator('pre', { hasText: 'smtpd_client_connection_count_limit' }).first().waitFor({ timeout: 5000 });
      return;
    }
    const radio = page.getByRole('radio').first();
    if ((await radio.isVisible().catch(() => false)) && (await page.getByRole('radio', { checked: true }).count()) === 0) await radio.check();
    const forward = page.getByRole('button', { name: L.forward }).first();
    if (await forward.isVisible().catch(() => false)) await forward.click();
    await page.waitForTimeout(150);
  }
  throw new Error(`${lang}: the diagnosis page with the Postfix snippet did not show up`);
}

async function main(): Promise<void> {
  const shotArg = process.argv.indexOf('--screenshot');
  const shot = shotArg > 0 ? process.argv[shotArg + 1] : undefined;
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });
  const outside: string[] = [];
  try {
    await waitForServer(BASE, 20000);
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    try {
      for (const lang of ['en', 'zh'] as const) {
        const context = await browser.newContext({ locale: lang === 'en' ? 'en-US' : 'zh-CN', viewport: { width: 1280, height: 900 } });
        context.on('request', (req) => {
          const url = new URL(req.url());
          if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') outside.push(req.url());
        });
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await walk(page, lang);
        if (errors.length > 0) throw new Error(`${lang}: page errors: ${errors.join('; ')}`);
        if (lang === 'en' && shot) await page.screenshot({ path: shot, fullPage: false });
        console.log(`e2e ${lang}: pasted a Postfix log line and reached the diagnosis`);
        await context.close();
      }
    } finally {
      await browser.close();
    }
    if (outside.length > 0) throw new Error(`requests left localhost: ${outside.join(', ')}`);
    console.log('e2e: no request left localhost');
  } finally {
    server.kill();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
