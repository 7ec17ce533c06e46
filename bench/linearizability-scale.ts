/**
 * The linearizability checker on large generated cas-register histories (10 clients, 2% :info): 10k, 20k, 50k and
 * 100k operations, each checked in a fresh process so that its peak resident memory is its own. Time and peak
 * memory are printed as ratios against the 10k run of the same bench, beside the ratio of sizes: linear scaling
 * shows ratios close to the sizes'. Then 100k without :info, and a 100k history that cannot be refuted within the
 * default limits, which must end in `unknown` with its counts.
 */
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { formatInputError } from '../execution/failable.js';
import { parseHistory } from '../formats/jepsen.js';
import { checkHistory } from '../properties/linearizability/index.js';
import { formatJepsenLog, generateCasHistory } from './cas-register-history.js';

const SIZES = [10_000, 20_000, 50_000, 100_000];
const SEED = 1;

interface Measure {
  readonly operations: number;
  readonly verdict: string;
  readonly stoppedBy?: string;
  readonly steps: number;
  readonly cacheEntries: number;
  readonly estimatedMiB: number;
  readonly ms: number;
  readonly rssMiB: number;
}

/** The histories measured: linearizable, linearizable without :info, and with a final read nothing explains. */
type Variant = 'ok' | 'no-info' | 'impossible-read';

/** In the child: generate, write as a Jepsen log, read it back and check it; the time is the check's. */
function measure(operations: number, variant: Variant): Measure {
  const options = { operations, seed: SEED, infoPerMille: variant === 'no-info' ? 0 : 20, impossibleRead: variant === 'impossible-read' };
  const text = formatJepsenLog(generateCasHistory(options));
  const history = parseHistory(text, 'generated');
  if (!history.ok) throw new Error(formatInputError(history.error));
  const started = performance.now();
  const checked = checkHistory(history.value, 'cas-register');
  const ms = performance.now() - started;
  if (!checked.ok) throw new Error(formatInputError(checked.error));
  const r = checked.value;
  return {
    operations, verdict: r.verdict, steps: r.steps, cacheEntries: r.cacheEntries, estimatedMiB: r.memoryBytesPeak / 2 ** 20, ms,
    rssMiB: process.resourceUsage().maxRSS / 1024, ...(r.stoppedBy === undefined ? {} : { stoppedBy: r.stoppedBy }),
  };
}

function inChild(operations: number, variant: Variant): Measure {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), String(operations), variant], { encoding: 'utf8' });
  return JSON.parse(out) as Measure;
}

function describe(m: Measure, base: Measure): string {
  const ratio = (a: number, b: number): string => `${(a / b).toFixed(1)}x`;
  const outcome = m.verdict === 'unknown' ? `unknown (${m.stoppedBy})` : m.verdict;
  return (
    `${m.operations.toLocaleString('en-US')} ops: ${outcome} in ${(m.ms / 1000).toFixed(2)} s, ${m.steps.toLocaleString('en-US')} steps, ` +
    `${m.cacheEntries.toLocaleString('en-US')} cache entries, ${m.estimatedMiB.toFixed(1)} MiB estimated, ${m.rssMiB.toFixed(0)} MiB peak RSS; ` +
    `vs 10k: size ${ratio(m.operations, base.operations)}, time ${ratio(m.ms, base.ms)}, peak RSS ${ratio(m.rssMiB, base.rssMiB)}`
  );
}

/** Printable lines of the benchmark. */
export async function runLinearizabilityScaleBench(): Promise<string[]> {
  const runs = SIZES.map((n) => inChild(n, 'ok'));
  const base = runs[0] as Measure;
  const lines = [`cas-register histories, 10 clients, 2% :info, seed ${SEED} (a process each)`, ...runs.map((m) => describe(m, base))];
  lines.push(`without :info: ${describe(inChild(100_000, 'no-info'), base)}`);
  lines.push(`impossible final read: ${describe(inChild(100_000, 'impossible-read'), base)}`);
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(JSON.stringify(measure(Number(process.argv[2]), process.argv[3] as Variant)));
}
