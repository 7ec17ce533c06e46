/**
 * The smallest reproductions of each ping-pong bug we could build by hand, and the bound the shrinker must meet:
 * a shrunk reproduction has at most twice the events of the hand-made one.
 */
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../sim/run.js';
import { expectReproduces, handMadeRun, shrinkerWithinTwice, violates } from './helpers.js';

/** The ping-pong-first argument order these tests were written in. */
function handMade(bug: string, nodes: number, eventsMax: number | undefined, text: string, scenario = 'ping-pong', skipped: readonly number[] = []): RunReport {
  return handMadeRun(scenario, bug, nodes, eventsMax, text, skipped);
}

describe('hand-made minimal ping-pong reproductions', () => {
  it('count-duplicates: one duplicated pong, 5 events on 2 nodes', () => {
    const r = handMade(
      'count-duplicates',
      2,
      5,
      // p0 starts: retry timer, ping 1 delivered after 1 tick, not duplicated.
      'choose:retry-ticks=10 drop=0 delay=1 duplicate=0 ' +
        // p1 starts: retry timer, its ping 1 is lost (so nothing else interleaves).
        'choose:retry-ticks=10 drop=1 ' +
        // p1 answers p0's ping: the pong is duplicated, both copies after 1 tick.
        'drop=0 delay=1 duplicate=1 delay=1 ' +
        // p0 takes the pong and pings round 2; then takes the copy: pongs = 2 in round 2.
        'choose:retry-ticks=10 drop=0 delay=1 duplicate=0',
    );
    expectReproduces(r, 5, 'pongs-match-rounds');
  });

  it('no-retry: both first pings lost and the restarted node’s ping lost, 4 events on 2 nodes', () => {
    const r = handMade('no-retry', 2, undefined, 'drop=1 drop=1 drop=1');
    expect(r.fallbackCount).toBe(0);
    // start p0, start p1, the scripted crash of p1 and its restart.
    expect(r.events).toBe(4);
    expect(violates(r, 'all-rounds-done')).toBe(true);
  });

  it('no-retry without the scripted crash and restart: both first pings lost, 2 events', () => {
    const r = handMade('no-retry', 2, undefined, 'drop=1 drop=1', 'ping-pong', [0, 1]);
    expect(r.fallbackCount).toBe(0);
    expect(r.events).toBe(2);
    expect(r.scriptedFaultsSkipped).toEqual([0, 1]);
    expect(violates(r, 'all-rounds-done')).toBe(true);
  });
});

describe('hand-made minimal ring-election reproduction', () => {
  it('ring-no-dup-tolerance: the maximum’s Election duplicated on its way back, 5 events on 2 nodes', () => {
    const r = handMade(
      'ring-no-dup-tolerance',
      2,
      5,
      // p0 (id 0) sends Election(0), slow; p1 (id 1) sends Election(1), fast.
      'choose:id-rank=0 delay=5 duplicate=0 choose:id-rank=0 delay=1 duplicate=0 ' +
        // p0 forwards Election(1) back to p1, duplicated: p1 sees its own id twice and declares twice.
        'delay=1 duplicate=1 delay=1 ' +
        // Each declaration sends Elected on.
        'delay=1 duplicate=0 delay=1 duplicate=0',
      'ring-election',
    );
    expectReproduces(r, 5, 'ring-unique-leader');
  });
});

describe('hand-made minimal termination-detection reproductions', () => {
  it('dijkstra-scholten ack-on-receive: the work is acknowledged on receipt, 5 events on 2 nodes', () => {
    const r = handMade(
      'ack-on-receive',
      2,
      5,
      // p0 starts active for 1 tick, then sends one work message to p1 (1 tick); p1 works 1 tick but acks at once.
      'choose:work-ticks=1 choose:fan-out=1 delay=1 choose:work-ticks=1 delay=1',
      'dijkstra-scholten',
    );
    expectReproduces(r, 5, 'no-false-detection');
  });

  it('safra announce-on-white-token: the token overtakes the work message, 5 events on 2 nodes', () => {
    const r = handMade(
      'announce-on-white-token',
      2,
      5,
      // p0 works 1 tick, sends work to p1 (8 ticks) and the token (1 tick); p1 passes the token straight back.
      'choose:work-ticks=1 choose:fan-out=1 delay=8 delay=1 delay=1',
      'safra',
    );
    expectReproduces(r, 5, 'no-false-detection');
  });
});

describe('the shrinker comes within twice the hand-made size', () => {
  shrinkerWithinTwice([
    { scenario: 'ping-pong', bug: 'count-duplicates', property: 'pongs-match-rounds' },
    { scenario: 'ping-pong', bug: 'no-retry', property: 'all-rounds-done' },
    { scenario: 'ring-election', bug: 'ring-no-dup-tolerance', property: 'ring-unique-leader' },
    { scenario: 'dijkstra-scholten', bug: 'ack-on-receive', property: 'no-false-detection' },
    { scenario: 'safra', bug: 'announce-on-white-token', property: 'no-false-detection' },
  ]);
});
