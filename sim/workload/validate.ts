/** Validation of a workload: a bad value is an InputError naming the field and what was expected. */
import { fail, succeed, type Failable } from '../../execution/failable.js';
import type { Workload } from './types.js';

type Problem = string | undefined;

function integer(field: string, value: unknown, min: number): Problem {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min) return undefined;
  return `${field} is ${JSON.stringify(value)}; expected an integer ≥ ${min}`;
}

function optional(field: string, value: unknown, min: number): Problem {
  return value === undefined ? undefined : integer(field, value, min);
}

const FIELDS: readonly (keyof Workload)[] = [
  'clients', 'outstandingMax', 'operations', 'keys', 'keyDistribution', 'gapTicks', 'gapTicksMax', 'opsMax',
  'stopAtTicks', 'timeoutTicks', 'finalRead', 'server', 'startTicks',
];

/** Checks a workload for a cluster of `nodeCount` protocol nodes; the error names the first bad field. */
export function validateWorkload(w: Workload, nodeCount: number, source = 'workload'): Failable<Workload> {
  const unknown = Object.keys(w).find((k) => !(FIELDS as readonly string[]).includes(k));
  const problems: Problem[] = [
    unknown === undefined ? undefined : `there is no field "${unknown}"; expected one of ${FIELDS.join(', ')}`,
    integer('clients', w.clients, 1),
    optional('outstandingMax', w.outstandingMax, 1),
    Array.isArray(w.operations) && w.operations.length > 0 ? undefined : 'operations is empty; list at least one operation',
    ...(w.operations ?? []).flatMap((op, i) => [
      typeof op.f === 'string' && op.f !== '' ? undefined : `operations[${i}].f is ${JSON.stringify(op.f)}; expected an operation name`,
      optional(`operations[${i}].weight`, op.weight, 1),
      valueProblem(`operations[${i}].value`, op.value),
    ]),
    w.keys === undefined || (w.keys.length > 0 && w.keys.every((k) => typeof k === 'string'))
      ? undefined
      : 'keys is empty or holds a non-string; list the keys as strings, or leave keys out',
    w.keys !== undefined && new Set(w.keys).size !== w.keys.length ? 'keys names a key twice; keys must differ' : undefined,
    w.keyDistribution === undefined || w.keyDistribution === 'uniform' || w.keyDistribution === 'hot'
      ? undefined
      : `keyDistribution is ${JSON.stringify(w.keyDistribution)}; expected "uniform" or "hot"`,
    optional('gapTicks', w.gapTicks, 1),
    optional('gapTicksMax', w.gapTicksMax, w.gapTicks ?? 1),
    optional('opsMax', w.opsMax, 0),
    optional('stopAtTicks', w.stopAtTicks, 0),
    optional('timeoutTicks', w.timeoutTicks, 1),
    optional('startTicks', w.startTicks, 0),
    w.finalRead === undefined || (typeof w.finalRead.f === 'string' && w.finalRead.f !== '')
      ? undefined
      : 'finalRead.f is not an operation name; expected { f: "read" }, say',
    w.opsMax === undefined && w.stopAtTicks === undefined
      ? 'neither opsMax nor stopAtTicks is set; give the workload an end'
      : undefined,
    serverProblem(w.server, nodeCount),
  ];
  const first = problems.find((p) => p !== undefined);
  return first === undefined ? succeed(w) : fail({ source, message: first });
}

function valueProblem(field: string, v: unknown): Problem {
  if (v === undefined || v === 'unique' || typeof v === 'function') return undefined;
  if (typeof v === 'object' && v !== null && 'constant' in v) return undefined;
  if (typeof v === 'object' && v !== null && 'uniform' in v) {
    const r = (v as { uniform: unknown }).uniform;
    const ok = Array.isArray(r) && r.length === 2 && Number.isInteger(r[0]) && Number.isInteger(r[1]) && r[0] <= r[1];
    return ok ? undefined : `${field}.uniform is ${JSON.stringify(r)}; expected [min, max], integers with min ≤ max`;
  }
  return `${field} is ${JSON.stringify(v)}; expected "unique", { uniform: [min, max] }, { constant: v } or a function`;
}

function serverProblem(s: unknown, nodeCount: number): Problem {
  if (s === undefined || s === 'round-robin' || s === 'random' || typeof s === 'function') return undefined;
  if (typeof s === 'object' && s !== null && 'fixed' in s) {
    return integer('server.fixed', (s as { fixed: unknown }).fixed, 0) ??
      ((s as { fixed: number }).fixed < nodeCount ? undefined : `server.fixed is ${(s as { fixed: number }).fixed}; expected a node from 0 to ${nodeCount - 1}`);
  }
  return `server is ${JSON.stringify(s)}; expected "round-robin", "random", { fixed: node } or a function`;
}
