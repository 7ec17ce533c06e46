/**
 * A stable SHA-256 of an execution's canonical form: hosts, then every event (host, index, kind, label, time,
 * clock, fields with sorted keys, sent, received), then every message. The execution's own `label` is not part of
 * it. Same execution → same hex digest, on every machine.
 */
import { createHash } from 'node:crypto';
import type { Execution, State } from './types.js';

/** Hex SHA-256 of the canonical form of `exec`. */
export function executionHash(exec: Execution): string {
  const h = createHash('sha256');
  h.update(JSON.stringify(['hosts', exec.hosts]));
  for (const e of exec.events) {
    h.update(
      JSON.stringify([
        e.host,
        e.index,
        e.kind,
        e.label,
        e.timeTicks ?? null,
        Array.from(e.clock),
        sortedEntries(e.fields),
        e.sent ?? null,
        e.received ?? null,
      ]),
    );
    h.update('\n');
  }
  for (const m of exec.messages) {
    h.update(
      JSON.stringify([m.id, m.from, m.to, m.sendEvent, m.receiveEvents, m.fate, m.dropReason ?? null, m.summary]),
    );
    h.update('\n');
  }
  return h.digest('hex');
}

function sortedEntries(fields: State): [string, State[string]][] {
  return Object.keys(fields)
    .sort()
    .map((k) => [k, fields[k]!]);
}
