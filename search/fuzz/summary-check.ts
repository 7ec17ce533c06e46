/**
 * Validation of a summary file read back (`dsim merge` trusts nothing it did not just write): every field of
 * `SummaryFile`, with the file and the field named in the one sentence of an error.
 */
import { fail, succeed, type Failable } from '../../execution/failable.js';
import { SEED_LAST } from './seeds.js';
import type { SummaryFile } from './summary-file.js';

/** Checks a value at a field path: undefined when it is valid, else the sentence saying what the field should be. */
type Check = (value: unknown, at: string) => string | undefined;

const show = (v: unknown): string => (v === undefined ? 'missing' : `${JSON.stringify(v)}`.slice(0, 80));
const leaf = (ok: (v: unknown) => boolean, what: string): Check => (v, at) => (ok(v) ? undefined : `"${at}" is ${show(v)}; expected ${what}`);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
const isSeed = (v: unknown) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= SEED_LAST;
const count = leaf(isCount, 'a whole number ≥ 0');
const seed = leaf(isSeed, 'a seed (an unsigned 32-bit integer)');
const text = leaf((v) => typeof v === 'string', 'a string');
const textOrNull = leaf((v) => v === null || typeof v === 'string', 'a string or null');
const oneOf = (...values: readonly unknown[]): Check => leaf((v) => values.includes(v), `one of ${values.map((x) => JSON.stringify(x)).join(', ')}`);
const shard = leaf((v) => v === null || (typeof v === 'string' && /^\d+\/\d+$/.test(v)), 'null or a shard "k/n"');
const fileName = leaf((v) => typeof v === 'string' && v !== '' && !/[\\/]/.test(v), 'a file name in the same folder');
const counts = leaf((v) => isObject(v) && Object.values(v).every(isCount), 'an object of counts (whole numbers ≥ 0)');
const seeds = leaf((v) => Array.isArray(v) && v.every(isSeed), 'an array of seeds');

function fields(shape: Readonly<Record<string, Check>>, optional: readonly string[] = []): Check {
  return (v, at) => {
    if (!isObject(v)) return `"${at}" is ${show(v)}; expected an object`;
    for (const [key, check] of Object.entries(shape)) {
      if (optional.includes(key) && v[key] === undefined) continue;
      const problem = check(v[key], at === '' ? key : `${at}.${key}`);
      if (problem !== undefined) return problem;
    }
    return undefined;
  };
}

const arrayOf = (item: Check): Check => (v, at) => {
  if (!Array.isArray(v)) return `"${at}" is ${show(v)}; expected an array`;
  for (const [i, x] of v.entries()) {
    const problem = item(x, `${at}[${i}]`);
    if (problem !== undefined) return problem;
  }
  return undefined;
};

const SUMMARY = fields(
  {
    seedsRun: count,
    eventsTotal: count,
    failures: arrayOf(fields({ seed, property: text, message: text, traceHash: text, events: count })),
    failuresByProperty: counts,
    distinct: arrayOf(fields({ property: text, signature: text, seeds })),
    undecidedByProperty: counts,
  },
  ['undecidedByProperty'],
);

const FILE = fields({
  dsimVersion: text,
  scenario: text,
  bug: textOrNull,
  swarm: oneOf(true, false),
  shard,
  range: fields({ start: seed, count }),
  stopReason: oneOf('done', 'time-budget', 'interrupted'),
  elapsedMs: count,
  summary: SUMMARY,
  repros: arrayOf(fields({ seed, property: text, file: fileName, shrinkStop: oneOf(null, 'fixpoint', 'runs-limit', 'time-budget', 'interrupted') }, ['shrinkStop'])),
});

/** `data` as a summary file (the format and version checked by the caller), or the first field that is wrong. */
export function checkSummaryFile(data: Record<string, unknown>, path: string): Failable<SummaryFile> {
  const problem = FILE(data, '');
  if (problem !== undefined) return fail({ source: path, message: problem });
  const f = data as unknown as SummaryFile;
  if (f.range.start + f.range.count - 1 > SEED_LAST) return fail({ source: path, message: `"range" runs past the last seed ${SEED_LAST}` });
  if (f.summary.seedsRun > f.range.count) {
    return fail({ source: path, message: `"summary.seedsRun" is ${f.summary.seedsRun}, more than the ${f.range.count} seeds of "range"` });
  }
  if (f.summary.failures.length > f.summary.seedsRun) {
    return fail({ source: path, message: `"summary.failures" lists ${f.summary.failures.length} seeds, more than the ${f.summary.seedsRun} run` });
  }
  return succeed(f);
}
