/**
 * Hand-made minimal reproductions of the chain-replication bug variants that need the scripted scenarios
 * (`chain/join`, `chain/middle-failure`), and the bound the shrinker must meet against each: a shrunk reproduction
 * has at most twice the events of the hand-made one.
 *
 * Layout: p0 master, p1 head, p2 middle, p3 tail, then (chain/join only) the spare p4, then the clients. Choices
 * inside one event come in this order: the handler's own (`think` when a client arms its next operation, `key` and
 * `op` when it starts one, `apply-lag` at a lagging tail), then one per message sent, in send order: `drop` then
 * `delay` on a client↔replica link, only `delay` (1..15) on every other link. A master's broadcast goes to p1, p2, …
 * in order; a send to a crashed node still draws its delay and is lost on arrival. Links are FIFO, so a message never
 * arrives before one sent earlier on the same link. Events at one tick run in the order they were scheduled.
 *
 * What costs events: every node's start; the master's first configuration (e0) at every node; from tick 20 on, every
 * 20 ticks, the master's check timer, each replica's heartbeat timer (a spare's too, even idle) and each heartbeat's
 * arrival at the master. A client needs a configuration before it sends anything; an operation it issued is over
 * when its answer arrives or 120 ticks later (timeout, then it asks the master for the chain again). So a story
 * that must wait for the master (join at tick 80, the crash of p2 at 100 detected at 140) pays for every heartbeat
 * until then: most events below are heartbeats, and the cut (`eventsMax`) keeps out every message still in flight.
 */
import { describe, it } from 'vitest';
import { expectReproduces, handMadeRun, shrinkerWithinTwice } from './helpers.js';

const handMade = handMadeRun;

/** The heartbeat timers of p1, p2 and p3 at one round (20, 40, 60, 80), each heartbeat arriving in 1 tick. */
const HB3 = 'delay=1 delay=1 delay=1 ';

describe('hand-made minimal chain-replication reproductions: tail-acks-before-apply', () => {
  // The same story as the `chain` scenario's (test/shrink/hand-made-more.test.ts) with a single client, cut at tick 8,
  // long before any scripted fault: a client that sees its put return and then reads nil.
  it('tail-acks-before-apply: in chain/middle-failure the tail answers a put, then a read there misses it, 14 events on 5 nodes', () => {
    const r = handMade(
      'chain/middle-failure',
      'tail-acks-before-apply',
      5,
      14,
      // t0: the master's configuration e0 reaches the replicas after the cut (15 ticks), the client p4 in 1; p4
      // thinks 1 tick.
      'delay=15 delay=15 delay=15 delay=1 choose:think=1 ' +
        // t1: p4 puts a; t2 head, t3 middle, t4 tail: the tail answers at once (1 tick), acks slowly (after the cut)
        // and will apply the update only 12 ticks later.
        'choose:key=0 choose:op=1 drop=0 delay=1 delay=1 delay=1 choose:apply-lag=12 drop=0 delay=1 delay=15 ' +
        // t5: the put returns to p4, which thinks 1 tick. t6: p4 gets a from the tail; t7: the tail, not yet applied,
        // answers nil; t8: p4 has nil after its own put returned.
        'choose:think=1 choose:key=0 choose:op=0 drop=0 delay=1 drop=0 delay=1 choose:think=1',
    );
    expectReproduces(r, 14, 'linearizable');
  });

  it('tail-acks-before-apply: in chain/join the tail answers a put, then a read there misses it, 15 events on 6 nodes', () => {
    const r = handMade(
      'chain/join',
      'tail-acks-before-apply',
      6,
      15,
      // t0: e0 reaches p1..p3 and the spare p4 after the cut (15 ticks), the client p5 in 1; p5 thinks 1 tick. The
      // spare costs only its start.
      'delay=15 delay=15 delay=15 delay=15 delay=1 choose:think=1 ' +
        // t1: p5 puts a; t2 head, t3 middle, t4 tail: the tail answers at once, acks after the cut, applies in 12.
        'choose:key=0 choose:op=1 drop=0 delay=1 delay=1 delay=1 choose:apply-lag=12 drop=0 delay=1 delay=15 ' +
        // t5: the put returns; t6: p5 gets a from the tail; t7: the tail answers nil; t8: p5 has it.
        'choose:think=1 choose:key=0 choose:op=0 drop=0 delay=1 drop=0 delay=1 choose:think=1',
    );
    expectReproduces(r, 15, 'linearizable');
  });
});

