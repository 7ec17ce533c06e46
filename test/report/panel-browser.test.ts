/**
 * The report's side panel, search and host hiding in headless Chromium. Expected counts are computed here from the
 * execution itself (labels, fields, message records, the clock-derived arrows), never read back from the page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, CHROMIUM, launchChromium, openPage, warnWhenSkipped } from './chromium.js';
import type { Execution } from '../../execution/types.js';
import { renderHtmlReport } from '../../report/index.js';
import { clockDerivedArrows } from '../../report/arrows.js';
import { readShiVizFixture } from '../properties/lattice/shiviz-fixture.js';
import { EVIL_HOST, EVIL_LABEL, smallExecution } from './fixtures.js';

warnWhenSkipped('report panel browser tests');

let browser: Browser;

const count = async (page: Page): Promise<number> => Number(await page.locator('#panel-count').getAttribute('data-count'));
const labelHas = (exec: Execution, text: string): number => exec.events.filter((e) => e.label.toLowerCase().includes(text.toLowerCase())).length;
const fieldIs = (exec: Execution, key: string, value: string): number =>
  exec.events.filter((e) => Object.hasOwn(e.fields, key) && String(e.fields[key]) === value).length;

/** Whether the element's centre lies inside the container's box. */
async function inside(page: Page, selector: string, container: string): Promise<boolean> {
  const a = await page.locator(selector).boundingBox(), c = await page.locator(container).boundingBox();
  if (a === null || c === null) return false;
  const x = a.x + a.width / 2, y = a.y + a.height / 2;
  return x >= c.x && x <= c.x + c.width && y >= c.y && y <= c.y + c.height;
}

async function search(page: Page, text: string, expected: number): Promise<void> {
  await page.fill('#search', text);
  await expect.poll(() => count(page)).toBe(expected);
}

