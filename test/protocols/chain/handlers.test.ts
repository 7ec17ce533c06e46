/** Handler-level tests of the chain replica and master, with a recording context. */
import { describe, expect, test } from 'vitest';
import { initMaster, masterMessage, masterTimer } from '../../../protocols/chain/master.js';
import { initReplica, recoverReplica, replicaMessage, replicaTimer } from '../../../protocols/chain/replica.js';
import { CHAIN_OPTIONS_DEFAULT, type ChainBug, type ChainMsg, type ChainOptions, type ReplicaState, type Update } from '../../../protocols/chain/types.js';
import { FakeContext } from './fake-context.js';

const NODES = 6; // p0 master, p1..p3 chain, p4 p5 clients
const opts = (bug?: ChainBug): ChainOptions => ({ ...CHAIN_OPTIONS_DEFAULT, bug });
const u = (seq: number, value = `x${seq}`): Update => ({ seq, key: 'a', value, client: 4, opId: `op${seq}` });

function replica(self: number, bug?: ChainBug): { s: ReplicaState; ctx: FakeContext; o: ChainOptions } {
  const ctx = new FakeContext(self, NODES);
  const o = opts(bug);
  const s = initReplica(o, ctx);
  ctx.drain();
  return { s, ctx, o };
}

function deliver(r: { s: ReplicaState; ctx: FakeContext; o: ChainOptions }, from: number, msg: ChainMsg): string[] {
  r.s = replicaMessage(r.s, from, msg, r.o, r.ctx);
  return r.ctx.drain();
}

describe('replica', () => {
  test('the head numbers a put, applies it, forwards it and keeps it in Sent', () => {
    const head = replica(1);
    const out = deliver(head, 4, { t: 'req', req: { opId: 'o1', f: 'put', key: 'a', value: 'v1' } });
    expect(out).toEqual(['2:update']);
    expect(head.s.histText).toBe('1:v1;');
    expect(head.s.sent.map((x) => x.seq)).toEqual([1]);
  });

  test('the tail applies, replies to the client and acknowledges; acks flow up and clear Sent', () => {
    const tail = replica(3);
    expect(deliver(tail, 2, { t: 'update', u: u(1) })).toEqual(['4:resp', '2:ack']);
    expect(tail.s.store.get('a')).toBe('x1');
    const middle = replica(2);
    expect(deliver(middle, 1, { t: 'update', u: u(1) })).toEqual(['3:update']);
    expect(deliver(middle, 3, { t: 'ack', seq: 1 })).toEqual(['1:ack']);
    expect(middle.s.sent).toEqual([]);
  });

  test('updates from a node that is not the predecessor, and duplicates, are dropped', () => {
    const middle = replica(2);
    expect(deliver(middle, 3, { t: 'update', u: u(1) })).toEqual([]);
    deliver(middle, 1, { t: 'update', u: u(1) });
    expect(deliver(middle, 1, { t: 'update', u: u(1) })).toEqual([]);
    expect(middle.s.hist.length).toBe(1);
  });

  test('the tail serves reads and the head redirects them; with reads-at-head the head serves them', () => {
    const get = { t: 'req', req: { opId: 'g', f: 'get', key: 'a', value: null } } as const;
    expect(deliver(replica(3), 4, get)).toEqual(['4:resp']);
    expect(deliver(replica(1), 4, get)).toEqual(['4:redirect']);
    expect(deliver(replica(1, 'reads-at-head'), 4, get)).toEqual(['4:resp']);
  });

  test('tail-acks-before-apply: the reply goes out while the store still has the old value', () => {
    const tail = replica(3, 'tail-acks-before-apply');
    expect(deliver(tail, 2, { t: 'update', u: u(1) })).toEqual(['4:resp', '2:ack']);
    expect(tail.s.store.get('a')).toBeUndefined();
    tail.s = replicaTimer(tail.s, 'apply', tail.o, tail.ctx);
    expect(tail.s.store.get('a')).toBe('x1');
  });

  test('middle failure: newSucc resends the Sent entries the new successor lacks (none with the bug)', () => {
    for (const bug of [undefined, 'no-resend-on-middle-failure'] as const) {
      const head = replica(1, bug);
      for (let i = 1; i <= 3; i++) deliver(head, 4, { t: 'req', req: { opId: `o${i}`, f: 'put', key: 'a', value: `v${i}` } });
      head.s.epoch = 0;
      const out = deliver(head, 0, { t: 'newSucc', epoch: 1, succ: 3, lastSeq: 1 });
      expect(out).toEqual(bug === undefined ? ['3:update', '3:update'] : []);
      expect(head.s.succ).toBe(3);
    }
  });

  test('the successor of a failed middle replica takes its new predecessor and reports its last update', () => {
    const tail = replica(3);
    deliver(tail, 2, { t: 'update', u: u(1) });
    const out = deliver(tail, 0, { t: 'newPred', epoch: 1, pred: 1 });
    expect(out).toEqual(['0:predAck']);
    expect(tail.ctx.sent).toEqual([]);
    expect(tail.s.pred).toBe(1);
  });

  test('becoming the tail answers and acknowledges every update still in Sent', () => {
    const middle = replica(2);
    deliver(middle, 1, { t: 'update', u: u(1) });
    deliver(middle, 1, { t: 'update', u: u(2) });
    const out = deliver(middle, 0, { t: 'config', epoch: 1, chain: [1, 2] });
    expect(out).toEqual(['4:resp', '4:resp', '1:ack']);
    expect(middle.s.sent).toEqual([]);
    expect(middle.s.succ).toBe(-1);
  });

  test('join: the tail hands over its hist; the joiner accepts only its own attempt and reports to the master', () => {
    const tail = replica(3);
    deliver(tail, 2, { t: 'update', u: u(1) });
    const out = deliver(tail, 0, { t: 'addTail', epoch: 1, joiner: 5, nonce: 2 });
    expect(out).toEqual(['5:transfer']);
    const joinerCtx = new FakeContext(5, NODES);
    const o = opts();
    const j = { s: recoverReplica(1, o, joinerCtx), ctx: joinerCtx, o };
    j.ctx.drain();
    expect(j.s.nonce).toBe(2);
    expect(deliver(j, 3, { t: 'transfer', epoch: 1, nonce: 1, hist: [u(1)] })).toEqual([]);
    expect(j.s.status).toBe('joining');
    expect(deliver(j, 3, { t: 'transfer', epoch: 1, nonce: 2, hist: [u(1)] })).toEqual(['0:joined']);
    expect(j.s.status).toBe('member');
    expect(j.s.pred).toBe(3);
    expect(j.s.histText).toBe('1:x1;');
  });
});

