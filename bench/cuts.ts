/**
 * The lattice engine's speed: consistent cuts counted per second by lexical enumeration and breadth-first (same
 * run, ratio) on the posets d-300 and d-500, a bounded prefix of d-10k's ~5 billion cuts; Possibly and Definitely
 * of a non-conjunctive predicate (messages in flight) on chord.log and the third execution of ewd998.log, with time
 * and peak memory; and a conjunctive predicate by its fast path against enumeration. Run with --expose-gc for
 * steadier memory figures.
 *
 * Definitely, worst case (φ never holds, so the whole lattice is searched and the counterexample spans every level),
 * on a 2-core machine, other work light: with parent pointers for every cut (hash sets of 32-bit words, LevelTrail),
 * ewd998.log#3 took 14.9 s (1.8 M cuts/s, +167 MB heap and buffers, 221 MB resident) and chord.log 0.34 s
 * (1.6 M cuts/s); holding one level at a time (sorted levels merged per host, checkpoints, divide and conquer for
 * the path) ewd998.log#3 takes 5.2–5.4 s (5.0–5.3 M cuts/s, +40–44 MB heap and buffers, about 108 MB resident;
 * φ evaluated 30.1 M times, 10% of them by the path rebuild) and chord.log 0.17–0.2 s (2.7–3.2 M cuts/s).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { formatInputError } from '../execution/failable.js';
import type { Execution } from '../execution/types.js';
import { parsePoset } from '../formats/poset.js';
import { parseShiViz } from '../formats/shiviz.js';
import { countCutsBfs } from '../properties/lattice/bfs-count.js';
import { countCuts } from '../properties/lattice/lexical.js';
import { checkModality } from '../properties/lattice/modality.js';
import type { CutPredicate, LocalPredicate } from '../properties/predicate-types.js';
import type { CheckResult } from '../properties/result-types.js';

function fixtures(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'test', 'fixtures', 'posets'))) return join(dir, 'test', 'fixtures');
    dir = dirname(dir);
  }
  return join(process.cwd(), 'test', 'fixtures');
}

function poset(name: string): Execution {
  const r = parsePoset(readFileSync(join(fixtures(), 'posets', `${name}.txt`), 'utf8'), name);
  if (!r.ok) throw new Error(formatInputError(r.error));
  return r.value;
}

function shiviz(file: string): Execution[] {
  const manifest = JSON.parse(readFileSync(join(fixtures(), 'shiviz-logs', 'manifest.json'), 'utf8')) as {
    logs: { file: string; parser: string; delimiter?: string }[];
  };
  const entry = manifest.logs.find((l) => l.file === file)!;
  const text = readFileSync(join(fixtures(), 'shiviz-logs', file), 'utf8');
  const r = parseShiViz(text, { source: file, parser: entry.parser, ...(entry.delimiter === undefined ? {} : { delimiter: entry.delimiter }) });
  if (!r.ok) throw new Error(formatInputError(r.error));
  return r.value;
}

const rate = (count: number, seconds: number): string => `${(count / seconds / 1e6).toFixed(1)} M cuts/s`;
const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(0)} MB`;

function timed<T>(f: () => T): { value: T; seconds: number } {
  const t0 = performance.now();
  const value = f();
  return { value, seconds: (performance.now() - t0) / 1000 };
}

/**
 * Messages in flight at a cut, from the clocks alone: a receive whose clock entry j jumps past its host's previous
 * event's is a message from host j's event at that entry. prefix arrays: sent[h][k], received[h][k] over first k.
 */
function inFlightCounter(exec: Execution): { sent: Int32Array[]; received: Int32Array[] } {
  const n = exec.hosts.length;
  const sent = exec.byHost.map((own) => new Int32Array(own.length + 1));
  const received = exec.byHost.map((own) => new Int32Array(own.length + 1));
  for (let h = 0; h < n; h++) {
    const own = exec.byHost[h]!;
    for (let k = 1; k <= own.length; k++) {
      const clock = exec.events[own[k - 1]!]!.clock;
      const before = k > 1 ? exec.events[own[k - 2]!]!.clock : undefined;
      for (let j = 0; j < n; j++) {
        if (j === h || clock[j]! <= (before?.[j] ?? 0)) continue;
        sent[j]![clock[j]!]!++;
        received[h]![k]!++;
      }
    }
  }
  for (const rows of [sent, received]) for (const row of rows) for (let k = 1; k < row.length; k++) row[k]! += row[k - 1]!;
  return { sent, received };
}

/** The predicate, counting its evaluations (Definitely's path rebuild evaluates some cuts again). */
function inFlightAtLeast(exec: Execution, threshold: number, sample: () => void): CutPredicate & { calls: () => number } {
  const { sent, received } = inFlightCounter(exec);
  const n = exec.hosts.length;
  let calls = 0;
  return {
    text: `clock-inferred messages in flight >= ${threshold}`,
    shape: { kind: 'general' },
    calls: () => calls,
    evaluate: (cut) => {
      if ((++calls & 0xffff) === 0) sample();
      let flight = 0;
      for (let h = 0; h < n; h++) flight += sent[h]![cut[h]!]! - received[h]![cut[h]!]!;
      return flight >= threshold;
    },
  };
}

