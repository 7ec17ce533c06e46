import { describe, expect, it } from 'vitest';
import { buildPageData, renderHtmlReport, type PageData, type ReportInput } from '../../report/index.js';
import { chordExecution, EVIL_HOST, EVIL_LABEL, prefixCut, smallExecution } from './fixtures.js';

function input(over: Partial<ReportInput> = {}): ReportInput {
  const exec = smallExecution();
  return {
    title: 'ping-pong seed 3',
    execution: exec,
    results: [
      { name: 'pongs-match-rounds', verdict: 'violated', message: 'p0 event 9: pongs = 0 but round = 1', witness: prefixCut(exec, 10) },
      { name: 'all-rounds-done', verdict: 'ok' },
      { name: 'possibly(x > 1)', verdict: 'unknown', message: 'stopped by cutsMax' },
    ],
    seed: 3,
    replayCommand: 'dsim replay ping-pong.schedule.json',
    traceHash: 'abc123',
    scenario: 'ping-pong',
    ...over,
  };
}

/** The JSON data block of a page, parsed. */
function dataOf(html: string): PageData {
  const m = /<script type="application\/json" id="dsim-data">([^<]*)<\/script>/.exec(html);
  expect(m).not.toBeNull();
  return JSON.parse(m![1]!) as PageData;
}

describe('renderHtmlReport', () => {
  it('is one complete page with the properties, their verdicts, the seed and the replay command', () => {
    const html = renderHtmlReport(input());
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).toContain('<title>ping-pong seed 3</title>');
    expect(html.match(/<tr data-result=/g)).toHaveLength(3);
    expect(html).toContain('<span class="verdict fails">fails</span>');
    expect(html).toContain('<span class="verdict holds">holds</span>');
    expect(html).toContain('<span class="verdict unknown">unknown</span>');
    expect(html).toContain('dsim replay ping-pong.schedule.json');
    expect(html).toMatch(/<dt>seed<\/dt><dd class="mono">3<\/dd>/);
    expect(html).toMatch(/<dt>trace hash<\/dt><dd class="mono">abc123<\/dd>/);
    expect(html.match(/data-show-cut="\d+"/g)).toEqual(['data-show-cut="0"']);
  });

  it('embeds every event, arrow, lost message and run, and selects the failing result cut', () => {
    const exec = smallExecution();
    const data = dataOf(renderHtmlReport(input()));
    expect(data.events).toHaveLength(exec.events.length);
    expect(data.hosts).toEqual(exec.hosts);
    expect(data.arrows).toHaveLength(3);
    expect(data.lost.map((l) => l[2])).toEqual(['dropped', 'in-flight']);
    // p2's five timer events 8..12 form a run, except that the cut's frontier on p2 (event 9) stays visible.
    expect(data.runs).toEqual([[2, 10, 12, 3]]);
    expect(buildPageData(input({ results: [] })).runs).toEqual([[2, 8, 12, 5]]);
    expect(data.selected).toBe(0);
    expect(data.results[0]!.cut).toEqual(Array.from(prefixCut(exec, 10).cut));
    expect(data.hasTime).toBe(true);
    expect(data.clocks).toHaveLength(exec.events.length * 3);
  });

  it('escapes labels, host names, fields and the title: nothing from the execution becomes markup', () => {
    const html = renderHtmlReport(input({ title: '<script>alert(3)</script>', replayCommand: 'x </pre><b>y</b>' }));
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toContain('<b>');
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).toContain('<title>&lt;script&gt;alert(3)&lt;/script&gt;</title>');
    const data = dataOf(html);
    expect(data.hosts[2]).toBe(EVIL_HOST);
    expect(data.events.some((e) => e[2] === EVIL_LABEL && e[4]['note'] === EVIL_LABEL)).toBe(true);
  });

  it('loads nothing from the network: no remote URLs, no script src, no stylesheet links', () => {
    const html = renderHtmlReport(input());
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/@import|@font-face/);
    expect(html.match(/url\(([^)]*)\)/g) ?? []).toEqual(['url(#head)']);
  });

  it('draws arrows from the vector clocks when the log has no message records (chord, 1,235 events)', () => {
    const exec = chordExecution();
    const html = renderHtmlReport({ title: 'chord', execution: exec, results: [] });
    const data = dataOf(html);
    expect(data.derived).toBe(true);
    expect(data.events).toHaveLength(1235);
    const receives = exec.events.filter((e) => e.kind === 'receive').length;
    expect(data.arrows.length).toBeGreaterThanOrEqual(receives);
    expect(data.collapse).toBe(true);
    expect(html.length).toBeLessThan(400_000);
  });

  it('cuts a long execution to its first eventsMax events and fits the witness to them', () => {
    const exec = smallExecution();
    const data = buildPageData({ ...input(), eventsMax: 6 });
    expect(data.shown).toBe(6);
    expect(data.total).toBe(exec.events.length);
    expect(data.events).toHaveLength(6);
    expect(data.arrows.every((a) => a[0] < 6 && a[1] < 6)).toBe(true);
    expect(data.results[0]!.cut).toEqual(Array.from(prefixCut(exec, 6).cut));
    expect(data.results[0]!.path).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('shows a verdict it does not recognise (from an untyped caller) as unknown, never as markup', () => {
    const odd = { name: 'p', verdict: '"><b>x</b>' } as unknown as ReportInput['results'][number];
    const html = renderHtmlReport(input({ results: [odd] }));
    expect(html).toContain('<span class="verdict unknown">unknown</span>');
    expect(html).not.toContain('<b>');
  });

  it('rejects a witness cut without one entry per host (a caller bug)', () => {
    const bad = input({ results: [{ name: 'p', verdict: 'fails', witness: { cut: new Int32Array(2) } }] });
    expect(() => renderHtmlReport(bad)).toThrow(/witness cut has 2 entries, expected 3/);
  });
});
