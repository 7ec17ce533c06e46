import { describe, expect, it } from 'vitest';
import { cutFromMessage, eventsAhead, passesThrough, witnessCut } from '../../search/predict/index.js';
import { runScenario } from '../../sim/run.js';

function calmPingPong() {
  // 2 nodes, every choice at its default: p0 and p1 start, then each receives the other's ping at tick 1.
  const run = runScenario('ping-pong', { seed: 0, nodes: 2, schedule: [] });
  if (!run.ok) throw new Error(run.error.message);
  return run.value.execution;
}

describe('observed or predicted cuts', () => {
  it('a prefix of the event order is passed through; a concurrent reordering is not', () => {
    const exec = calmPingPong();
    expect(exec.events.slice(0, 4).map((e) => `${e.host}:${e.kind}`)).toEqual(['0:start', '1:start', '1:receive', '0:receive']);
    expect(passesThrough(exec, [0, 0])).toBe(true);
    expect(passesThrough(exec, [1, 2])).toBe(true); // events 0, 1, 2
    expect(eventsAhead(exec, [1, 2])).toEqual([]);
    // p0's receive (event 3) before p1's (event 2): consistent, but the run did event 2 first.
    expect(witnessCut(exec, { message: '', witness: { cut: [2, 1] } })).toEqual(Int32Array.from([2, 1]));
    expect(passesThrough(exec, [2, 1])).toBe(false);
    expect(eventsAhead(exec, [2, 1])).toEqual([2]);
  });

  it('reads the cut a message names, in both notations, and rejects inconsistent or foreign cuts', () => {
    expect(cutFromMessage('at the consistent cut [3, 1, 4] (events per host)', 3)).toEqual(Int32Array.from([3, 1, 4]));
    expect(cutFromMessage('yet the consistent cut [p0:3 p1:1] holds', 2)).toEqual(Int32Array.from([3, 1]));
    expect(cutFromMessage('Possibly(x): at consistent cut [29,22,14]', 3)).toEqual(Int32Array.from([29, 22, 14]));
    expect(cutFromMessage('no cut here', 2)).toBeUndefined();
    expect(cutFromMessage('consistent cut [1, 2]', 3)).toBeUndefined();
    const exec = calmPingPong();
    // p1 received p0's ping (p1's 2nd event) without p0's start: not consistent.
    expect(witnessCut(exec, { message: 'consistent cut [0, 2]' })).toBeUndefined();
    expect(witnessCut(exec, { message: 'consistent cut [99, 0]' })).toBeUndefined();
  });
});