describe('master', () => {
  function master(bug?: ChainBug) {
    const ctx = new FakeContext(0, NODES);
    const o = opts(bug);
    const s = initMaster(undefined, o, ctx);
    ctx.drain();
    return { s, ctx, o };
  }
  /** Heartbeats from `alive` at `now`, then a check at `now`. */
  function tick(m: ReturnType<typeof master>, now: number, alive: number[]): string[] {
    m.ctx.nowTicks = now;
    for (const r of alive) m.s = masterMessage(m.s, r, { t: 'hb', member: true, nonce: 0 }, m.ctx);
    m.s = masterTimer(m.s, 'check', m.o, m.ctx);
    return m.ctx.drain();
  }

  test('a middle failure waits for the successor before telling the predecessor, then publishes', () => {
    const m = master();
    expect(tick(m, 100, [1, 3])).toEqual(['3:newPred']);
    expect(m.s.core.step?.kind).toBe('middle');
    m.s = masterMessage(m.s, 3, { t: 'predAck', epoch: m.s.core.epoch, lastSeq: 4 }, m.ctx);
    const out = m.ctx.drain();
    expect(out[0]).toBe('1:newSucc');
    expect(out.slice(1)).toEqual(['1:config', '2:config', '3:config', '4:config', '5:config']);
    expect(m.s.core.chain).toEqual([1, 3]);
  });

  test('reconfigure-without-waiting publishes a middle failure at once', () => {
    const m = master('reconfigure-without-waiting');
    expect(tick(m, 100, [1, 3])).toEqual(['1:config', '2:config', '3:config', '4:config', '5:config']);
  });

  test('a head failure is published at once; a restarted member counts as failed', () => {
    const m = master();
    expect(tick(m, 100, [2, 3])[0]).toBe('1:config');
    expect(m.s.core.chain).toEqual([2, 3]);
    m.s = masterMessage(m.s, 3, { t: 'hb', member: false, nonce: 1 }, m.ctx);
    expect(tick(m, 110, [2])[0]).toBe('1:config');
    expect(m.s.core.chain).toEqual([2]);
  });

  test('join: addTail to the tail; the joiner is published only after it reports its state', () => {
    const m = master();
    m.ctx.nowTicks = 10;
    m.s = masterMessage(m.s, 5, { t: 'hb', member: false, nonce: 3 }, m.ctx);
    expect(tick(m, 20, [1, 2, 3])).toEqual(['3:addTail']);
    expect(m.s.core.chain).toEqual([1, 2, 3]);
    m.s = masterMessage(m.s, 5, { t: 'joined', epoch: m.s.core.epoch, nonce: 3 }, m.ctx);
    const config = m.ctx.sent[0]!.msg;
    expect(config).toMatchObject({ t: 'config', chain: [1, 2, 3, 5], admitted: { node: 5, nonce: 3 } });
  });

  test('a restarted master keeps its configuration and resumes the step in progress', () => {
    const m = master();
    tick(m, 100, [1, 3]);
    const ctx = new FakeContext(0, NODES, 130);
    const again = initMaster(m.s.core, m.o, ctx);
    expect(again.core.chain).toEqual([1, 3]);
    expect(ctx.drain()).toEqual(['3:newPred']);
  });
});