/**
 * chain/join reconfigure-without-waiting: the spare p4 asks to join at tick 60; at its check at 80 the master tells
 * the tail p3 to hand p4 its state and, without waiting for p4 to have it, publishes [p1,p2,p3,p4] at once: p4 is the
 * tail with an empty store, and a client that reads from it misses a put that already returned. `linearizable` is the
 * smaller story: `update-propagation` cannot fail at the join itself (the master sends p3 `addTail` before the new
 * configuration, and p3 sends p4 the transfer before any update, both on FIFO links), only later, after a crash of p3
 * and a second reconfiguration around it (the shrinker's smallest such run has 79 events).
 *
 * The client must issue its get after the configuration reaches it (tick 81 at the earliest), but a put issued by
 * its first timer (tick 8 at the latest) returns by tick 68 even at 15 ticks a hop, and a client thinks at most 8
 * ticks: 5 ticks short. Two events buy them: the client's first timer fires before it has e0, so it asks the master
 * (one event there, one for the answer) and sends the put when e0 arrives at tick 15. The crash of p3 at 70 is left
 * out (it would cost one event and save its heartbeat at 80: the same size); its restart at 200 comes after the cut.
 */
describe('hand-made minimal chain-replication reproductions: reconfigure-without-waiting at a join', () => {
  it('reconfigure-without-waiting: the joiner, published as tail before it has the state, serves a read that misses a put, 56 events on 6 nodes', () => {
    const r = handMade(
      'chain/join',
      'reconfigure-without-waiting',
      6,
      56,
      // t0: e0 reaches p1..p4 in 1 tick, the client p5 only at 15; p5 thinks 8 ticks. t8: p5 puts a with no chain
      // yet, so it asks the master (1 tick); t9: the master answers, FIFO behind e0 (tick 15).
      'delay=1 delay=1 delay=1 delay=1 delay=15 choose:think=8 choose:key=0 choose:op=1 delay=1 delay=1 ' +
        // t15: e0 at p5: the put goes to the head in 15 ticks. t20: heartbeats (the idle spare sends none).
        'drop=0 delay=15 ' +
        HB3 +
        // t30: the head forwards in 15 ticks; t40: heartbeats; t45: the middle forwards in 15 ticks.
        'delay=15 ' +
        HB3 +
        'delay=15 ' +
        // t60: p4's join timer: it asks to join (1 tick); heartbeats of p1..p3 and of p4, now joining. Then the
        // update reaches the tail p3: it answers p5 and acks p2, both in 15 ticks.
        'delay=1 ' +
        HB3 +
        'delay=1 drop=0 delay=15 delay=15 ' +
        // t75: the put returns to p5, which thinks 8 ticks; p2 passes the ack on to p1 after the cut.
        'choose:think=8 delay=15 ' +
        // t80: the master's check starts p4's join: `addTail` to p3 and e1 [1,2,3,4] to p1..p3 after the cut, to p4
        // and p5 in 1 tick; this round's heartbeats arrive after the cut.
        'delay=15 delay=15 delay=15 delay=15 delay=1 delay=1 ' +
        'delay=15 delay=15 delay=15 delay=15 ' +
        // t81: p4, admitted, is the tail with nothing; p5 learns it. t83: p5 gets a from p4 (1 tick); t84: p4
        // answers nil; t85: p5 has it, after its put returned.
        'choose:key=0 choose:op=0 drop=0 delay=1 drop=0 delay=1 choose:think=1',
      [0],
    );
    expectReproduces(r, 56, 'linearizable');
  });
});

/**
 * chain/middle-failure, p2 crashing at 100: both bugs need an update u1 that the head p1 forwarded to p2 too late to
 * arrive before the crash (so p3 never gets it) and that is still in p1's Sent list when p1 learns that p3 follows
 * it; p3 must then accept a later update u2 from p1 while lacking u1, so that hist(p3) = "2:…" is not a prefix of
 * hist(p1). The master detects the crash at its check at 140 at the earliest (the crash comes before p2's heartbeat
 * at 100, so its last one, sent at 80, arrives at 81, and 140 − 81 > 50): every heartbeat until then is paid for,
 * 53 events of starts, e0, heartbeats, checks and the crash. u1 must reach p1 between 85 and p1's reconfiguration,
 * u2 after it, and an operation that never returns times out only 120 ticks after it began: so two clients, each of
 * which first burns 120 ticks on a put lost on the client link, at five events each (the timer, the timeout, the
 * master receiving the timeout's request for the chain, whose answer arrives after the cut, the next timer and the
 * put at the head). A single client would wait a second timeout for u2, past three more heartbeat rounds. The
 * restart of p2 at 300 comes after the cut.
 */
