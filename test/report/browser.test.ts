/**
 * The report in a real browser (headless Chromium via playwright-core): it loads without errors or network
 * requests, draws one line per host and one mark per event, shows details on hover, expands runs on click.
 * Skips, saying why, where no Chromium is installed (set CHROMIUM_PATH to point at one).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, CHROMIUM, launchChromium, openPage, warnWhenSkipped } from './chromium.js';
import { buildExecution } from '../../execution/build.js';
import type { Execution } from '../../execution/types.js';
import { renderHtmlReport, type ReportInput } from '../../report/index.js';
import { clockDerivedArrows } from '../../report/arrows.js';
import { readShiVizFixture } from '../properties/lattice/shiviz-fixture.js';
import { chordExecution, EVIL_LABEL, generatedExecution, prefixCut, smallExecution } from './fixtures.js';

warnWhenSkipped('report browser tests');

let browser: Browser;

function open(name: string, input: ReportInput): Promise<{ page: Page; errors: string[]; remote: string[] }> {
  return openPage(browser, name, renderHtmlReport(input));
}

/** Visible event marks plus the events hidden in collapsed runs. */
async function eventsAccountedFor(page: Page): Promise<number> {
  const dots = await page.locator('#diagram [data-event]').count();
  const counts = await page.$$eval('#diagram [data-run]', (els) => els.map((e) => Number(e.getAttribute('data-count'))));
  return dots + counts.reduce((a, b) => a + b, 0);
}

function report(title: string, execution: Execution, over: Partial<ReportInput> = {}): ReportInput {
  return { title, execution, results: [], ...over };
}

