/**
 * The history page in a real browser (headless Chromium via playwright-core): it loads without errors or network
 * requests, draws a row per client and a bar per operation, highlights the operation that cannot be placed in a
 * bad Knossos history, shows the linearization of a good one, shows details on hover, and runs no injected markup.
 * Skips, saying why, where no Chromium is installed (set CHROMIUM_PATH to point at one).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium, openPage, warnWhenSkipped } from './chromium.js';
import { renderHistoryHtml, type HistoryReportInput } from '../../report/history/index.js';
import { checked, EVIL, evilHistory, KNOSSOS_BAD, KNOSSOS_GOOD, readHistory } from './history-fixtures.js';

warnWhenSkipped('history page browser tests');

let browser: Browser;

function open(name: string, input: HistoryReportInput): Promise<{ page: Page; errors: string[]; remote: string[] }> {
  return openPage(browser, name, renderHistoryHtml(input));
}

describe.skipIf(CHROMIUM === undefined)('history page in headless Chromium', () => {
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a bad Knossos history: rows, bars, the prefix drawn and read 3 highlighted; hover shows details', async () => {
    const { page, errors, remote } = await open('history-bad', { title: 'bad', files: [checked('rethink-fail-minimal.edn', readHistory(KNOSSOS_BAD), 'cas-register')] });
    const part = page.locator('.part[data-status="not-linearizable"]');
    expect(await part.locator('.client').allTextContents()).toEqual(['p0', 'p1', 'p2', 'p3']);
    expect(await part.locator('.op').count()).toBe(4);
    // Each bar sits in its client's row.
    for (const bar of await part.locator('.op').all()) {
      const client = await bar.getAttribute('data-client');
      const row = await part.locator(`.client[data-client-row="${client}"]`).boundingBox();
      const box = (await bar.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(row!.y);
      expect(box.y + box.height).toBeLessThanOrEqual(row!.y + row!.height);
    }
    const blocked = part.locator('.op.blocked');
    expect(await blocked.count()).toBe(1);
    expect(await blocked.textContent()).toBe('read → 3');
    expect(await blocked.evaluate((e) => e.ownerDocument.defaultView!.getComputedStyle(e).borderTopColor)).toBe('rgb(198, 40, 40)');
    expect(await part.locator('svg .lp').count()).toBe(2);
    expect(await part.locator('svg .lp-bad').count()).toBe(1);
    // The would-be next point lies inside the blocked bar.
    const next = (await part.locator('svg .lp-bad').boundingBox())!;
    const bar = (await blocked.boundingBox())!;
    expect(next.x).toBeGreaterThan(bar.x);
    expect(next.x).toBeLessThan(bar.x + bar.width);
    await blocked.hover();
    await expect.poll(() => page.locator('#tip').isVisible()).toBe(true);
    expect(await page.locator('#tip .tip-title').textContent()).toBe('p1 read → 3');
    expect(await page.locator('#tip').textContent()).toContain('cannot be placed after the longest linearizable prefix');
    expect(await page.locator('#tip').textContent()).toContain('value 4 (after the prefix)');
    await part.locator('.op[data-op="2"]').hover();
    expect(await page.locator('#tip').textContent()).toContain('state aftervalue 4');
    expect(await part.locator('svg .lp.hot').getAttribute('data-op')).toBe('2');
    expect(errors).toEqual([]);
    expect(remote).toEqual([]);
  });

  it('a good Knossos history: the linearization points run left to right through the bars in order', async () => {
    const { page, errors, remote } = await open('history-good', { title: 'good', files: [checked('cas-register-bug.edn', readHistory(KNOSSOS_GOOD), 'cas-register')] });
    const part = page.locator('.part[data-status="linearizable"]');
    expect(await part.locator('.client').count()).toBe(5);
    expect(await part.locator('.op.placed').count()).toBe(5);
    const points = await part.locator('svg .lp').evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-step')), Number(e.getAttribute('data-op')), e.getBoundingClientRect().x]));
    expect(points.map((p) => p[0])).toEqual([0, 1, 2, 3, 4]);
    for (let k = 1; k < points.length; k++) expect(points[k]![2]).toBeGreaterThan(points[k - 1]![2]!);
    for (const [, op, x] of points) {
      const box = (await part.locator(`.op[data-op="${op}"]`).boundingBox())!;
      expect(x).toBeGreaterThan(box.x);
      expect(x).toBeLessThan(box.x + box.width);
    }
    expect(await part.locator('.op.placed span').allTextContents()).toEqual(['write 2', 'write 4', 'read → 4', 'write 0', 'read → 0']);
    await part.locator('summary', { hasText: 'Linearization' }).click();
    expect(await part.locator('details.order li').allTextContents()).toEqual(
      ['p4 write 2 → value 2', 'p1 write 4 → value 4', 'p14 read → 4 → value 4', 'p9 write 0 → value 0', 'p19 read → 0 → value 0']);
    expect(errors).toEqual([]);
    expect(remote).toEqual([]);
  });

  it('hostile keys and values are shown as text, never run', async () => {
    const { page, errors, remote } = await open('history-evil', { title: EVIL, files: [checked(EVIL, evilHistory(), 'kv')] });
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('h1').textContent()).toBe(EVIL);
    expect(await page.locator('.history-file h2 .mono').textContent()).toBe(EVIL);
    const bad = page.locator('.part[data-status="not-linearizable"]');
    expect(await bad.locator('summary').first().textContent()).toContain('key "<b>"');
    await page.locator('.op').first().hover();
    expect(await page.locator('#tip .tip-title').textContent()).toBe(`p2 get "<b>" → "${EVIL}&amp;"`);
    expect(errors).toEqual([]);
    expect(remote).toEqual([]);
  });
});
