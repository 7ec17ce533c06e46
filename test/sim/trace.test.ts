import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { executionHash } from '../../execution/hash.js';
import { readTrace, traceToJson } from '../../formats/trace.js';
import { runScenario } from '../../sim/run.js';

function report(seed: number, bug?: string) {
  const r = runScenario('ping-pong', { seed, bug });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const traceOf = (seed: number) => {
  const r = report(seed);
  return traceToJson({ execution: r.execution, history: r.history, meta: { scenario: 'ping-pong', seed } });
};

describe('trace format', () => {
  test('a trace reads back into the same execution (same hash)', () => {
    const r = report(12, 'count-duplicates');
    const text = traceToJson({ execution: r.execution, history: r.history });
    const back = readTrace(text, 't.json');
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(executionHash(back.value)).toBe(r.traceHash);
    expect(back.value.messages).toEqual(r.execution.messages);
    expect(back.value.hostStates).toEqual(r.execution.hostStates);
    expect(text.startsWith('{\n  "format": "dsim-trace",\n  "version": 1,')).toBe(true);
  });

  test('bad traces give errors naming what is wrong', () => {
    const good = JSON.parse(traceOf(1));
    const cases: [unknown, RegExp][] = [
      [{ ...good, format: 'other' }, /"format" is "other"; expected "dsim-trace"/],
      [{ ...good, version: 7 }, /this dsim reads version 1/],
      [{ ...good, hosts: [] }, /"hosts" must be a non-empty array/],
      [{ ...good, events: good.events.map((e: object, i: number) => (i === 4 ? { ...e, kind: 'dance' } : e)) }, /events\[4\]\.kind is "dance"/],
      [{ ...good, events: good.events.map((e: object, i: number) => (i === 2 ? { ...e, clock: [1, 'x', 0] } : e)) }, /events\[2\]\.clock must be an array of integers/],
      [{ ...good, events: good.events.map((e: { clock: number[] }, i: number) => (i === 3 ? { ...e, clock: e.clock.map((v) => v + 5) } : e)) }, /events\[3\]: event 3 of p\d/],
      [{ ...good, messages: [{ ...good.messages[0], fate: 'lost' }] }, /messages\[0\]\.fate is "lost"/],
    ];
    for (const [data, message] of cases) {
      const r = readTrace(JSON.stringify(data), 't.json');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(message);
    }
    const notJson = readTrace('{"format": "dsim-trace",\n "version": }', 't.json');
    expect(!notJson.ok && notJson.error.line).toBe(2);
  });
});

describe('determinism across processes', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const dist = `${root}dist/`;
  const built = existsSync(`${dist}sim/run.js`) && existsSync(`${dist}formats/trace.js`);
  test.skipIf(!built)('the same scenario and seed give a byte-identical trace in two separate node processes (needs dist/: npm run build)', () => {
    const script = `
      const { runScenario } = await import(${JSON.stringify(`${dist}sim/run.js`)});
      const { traceToJson } = await import(${JSON.stringify(`${dist}formats/trace.js`)});
      const r = runScenario('ping-pong', { seed: 4242 });
      process.stdout.write(traceToJson({ execution: r.value.execution, history: r.value.history, meta: { scenario: 'ping-pong', seed: 4242 } }));
    `;
    const child = () => execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    const a = child();
    const b = child();
    expect(a.length).toBeGreaterThan(1000);
    expect(b).toBe(a);
    expect(a).toBe(traceOf(4242)); // and the same bytes as this (vitest) process
  });
});
