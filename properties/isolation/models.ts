/**
 * Which consistency models each anomaly rules out, after Adya (G0 is proscribed from read uncommitted up; G1a, G1b
 * and G1c from read committed up; G-single from snapshot isolation and repeatable read up, since it is a G2-item
 * cycle too; G2-item from repeatable read up, snapshot isolation allowing it (write skew)) and Elle (cycles that
 * need a real-time or process-order edge rule out strict serializability only; a corrupt version order —
 * incompatible reads, duplicates, values nobody wrote — rules out every model; an internally inconsistent
 * transaction rules out read committed and above). docs/isolation.md has the table.
 */
import { CONSISTENCY_MODELS, type AnomalyName, type ConsistencyModel } from './types.js';

const FROM_READ_UNCOMMITTED = CONSISTENCY_MODELS;
const FROM_READ_COMMITTED = CONSISTENCY_MODELS.filter((m) => m !== 'read-uncommitted');
const FROM_CONSISTENT_VIEW: readonly ConsistencyModel[] = ['strict-serializable', 'serializable', 'snapshot-isolation', 'repeatable-read'];
const FROM_REPEATABLE_READ: readonly ConsistencyModel[] = ['strict-serializable', 'serializable', 'repeatable-read'];
const STRICT_ONLY: readonly ConsistencyModel[] = ['strict-serializable'];

/** The models `anomaly` rules out, strongest first. */
export function modelsRuledOut(anomaly: AnomalyName): readonly ConsistencyModel[] {
  if (anomaly.endsWith('-realtime') || anomaly.endsWith('-process')) return STRICT_ONLY;
  switch (anomaly) {
    case 'G0':
    case 'incompatible-order':
    case 'duplicate-elements':
    case 'garbage-read':
      return FROM_READ_UNCOMMITTED;
    case 'G1a':
    case 'G1b':
    case 'G1c':
    case 'internal':
      return FROM_READ_COMMITTED;
    case 'G-single':
      return FROM_CONSISTENT_VIEW;
    default:
      return FROM_REPEATABLE_READ;
  }
}

/**
 * The models ruled out by any of `anomalies` (strongest first) and the strongest model left, or `none`. Without
 * real-time edges nothing was checked against strict serializability, so the strongest model left is at most
 * serializable.
 */
export function judge(anomalies: readonly AnomalyName[], realtime: boolean): { notSatisfied: ConsistencyModel[]; strongestModel: ConsistencyModel | 'none' } {
  const out = new Set<ConsistencyModel>();
  for (const a of anomalies) for (const m of modelsRuledOut(a)) out.add(m);
  const notSatisfied = CONSISTENCY_MODELS.filter((m) => out.has(m));
  const left = CONSISTENCY_MODELS.find((m) => !out.has(m) && (realtime || m !== 'strict-serializable'));
  return { notSatisfied, strongestModel: left ?? 'none' };
}
