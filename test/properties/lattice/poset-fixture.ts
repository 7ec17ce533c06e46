import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildExecution, type EventInput } from '../../../execution/build.js';
import type { Execution } from '../../../execution/types.js';

/**
 * A tiny reader of the cgs-enumeration poset files (`pid:(v0,...,vn)` per line), private to the lattice tests and
 * the cuts benchmark so they do not wait on formats/. Events are ordered by clock sum, a linear extension.
 */
export function readPosetFixture(name: string): Execution {
  const path = join(fixturesDir(), 'posets', `${name}.txt`);
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '');
  const parsed = lines.map((line) => {
    const m = /^(\d+):\((.*)\)\s*$/.exec(line.trim());
    if (m === null) throw new Error(`${name}: bad line ${line}`);
    const clock = m[2]!.split(',').map(Number);
    return { host: Number(m[1]), clock, sum: clock.reduce((a, b) => a + b, 0) };
  });
  const hostCount = parsed[0]!.clock.length;
  const order = parsed.map((_, i) => i).sort((a, b) => parsed[a]!.sum - parsed[b]!.sum || a - b);
  const events: EventInput[] = order.map((i) => ({
    host: parsed[i]!.host,
    kind: 'internal',
    label: `e${i}`,
    clock: parsed[i]!.clock,
    fields: {},
  }));
  const hosts = Array.from({ length: hostCount }, (_, h) => `p${h}`);
  return buildExecution({ label: name, hosts, events });
}

/** test/fixtures, found upward from this file (so it also works from a compiled copy under dist/). */
export function fixturesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'test', 'fixtures');
    if (existsSync(join(candidate, 'posets'))) return candidate;
    dir = dirname(dir);
  }
  return join(process.cwd(), 'test', 'fixtures');
}
