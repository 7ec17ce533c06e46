/**
 * Hand-made minimal chain-replication reproductions, one per bug variant, and the bound the shrinker must meet
 * against each: a shrunk reproduction has at most twice the events of the hand-made one.
 *
 * Layout: p0 master, p1 head, p2 middle, p3 tail, clients after them. Choices come in time order; inside one event
 * the handler's own choices (`think`, `key`, `op`, `apply-lag`) come first, then one `drop` (client↔replica links
 * only) and one `delay` per message sent, in send order. A broadcast from the master goes to p1, p2, … in node order.
 *
 * What every run pays for: each node's start; the master's first configuration, delivered to every node by tick 15;
 * at every multiple of 20 ticks the master's failure check and one heartbeat per replica (timers in that order), and
 * the heartbeats' deliveries. The master declares a replica failed when it has not heard from it for more than 50
 * ticks — or at once when a restarted replica's heartbeat says it lost its state. In `chain` a random fault step
 * runs every 40 ticks, before anything else of its tick (`fault:crash`, then `fault:crash-node`, `fault:restart`
 * for a crashed node; at most one node down). A client whose think timer fires before the master's configuration
 * reaches it asks the master for it (two more events) and sends its request when the broadcast arrives: the cheapest
 * way to start an operation later than tick 8. A client whose request is lost hears nothing until its operation
 * times out, 120 ticks after it started: the cheapest way to keep a client quiet.
 */
import { describe, it } from 'vitest';
import { expectReproduces, handMadeRun, shrinkerWithinTwice } from './helpers.js';

const handMade = handMadeRun;

/**
 * A middle failure, found as early as the detector allows: p2 crashes at the first fault step (tick 40) and
 * restarts at once, so its heartbeat tells the master it lost its state and the check at tick 60 removes it (a
 * crash alone would only be noticed at tick 80). The update p2 lost is p4's, whose operation then never returns:
 * a second client, p5, sends the update that exposes the gap (one client would wait for its timeout at tick 121 —
 * the shrinker's 5-node reproductions do that).
 */
