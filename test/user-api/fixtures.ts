/** Small protocols written against the public API only, for the API and matcher tests. */
import { defineScenario, type Protocol, type Property } from '../../index.js';

/** `counter`: every node counts to 3 on a 10-tick timer. Bugs: count to 5, a node that never starts, a handler that throws. */
export type CounterBug = 'overcount' | 'stall' | 'throws';

export function counter(bug: CounterBug | undefined): Protocol<{ count: number }, never> {
  const target = bug === 'overcount' ? 5 : 3;
  return {
    name: 'counter',
    init(ctx) {
      if (!(bug === 'stall' && ctx.self === 1)) ctx.setTimer('tick', 10);
      return { count: 0 };
    },
    onMessage: (s) => s,
    onTimer(s, _timer, ctx) {
      if (bug === 'throws' && ctx.self === 2 && s.count === 1) throw new Error('counter broke');
      const count = s.count + 1;
      if (count < target) ctx.setTimer('tick', 10);
      return { count };
    },
    observe: (s) => ({ count: s.count, done: s.count >= 3 }),
  };
}

/** A counter scenario with the given properties. */
export function counterScenario(properties: readonly Property[]) {
  return defineScenario({
    name: 'counter',
    protocol: counter,
    nodes: 3,
    properties,
    bugs: { overcount: 'counts to 5', stall: 'p1 never starts counting', throws: 'p2 throws at its second tick' },
  });
}

type RegisterMsg = { readonly op: 'write'; readonly value: number } | { readonly op: 'read' } | { readonly op: 'reply'; readonly value: number | null };

/**
 * `register`: node 0 holds a register; every other node writes its own id, then reads, as a client (invoke /
 * complete). Bug `stale-read`: the server answers a read with the value before the latest write.
 */
export function register(bug: 'stale-read' | undefined): Protocol<{ value: number | null; previous: number | null; step: number }, RegisterMsg> {
  return {
    name: 'register',
    init(ctx) {
      if (ctx.self !== 0) {
        ctx.invoke({ f: 'write', value: ctx.self });
        ctx.send(0, { op: 'write', value: ctx.self });
      }
      return { value: null, previous: null, step: 0 };
    },
    onMessage(s, from, msg, ctx) {
      if (msg.op === 'write') {
        ctx.send(from, { op: 'reply', value: msg.value });
        return { ...s, value: msg.value, previous: s.value };
      }
      if (msg.op === 'read') {
        ctx.send(from, { op: 'reply', value: bug === 'stale-read' ? s.previous : s.value });
        return s;
      }
      ctx.complete('ok', msg.value);
      if (s.step === 0) {
        ctx.invoke({ f: 'read', value: null });
        ctx.send(0, { op: 'read' });
      }
      return { ...s, step: s.step + 1 };
    },
    onTimer: (s) => s,
    observe: (s) => ({ step: s.step, value: s.value ?? -1 }),
  };
}
