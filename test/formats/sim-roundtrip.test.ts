import { describe, expect, it } from 'vitest';
import type { Execution } from '../../execution/types.js';
import { parseShiViz, writeShiViz } from '../../formats/shiviz.js';
import { readTrace, traceToJson } from '../../formats/trace.js';
import { runScenario } from '../../sim/run.js';

/** Each host's events as (clock, accumulated state) in local order: the partial order and the states. */
function hostView(exec: Execution) {
  return exec.hosts.map((host, h) => ({
    host,
    events: exec.byHost[h]!.map((id, k) => ({
      clock: Object.fromEntries(exec.hosts.map((name, j) => [name, exec.events[id]!.clock[j]!])),
      state: exec.hostStates[h]![k + 1],
    })),
  }));
}

function sortedByHost<T extends { host: string }>(views: T[]): T[] {
  return [...views].sort((a, b) => (a.host < b.host ? -1 : a.host > b.host ? 1 : 0));
}

describe('a simulated execution written out and read back', () => {
  for (const [scenario, seed] of [['ping-pong', 5], ['raft-election', 11], ['safra', 3]] as const) {
    it(`${scenario}: ShiViz log → same partial order and states`, () => {
      const run = runScenario(scenario, { seed });
      expect(run.ok).toBe(true);
      if (!run.ok) return;
      const exec = run.value.execution;
      const read = parseShiViz(writeShiViz(exec), { source: 'roundtrip.log', kv: true, uploadFormat: true });
      expect(read.ok).toBe(true);
      if (!read.ok) return;
      expect(read.value).toHaveLength(1);
      // Hosts with no event are not written; every simulated host has at least its start event.
      expect(sortedByHost(hostView(read.value[0]!))).toEqual(sortedByHost(hostView(exec)));
    });

    it(`${scenario}: dsim JSON trace → same execution`, () => {
      const run = runScenario(scenario, { seed });
      expect(run.ok).toBe(true);
      if (!run.ok) return;
      const read = readTrace(traceToJson(run.value), 'trace.json');
      expect(read.ok).toBe(true);
      if (!read.ok) return;
      expect(hostView(read.value)).toEqual(hostView(run.value.execution));
      expect(read.value.messages).toEqual(run.value.execution.messages);
    });
  }
});
