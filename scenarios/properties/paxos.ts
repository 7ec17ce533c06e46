/**
 * Safety of single-decree Paxos over the recorded execution: each host's observed `accBallot`, `accValue` and
 * `learned`, at every event but crashes (a crash's state is "down").
 *
 * - `agreement`: at most one value is chosen (accepted by a majority of acceptors in one ballot, at whatever times
 *   each accepted it) or learned.
 * - `validity`: every accepted or learned value is a value some proposer proposed (`v<proposer>`).
 */
import type { Execution } from '../../execution/types.js';
import { ownValue, PROPOSERS_MAX } from '../../protocols/paxos/types.js';
import type { Property, PropertyVerdict } from '../types.js';

/** One value decided somewhere: chosen in a ballot by a majority of acceptors, or learned by a host. */
export interface Decision {
  readonly value: string;
  readonly how: string;
}

/** "p2 (event 41, tick 380)" */
function at(exec: Execution, host: number, eventId: number): string {
  const t = exec.events[eventId]!.timeTicks;
  return `${exec.hosts[host]} (event ${eventId}${t === undefined ? '' : `, tick ${t}`})`;
}

/** Calls `visit` for every observed state of every host, crash events left out. */
function forEachState(exec: Execution, visit: (host: number, eventId: number, s: Readonly<Record<string, unknown>>) => void): void {
  for (let h = 0; h < exec.hosts.length; h++) {
    const own = exec.byHost[h]!;
    for (let k = 1; k <= own.length; k++) {
      if (exec.events[own[k - 1]!]!.kind === 'crash') continue;
      visit(h, own[k - 1]!, exec.hostStates[h]![k]!);
    }
  }
}

/** Every value chosen (per ballot, the acceptors that ever accepted it there) or learned, in order of discovery. */
export function decisions(exec: Execution): Decision[] {
  const majority = Math.floor(exec.hosts.length / 2) + 1;
  const acceptors = new Map<string, { ballot: number; value: string; hosts: Set<number>; last: number }>();
  const out: Decision[] = [];
  forEachState(exec, (h, eventId, s) => {
    const ballot = Number(s['accBallot'] ?? 0);
    const value = String(s['accValue'] ?? '');
    if (ballot > 0) {
      const key = `${ballot}/${value}`;
      const entry = acceptors.get(key) ?? { ballot, value, hosts: new Set<number>(), last: eventId };
      if (!entry.hosts.has(h)) {
        entry.hosts.add(h);
        entry.last = eventId;
        if (entry.hosts.size === majority) {
          const who = [...entry.hosts].sort((a, b) => a - b).map((x) => exec.hosts[x]).join(', ');
          out.push({ value, how: `chosen in ballot ${ballot} (accepted by ${who}; a majority from event ${eventId})` });
        }
      }
      acceptors.set(key, entry);
    }
    const learned = String(s['learned'] ?? '');
    if (learned !== '' && !out.some((d) => d.value === learned && d.how.startsWith('learned'))) {
      out.push({ value: learned, how: `learned by ${at(exec, h, eventId)}` });
    }
  });
  return out;
}

/** Agreement over a list of decisions (exported for hand-built checks). */
export function checkAgreement(found: readonly Decision[]): PropertyVerdict {
  const first = found[0];
  const other = found.find((d) => d.value !== first?.value);
  if (first === undefined || other === undefined) return { ok: true };
  return { ok: false, message: `two values decided: ${first.value} ${first.how}, and ${other.value} ${other.how}` };
}

function checkValidity(exec: Execution): PropertyVerdict {
  const proposed = new Set(Array.from({ length: Math.min(PROPOSERS_MAX, exec.hosts.length) }, (_, p) => ownValue(p)));
  let bad: string | undefined;
  forEachState(exec, (h, eventId, s) => {
    for (const field of ['accValue', 'learned']) {
      const v = String(s[field] ?? '');
      if (bad === undefined && v !== '' && !proposed.has(v)) bad = `${at(exec, h, eventId)} has ${field} ${v}, which no proposer proposed`;
    }
  });
  return bad === undefined ? { ok: true } : { ok: false, message: bad };
}

/** At most one value is chosen or learned. */
export const agreement: Property = {
  name: 'agreement',
  safety: true,
  description: 'at most one value is chosen (accepted by a majority in one ballot) or learned',
  check: (outcome) => checkAgreement(decisions(outcome.execution)),
};

/** Only proposed values are accepted or learned. */
export const validity: Property = {
  name: 'validity',
  safety: true,
  description: 'every accepted or learned value is one a proposer proposed',
  check: (outcome) => checkValidity(outcome.execution),
};
