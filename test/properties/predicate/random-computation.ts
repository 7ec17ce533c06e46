/**
 * Test helpers: random small message-passing computations (with drops, duplicates and messages still in flight), and
 * brute-force enumeration of consistent cuts straight from the definition.
 */
import fc from 'fast-check';
import { buildExecution, type EventInput } from '../../../execution/build.js';
import type { EventKind, Execution, MessageRecord, State } from '../../../execution/types.js';

export interface ComputationOptions {
  readonly hostsMax?: number;
  readonly opsMax?: number;
}

type Op = readonly [kind: number, a: number, b: number, v: number, flag: boolean];

/** Interprets a list of random operations as a computation; deterministic in its inputs. */
export function computationFromOps(hostCount: number, ops: readonly Op[]): Execution {
  const n = hostCount;
  const clocks = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const events: EventInput[] = [];
  const messages: { from: number; to: number; sendEvent: number; receiveEvents: number[]; fate: MessageRecord['fate']; clock: number[] }[] = [];
  const pending: number[] = [];
  const delivered: number[] = [];
  const emit = (host: number, kind: EventKind, v: number, flag: boolean, extra: Partial<EventInput>): number => {
    clocks[host]![host]!++;
    const fields: State = flag ? { x: v } : {};
    events.push({ host, kind, label: 'abc'[(v + 3) % 3]!, clock: [...clocks[host]!], fields, ...extra });
    return events.length - 1;
  };
  const receive = (m: number, v: number, flag: boolean): void => {
    const msg = messages[m]!;
    const own = clocks[msg.to]!;
    for (let j = 0; j < n; j++) own[j] = Math.max(own[j]!, msg.clock[j]!);
    msg.receiveEvents.push(emit(msg.to, 'receive', v, flag, { received: m }));
  };
  for (const [kind, a, b, v, flag] of ops) {
    const host = a % n;
    if (kind === 2 && n > 1) {
      const to = (host + 1 + (b % (n - 1))) % n;
      const id = messages.length;
      const sendEvent = emit(host, 'send', v, flag, { sent: [id] });
      messages.push({ from: host, to, sendEvent, receiveEvents: [], fate: 'in-flight', clock: [...clocks[host]!] });
      pending.push(id);
    } else if ((kind === 3 || kind === 4) && pending.length > 0) {
      const m = pending.splice(b % pending.length, 1)[0]!;
      messages[m]!.fate = 'delivered';
      delivered.push(m);
      receive(m, v, flag);
    } else if (kind === 5 && flag && delivered.length > 0) {
      receive(delivered[b % delivered.length]!, v, flag); // a duplicate delivery
    } else if (kind === 5 && pending.length > 0) {
      const m = pending.splice(b % pending.length, 1)[0]!;
      messages[m]!.fate = 'dropped';
    } else {
      emit(host, 'internal', v, flag, {});
    }
  }
  return buildExecution({
    label: 'random',
    hosts: Array.from({ length: n }, (_, i) => `p${i + 1}`),
    events,
    messages: messages.map((m, id) => ({
      id,
      from: m.from,
      to: m.to,
      sendEvent: m.sendEvent,
      receiveEvents: m.receiveEvents,
      fate: m.fate,
      summary: `m${id}`,
    })),
  });
}

/** Random computations of 1..hostsMax hosts and up to opsMax operations. */
export function arbComputation(options: ComputationOptions = {}): fc.Arbitrary<Execution> {
  const op = fc.tuple(fc.integer({ min: 0, max: 5 }), fc.nat(50), fc.nat(50), fc.integer({ min: -2, max: 5 }), fc.boolean());
  return fc
    .record({
      hostCount: fc.integer({ min: 1, max: options.hostsMax ?? 3 }),
      ops: fc.array(op, { maxLength: options.opsMax ?? 10 }),
    })
    .map(({ hostCount, ops }) => computationFromOps(hostCount, ops));
}

/** All consistent cuts, by enumerating every vector of prefixes and keeping those closed under happened-before. */
export function bruteForceCuts(exec: Execution): Int32Array[] {
  const n = exec.hosts.length;
  const lengths = exec.byHost.map((own) => own.length);
  const cuts: Int32Array[] = [];
  const cut = new Int32Array(n);
  const closed = (): boolean =>
    exec.events.every((e) => e.index > cut[e.host]! || Array.from(e.clock).every((v, j) => v <= cut[j]!));
  const visit = (h: number): void => {
    if (h === n) {
      if (closed()) cuts.push(cut.slice());
      return;
    }
    for (let k = 0; k <= lengths[h]!; k++) {
      cut[h] = k;
      visit(h + 1);
    }
    cut[h] = 0;
  };
  visit(0);
  return cuts;
}
