/**
 * A test server for workload semantics: replies at once with the operation's value, except `slow` operations (a
 * reply 20 ticks later, from a timer), `hang` ones (never answered) and `leader` ones, which only node 1 serves: any
 * other node fails them with the hint "ask node 1", and node 1 answers them with its own hint (so clients stay).
 */
import { defineScenario, type DefinedScenario } from '../../api/index.js';
import type { Protocol } from '../../sim/process.js';
import type { FaultPlan } from '../../sim/plan.js';
import type { ClientRequest, Workload } from '../../sim/workload/types.js';

type EchoState = { readonly pending: ReadonlyMap<string, ClientRequest> };

export const echo: Protocol<EchoState, never> = {
  name: 'echo',
  init: () => ({ pending: new Map() }),
  onClientRequest(s, request, ctx) {
    if (request.op.f === 'hang') return s;
    if (request.op.f === 'leader' && ctx.self !== 1) {
      ctx.reply(request, 'fail', null, 1);
      return s;
    }
    if (request.op.f === 'leader') {
      ctx.reply(request, 'ok', null, 1);
      return s;
    }
    if (request.op.f !== 'slow') {
      ctx.reply(request, 'ok', request.op.value);
      return s;
    }
    ctx.setTimer(`r${request.id}`, 20);
    return { pending: new Map(s.pending).set(`r${request.id}`, request) };
  },
  onMessage: (s) => s,
  onTimer(s, timer, ctx) {
    ctx.reply(s.pending.get(timer)!, 'ok', null);
    const pending = new Map(s.pending);
    pending.delete(timer);
    return { pending };
  },
  observe: () => ({}),
};

const FIXED_DELAY: FaultPlan = { network: { delayTicksMin: 1, delayTicksMax: 1, loss: [0, 1], duplication: [0, 1], ordering: 'fifo' } };

/** A scenario of `echo` on `nodes` nodes with `workload` (and `faults`: default a reliable network of delay 1). */
export function echoScenario(workload: Workload, faults: FaultPlan = FIXED_DELAY, nodes = 2): DefinedScenario<never> {
  return defineScenario({ name: 'echo', protocol: echo, nodes, faults, workload, properties: [], limits: { eventsMax: 50_000 } });
}
