import { describe, expect, it } from 'vitest';
import { defineScenario, DsimInputError, run } from '../../api/index.js';
import type { Workload } from '../../sim/workload/types.js';
import { echo, echoScenario } from './echo.js';

const base: Workload = { clients: 2, operations: [{ f: 'read' }], opsMax: 5 };

function error(w: Workload): string {
  try {
    echoScenario(w);
  } catch (e) {
    if (e instanceof DsimInputError) return e.message;
    throw e;
  }
  return 'no error';
}

describe('workload validation: one sentence naming the field', () => {
  it.each([
    [{ ...base, clients: 0 }, 'scenario "echo" workload: clients is 0; expected an integer ≥ 1'],
    [{ ...base, outstandingMax: 1.5 }, 'scenario "echo" workload: outstandingMax is 1.5; expected an integer ≥ 1'],
    [{ ...base, operations: [] }, 'scenario "echo" workload: operations is empty; list at least one operation'],
    [{ ...base, operations: [{ f: 'read', weight: 0 }] }, 'scenario "echo" workload: operations[0].weight is 0; expected an integer ≥ 1'],
    [{ ...base, operations: [{ f: 'w', value: { uniform: [3, 1] } }] }, 'scenario "echo" workload: operations[0].value.uniform is [3,1]; expected [min, max], integers with min ≤ max'],
    [{ ...base, keys: ['a', 'a'] }, 'scenario "echo" workload: keys names a key twice; keys must differ'],
    [{ ...base, gapTicks: 4, gapTicksMax: 2 }, 'scenario "echo" workload: gapTicksMax is 2; expected an integer ≥ 4'],
    [{ clients: 1, operations: [{ f: 'read' }] }, 'scenario "echo" workload: neither opsMax nor stopAtTicks is set; give the workload an end'],
    [{ ...base, server: { fixed: 2 } }, 'scenario "echo" workload: server.fixed is 2; expected a node from 0 to 1'],
    [{ ...base, timeoutTicks: 0 }, 'scenario "echo" workload: timeoutTicks is 0; expected an integer ≥ 1'],
    [{ ...base, opMax: 3 } as Workload, 'scenario "echo" workload: there is no field "opMax"; expected one of clients, outstandingMax, operations, keys, keyDistribution, gapTicks, gapTicksMax, opsMax, stopAtTicks, timeoutTicks, finalRead, server, startTicks'],
  ] as [Workload, string][])('%j', (w, message) => {
    expect(error(w)).toBe(message);
  });

  it('a protocol without onClientRequest is refused when the scenario has a workload', () => {
    const { onClientRequest: _, ...plain } = echo;
    expect(() => defineScenario({ name: 'plain', protocol: plain, nodes: 2, workload: base, properties: [] })).toThrow(
      'scenario "plain": protocol echo has no onClientRequest handler, but the scenario has a workload',
    );
  });

  it('a server function answering no node is a protocol error of the run, not a crash', () => {
    const r = run(echoScenario({ ...base, server: () => 7 }), { seed: 0 });
    expect(r.ok).toBe(false);
    expect(r.protocolError).toContain('protocol error at c0, event 2: workload server function answered 7 for client c0; expected a node from 0 to 1');
  });

  it('a protocol calling ctx.invoke in a workload scenario is a protocol error', () => {
    const invoking = { ...echo, init: (ctx: Parameters<typeof echo.init>[0]) => (ctx.invoke({ f: 'read', value: null }), echo.init(ctx)) };
    const r = run(defineScenario({ name: 'inv', protocol: invoking, nodes: 1, workload: base, properties: [] }), { seed: 0 });
    expect(r.protocolError).toContain('invoke read in a scenario with a workload; its clients make the history');
  });
});
