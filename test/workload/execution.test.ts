import { describe, expect, it } from 'vitest';
import { always, defineScenario, eventually, run } from '../../api/index.js';
import { primaryBackupKv } from '../../protocols/kv/primary-backup.js';
import { happenedBefore } from '../../execution/clock.js';
import type { Execution } from '../../execution/types.js';
import { parseShiViz, writeShiViz } from '../../formats/shiviz.js';
import { readTrace, traceToJson } from '../../formats/trace.js';
import { renderHtmlReport } from '../../report/index.js';
import { runHtmlReport } from '../../api/report.js';
import { replaySchedule, runScenario } from '../../sim/run.js';
import { scheduleToJson } from '../../sim/schedule-file.js';
import { kvScenario } from './kv-scenario.js';

const CLIENT_HOSTS = ['c0', 'c1', 'c2'];
const isClient = (exec: Execution, h: number): boolean => exec.hosts[h]!.startsWith('c');

describe('workload clients in the recorded execution', () => {
  it('clients are hosts c0, c1, c2 after the protocol nodes; ctx.nodeCount stays 3', () => {
    const r = run(kvScenario, { seed: 1 });
    expect(r.execution.hosts).toEqual(['p0', 'p1', 'p2', ...CLIENT_HOSTS]);
    expect(r.nodes).toBe(3);
    expect(r.clientCount).toBe(3);
    expect(r.finalStates).toHaveLength(3);
  });

  it("every request and reply is a message, and each reply's receive happens after its request's send", () => {
    const exec = run(kvScenario, { seed: 2 }).execution;
    const sendOfRequest = new Map<string, number>();
    let replies = 0;
    for (const m of exec.messages) {
      const req = /\(req (\d+)\)$/.exec(m.summary)?.[1];
      if (isClient(exec, m.from)) sendOfRequest.set(req!, m.sendEvent);
    }
    for (const m of exec.messages) {
      if (!isClient(exec, m.to)) continue;
      const req = /\(req (\d+)\)$/.exec(m.summary)![1]!;
      const send = exec.events[sendOfRequest.get(req)!]!;
      for (const r of m.receiveEvents) {
        const receive = exec.events[r]!;
        expect(receive.kind).toBe('receive');
        expect(exec.hosts[receive.host]).toBe(exec.hosts[send.host]);
        expect(happenedBefore(exec, send.id, receive.id)).toBe(true);
        expect(receive.clock[send.host]!).toBeGreaterThanOrEqual(send.index);
        replies++;
      }
    }
    expect(replies).toBeGreaterThan(30);
    const invokes = exec.events.filter((e) => isClient(exec, e.host) && e.kind === 'send');
    expect(invokes.length).toBe(sendOfRequest.size);
    expect(invokes.every((e) => e.label.startsWith('invoke ') && e.sent?.length === 1)).toBe(true);
  });

  it('faults never touch clients: 300 swarm seeds, no client crash/pause, no client message lost, duplicated or partitioned', () => {
    let requestsToDownNodes = 0;
    let nodeFaults = 0;
    for (let seed = 0; seed < 300; seed++) {
      const r = runScenario(kvScenario, { seed, swarm: true });
      if (!r.ok) throw new Error(r.error.message);
      const exec = r.value.execution;
      for (const e of exec.events) {
        const fault = e.kind === 'crash' || e.kind === 'pause' || e.kind === 'restart' || e.kind === 'resume';
        if (fault && isClient(exec, e.host)) throw new Error(`seed ${seed}: ${e.kind} at ${exec.hosts[e.host]}`);
        if (fault) nodeFaults++;
      }
      for (const m of exec.messages) {
        if (!isClient(exec, m.from) && !isClient(exec, m.to)) continue;
        expect(m.receiveEvents.length).toBeLessThanOrEqual(1);
        if (m.fate === 'dropped') {
          expect(m.dropReason).toBe('crashed'); // a request to a crashed node, never loss or partition
          requestsToDownNodes++;
        }
      }
    }
    expect(nodeFaults).toBeGreaterThan(300); // the swarm did fault the protocol's nodes
    expect(requestsToDownNodes).toBeGreaterThan(0);
  });

  it('determinism: the same seed gives the same history and trace; the schedule file replays it', () => {
    const a = runScenario(kvScenario, { seed: 42, swarm: true });
    const b = runScenario(kvScenario, { seed: 42, swarm: true });
    if (!a.ok || !b.ok) throw new Error('run failed');
    expect(JSON.stringify(b.value.history)).toBe(JSON.stringify(a.value.history));
    expect(b.value.traceHash).toBe(a.value.traceHash);
    const replayed = replaySchedule(scheduleToJson(a.value), 'kv.json', kvScenario);
    if (!replayed.ok) throw new Error(replayed.error.message);
    expect(replayed.value.hashMatches).toBe(true);
    expect(JSON.stringify(replayed.value.history)).toBe(JSON.stringify(a.value.history));
    const other = runScenario(kvScenario, { seed: 43, swarm: true });
    expect(other.ok && other.value.traceHash).not.toBe(a.value.traceHash);
  });

  it('ShiViz log and JSON trace keep the client hosts and their events', () => {
    const exec = run(kvScenario, { seed: 5 }).execution;
    const shiviz = parseShiViz(writeShiViz(exec), { source: 'kv.log', kv: true, uploadFormat: true });
    if (!shiviz.ok) throw new Error(shiviz.error.message);
    const back = shiviz.value[0]!;
    for (const c of CLIENT_HOSTS) {
      const h = exec.hosts.indexOf(c);
      expect(back.byHost[back.hosts.indexOf(c)]!.length).toBe(exec.byHost[h]!.length);
    }
    const report = runScenario(kvScenario, { seed: 5 });
    if (!report.ok) throw new Error('run failed');
    const trace = readTrace(traceToJson(report.value), 'kv.trace.json');
    if (!trace.ok) throw new Error(trace.error.message);
    expect(trace.value.hosts).toEqual(exec.hosts);
    expect(trace.value.messages).toEqual(exec.messages);
  });

  it('the HTML report draws a lane per client, labelled as a client; protocol nodes are not', () => {
    const report = runScenario(kvScenario, { seed: 3 });
    if (!report.ok) throw new Error('run failed');
    const html = runHtmlReport(report.value, 'npx dsim run workload-kv --seed 3');
    const data = JSON.parse(/"clients":(\[[^\]]*\])/.exec(html)![1]!) as number[];
    expect(data).toEqual([3, 4, 5]);
    expect(html).toContain("D.labels[h] + ' (client)'");
    expect(html).toContain('.host-line.client-line');
    const plain = renderHtmlReport({ title: 't', execution: report.value.execution, results: [] });
    expect(/"clients":\[\]/.test(plain)).toBe(true);
  });

  it('always and eventually judge the protocol nodes only, never a client (which has no state)', () => {
    const s = defineScenario({
      name: 'kv-state',
      protocol: primaryBackupKv(),
      nodes: 3,
      faults: { network: { delayTicksMin: 1, delayTicksMax: 3, loss: [0, 1], duplication: [0, 1], ordering: 'fifo' }, healAtTicks: 5 },
      workload: { clients: 2, operations: [{ f: 'put', value: { constant: 'a' } }], keys: ['k'], opsMax: 6 },
      properties: [
        always('applied-counted', (st) => typeof st['applied'] === 'number'),
        eventually('all-applied', (st) => st['applied'] === 6, { withinTicksAfterHeal: 200 }),
      ],
    });
    const r = run(s, { seed: 1 });
    expect(r.execution.hosts).toContain('c1');
    expect(r.violations).toEqual([]);
  });
});