describe('hand-made minimal chain-replication reproductions: middle failure', () => {
  it('no-resend-on-middle-failure: p1 does not resend the update p2 lost, and the next one leaves a gap at p3, 68 events on 6 nodes', () => {
    const r = handMade(
      'chain/middle-failure',
      'no-resend-on-middle-failure',
      6,
      68,
      // t0: e0 to p1..p5 in 1 tick; the clients p4 and p5 think 1 and 8 ticks. t1 and t8: each puts a, lost on the
      // way to the head (each will time out at 121 and 128).
      'delay=1 delay=1 delay=1 delay=1 delay=1 choose:think=1 choose:think=8 ' +
        'choose:key=0 choose:op=1 drop=1 choose:key=0 choose:op=1 drop=1 ' +
        // t20, 40, 60, 80: heartbeats of p1..p3. t100: p2 crashes; t100, 120: heartbeats of p1 and p3.
        HB3.repeat(4) +
        'delay=1 delay=1 '.repeat(2) +
        // t121: p4 times out, asks for the chain (15 ticks) and thinks 1; t122: it puts a again (u1, 1 tick); t123:
        // the head applies u1 and forwards it to p2, which is down: lost.
        'choose:think=1 delay=15 choose:key=0 choose:op=1 drop=0 delay=1 delay=1 ' +
        // t128: p5 times out, asks for the chain (15 ticks) and thinks 8. t136: the master answers p4 after the cut;
        // p5 puts a (u2), 8 ticks to the head.
        'choose:think=8 delay=15 delay=15 choose:key=0 choose:op=1 drop=0 delay=8 ' +
        // t140: the check finds p2 failed and tells p3 its new predecessor (1 tick); p1's heartbeat arrives after the
        // cut, but p3's must arrive (1 tick): it is ahead of p3's answer on the same link.
        'delay=1 delay=15 delay=1 ' +
        // t141: p3 answers with its last seq, 0 (1 tick). t142: the master tells p1 its new successor p3 (1 tick)
        // and publishes e1 (after the cut; to p2 it is lost).
        'delay=1 delay=1 delay=15 delay=1 delay=15 delay=15 delay=15 ' +
        // t143: the master answers p5 after the cut; p1 takes p3 as successor and resends nothing. t144: u2 reaches
        // p1, which forwards it (1 tick). t145: p3 accepts u2 without u1 (its answer and ack come after the cut).
        'delay=15 delay=1 drop=0 delay=1 delay=1',
    );
    expectReproduces(r, 68, 'update-propagation');
  });

  it('reconfigure-without-waiting: p3 drops the resent update from a predecessor it does not know yet, 67 events on 6 nodes', () => {
    const r = handMade(
      'chain/middle-failure',
      'reconfigure-without-waiting',
      6,
      67,
      // t0: e0 to p1..p5 in 1 tick; the clients p4 and p5 think 1 and 8 ticks. t1 and t8: each puts a, lost.
      'delay=1 delay=1 delay=1 delay=1 delay=1 choose:think=1 choose:think=8 ' +
        'choose:key=0 choose:op=1 drop=1 choose:key=0 choose:op=1 drop=1 ' +
        // t20, 40, 60, 80: heartbeats of p1..p3. t100: p2 crashes; t100, 120: heartbeats of p1 and p3.
        HB3.repeat(4) +
        'delay=1 delay=1 '.repeat(2) +
        // t121: p4 times out, asks for the chain (15 ticks), thinks 1; t122: it puts u1 (1 tick); t123: the head
        // forwards u1 to the crashed p2: lost.
        'choose:think=1 delay=15 choose:key=0 choose:op=1 drop=0 delay=1 delay=1 ' +
        // t128: p5 times out, asks for the chain (15 ticks), thinks 8. t136: the master answers p4 after the cut;
        // p5 puts u2, 6 ticks to the head.
        'choose:think=8 delay=15 delay=15 choose:key=0 choose:op=1 drop=0 delay=6 ' +
        // t140: the check finds p2 failed and publishes e1 [1,3] at once: to p1 in 1 tick (to p2 it is lost), to
        // p3 in 3, to the clients after the cut; this round's heartbeats arrive after the cut.
        'delay=1 delay=1 delay=3 delay=15 delay=15 delay=15 delay=15 ' +
        // t141: p1 takes p3 as successor and resends u1 (1 tick). t142: u2 reaches p1, forwarded (1 tick); p3, whose
        // predecessor is still p2, ignores u1. t143: the master answers p5 after the cut; e1 reaches p3; p3 accepts
        // u2 from its new predecessor without u1 (answer and ack after the cut).
        'delay=1 delay=1 delay=15 drop=0 delay=1 delay=1',
    );
    expectReproduces(r, 67, 'update-propagation');
  });
});

describe('the shrinker comes within twice the hand-made size (chain faults)', () => {
  shrinkerWithinTwice([
    { scenario: 'chain/middle-failure', bug: 'tail-acks-before-apply', property: 'linearizable', seeds: 1 },
    { scenario: 'chain/join', bug: 'tail-acks-before-apply', property: 'linearizable', seeds: 1 },
    { scenario: 'chain/join', bug: 'reconfigure-without-waiting', property: 'linearizable', seeds: 1 },
    { scenario: 'chain/middle-failure', bug: 'no-resend-on-middle-failure', property: 'update-propagation', seeds: 1 },
    { scenario: 'chain/middle-failure', bug: 'reconfigure-without-waiting', property: 'update-propagation', seeds: 1 },
  ]);
});
