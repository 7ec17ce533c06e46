/**
 * The cut at which a property failed. A property verdict may carry it (`witness`); older properties only name it
 * in their message ("consistent cut [3,1,4]" or "consistent cut [p0:3 p1:1 p2:4]"), which is read as a fallback.
 */
import type { Execution } from '../../execution/types.js';
import { isConsistentCut } from '../../execution/clock.js';

/** What a violation may carry besides its message. */
export interface WitnessSource {
  readonly message: string;
  readonly witness?: { readonly cut: ArrayLike<number> } | undefined;
}

const CUT_IN_MESSAGE = /consistent cut \[([^\]]*)\]/;

/** The violating cut of a violation, when it names one that is a consistent cut of `exec`. */
export function witnessCut(exec: Execution, v: WitnessSource): Int32Array | undefined {
  const cut = v.witness !== undefined ? Int32Array.from(Array.from(v.witness.cut)) : cutFromMessage(v.message, exec.hosts.length);
  if (cut === undefined || cut.length !== exec.hosts.length) return undefined;
  for (let h = 0; h < cut.length; h++) if (cut[h]! < 0 || cut[h]! > exec.byHost[h]!.length) return undefined;
  return isConsistentCut(exec, cut) ? cut : undefined;
}

/** Reads "consistent cut [3,1,4]" or "consistent cut [p0:3 p1:1 p2:4]" from a message. */
export function cutFromMessage(message: string, hosts: number): Int32Array | undefined {
  const match = CUT_IN_MESSAGE.exec(message);
  if (match === null) return undefined;
  const parts = match[1]!.split(/[\s,]+/).filter((p) => p !== '');
  const values = parts.map((p) => Number(p.includes(':') ? p.slice(p.lastIndexOf(':') + 1) : p));
  if (values.length !== hosts || values.some((v) => !Number.isInteger(v))) return undefined;
  return Int32Array.from(values);
}
