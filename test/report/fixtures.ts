/** Executions for the report tests: a small hand-made one with every kind of mark, and a generated large one. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { buildExecution, type EventInput } from '../../execution/build.js';
import type { EventKind, Execution, MessageRecord, State } from '../../execution/types.js';
import { parseShiViz } from '../../formats/shiviz.js';

export const EVIL_LABEL = '</script><img src=x onerror=alert(1)>';
export const EVIL_HOST = '<img src=y onerror=alert(2)>';

/** Builds events one at a time, keeping each host's vector clock; messages are linked as they are sent/received. */
class Recorder {
  readonly events: EventInput[] = [];
  readonly messages: { from: number; to: number; sendEvent: number; receiveEvents: number[]; fate: MessageRecord['fate']; dropReason?: string; summary: string; clock: number[] }[] = [];
  private readonly clocks: number[][];
  constructor(readonly hosts: number) {
    this.clocks = Array.from({ length: hosts }, () => new Array<number>(hosts).fill(0));
  }
  event(host: number, kind: EventKind, label: string, fields: State, time?: number, merge?: readonly number[]): number {
    const clock = this.clocks[host]!;
    if (merge !== undefined) merge.forEach((v, j) => (clock[j] = Math.max(clock[j]!, v)));
    clock[host]!++;
    this.events.push({ host, kind, label, fields, clock: [...clock], ...(time === undefined ? {} : { timeTicks: time }) });
    return this.events.length - 1;
  }
  send(from: number, to: number, summary: string, time?: number, dropReason?: string): number {
    const id = this.messages.length;
    const e = this.event(from, 'send', `send ${summary}`, { sent: id }, time);
    this.events[e] = { ...this.events[e]!, sent: [id] };
    const fate = dropReason === undefined ? 'in-flight' : 'dropped';
    this.messages.push({ from, to, sendEvent: e, receiveEvents: [], fate, summary, clock: [...this.clocks[from]!], ...(dropReason === undefined ? {} : { dropReason }) });
    return id;
  }
  receive(id: number, time?: number): number {
    const m = this.messages[id]!;
    const e = this.event(m.to, 'receive', `receive ${m.summary}`, { got: m.summary }, time, m.clock);
    this.events[e] = { ...this.events[e]!, received: id };
    m.receiveEvents.push(e);
    m.fate = 'delivered';
    return e;
  }
  build(label: string, hostNames: readonly string[]): Execution {
    const messages: MessageRecord[] = this.messages.map(({ clock: _c, ...m }, id) => ({ id, ...m }));
    return buildExecution({ label, hosts: hostNames, events: this.events, messages });
  }
}

/** Three hosts, virtual time, a timer run, a dropped and an in-flight message, a crash and restart, a nasty label. */
export function smallExecution(): Execution {
  const r = new Recorder(3);
  for (let h = 0; h < 3; h++) r.event(h, 'start', 'start', { round: 0 }, 0);
  const m0 = r.send(0, 1, 'ping 1', 1);
  r.receive(m0, 3);
  const m1 = r.send(1, 2, 'pong 1', 4);
  r.send(2, 0, 'lost', 4, 'loss');
  r.receive(m1, 6);
  for (let t = 0; t < 5; t++) r.event(2, 'timer', `retry ${t}`, { round: 1, tries: t }, 7 + t);
  r.event(1, 'internal', EVIL_LABEL, { note: EVIL_LABEL }, 12);
  r.event(0, 'crash', 'crash', { round: 1 }, 13);
  r.event(0, 'restart', 'restart', { round: 0 }, 16);
  const m3 = r.send(0, 2, 'ping 2', 17);
  r.receive(m3, 19);
  r.send(1, 0, 'late', 20);
  return r.build('small', ['p0', 'p1', EVIL_HOST]);
}

/** A pseudo-random execution of `eventCount` events on `hostCount` hosts, mostly local events, with messages. */
export function generatedExecution(eventCount: number, hostCount: number, seed = 7): Execution {
  let s = seed >>> 0;
  const rand = (n: number): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s >>> 8) % n;
  };
  const r = new Recorder(hostCount);
  const pending: number[][] = Array.from({ length: hostCount }, () => []);
  while (r.events.length < eventCount) {
    const h = rand(hostCount), roll = rand(100), time = r.events.length;
    if (pending[h]!.length > 0 && roll < 30) r.receive(pending[h]!.shift()!, time);
    else if (roll < 45) {
      const to = (h + 1 + rand(hostCount - 1)) % hostCount;
      const drop = rand(20) === 0;
      const id = r.send(h, to, `m${r.messages.length}`, time, drop ? 'loss' : undefined);
      if (!drop) pending[to]!.push(id);
    } else r.event(h, roll < 70 ? 'internal' : 'timer', `step ${r.events.length}`, { step: r.events.length }, time);
  }
  return r.build(`generated ${eventCount}`, Array.from({ length: hostCount }, (_, h) => `node-${h}`));
}

/** The chord fixture log (8 hosts, 1,235 events, no message records). */
export function chordExecution(): Execution {
  const path = fileURLToPath(new URL('../fixtures/shiviz-logs/chord.log', import.meta.url));
  const parsed = parseShiViz(readFileSync(path, 'utf8'), { source: 'chord.log', parser: '(?<host>\\S*) (?<clock>{.*})\\n(?<event>.*)' });
  if (!parsed.ok) expect.fail(JSON.stringify(parsed.error));
  return parsed.value[0]!;
}

/** The cut made of the first `k` events of the linearization (always consistent), and the path to it. */
export function prefixCut(exec: Execution, k: number): { cut: Int32Array; path: number[] } {
  const cut = new Int32Array(exec.hosts.length);
  for (let id = 0; id < k; id++) cut[exec.events[id]!.host]!++;
  return { cut, path: Array.from({ length: k }, (_, i) => i) };
}
