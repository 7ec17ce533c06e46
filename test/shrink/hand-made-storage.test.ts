/**
 * Hand-made minimal reproductions of the durable-log bugs (storage faults), and the bound the shrinker must meet.
 *
 * Choices inside one event come in this order: the handler's reads (`storage:read-error`), then per message sent
 * `drop`, `delay`, `duplicate`, then per fsync requested `storage:fsync-delay` (and its ticks). A crash draws
 * `storage:lose` (and `storage:kept` when more than one write is unsynced), then `storage:torn` (and its length).
 */
import { describe, it } from 'vitest';
import { expectReproduces, handMadeRun, shrinkerWithinTwice } from './helpers.js';

describe('hand-made minimal durable-log reproductions', () => {
  it('sent-before-logged: p1 acks entry 1 before its fsync, crashes and loses it, 5 events on 2 nodes', () => {
    const r = handMadeRun(
      'durable-log',
      'sent-before-logged',
      2,
      5,
      // t1: p1 takes write 1, appends it, acks at once (the ack is lost) and fsyncs, 10 ticks late. t10: the fault
      // step crashes p1 (the unsynced write is lost) and restarts it; it reads an empty log back.
      'drop=0 delay=1 duplicate=0 drop=1 storage:fsync-delay=1 storage:fsync-delay-ticks=10 ' +
        'fault:crash=1 fault:crash-node=1 storage:lose=1 fault:restart=1 storage:read-error=0',
    );
    expectReproduces(r, 5, 'acked-writes-survive');
  });

  it('ignore-checksums: p1 crashes with entry 1 unsynced, the record is torn and read back as valid, 5 events on 2 nodes', () => {
    const r = handMadeRun(
      'durable-log',
      'ignore-checksums',
      2,
      5,
      // t1: p1 takes write 1, appends it and fsyncs, 10 ticks late. t10: p1 crashes; the write survives but torn to
      // its first 8 characters (`1,107919`), which p1 reads back as entry 1 with value 107919.
      'drop=0 delay=1 duplicate=0 storage:fsync-delay=1 storage:fsync-delay-ticks=10 ' +
        'fault:crash=1 fault:crash-node=1 storage:lose=0 storage:torn=1 storage:torn-length=8 fault:restart=1 storage:read-error=0',
    );
    expectReproduces(r, 5, 'log-holds-written-values');
  });
});

describe('the shrinker against the durable-log hand-made sizes', () => {
  shrinkerWithinTwice([
    { scenario: 'durable-log', bug: 'sent-before-logged', property: 'acked-writes-survive', seeds: 3 },
    { scenario: 'durable-log', bug: 'ignore-checksums', property: 'log-holds-written-values', seeds: 2 },
  ]);
});
