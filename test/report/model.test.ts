import { describe, expect, it } from 'vitest';
import { buildExecution } from '../../execution/build.js';
import type { CheckResult } from '../../properties/result-types.js';
import {
  checkResultToReport,
  clockDerivedArrows,
  computeLinks,
  escapeHtml,
  findLocalRuns,
  jsonForScript,
  layoutColumns,
  type LayoutInput,
} from '../../report/index.js';
import { chordExecution, generatedExecution, smallExecution } from './fixtures.js';

/** A log without message records: a → b → c relayed, then c hears from a directly. Clocks only. */
function relayLog() {
  return buildExecution({
    label: 'relay',
    hosts: ['a', 'b', 'c'],
    events: [
      { host: 0, kind: 'internal', label: 'a1 send', clock: [1, 0, 0], fields: {} },
      { host: 1, kind: 'receive', label: 'b1 recv a1', clock: [1, 1, 0], fields: {} },
      { host: 0, kind: 'internal', label: 'a2 send', clock: [2, 0, 0], fields: {} },
      { host: 2, kind: 'receive', label: 'c1 recv b1', clock: [1, 1, 1], fields: {} },
      { host: 2, kind: 'receive', label: 'c2 recv a2', clock: [2, 1, 2], fields: {} },
    ],
  });
}

function layoutInput(exec: ReturnType<typeof smallExecution>, collapsed: boolean, byTime: boolean): LayoutInput {
  const links = computeLinks(exec);
  const runs = findLocalRuns(exec, links, 3, new Set());
  const runOf = new Array<number>(exec.events.length).fill(-1);
  runs.forEach((r, i) => exec.byHost[r.host]!.forEach((id) => id >= r.firstId && id <= r.lastId && (runOf[id] = i)));
  return {
    eventCount: exec.events.length,
    hostCount: exec.hosts.length,
    hostOf: exec.events.map((e) => e.host),
    arrows: links.arrows.map((a) => [a.from, a.to] as const),
    runOf,
    runFirst: runs.map((r) => r.firstId),
    collapsed: runs.map(() => collapsed),
    times: byTime ? exec.events.map((e) => e.timeTicks ?? null) : null,
  };
}

describe('links', () => {
  it('come from the message records: one arrow per receive, the dropped and in-flight ones kept apart', () => {
    const exec = smallExecution();
    const links = computeLinks(exec);
    expect(links.derived).toBe(false);
    expect(links.arrows.map((a) => [a.from, a.to])).toEqual(exec.messages.flatMap((m) => m.receiveEvents.map((r) => [m.sendEvent, r])));
    expect(links.lost).toEqual([
      { from: 6, toHost: 0, fate: 'dropped', reason: 'loss', summary: 'lost' },
      { from: 18, toHost: 0, fate: 'in-flight', reason: '', summary: 'late' },
    ]);
  });

  it('come from the clocks when there are no records: only immediate predecessors, none learned transitively', () => {
    const arrows = clockDerivedArrows(relayLog()).map((a) => [a.from, a.to]);
    expect(arrows).toEqual([[0, 1], [1, 3], [2, 4]]);
  });

  it('every clock-derived arrow of chord goes from an event its target covers, on another host', () => {
    const exec = chordExecution();
    const arrows = clockDerivedArrows(exec);
    for (const a of arrows) {
      const from = exec.events[a.from]!, to = exec.events[a.to]!;
      expect(from.host).not.toBe(to.host);
      expect(to.clock[from.host]).toBeGreaterThanOrEqual(from.index);
    }
    expect(new Set(arrows.map((a) => a.to)).size).toBe(exec.events.filter((e) => e.kind === 'receive').length);
  });
});

describe('local runs', () => {
  it('group consecutive local events of a host, broken by message events and by kept events', () => {
    const exec = smallExecution();
    const links = computeLinks(exec);
    expect(findLocalRuns(exec, links, 3, new Set())).toEqual([{ host: 2, firstId: 8, lastId: 12, count: 5 }]);
    expect(findLocalRuns(exec, links, 6, new Set())).toEqual([]);
    expect(findLocalRuns(exec, links, 2, new Set([10]))).toEqual([
      { host: 2, firstId: 8, lastId: 9, count: 2 },
      { host: 2, firstId: 11, lastId: 12, count: 2 },
    ]);
  });

  it('never swallow an arrow end in a generated execution', () => {
    const exec = generatedExecution(3000, 5);
    const links = computeLinks(exec);
    const ends = new Set(links.arrows.flatMap((a) => [a.from, a.to]).concat(links.lost.map((l) => l.from)));
    const runs = findLocalRuns(exec, links, 3, new Set());
    expect(runs.length).toBeGreaterThan(20);
    for (const r of runs) {
      const ids = exec.byHost[r.host]!.filter((id) => id >= r.firstId && id <= r.lastId);
      expect(ids).toHaveLength(r.count);
      expect(ids.some((id) => ends.has(id))).toBe(false);
    }
  });
});

describe('layoutColumns', () => {
  it('puts every arrow left to right and each host’s events in increasing columns', () => {
    const exec = generatedExecution(2000, 4);
    const input = layoutInput(exec, false, false);
    const { col, columns } = layoutColumns(input);
    for (const [from, to] of input.arrows) expect(col[to]!).toBeGreaterThan(col[from]!);
    for (const ids of exec.byHost) for (let k = 1; k < ids.length; k++) expect(col[ids[k]!]!).toBeGreaterThan(col[ids[k - 1]!]!);
    expect(columns).toBeLessThan(2000);
  });

  it('gives a collapsed run one column and so needs fewer columns', () => {
    const exec = smallExecution();
    const open = layoutColumns(layoutInput(exec, false, false));
    const shut = layoutColumns(layoutInput(exec, true, false));
    expect(new Set([8, 9, 10, 11, 12].map((id) => shut.col[id]))).toEqual(new Set([shut.col[8]]));
    expect(shut.columns).toBeLessThan(open.columns);
  });

  it('in time order, never puts a later time left of an earlier one', () => {
    const exec = smallExecution();
    const { col, timeStarts } = layoutColumns(layoutInput(exec, false, true));
    for (const a of exec.events) {
      for (const b of exec.events) if (a.timeTicks! < b.timeTicks!) expect(col[b.id]!).toBeGreaterThan(col[a.id]!);
    }
    expect(timeStarts.map((t) => t[1])).toEqual([...new Set(exec.events.map((e) => e.timeTicks))]);
  });
});

describe('helpers', () => {
  it('escape HTML and script-embedded JSON so that it reads back unchanged', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const value = { s: '</script><!-- & \u2028' };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('turn a CheckResult into a report row with its witness', () => {
    const result: CheckResult = {
      modality: 'possibly', predicate: 'x > 1', verdict: 'fails', algorithm: 'lexical', cutsVisited: 42,
      witness: { cut: new Int32Array([1, 2]) },
    };
    const row = checkResultToReport(result);
    expect(row.name).toBe('possibly(x > 1)');
    expect(row.message).toBe('lexical, 42 cuts visited; counterexample cut drawn');
    expect(row.witness?.cut).toEqual(new Int32Array([1, 2]));
    const unknown = checkResultToReport({ ...result, verdict: 'unknown', stoppedBy: 'cutsMax 10' }, 'p');
    expect(unknown.message).toContain('stopped by cutsMax 10');
  });
});
