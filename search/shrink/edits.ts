/**
 * Schedule edits that keep the choices after the edited one in step with the decisions they belong to.
 *
 * Replay is positional (sim/chooser.ts). Turning a drop off makes the simulator draw a delay and a duplicate
 * choice for that message, so the edit inserts them (at their defaults); turning a drop on removes them. The same
 * holds for a duplicate and its second delay, and for a random fault and the node it picked. Other choices are
 * replaced by `DEFAULT_CHOICE` in place.
 */
import type { Choice } from '../../sim/outcome.js';
import { DEFAULT_CHOICE } from './candidate.js';
import { FAULT_CHOICE_KINDS } from './measure.js';

const NODE_PICK: Readonly<Record<string, string>> = {
  'fault:crash': 'fault:crash-node',
  'fault:pause': 'fault:pause-node',
  'fault:restart': 'fault:restart-node',
  'fault:resume': 'fault:resume-node',
};
const PARTITION_DETAIL: ReadonlySet<string> = new Set([
  'fault:partition-shape',
  'fault:partition-node',
  'fault:partition-peer',
  'fault:split-side',
]);
const CLOG_DETAIL: ReadonlySet<string> = new Set(['fault:clog-node', 'fault:clog-factor']);

/** Sets the choices at `positions` to their defaults (`isDefault` says which already are). */
export function withDefaults(
  schedule: readonly Choice[],
  positions: readonly number[],
  isDefault: (c: Choice) => boolean,
): Choice[] {
  const out = schedule.slice();
  const hasDuplicates = schedule.some((c) => c.kind === 'duplicate');
  for (const i of [...positions].sort((a, b) => b - a)) {
    const c = out[i]!;
    if (isDefault(c)) continue;
    if (FAULT_CHOICE_KINDS.has(c.kind)) replaceAt(out, i, 0, hasDuplicates);
    else out[i] = DEFAULT_CHOICE;
  }
  return out;
}

/** Sets the choice at `i` to `value`, keeping the entries after it in step (see the module comment). */
export function withValue(schedule: readonly Choice[], i: number, value: number): Choice[] {
  const out = schedule.slice();
  replaceAt(out, i, value, schedule.some((c) => c.kind === 'duplicate'));
  return out;
}

function replaceAt(out: Choice[], i: number, value: number, hasDuplicates: boolean): void {
  const kind = out[i]!.kind;
  const next: Choice = { kind, value };
  const isFault = FAULT_CHOICE_KINDS.has(kind);
  const on = isFault && out[i]!.value === 0 && value === 1;
  const off = isFault && out[i]!.value === 1 && value === 0;
  if (kind === 'drop' && off) {
    // Delivered now: its delay, then (when duplication is a chance) whether it is duplicated.
    out.splice(i, 1, next, DEFAULT_CHOICE, ...(hasDuplicates ? [{ kind: 'duplicate', value: 0 }] : []));
  } else if (kind === 'drop' && on) {
    let end = i + 1;
    if (out[end]?.kind === 'delay') end++;
    if (out[end]?.kind === 'duplicate') end += out[end]!.value === 1 && out[end + 1]?.kind === 'delay' ? 2 : 1;
    out.splice(i, end - i, next);
  } else if (kind === 'duplicate' && off) {
    out.splice(i, out[i + 1]?.kind === 'delay' ? 2 : 1, next);
  } else if (kind === 'duplicate' && on) {
    out.splice(i, 1, next, DEFAULT_CHOICE);
  } else if (off && NODE_PICK[kind] !== undefined) {
    out.splice(i, out[i + 1]?.kind === NODE_PICK[kind] ? 2 : 1, next);
  } else if (off && (kind === 'fault:partition' || kind === 'fault:clog')) {
    const detail = kind === 'fault:clog' ? CLOG_DETAIL : PARTITION_DETAIL;
    let end = i + 1;
    while (end < out.length && detail.has(out[end]!.kind)) end++;
    out.splice(i, end - i, next);
  } else {
    out[i] = next;
  }
}