describe('hand-made minimal chain middle-failure reproductions', () => {
  it('no-resend-on-middle-failure: p1 keeps the update p2 lost to itself and its next update reaches p3 past the gap, 47 events on 6 nodes', () => {
    const r = handMade(
      'chain',
      'no-resend-on-middle-failure',
      6,
      47,
      // t0: the master's chain [1,2,3] reaches every node at t15; p4 and p5 think 1 tick.
      'delay=15 delay=15 delay=15 delay=15 delay=15 choose:think=1 choose:think=1 ' +
        // t1: p4 starts put a, p5 get a; neither knows the chain, so each asks the master (t2), whose answers queue
        // behind the broadcast (t17). t15: the broadcast arrives; p4's put reaches the head p1 at t30, p5's get the
        // tail p3 at t30.
        'choose:key=0 choose:op=1 delay=1 choose:key=0 choose:op=0 delay=1 delay=15 delay=15 drop=0 delay=15 drop=0 delay=15 ' +
        // t20: heartbeats. t30: p1 applies the put (seq 1) and forwards it to p2, slowly (t45); p3 answers p5 (t45).
        'delay=1 delay=1 delay=1 delay=15 drop=0 delay=15 ' +
        // t40: p2 crashes and restarts at once, holding no state (its heartbeat at t41 marks it failed); heartbeats.
        'fault:crash=1 fault:crash-node=2 fault:restart=1 delay=1 delay=1 delay=1 ' +
        // t45: the restarted p2 ignores update 1, so it never gets past p1. p5 has its answer and thinks 8 ticks;
        // t53: p5 puts a, arriving at p1 at t64, once the chain is repaired.
        'choose:think=8 choose:key=0 choose:op=1 drop=0 delay=11 ' +
        // t60: p2's heartbeat (slow); the master's check removes p2 and tells p3 its new predecessor is p1 (t61);
        // p1's heartbeat slow, p3's in 1 tick (it precedes p3's answer to the master on that FIFO link).
        'delay=15 delay=1 delay=15 delay=1 ' +
        // t61: p3 answers with its last seq, 0 (t62). t62: the master tells p1 its new successor p3 and that number
        // (t63), and publishes [1,3] (slowly, t77: past the end).
        'delay=1 delay=1 delay=15 delay=15 delay=15 delay=15 delay=15 ' +
        // t63: p1 should resend its Sent entries after seq 0 (update 1) to p3; the bug resends nothing. t64: p1 takes
        // p5's put as seq 2 and forwards it to p3 (t65).
        'delay=1 ' +
        // t65: p3 accepts update 2 from its predecessor p1: hist(p3) "2:…" is not a prefix of hist(p1) "1:…;2:…".
        'drop=0 delay=1 delay=1',
    );
    expectReproduces(r, 47, 'update-propagation');
  });

  it('reconfigure-without-waiting: p3 drops p1’s resend before it learns its new predecessor, then takes the next update past the gap, 46 events on 6 nodes', () => {
    const r = handMade(
      'chain',
      'reconfigure-without-waiting',
      6,
      46,
      // t0..t45 as in no-resend-on-middle-failure: p4's put (seq 1) is applied by p1 and lost with p2, which crashes
      // and restarts at t40; p5's get passes the time until t45.
      'delay=15 delay=15 delay=15 delay=15 delay=15 choose:think=1 choose:think=1 ' +
        'choose:key=0 choose:op=1 delay=1 choose:key=0 choose:op=0 delay=1 delay=15 delay=15 drop=0 delay=15 drop=0 delay=15 ' +
        'delay=1 delay=1 delay=1 delay=15 drop=0 delay=15 ' +
        'fault:crash=1 fault:crash-node=2 fault:restart=1 delay=1 delay=1 delay=1 ' +
        // t45: p5 thinks 2 ticks; t47: p5 puts a, arriving at p1 at t62.
        'choose:think=2 choose:key=0 choose:op=1 drop=0 delay=15 ' +
        // t60: p2's heartbeat (slow); the master's check removes p2 and, the bug, publishes [1,3] at once, with no
        // handshake: to p1 in 1 tick, to p3 in 3, the others slowly; p1's and p3's heartbeats slow.
        'delay=15 delay=1 delay=15 delay=3 delay=15 delay=15 delay=15 delay=15 ' +
        // t61: p1 learns its new successor p3 and resends its Sent list, update 1 (t62).
        'delay=1 ' +
        // t62: p3 still follows p2 and drops update 1 from p1. p1 takes p5's put as seq 2 and forwards it (t63).
        'delay=1 ' +
        // t63: p3 learns its predecessor is p1 and accepts update 2: hist(p3) "2:…" is not a prefix of p1's "1:…;2:…".
        'drop=0 delay=1 delay=1',
    );
    expectReproduces(r, 46, 'update-propagation');
  });
});

/**
 * `chain/head-failure`: the link p1→p2 fails at tick 60, p1 crashes at 80 (the heal at 81 and the restart at 300
 * change nothing here; no random faults). An update the head applies in [60, 80) never leaves it, and the master
 * declares p1 failed at tick 120 (its last heartbeat is from tick 60), so the new head p2 serves from tick 121.
 */
