/**
 * A program whose bug needs five rare events in one run, each leaving a mark in the state: p0 sends 12 numbered
 * messages to p1, one every 10 ticks, over a link that duplicates 1 message in 20. Each duplicate p1 sees moves it
 * one stage on (the stage never goes back); at stage 5 it is in the bad state. A random run gets there about once in
 * 6,000 (five or more duplicates out of 12); a coverage campaign keeps each run that reaches a new stage and edits
 * its duplicate choices, so it climbs one stage at a time.
 */
import { always, defineScenario, type Protocol } from '../../index.js';

interface StageState {
  readonly sent: number;
  readonly seen: number;
  readonly stage: number;
}

const MESSAGES = 12;
export const STAGE_BAD = 5;

export const stagesProtocol: Protocol<StageState, number> = {
  name: 'stages',
  init(ctx) {
    if (ctx.self === 0) ctx.setTimer('send', 10);
    return { sent: 0, seen: 0, stage: 0 };
  },
  onMessage(state, _from, seq) {
    // A message numbered at or below the highest seen is a duplicate.
    return seq <= state.seen ? { ...state, stage: state.stage + 1 } : { ...state, seen: seq };
  },
  onTimer(state, _timer, ctx) {
    const sent = state.sent + 1;
    ctx.send(1, sent);
    if (sent < MESSAGES) ctx.setTimer('send', 10);
    return { ...state, sent };
  },
  observe: (s) => ({ stage: s.stage }),
};

export const stages = defineScenario({
  name: 'stages',
  protocol: stagesProtocol,
  nodes: 2,
  nodesMin: 2,
  nodesMax: 2,
  faults: { network: { delayTicksMin: 1, delayTicksMax: 3, loss: [0, 1], duplication: [1, 20], ordering: 'fifo' } },
  properties: [always('below-stage-5', (s) => (s.stage as number) < STAGE_BAD, 'p1 never reaches stage 5')],
  abstractState: (s) => `stage:${s.stage}`,
});
