/**
 * Headless Chromium for the e2e tier (test helper only): launch options that
 * work as root in a container without network, the screenshot folder, and
 * opening the dashboard with its page errors and console problems collected.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadConfig } from '../../src/config.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.join(loadConfig().rootDir, '.artifacts', 'screenshots');

/**
 * Browser tests run wherever Chromium is installed and always in CI (CI=true,
 * where a missing browser must fail the run). On a developer machine without
 * it they are skipped with a notice instead of failing `npm test`.
 */
export const SKIP_BROWSER_TESTS = !existsSync(CHROMIUM_PATH) && process.env.CI !== 'true';
if (SKIP_BROWSER_TESTS) {
  process.stderr.write(`[e2e] ${CHROMIUM_PATH} not found: browser tests skipped (install it: apt-get install -y chromium)\n`);
}

export function launchChromium(): Promise<Browser> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export function screenshotPath(name: string): string {
  return path.join(SCREENSHOT_DIR, name);
}

/**
 * Opens the dashboard at `url` in a new page, collecting page errors and
 * console errors and warnings into `problems`; resolves once the page has
 * loaded its view, and throws with the page's own reason when that failed.
 */
export async function openDashboard(browser: Browser, url: string, problems: string[]): Promise<Page> {
  const p = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  p.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  p.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  await p.goto(url);
  await p.waitForSelector('body[data-loaded="true"]', { timeout: 60_000 });
  // A view that could not be loaded says why in the page; make the test say it too.
  const failed = await p.evaluate(() => (document.body.dataset.view === 'error' ? `${document.getElementById('network-empty')?.textContent} ${document.getElementById('error')?.textContent}` : null));
  if (failed !== null) throw new Error(`the dashboard could not load its view: ${failed}`);
  return p;
}
