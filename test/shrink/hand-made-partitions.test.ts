/**
 * Hand-made minimal reproductions of the Raft election bugs under `raft-election/partitions` and of the Safra bugs
 * under `safra/large`, and the bound the shrinker must meet against each: a shrunk reproduction has at most twice
 * the events of the hand-made one. Conventions as in hand-made-more.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { expectReproduces, handMadeRun, shrinkerWithinTwice } from './helpers.js';

const handMade = handMadeRun;

/**
 * Raft election under partitions: choices in time order. Ticks 25, 50, … are random fault steps, no pauses: first
 * `fault:crash` (with `fault:crash-node`; at most one node of three down), then `fault:restart` when a node is down
 * (under `votedfor-not-persisted` a restart is certain, so neither it nor the node, the only one down, is recorded),
 * then `fault:heal` when the network is partitioned, and `fault:partition` unless it healed. Every send draws `drop`,
 * then `delay` and `duplicate` (a duplicate draws a second `delay`); a send over a blocked link or to a crashed node
 * draws nothing. The scripted fault isolates p0 at tick 60.
 */
describe('hand-made minimal Raft reproductions under partitions', () => {
  it('votedfor-not-persisted: p2 votes for p0, crashes, restarts and votes for p1 in the same term, 11 events on 3 nodes', () => {
    const r = handMade(
      'raft-election/partitions',
      'votedfor-not-persisted',
      3,
      11,
      // Election timeouts: p0 41, p1 48, p2 80; no fault at tick 25.
      'choose:election-timeout=41 choose:election-timeout=48 choose:election-timeout=80 fault:crash=0 fault:partition=0 ' +
        // t41: p0 stands for term 1, its request to p1 lost, to p2 in 1 tick. t42: p2 grants (vote in 1 tick). t43:
        // p0 leads term 1 (its append-entries lost).
        'choose:election-timeout=80 drop=1 drop=0 delay=1 duplicate=0 choose:election-timeout=80 drop=0 delay=1 duplicate=0 drop=1 drop=1 ' +
        // t48: p1 stands for term 1, its request to p0 lost, to p2 in 3 ticks. t50: p2 crashes and restarts at once
        // with its term but not its vote; no partition.
        'choose:election-timeout=80 drop=1 drop=0 delay=3 duplicate=0 fault:crash=1 fault:crash-node=2 choose:election-timeout=80 fault:partition=0 ' +
        // t51: p2 grants again, to p1. t52: p1 leads term 1 too.
        'choose:election-timeout=80 drop=0 delay=1 duplicate=0 drop=1 drop=1',
    );
    expectReproduces(r, 11, 'election-safety');
  });

  it('stale-term-votes: p1’s slow term-1 vote makes p0 leader of term 2, which p1 wins as well, 13 events on 3 nodes', () => {
    const r = handMade(
      'raft-election/partitions',
      'stale-term-votes',
      3,
      13,
      // Election timeouts: p0 41, p1 and p2 80; no fault at tick 25.
      'choose:election-timeout=41 choose:election-timeout=80 choose:election-timeout=80 fault:crash=0 fault:partition=0 ' +
        // t41: p0 stands for term 1, requests to p1 and p2 in 1 tick. t42: p1 grants (its vote takes 49 ticks; next
        // timeout in 40); p2 grants (vote lost; next timeout in 80, so it does not stand before p1 asks it).
        'choose:election-timeout=80 drop=0 delay=1 duplicate=0 drop=0 delay=1 duplicate=0 ' +
        'choose:election-timeout=40 drop=0 delay=49 duplicate=0 choose:election-timeout=80 drop=1 ' +
        // t50: p0 crashes before its candidate heartbeat (t51) and restarts at once as a follower of term 1, next
        // timeout in 40: two events instead of three heartbeats. No partition.
        'fault:crash=1 fault:crash-node=0 fault:restart=1 choose:election-timeout=40 fault:partition=0 ' +
        // t60: p0 isolated (scripted). t75: no crash, no heal, no new partition.
        'fault:crash=0 fault:heal=0 fault:partition=0 ' +
        // t82: p1 stands for term 2 (its request to p0 blocked), to p2 in 1 tick. t83: p2 grants. t84: p1 leads term 2.
        'choose:election-timeout=80 drop=0 delay=1 duplicate=0 choose:election-timeout=80 drop=0 delay=1 duplicate=0 drop=1 ' +
        // t90: p0 stands for term 2 (requests blocked). t91: p1's term-1 vote arrives and p0 leads term 2 too.
        'choose:election-timeout=80',
    );
    expectReproduces(r, 13, 'election-safety');
  });

  it('double-vote-count: two candidates each win term 1 with one duplicated vote, 12 events on 4 nodes', () => {
    const r = handMade(
      'raft-election/partitions',
      'double-vote-count',
      4,
      12,
      // Election timeouts: p0 and p1 40, p2 and p3 80; no fault at tick 25. (With 3 nodes one vote is a majority
      // already, so a duplicate changes nothing: 4 nodes is the fewest.)
      'choose:election-timeout=40 choose:election-timeout=40 choose:election-timeout=80 choose:election-timeout=80 ' +
        'fault:crash=0 fault:partition=0 ' +
        // t40: p0 stands for term 1, only its request to p2 gets through; p1 stands too, only its request to p3 does.
        'choose:election-timeout=80 drop=1 drop=0 delay=1 duplicate=0 drop=1 ' +
        'choose:election-timeout=80 drop=1 drop=1 drop=0 delay=1 duplicate=0 ' +
        // t41: p2 grants p0, p3 grants p1, both votes duplicated. t42: each candidate counts 3 of 4 and leads.
        'choose:election-timeout=80 drop=0 delay=1 duplicate=1 delay=1 choose:election-timeout=80 drop=0 delay=1 duplicate=1 delay=1 ' +
        'drop=1 drop=1 drop=1 drop=1 drop=1 drop=1',
    );
    expectReproduces(r, 12, 'election-safety');
  });
});