describe.skipIf(CHROMIUM === undefined)('report side panel, search and host hiding in headless Chromium', () => {
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lists every event, syncs selection both ways, keeps hostile text as text', async () => {
    const exec = smallExecution();
    const { page, errors, remote } = await openPage(browser, 'panel-small', renderHtmlReport({ title: 'small', execution: exec, results: [], collapseRuns: true }));
    expect(await count(page)).toBe(exec.events.length);
    expect(await page.locator('#panel-count').textContent()).toBe(`${exec.events.length} events`);
    expect(await page.locator('#panel-rows [data-row-event]').count()).toBe(exec.events.length);
    const evil = exec.events.findIndex((e) => e.label === EVIL_LABEL);
    const row = `#panel-rows [data-row-event="${evil}"]`;
    expect(await page.locator(`${row} .p-label`).textContent()).toBe(EVIL_LABEL);
    expect(await page.locator(`${row} .p-fields`).textContent()).toBe(`note=${EVIL_LABEL}`);
    const onEvilHost = exec.events.findIndex((e) => e.host === 2);
    expect(await page.locator(`#panel-rows [data-row-event="${onEvilHost}"] .p-host`).textContent()).toBe(EVIL_HOST);
    expect(await page.locator('img').count()).toBe(0);

    await page.click(`#diagram [data-event="${evil}"]`);
    expect(await page.locator(row).getAttribute('class')).toContain('current');
    expect(await page.locator(`#diagram [data-event="${evil}"]`).getAttribute('class')).toContain('current');
    // A line inside the collapsed run: clicking it expands the run and selects its mark.
    const inRun = exec.events.findIndex((e) => e.label === 'retry 2');
    expect(await page.locator(`#diagram [data-event="${inRun}"]`).count()).toBe(0);
    await page.click(`#panel-rows [data-row-event="${inRun}"]`);
    expect(await page.locator(`#diagram [data-event="${inRun}"]`).getAttribute('class')).toContain('current');
    expect(await page.locator('#diagram .ev.current').count()).toBe(1);
    expect(await page.locator('#panel-rows .row.current').count()).toBe(1);
    expect(errors).toEqual([]);
    expect(remote).toEqual([]);
  });

  it('searches by label text and by key=value; matches are outlined and counted', async () => {
    const exec = smallExecution();
    const { page, errors } = await openPage(browser, 'panel-search', renderHtmlReport({ title: 'small', execution: exec, results: [], collapseRuns: true }));
    const retries = labelHas(exec, 'RETRY');
    expect(retries).toBe(5);
    await search(page, 'RETRY', retries);
    expect(await page.locator('#diagram .ev.match').count()).toBe(retries); // the collapsed run holding them is expanded
    expect(await page.locator('#panel-rows [data-row-event]').count()).toBe(retries);
    expect(await page.locator('#panel-count').textContent()).toBe(`${retries} matches`);
    const round1 = fieldIs(exec, 'round', '1');
    expect(round1).toBeGreaterThan(1);
    await search(page, 'round=1', round1);
    expect(await page.locator('#diagram .ev.match').count()).toBe(round1);
    await search(page, ' round = 1 ', round1);
    await search(page, `note=${EVIL_LABEL}`, 1);
    await search(page, 'note=</script>', 0); // exact match of the field, not a substring
    await search(page, '<img', labelHas(exec, '<img'));
    await search(page, '', exec.events.length);
    expect(await page.locator('#diagram .ev.match').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('hides a host: its lane, events, arrows and lost messages go, the other lanes close up; show all brings them back', async () => {
    const exec = smallExecution();
    const { page, errors } = await openPage(browser, 'panel-hosts', renderHtmlReport({ title: 'small', execution: exec, results: [], collapseRuns: false }));
    const laneY = (): Promise<number[]> => page.$$eval('#diagram [data-host-line]', (els) => els.map((e) => Number(e.getAttribute('y1'))));
    const before = await laneY();
    const hidden = 1;
    const off = (h: number): boolean => h === hidden;
    const hostOf = (id: number): number => exec.events[id]!.host;
    const arrows = exec.messages.flatMap((m) => m.receiveEvents.map((r) => [m.sendEvent, r] as const)).filter(([s, r]) => !off(hostOf(s)) && !off(hostOf(r))).length;
    const lost = exec.messages.filter((m) => m.fate !== 'delivered' && !off(m.from) && !off(m.to)).length;
    const events = exec.events.filter((e) => !off(e.host)).length;
    await page.click(`#hosts [data-host-label="${hidden}"]`);
    expect(await page.locator('#diagram [data-host-line]').count()).toBe(2);
    expect(await page.locator(`#hosts [data-host-label="${hidden}"]`).count()).toBe(0);
    expect(await laneY()).toEqual(before.slice(0, 2));
    expect(await page.locator('#diagram [data-arrow]').count()).toBe(arrows);
    expect(await page.locator('#diagram [data-lost]').count()).toBe(lost);
    expect(await page.locator('#diagram [data-event]').count()).toBe(events);
    expect(await count(page)).toBe(events);
    expect(await page.locator('#show-hosts').textContent()).toBe('show all hosts (1 hidden)');
    // A search while a host is hidden counts the matches on the hosts shown and says how many more are hidden.
    const receives = exec.events.filter((e) => e.label.includes('receive'));
    const onHidden = receives.filter((e) => off(e.host)).length;
    expect(onHidden).toBeGreaterThan(0);
    await search(page, 'receive', receives.length - onHidden);
    expect(await page.locator('#panel-count').textContent()).toBe(`${receives.length - onHidden} matches (${onHidden} more on hidden hosts)`);
    await search(page, '', events);
    // The "+ name" button brings back that one host; hiding every host leaves an empty diagram, not an error.
    expect(await page.locator('#hidden-hosts [data-unhide]').textContent()).toBe('+ p1');
    await page.click('#hidden-hosts [data-unhide]');
    expect(await laneY()).toEqual(before);
    for (const h of [0, 1, 2]) await page.click(`#hosts [data-host-label="${h}"]`);
    expect(await page.locator('#diagram [data-host-line]').count()).toBe(0);
    expect(await page.locator('#diagram [data-event], #diagram [data-arrow], #diagram [data-lost]').count()).toBe(0);
    expect(await count(page)).toBe(0);
    expect(await page.locator('#hidden-hosts [data-unhide]').count()).toBe(3);
    expect(await page.locator('#hidden-hosts [data-unhide="2"]').textContent()).toBe(`+ ${EVIL_HOST}`);
    expect(await page.locator('img').count()).toBe(0);
    await page.click('#show-hosts');
    expect(await laneY()).toEqual(before);
    expect(await page.locator('#diagram [data-arrow]').count()).toBe(3);
    expect(await count(page)).toBe(exec.events.length);
    expect(await page.locator('#show-hosts').isDisabled()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('the 5,000-event tsviz log: a virtualised panel, search, selection sync, hiding a thread; screenshot', async () => {
    const [exec] = readShiVizFixture('tsviz_shared_var_4_threads.log');
    expect(exec!.events.length).toBe(5000);
    const { page, errors, remote } = await openPage(browser, 'panel-tsviz', renderHtmlReport({ title: 'tsviz_shared_var_4_threads.log', execution: exec!, results: [] }));
    expect(await count(page)).toBe(5000);
    expect(await page.locator('#panel-rows [data-row-event]').count()).toBeLessThan(120); // only the lines in view
    await page.locator('#panel-list').evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await expect.poll(() => page.locator('#panel-rows [data-row-event="4999"]').count()).toBe(1);

    const writes = labelHas(exec!, 'write ');
    expect(writes).toBeGreaterThan(100);
    await search(page, 'Write ', writes);
    expect(await page.locator('#diagram .ev.match').count()).toBe(writes);
    const stamps = new Map<string, number>();
    for (const e of exec!.events) stamps.set(String(e.fields['timestamp']), (stamps.get(String(e.fields['timestamp'])) ?? 0) + 1);
    const [stamp, times] = [...stamps].reduce((a, b) => (b[1] > a[1] ? b : a));
    expect(times).toBeGreaterThan(1);
    await search(page, `timestamp=${stamp}`, times);

    await search(page, 'Write ', writes);
    const last = exec!.events.map((e, i) => [e, i] as const).filter(([e]) => e.label.toLowerCase().includes('write ')).at(-1)![1];
    await page.locator('#panel-list').evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await page.click(`#panel-rows [data-row-event="${last}"]`);
    await expect.poll(() => inside(page, `#diagram [data-event="${last}"]`, '#scroller')).toBe(true);
    expect(await page.locator(`#diagram [data-event="${last}"]`).getAttribute('class')).toContain('current');

    await search(page, '', 5000);
    await page.locator('#scroller').evaluate((el) => { el.scrollLeft = 0; });
    const first = Number(await page.locator('#diagram [data-event]').nth(3).getAttribute('data-event'));
    await page.locator('#panel-list').evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await page.click(`#diagram [data-event="${first}"]`);
    await expect.poll(() => inside(page, `#panel-rows [data-row-event="${first}"]`, '#panel-list')).toBe(true);
    expect(await page.locator(`#panel-rows [data-row-event="${first}"]`).getAttribute('class')).toContain('current');

    const hidden = 1;
    const kept = clockDerivedArrows(exec!).filter((a) => exec!.events[a.from]!.host !== hidden && exec!.events[a.to]!.host !== hidden).length;
    await page.click('[data-action="expand-all"]');
    await page.click(`#hosts [data-host-label="${hidden}"]`);
    expect(await page.locator('#diagram [data-host-line]').count()).toBe(exec!.hosts.length - 1);
    expect(await page.locator('#diagram [data-arrow]').count()).toBe(kept);
    expect(await count(page)).toBe(exec!.events.filter((e) => e.host !== hidden).length);
    await page.fill('#search', 'Write ');
    await expect.poll(() => count(page)).toBe(exec!.events.filter((e) => e.host !== hidden && e.label.toLowerCase().includes('write ')).length);
    await page.screenshot({ path: `${ARTIFACTS}report-panel-tsviz.png` });
    expect(errors).toEqual([]);
    expect(remote).toEqual([]);
  });
});
