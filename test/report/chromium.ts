/**
 * Headless Chromium for the report tests (playwright-core): where it is, how it is launched, and a page opened on a
 * written report that collects console errors and non-file requests. CHROMIUM_PATH when set, else Debian's
 * /usr/bin/chromium; the tests skip, saying why, where neither exists.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

const CHROMIUM_WANTED = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';
/** The Chromium binary, or undefined when there is none (the browser tests then skip). */
export const CHROMIUM = existsSync(CHROMIUM_WANTED) ? CHROMIUM_WANTED : undefined;
/** Where pages and screenshots are written. */
export const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

/** Warns once per test file that its browser tests skip, when there is no Chromium. */
export function warnWhenSkipped(what: string): void {
  if (CHROMIUM === undefined) console.warn(`${what} SKIPPED: no Chromium at ${CHROMIUM_WANTED} (set CHROMIUM_PATH to a Chromium binary)`);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM!,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Writes `html` to test-artifacts/<name>.html, opens it at 1400x900, waits for `body[data-ready]`. */
export async function openPage(browser: Browser, name: string, html: string): Promise<{ page: Page; errors: string[]; remote: string[] }> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = `${ARTIFACTS}${name}.html`;
  writeFileSync(file, html);
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  const remote: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => errors.push(`dialog opened: ${d.message()}`));
  page.on('request', (r) => !r.url().startsWith('file:') && remote.push(r.url()));
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 10_000 });
  return { page, errors, remote };
}
