/**
 * The history page's markup without a browser: one section per file, one bar per checked operation and one row per
 * client (counted from the hand-worked Knossos histories), the longest prefix and the blocked operation marked,
 * hostile strings escaped, the drawing limit kept. And the layout's geometry on random operations (fast-check):
 * every bar has positive width, holds its linearization point, points come in order, and bars keep the event order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ViewOperation } from '../../properties/linearizability/history-view.js';
import { layoutPart, renderHistoryHtml, textWidth } from '../../report/history/index.js';
import { checked, EVIL, evilHistory, KNOSSOS_BAD, KNOSSOS_BIG_BAD, KNOSSOS_GOOD, readHistory } from './history-fixtures.js';

const count = (html: string, re: RegExp): number => (html.match(re) ?? []).length;

describe('renderHistoryHtml', () => {
  const bad = checked('bad.edn', readHistory(KNOSSOS_BAD), 'cas-register');
  const good = checked('good.edn', readHistory(KNOSSOS_GOOD), 'cas-register');
  const html = renderHistoryHtml({ title: 'two histories', files: [bad, good] });

  it('one section per file, a bar per checked operation, a row per client', () => {
    expect(count(html, /<section class="history-file"/g)).toBe(2);
    // bad: write 0, read 3, write 4, read 4 by p0..p3; good: 5 operations by 5 clients (p6's read never returns: dropped).
    const sections = html.split('<section class="history-file"').slice(1);
    expect(count(sections[0]!, /<div class="op[ "]/g)).toBe(4);
    expect(count(sections[0]!, /data-client-row=/g)).toBe(4);
    expect(count(sections[1]!, /<div class="op[ "]/g)).toBe(5);
    expect([...sections[1]!.matchAll(/data-client-row="(\d+)"/g)].map((m) => m[1])).toEqual(['1', '4', '9', '14', '19']);
  });

  it('the bad history: the prefix write 0, write 4 drawn as points, read 3 blocked', () => {
    const section = html.split('<section class="history-file"')[1]!;
    expect(section).toContain('data-verdict="not-linearizable"');
    expect(count(section, /class="lp"/g)).toBe(2);
    expect(count(section, /class="lp-bad"/g)).toBe(1);
    expect(section).toMatch(/<div class="op blocked" data-op="1" data-client="1"[^>]*><span>read → 3<\/span>/);
    expect(section).toContain('Cannot be placed next: <span class="mono">p1 read → 3</span>');
  });

  it('the good history: every operation in the linearization, in the order of its events', () => {
    const section = html.split('<section class="history-file"')[2]!;
    const orders = [...section.matchAll(/<div class="op placed"[^>]* data-order="(\d+)"[^>]*><span>([^<]*)</g)].map((m) => [Number(m[1]), m[2]]);
    expect(orders.sort((a, b) => (a[0] as number) - (b[0] as number)).map((o) => o[1])).toEqual(['write 2', 'write 4', 'read → 4', 'write 0', 'read → 0']);
  });

  it('hover details are in the page data: state before and after each step', () => {
    const json = /<script type="application\/json" id="dsim-history-data">(.*?)<\/script>/s.exec(html)![1]!;
    const tips = JSON.parse(json).tips as [string, [string, string][]][];
    expect(tips).toHaveLength(9);
    expect(tips[2]![0]).toBe('p2 write 4');
    expect(Object.fromEntries(tips[2]![1])).toMatchObject({ client: 'p2', 'state before': 'value 0', 'state after': 'value 4', order: 'step 2 of the longest linearizable prefix (2 steps)' });
  });

  it('escapes hostile keys and values everywhere', () => {
    const page = renderHistoryHtml({ title: EVIL, files: [checked(EVIL, evilHistory(), 'kv')] });
    expect(page).not.toContain('<img');
    expect(page).not.toContain('<b>');
    expect(count(page, /<\/script>/g)).toBe(2);
    expect(page).toContain('&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    const json = /id="dsim-history-data">(.*?)<\/script>/s.exec(page)![1]!;
    expect(JSON.stringify(JSON.parse(json))).toContain(JSON.stringify(EVIL).slice(1, -1));
  });

  it('draws at most operationsMax operations and says how many it left out', () => {
    const big = checked('big.edn', readHistory(KNOSSOS_BIG_BAD), 'cas-register');
    expect(big.operations).toBeGreaterThan(100);
    const page = renderHistoryHtml({ title: 'big', files: [big], operationsMax: 40 });
    expect(count(page, /<div class="op[ "]/g)).toBe(40);
    expect(page).toContain(`${big.operations - 40} operations not drawn: past the drawing limit.`);
  });
});

describe('layoutPart geometry', () => {
  // Random operations: each client's operations one after another, interleaved; some without a completion.
  const opsArb = fc.array(fc.record({ client: fc.integer({ min: 0, max: 3 }), open: fc.boolean(), text: fc.string({ maxLength: 30 }) }), { minLength: 1, maxLength: 14 })
    .chain((drafts) => fc.shuffledSubarray([...Array(2 * drafts.length).keys()], { minLength: 2 * drafts.length }).map((positions) => {
      const sorted = (i: number): [number, number] => [Math.min(positions[2 * i]!, positions[2 * i + 1]!), Math.max(positions[2 * i]!, positions[2 * i + 1]!)];
      const ops: ViewOperation[] = drafts.map((d, i) => {
        const [call, ret] = sorted(i);
        return { process: d.client, text: d.text, call, ret: d.open ? null : ret, unknown: d.open };
      });
      return ops.sort((a, b) => a.call - b.call);
    }));

  it('bars are wide enough, points lie inside their bars and in order, starts keep the event order', () => {
    fc.assert(fc.property(opsArb, (ops) => {
      // Invoke order respects real time (a before b whenever a returned before b was invoked): a valid order.
      const order = ops.map((_, i) => i);
      const l = layoutPart(ops, order, []);
      ops.forEach((op, i) => {
        expect(l.end[i]! - l.start[i]!).toBeGreaterThanOrEqual(Math.min(textWidth(op.text), 10));
        expect(l.width).toBeGreaterThan(l.end[i]!);
      });
      order.forEach((op, k) => {
        expect(l.points[k]!).toBeGreaterThan(l.start[op]!);
        expect(l.points[k]!).toBeLessThan(l.end[op]!);
        if (k > 0) expect(l.points[k]!).toBeGreaterThan(l.points[k - 1]!);
      });
      for (let i = 1; i < ops.length; i++) expect(l.start[i]!).toBeGreaterThan(l.start[i - 1]!);
      // A completion before an invoke stays left of it.
      for (const [i, a] of ops.entries()) for (const [j, b] of ops.entries()) if (a.ret !== null && a.ret < b.call) expect(l.end[i]!).toBeLessThan(l.start[j]!);
    }));
  });
});