describe.skipIf(CHROMIUM === undefined)('HTML report in headless Chromium', () => {
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('draws the small execution: hosts, events, arrows, drops, crash, cut; hover and expand work', async () => {
    const exec = smallExecution();
    const { page, errors, remote } = await open('report', report('ping-pong (bug count-duplicates) seed 3', exec, {
      results: [
        { name: 'pongs-match-rounds', verdict: 'violated', message: 'p0 event 9 (tick 13): pongs = 2 but round = 1', witness: prefixCut(exec, 10) },
        { name: 'all-rounds-done', verdict: 'ok', message: 'every node finished 5 rounds' },
      ],
      seed: 3, scenario: 'ping-pong', bug: 'count-duplicates', traceHash: '9f3c0a17',
      replayCommand: 'dsim replay runs/ping-pong-seed3.schedule.json', collapseRuns: true,
    }));
    expect(await page.locator('#diagram [data-host-line]').count()).toBe(3);
    expect(await page.locator('#hosts [data-host-label]').count()).toBe(3);
    expect(await eventsAccountedFor(page)).toBe(exec.events.length);
    expect(await page.locator('#diagram [data-arrow]').count()).toBe(3);
    expect(await page.locator('#diagram .lost.dropped').count()).toBe(1);
    expect(await page.locator('#diagram path.k-crash').count()).toBe(1);
    expect(await page.locator('#diagram [data-cut]').count()).toBe(1);
    expect(await page.locator('#diagram [data-event]').count()).toBe(exec.events.length - 3); // the run of 3 is one marker

    await page.hover('#diagram [data-event="13"]');
    await expect.poll(() => page.locator('#tip').isVisible()).toBe(true);
    expect(await page.locator('#tip .tip-title').textContent()).toBe(EVIL_LABEL);
    expect(await page.locator('#tip [data-tip-state]').textContent()).toBe(`note = ${EVIL_LABEL}`);
    expect(await page.locator('#tip [data-tip-clock]').textContent()).toBe('{p0: 2, p1: 4, <img src=y onerror=alert(2)>: 0}');
    await page.mouse.move(5, 5);
    await page.click('#diagram [data-run]');
    expect(await page.locator('#diagram [data-event]').count()).toBe(exec.events.length);
    await page.hover('#diagram [data-event="9"]');
    expect(await page.locator('#tip').textContent()).toContain('step 10 of 10 on the way to the cut');
    await page.screenshot({ path: `${ARTIFACTS}report.png`, fullPage: true });
    expect(errors).toEqual([]);
    expect(remote).toEqual([]);
  });

  it('keeps several thousand events usable: runs collapse, expand all, zoom', async () => {
    const exec = generatedExecution(4000, 6);
    const { page, errors } = await open('report-generated', report('generated', exec, {
      results: [{ name: 'possibly(step > 1000)', verdict: 'holds', witness: prefixCut(exec, 1500) }],
    }));
    expect(await page.locator('#diagram [data-host-line]').count()).toBe(6);
    const collapsed = await page.locator('#diagram [data-run]').count();
    expect(collapsed).toBeGreaterThan(50);
    expect(await eventsAccountedFor(page)).toBe(4000);
    await page.screenshot({ path: `${ARTIFACTS}report-generated.png` });
    const before = Number(await page.locator('#diagram').getAttribute('width'));
    await page.click('[data-action="zoom-out"]');
    expect(Number(await page.locator('#diagram').getAttribute('width'))).toBeLessThan(before);
    const zoomedOut = Number(await page.locator('#diagram').getAttribute('width'));
    const box = (await page.locator('#scroller').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -400);
    await page.keyboard.up('Control');
    await expect.poll(async () => Number(await page.locator('#diagram').getAttribute('width'))).toBeGreaterThan(zoomedOut);
    await page.click('[data-action="expand-all"]');
    expect(await page.locator('#diagram [data-event]').count()).toBe(4000);
    expect(await page.locator('#diagram [data-run]').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('draws an execution without events, and a result whose cut is empty', async () => {
    const exec = buildExecution({ label: 'empty', hosts: ['a', 'b'], events: [] });
    const { page, errors } = await open('report-empty', report('empty', exec, {
      results: [{ name: 'p', verdict: 'fails', witness: { cut: new Int32Array(2) } }],
    }));
    expect(await page.locator('#diagram [data-host-line]').count()).toBe(2);
    expect(await page.locator('#diagram [data-event]').count()).toBe(0);
    expect(await page.locator('#diagram [data-cut]').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('draws the chord log (8 hosts, 1,235 events, clock-derived arrows)', async () => {
    const exec = chordExecution();
    const { page, errors } = await open('report-chord', report('chord.log', exec));
    expect(await page.locator('#diagram [data-host-line]').count()).toBe(8);
    expect(await eventsAccountedFor(page)).toBe(1235);
    expect(await page.locator('#diagram .msg.derived').count()).toBeGreaterThan(500);
    await page.screenshot({ path: `${ARTIFACTS}report-chord.png` });
    await page.click('[data-action="zoom-fit"]');
    await page.screenshot({ path: `${ARTIFACTS}report-chord-fit.png` });
    expect(errors).toEqual([]);
  });

  it('draws the 5,000-event tsviz log: every event accounted for, its sends drawn as sends; screenshot at 1400x900', async () => {
    const [exec] = readShiVizFixture('tsviz_shared_var_4_threads.log');
    expect(exec!.events.length).toBe(5000);
    const { page, errors, remote } = await open('report-tsviz', report('tsviz_shared_var_4_threads.log', exec!));
    expect(await page.locator('#diagram [data-host-line]').count()).toBe(exec!.hosts.length);
    expect(await eventsAccountedFor(page)).toBe(5000);
    const arrowSources = new Set(clockDerivedArrows(exec!).map((a) => a.from));
    expect(arrowSources.size).toBeGreaterThan(0);
    await page.click('[data-action="expand-all"]');
    expect(await page.locator('#diagram .k-send').count()).toBe(arrowSources.size);
    await page.screenshot({ path: `${ARTIFACTS}report-tsviz.png` });
    expect(errors).toEqual([]);
    expect(remote).toEqual([]);
  });

  it('long host names that share a prefix show their distinguishing ends, the full name on hover', async () => {
    const hosts = Array.from({ length: 10 }, (_, i) => `42795@jvoldemortThread[voldemort-server-t${i + 1}]`);
    const exec = buildExecution({ label: 'threads', hosts, events: hosts.map((_, h) => ({ host: h, kind: 'internal' as const, label: 'x', clock: hosts.map((__, j) => (j === h ? 1 : 0)), fields: {} })) });
    const { page, errors } = await open('report-long-hosts', report('threads', exec));
    const shown = await page.$$eval('#hosts [data-host-label]', (els) => els.map((e) => e.firstChild?.textContent ?? ''));
    expect(new Set(shown).size).toBe(10);
    expect(shown[9]).toMatch(/t10\]$/);
    const titles = await page.$$eval('#hosts [data-host-label] title', (els) => els.map((e) => e.textContent));
    expect(titles).toEqual(hosts);
    expect(errors).toEqual([]);
  });
});