describe('hand-made minimal chain head-failure reproductions', () => {
  it('reads-at-head: p5 reads a put only the head ever held, p6 then reads nil at the new head, 67 events on 7 nodes', () => {
    const r = handMade(
      'chain/head-failure',
      'reads-at-head',
      7,
      67,
      // Three clients, because each role keeps its client busy: p4's put never returns (timeout at t165), p5 must
      // read at p1 before t80, and only a client whose request was lost at t1 is idle until t121 — p6.
      // t0: the master's chain reaches the replicas at t15, the clients at t1; p4 thinks 7 ticks, p5 8, p6 1.
      'delay=15 delay=15 delay=15 delay=1 delay=1 delay=1 choose:think=7 choose:think=8 choose:think=1 ' +
        // t1: p6 gets a; its request to the head is lost (the operation times out at t121).
        'choose:key=0 choose:op=0 drop=1 ' +
        // t7, t8: p4 and p5 get a from the head (t22, t23), only to pass time.
        'choose:key=0 choose:op=0 drop=0 delay=15 choose:key=0 choose:op=0 drop=0 delay=15 ' +
        // t20: heartbeats. t22, t23: p1 answers nil, slowly (t37, t38); p4 and p5 think 8 ticks.
        'delay=1 delay=1 delay=1 drop=0 delay=15 drop=0 delay=15 choose:think=8 choose:think=8 ' +
        // t40: heartbeats. t45: p4 puts a (p1 at t60); t46: p5 gets a (p1 at t61).
        'delay=1 delay=1 delay=1 choose:key=0 choose:op=1 drop=0 delay=15 choose:key=0 choose:op=0 drop=0 delay=15 ' +
        // t60: the link p1→p2 fails; heartbeats (p1's last one); p1 applies the put and its update to p2 is lost on
        // the failed link (no choice).
        'delay=1 delay=1 delay=1 ' +
        // t61: the bug: the head serves p5's get, v4.0.1, which only p1 holds (t62).
        'drop=0 delay=1 ' +
        // t62: p5 has v4.0.1 and thinks 8 ticks; t70: its next request is lost, so p5 stays quiet.
        'choose:think=8 choose:key=0 choose:op=0 drop=1 ' +
        // t80: p1 crashes; heartbeats of p2 and p3, and at t100.
        'delay=1 delay=1 delay=1 delay=1 ' +
        // t120: the master declares p1 failed and publishes [2,3]: to p2 and p6 in 1 tick, the others slowly (p1's
        // copy is dropped: it is down); heartbeats slow.
        'delay=15 delay=1 delay=15 delay=15 delay=15 delay=1 delay=15 delay=15 ' +
        // t121: p6's get times out; p6 asks the master (slowly), thinks 1 tick, and gets the new chain.
        'choose:think=1 delay=15 ' +
        // t122: p6 gets a from the new head p2 (t123), which never had the put: nil (t124), after p5 read v4.0.1.
        'choose:key=0 choose:op=0 drop=0 delay=1 drop=0 delay=1 choose:think=1',
    );
    expectReproduces(r, 67, 'linearizable');
  });

  it('tail-acks-before-apply: p4 reads nil at the tail right after its put returned, 14 events on 5 nodes', () => {
    const r = handMade(
      'chain/head-failure',
      'tail-acks-before-apply',
      5,
      14,
      // No fault is needed (the run ends at t8). t0: the master's chain reaches the replicas at t15 (past the end),
      // the client p4 at t1; p4 thinks 1 tick.
      'delay=15 delay=15 delay=15 delay=1 choose:think=1 ' +
        // t1: p4 puts a; t2 head, t3 middle, t4 tail: the tail defers applying it by 12 ticks, replies at once (t5)
        // and acks slowly.
        'choose:key=0 choose:op=1 drop=0 delay=1 delay=1 delay=1 choose:apply-lag=12 drop=0 delay=1 delay=15 ' +
        // t5: the put returns; p4 thinks 1 tick. t6: p4 gets a (t7); the tail answers nil (t8); p4 has it.
        'choose:think=1 choose:key=0 choose:op=0 drop=0 delay=1 drop=0 delay=1 choose:think=1',
    );
    expectReproduces(r, 14, 'linearizable');
  });
});

/**
 * The shrinker's results when these were written: no-resend-on-middle-failure seeds 2, 12 → 52, 54 events (5 nodes:
 * one client, which waits for its put to time out at tick 121 before sending the second); reconfigure-without-waiting
 * seeds 12, 13 → 68, 70 (5 nodes); reads-at-head seeds 23, 62 → 83 (7 nodes), 103 (6 nodes: the writer's timeout at
 * tick 165 instead of a third client); tail-acks-before-apply seeds 20, 22 → 14, the hand-made size. 1–6 s a shrink.
 */
describe('the shrinker comes within twice the hand-made size (chain)', () => {
  shrinkerWithinTwice([
    { scenario: 'chain', bug: 'no-resend-on-middle-failure', property: 'update-propagation', seeds: 1 },
    { scenario: 'chain', bug: 'reconfigure-without-waiting', property: 'update-propagation', seeds: 1 },
    { scenario: 'chain/head-failure', bug: 'reads-at-head', property: 'linearizable', seeds: 1 },
    { scenario: 'chain/head-failure', bug: 'tail-acks-before-apply', property: 'linearizable', seeds: 2 },
  ]);
});