/**
 * Peaks over samples, relative to a baseline taken after a collection (with --expose-gc): heapUsed + arrayBuffers
 * (what the search holds) and resident set size (what the process holds, collector slack included).
 */
class MemoryPeak {
  private base = 0;
  private rssBase = 0;
  peak = 0;
  rssPeak = 0;
  start(): void {
    (globalThis as { gc?: () => void }).gc?.();
    const m = process.memoryUsage();
    this.base = m.heapUsed + m.arrayBuffers;
    this.rssBase = m.rss;
    this.peak = 0;
    this.rssPeak = 0;
  }
  sample = (): void => {
    const m = process.memoryUsage();
    this.peak = Math.max(this.peak, m.heapUsed + m.arrayBuffers - this.base);
    this.rssPeak = Math.max(this.rssPeak, m.rss - this.rssBase);
  };
}

function modalityLine(name: string, exec: Execution, threshold: number): string[] {
  const memory = new MemoryPeak();
  const lines: string[] = [];
  for (const modality of ['possibly', 'definitely'] as const) {
    const pred = inFlightAtLeast(exec, threshold, memory.sample);
    memory.start();
    const { value, seconds } = timed((): CheckResult => checkModality(exec, modality, pred, { limits: { cutsMax: 200_000_000 } }));
    memory.sample();
    lines.push(
      `  ${name} ${modality}(${pred.text}): ${value.verdict} by ${value.algorithm}, ${value.cutsVisited} cuts in ` +
        `${seconds.toFixed(2)} s (${rate(value.cutsVisited, seconds)}), φ evaluated ${pred.calls()} times, ` +
        `peak memory +${mb(memory.peak)} heap and buffers, +${mb(memory.rssPeak)} resident` +
        (value.witness?.path === undefined ? '' : `, witness path of ${value.witness.path.length} events`),
    );
  }
  return lines;
}

const CHORD_IN_FLIGHT = 36;
const EWD_IN_FLIGHT = 67;

/** Printable lines of the lattice benchmark. */
export async function runCutsBench(): Promise<string[]> {
  const lines: string[] = ['lattice of consistent cuts'];
  countCuts(poset('d-100')); // warm up
  for (const name of ['d-300', 'd-500']) {
    const exec = poset(name);
    const lex = timed(() => countCuts(exec, { cutsMax: 1e12 }));
    const bfsPrefix = 5_000_000;
    const bfs = timed(() => countCutsBfs(exec, { cutsMax: bfsPrefix, levelCutsMax: 10_000_000 }));
    const lexRate = lex.value.count / lex.seconds;
    const bfsRate = bfs.value.count / bfs.seconds;
    lines.push(
      `  ${name}: lexical ${lex.value.count} cuts in ${lex.seconds.toFixed(2)} s (${rate(lex.value.count, lex.seconds)}); ` +
        `breadth-first first ${bfs.value.count} cuts in ${bfs.seconds.toFixed(2)} s (${rate(bfs.value.count, bfs.seconds)}); ` +
        `lexical/breadth-first ${(lexRate / bfsRate).toFixed(1)}x`,
    );
  }
  const big = poset('d-10k');
  const prefix = 300_000_000;
  const lex10k = timed(() => countCuts(big, { cutsMax: prefix }));
  lines.push(`  d-10k: lexical, first ${lex10k.value.count} of ~4.96e9 cuts in ${lex10k.seconds.toFixed(2)} s (${rate(lex10k.value.count, lex10k.seconds)})`);

  const chord = shiviz('chord.log')[0]!;
  const ewd = shiviz('ewd998.log')[2]!;
    // One more than the most messages ever in flight (35 and 66), so both searches cover the whole lattice: the worst case.
  lines.push(...modalityLine('chord.log', chord, CHORD_IN_FLIGHT));
  lines.push(...modalityLine('ewd998.log#3', ewd, EWD_IN_FLIGHT));

  // A conjunctive predicate: every host has received at least as many messages as it sent, and at least one.
  const { sent, received } = inFlightCounter(ewd);
  const locals: LocalPredicate[] = ewd.hosts.map((_, h) => ({
    host: h,
    holds: (k: number) => received[h]![k]! >= 1 && received[h]![k]! >= sent[h]![k]! + 2,
  }));
  const conj: CutPredicate = {
    text: 'every host received >= 1 and >= sent + 2',
    shape: { kind: 'conjunctive', locals },
    evaluate: (cut) => locals.every((l) => l.holds(cut[l.host]!)),
  };
  for (const modality of ['possibly', 'definitely'] as const) {
    const fast = timed(() => checkModality(ewd, modality, conj));
    const slow = timed(() => checkModality(ewd, modality, conj, { fastPaths: false, limits: { cutsMax: 200_000_000 } }));
    lines.push(
      `  ewd998.log#3 ${modality}(${conj.text}): ${fast.value.verdict} by ${fast.value.algorithm} in ${(fast.seconds * 1000).toFixed(2)} ms; ` +
        `${slow.value.verdict} by ${slow.value.algorithm} (${slow.value.cutsVisited} cuts) in ${slow.seconds.toFixed(2)} s; ` +
        `fast path ${(slow.seconds / fast.seconds).toFixed(0)}x faster`,
    );
  }
  return lines;
}
