/**
 * A small program with a known depth-2 ordering bug, for checking PCT's guarantee. Nodes p0 and p1 each send one
 * message to p2 (A1, B1); once p2 has both it tells p0 to go; p0 sends A2 to p2 and a relay to p1, which then sends
 * B2 to p2. The bug: A1 arrives before B1 and B2 before A2. Under fixed link priorities that cannot happen (A1 first
 * means the link p0→p2 outranks p1→p2, and then A2 beats B2, which needs two hops), so it takes one priority change:
 * the link p0→p2 demoted right after A1 is received. The network is reliable and unordered, delays 1..10.
 */
import { always, defineScenario, type Protocol } from '../../index.js';

interface RaceState {
  readonly first: string;
  readonly second: string;
  readonly got: number;
}
type RaceMessage = 'A1' | 'B1' | 'go' | 'relay' | 'A2' | 'B2';

const protocol: Protocol<RaceState, RaceMessage> = {
  name: 'relay-race',
  init(ctx) {
    if (ctx.self === 0) ctx.send(2, 'A1');
    if (ctx.self === 1) ctx.send(2, 'B1');
    return { first: '', second: '', got: 0 };
  },
  onMessage(state, _from, msg, ctx) {
    if (msg === 'go') {
      ctx.send(2, 'A2');
      ctx.send(1, 'relay');
      return state;
    }
    if (msg === 'relay') {
      ctx.send(2, 'B2');
      return state;
    }
    const got = state.got + 1;
    if (msg === 'A1' || msg === 'B1') {
      if (got === 2) ctx.send(0, 'go');
      return { ...state, got, first: state.first === '' ? msg[0]! : state.first };
    }
    return { ...state, got, second: state.second === '' ? msg[0]! : state.second };
  },
  onTimer: (state) => state,
  observe: (s) => ({ first: s.first, second: s.second, bad: s.first === 'A' && s.second === 'B' }),
};

export const relayRace = defineScenario({
  name: 'relay-race',
  protocol,
  nodes: 3,
  nodesMin: 3,
  nodesMax: 3,
  faults: { network: { delayTicksMin: 1, delayTicksMax: 10, loss: [0, 1], duplication: [0, 1], ordering: 'unordered' } },
  properties: [always('not-overtaken', (s) => s.bad !== true, 'B2 never overtakes A2 after A1 overtook B1')],
  abstractState: (s) => `${s.first}${s.second}`,
});