/**
 * Safra on `safra/large` (depth 6; otherwise as `safra`). Choices inside one event: the handler's own
 * (`work-ticks` when the work timer is armed, `fan-out` and `work-to` when an item is finished, then `work-ticks` when
 * another item is queued) first, then one `delay` per message sent, work items before the token. With two nodes
 * `work-to` is forced and no pause can happen (at most `floor((n - 1) / 2)` nodes down), so two-node runs draw no
 * fault choices; with three, every step (ticks 5, 10, …, 55) draws `fault:pause` while none is paused and
 * `fault:resume` while one is, and the heal point (tick 60) resumes it.
 */
describe('hand-made minimal Safra reproductions on safra/large', () => {
  it('no-blacken-on-receive: p1 takes work behind the token and hands p0 one item of two, 9 events on 2 nodes', () => {
    const r = handMade(
      'safra/large',
      'no-blacken-on-receive',
      2,
      9,
      // t1: p0 finishes the root: one item to p1 (3 ticks), then the token (1 tick). t2: p1, passive, passes the
      // token back with count 0, slowly (6 ticks).
      'choose:work-ticks=1 choose:fan-out=1 delay=3 delay=1 delay=6 ' +
        // t4: p1 takes the item (stays white; counter -1), works 1 tick. t5: two children to p0, one in 1 tick, one
        // in 8: p1's counter is +1, which the token, already past, never learns.
        'choose:work-ticks=1 choose:fan-out=2 delay=1 delay=8 ' +
        // t6: p0 takes the first (stays white; counter 1 - 1 = 0), works 1 tick, no children. t8: the token returns
        // white with count 0, p0 is white with counter 0: it announces with the second item in transit.
        'choose:work-ticks=1 choose:fan-out=0',
    );
    expectReproduces(r, 9, 'no-false-detection');
  });

  it('announce-on-white-token: the token returns white ahead of p0’s only work item, 5 events on 2 nodes', () => {
    const r = handMade(
      'safra/large',
      'announce-on-white-token',
      2,
      5,
      // t1: p0 finishes the root: one item to p1 (8 ticks), the token (1 tick). t2: p1, passive, passes it back
      // white with count 0 (1 tick). t3: p0 announces although count 0 + its counter 1 is not 0.
      'choose:work-ticks=1 choose:fan-out=1 delay=8 delay=1 delay=1',
    );
    expectReproduces(r, 5, 'no-false-detection');
  });

  /**
   * A liveness failure runs to the time limit (3000 ticks), and after the computation every token hop is an event
   * of at most 8 ticks; so the fewest events come from the longest computation per event. Work the token waits
   * for is cheaper than hops: an item is 2 events (receive, timer) for 20 ticks. The items go down a chain that
   * follows the ring (p0 → p2 → p1 → p0) with the token riding along: each node gets two items from the previous
   * one's last item (its first item has no children, so no two nodes work at once), the token arrives with them
   * and waits until the node is passive. A third node costs one start, but allows one pause: p0 paused from tick 5
   * to the heal point (2 events) holds its root timer 40 ticks longer. (On 2 nodes the same chain, without the
   * pause, makes 370 events.)
   */
  it('reset-counter-on-token: p1 forgets the item it did not pass on and the token circles until the time limit, 368 events on 3 nodes', () => {
    /** A level of the chain: two items; the first has no children, the second `children`, all to `workTo`. */
    const level = (children: number, workTo: number): string =>
      // Taking the first item arms 20 ticks; the first finishes without children and the second is armed (20);
      // the second's children, then the token, go on in 8 ticks each.
      'choose:work-ticks=20 choose:fan-out=0 choose:work-ticks=20 ' +
      `choose:fan-out=${children} ` +
      `choose:work-to=${workTo} `.repeat(children) +
      'delay=8 '.repeat(children + 1);
    const r = handMade(
      'safra/large',
      'reset-counter-on-token',
      3,
      20_000,
      // t0: p0 works on the root for 20 ticks. t5: p0 paused (no resume at ticks 5…55); its root timer is held.
      'choose:work-ticks=20 fault:pause=1 fault:pause-node=0 ' +
        'fault:resume=0 '.repeat(11) +
        // t60: p0 resumes and finishes the root: two depth-1 items to p2 and the probe token, 8 ticks each.
        'choose:fan-out=2 choose:work-to=1 choose:work-to=1 delay=8 delay=8 delay=8 ' +
        // t68–t108 p2 (depth 1, to p1), t116–t156 p1 (depth 2, to p0), t164–t204 p0 (depth 3, to p2), t212–t252
        // p2 (depth 4, to p1), t260–t300 p1 (depth 5): p1's second item has one child only, so p1 passes the token
        // with count -1 and resets its counter to 0.
        level(2, 1) +
        level(2, 0) +
        level(2, 1) +
        level(2, 1) +
        level(1, 0) +
        // t308: p0 takes the depth-6 item (20 ticks, no children). t328: the black token makes p0 start a new probe;
        // p0's counter is +1 and p1 no longer owns its -1, so every probe sums to 1 and the token circles, 8 ticks a
        // hop, until the time limit.
        'choose:work-ticks=20 ' +
        'delay=8 '.repeat(335),
    );
    expect(r.endReason).toBe('time-limit');
    expectReproduces(r, 368, 'detects-termination');
  });
});

describe('the shrinker comes within twice the hand-made size (partitions, safra/large)', () => {
  shrinkerWithinTwice([
    { scenario: 'raft-election/partitions', bug: 'votedfor-not-persisted', property: 'election-safety', seeds: 2 },
    { scenario: 'raft-election/partitions', bug: 'double-vote-count', property: 'election-safety', seeds: 2 },
    { scenario: 'raft-election/partitions', bug: 'stale-term-votes', property: 'election-safety', seeds: 3 },
    { scenario: 'safra/large', bug: 'no-blacken-on-receive', property: 'no-false-detection', seeds: 3 },
    { scenario: 'safra/large', bug: 'announce-on-white-token', property: 'no-false-detection', seeds: 2 },
    // A liveness failure: the runs last until the time limit.
    { scenario: 'safra/large', bug: 'reset-counter-on-token', property: 'detects-termination', seeds: 1 },
  ]);
});
