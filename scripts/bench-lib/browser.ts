/**
 * The browser analyzer's throughput: the app is built into the scratch folder, served by Vite's
 * preview server on 127.0.0.1, and Debian's Chromium (never a downloaded browser) opens `#/logs`,
 * is given the log file, and the time from choosing the file to the results heading is measured.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export type BrowserResult = { readonly ok: true; readonly seconds: number } | { readonly ok: false; readonly reason: string };

const CHROMIUM = '/usr/bin/chromium';

export async function measureBrowserScan(root: string, scratch: string, file: string): Promise<BrowserResult> {
  if (!existsSync(CHROMIUM)) return { ok: false, reason: `${CHROMIUM} not installed (apt-get install chromium)` };
  const { build, preview } = await import('vite');
  const outDir = join(scratch, 'dist');
  await build({ root, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const server = await preview({ root, logLevel: 'error', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false } });
  const url = server.resolvedUrls?.local[0];
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    if (url === undefined) return { ok: false, reason: 'the preview server did not start' };
    const page = await browser.newPage();
    await page.goto(`${url}#/logs`);
    const input = page.locator('input[type=file]');
    await input.waitFor({ state: 'attached', timeout: 30_000 });
    const t0 = Date.now();
    await input.setInputFiles(file);
    await page.locator('#scan-totals').waitFor({ state: 'visible', timeout: 600_000 });
    return { ok: true, seconds: (Date.now() - t0) / 1000 };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message.split('\n')[0] ?? String(err) : String(err) };
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.httpServer.close(() => done()));
  }
}
