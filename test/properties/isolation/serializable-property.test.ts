import { describe, expect, it } from 'vitest';
import type { History } from '../../../execution/history.js';
import { defineScenario, fuzz, run, serializable, type Protocol } from '../../../index.js';
import type { RunOutcome } from '../../../scenarios/types.js';

type Msg =
  | { readonly op: 'txn'; readonly append: string; readonly read: string }
  | { readonly op: 'reply'; readonly appended: number; readonly read: readonly number[] };

/**
 * Node 0 keeps lists under keys `k1`, `k2`; client i (1 or 2) runs one transaction: append i to `k<i>`, read
 * `k<3-i>`. The server applies each transaction at once, so the history is serializable whatever the message
 * order. Bug `snapshot-read`: reads answer from the lists as they were when the server started (empty), which lets
 * both clients miss each other's append — write skew, a G2-item cycle.
 */
function lists(bug: 'snapshot-read' | undefined): Protocol<{ lists: Record<string, readonly number[]> }, Msg> {
  return {
    name: 'lists',
    init(ctx) {
      if (ctx.self !== 0) {
        const append = `k${ctx.self}`;
        const read = `k${3 - ctx.self}`;
        ctx.invoke({ f: 'txn', value: [['append', append, ctx.self], ['r', read, null]] });
        ctx.send(0, { op: 'txn', append, read });
      }
      return { lists: {} };
    },
    onMessage(s, from, msg, ctx) {
      if (msg.op === 'reply') {
        ctx.complete('ok', [['append', `k${ctx.self}`, msg.appended], ['r', `k${3 - ctx.self}`, [...msg.read]]]);
        return s;
      }
      const next = { ...s.lists, [msg.append]: [...(s.lists[msg.append] ?? []), from] };
      ctx.send(from, { op: 'reply', appended: from, read: bug === 'snapshot-read' ? [] : next[msg.read] ?? [] });
      return { lists: next };
    },
    onTimer: (s) => s,
    observe: (s) => ({ keys: Object.keys(s.lists).length }),
  };
}

const scenario = defineScenario({
  name: 'lists',
  protocol: lists,
  nodes: 3,
  properties: [serializable()],
  bugs: { 'snapshot-read': 'reads answer from the lists as they were at the start' },
});

describe('serializable(): a property over a simulated run\'s transactions', () => {
  it('holds on the correct server, and is a safety property named after the model', () => {
    const r = run(scenario, { seed: 1 });
    expect(r.history.filter((e) => e.f === 'txn').length).toBe(4);
    expect(r.ok).toBe(true);
    expect(serializable().safety).toBe(true);
    expect(serializable({ realtime: true }).name).toBe('strict-serializable');
  });

  it('fails on the snapshot-read bug with a G2-item cycle in words', () => {
    const campaign = fuzz(scenario, { seeds: 5, bug: 'snapshot-read', failingSeedsMax: 1 });
    const failing = campaign.firstFailure!;
    expect(failing).toBeDefined();
    const verdict = serializable().check(failing as unknown as RunOutcome);
    expect(verdict.ok).toBe(false);
    const message = verdict.ok ? '' : verdict.message;
    expect(message).toMatch(/^not serializable \(list-append\): invalid \(checked against serializable; 2 transactions\)\nG2-item: a cycle T\d → T\d → T\d:/);
    expect(message).toContain('strongest model still satisfied: snapshot-isolation');
  });

  it('names a malformed micro-operation, and leaves a run stopped by a limit undecided', () => {
    const bad: History = [{ process: 1, type: 'invoke', f: 'txn', value: [['append', 'x']] }];
    const verdict = serializable().check({ history: bad } as unknown as RunOutcome);
    expect(verdict).toEqual({ ok: false, message: 'the history is malformed: history: event 0 (process 1): expected a micro-operation [:append k v] or [:r k list-or-nil], found `["append" "x"]`' });
    const skew: History = [
      { process: 1, type: 'ok', f: 'txn', value: [['append', 'x', 1], ['r', 'y', []]] },
      { process: 2, type: 'ok', f: 'txn', value: [['append', 'y', 2], ['r', 'x', []]] },
    ];
    const limited = serializable({ limits: { searchStepsMax: 2 } }).check({ history: skew } as unknown as RunOutcome);
    expect(limited).toEqual({ ok: true, undecided: '2 transactions: the check stopped: the search limit (2 steps) was reached before the cycle search finished' });
  });
});
