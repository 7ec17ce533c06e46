/**
 * The linearizability checker's speed: all 102 Jepsen etcd histories (cas-register), and each key-value history
 * with per-key splitting (P-compositionality) against without it (same run, ratio). Unsplit searches of the
 * 50-client histories are bounded by a step limit and reported honestly as `unknown after N steps`.
 * Reference (Porcupine, Go): tens of seconds on the 10-client kv histories unsplit, well under a second split.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { formatInputError } from '../execution/failable.js';
import type { History } from '../execution/history.js';
import { parseHistory } from '../formats/jepsen.js';
import { checkHistory, type LinearizabilityResult, type ModelName } from '../properties/linearizability/index.js';

/** Steps allowed to an unsplit kv search (about 5–10 s here). */
const UNSPLIT_STEPS_MAX = 10_000_000;

function fixtures(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'test', 'fixtures', 'linearizability');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return join(process.cwd(), 'test', 'fixtures', 'linearizability');
}

function load(path: string): History {
  const parsed = parseHistory(readFileSync(path, 'utf8'), path);
  if (!parsed.ok) throw new Error(formatInputError(parsed.error));
  return parsed.value;
}

function timed(history: History, model: ModelName, split: boolean, stepsMax?: number): { result: LinearizabilityResult; ms: number } {
  const started = performance.now();
  const checked = checkHistory(history, model, stepsMax === undefined ? { split } : { split, stepsMax });
  const ms = performance.now() - started;
  if (!checked.ok) throw new Error(formatInputError(checked.error));
  return { result: checked.value, ms };
}

function describe(run: { result: LinearizabilityResult; ms: number }): string {
  const { result, ms } = run;
  const seconds = (ms / 1000).toFixed(2);
  if (result.verdict === 'unknown') return `unknown after ${result.steps.toLocaleString('en-US')} steps / ${seconds} s`;
  return `${result.verdict} in ${seconds} s (${result.steps.toLocaleString('en-US')} steps)`;
}

/** Printable lines of the benchmark. */
export async function runLinearizabilityBench(): Promise<string[]> {
  const root = fixtures();
  const lines: string[] = [];
  const verdicts = JSON.parse(readFileSync(join(root, 'etcd', 'verdicts.json'), 'utf8')) as Record<string, string>;
  const etcd = Object.keys(verdicts).sort().map((id) => ({ id, history: load(join(root, 'etcd', `etcd_${id}.log`)) }));
  let etcdMs = 0;
  let agree = 0;
  let slowest = { id: '', ms: 0 };
  for (const { id, history } of etcd) {
    const run = timed(history, 'cas-register', true);
    etcdMs += run.ms;
    if (run.result.verdict === verdicts[id]) agree++;
    if (run.ms > slowest.ms) slowest = { id, ms: run.ms };
  }
  lines.push(
    `etcd (cas-register): ${etcd.length} histories checked in ${etcdMs.toFixed(0)} ms (parsing excluded), ` +
      `${agree}/${etcd.length} verdicts as known; slowest etcd_${slowest.id} ${slowest.ms.toFixed(1)} ms`,
  );
  const kvFiles = readdirSync(join(root, 'kv')).filter((name) => name.endsWith('.txt')).sort();
  for (const file of kvFiles) {
    const history = load(join(root, 'kv', file));
    const split = timed(history, 'kv', true);
    const unsplit = timed(history, 'kv', false, UNSPLIT_STEPS_MAX);
    const ratio = unsplit.result.verdict === 'unknown' ? '≥' : '';
    lines.push(
      `kv ${file.replace('.txt', '')} (${split.result.operations} ops): split ${describe(split)}; ` +
        `unsplit ${describe(unsplit)}; unsplit/split time ${ratio}${(unsplit.ms / Math.max(split.ms, 0.01)).toFixed(1)}x`,
    );
  }
  return lines;
}
