/**
 * Atomic-commit properties over participants' observed fields (`decided`: `0:c 1:a`, `voted`: `0:y 1:n`), read from
 * every recorded state of each participant, so a decision or vote a crash wiped from memory still counts.
 *
 * - `atomicity`: no transaction is committed at one participant and aborted at another.
 * - `commit-needs-unanimous-yes`: a transaction some participant commits got a yes vote from every participant.
 */
import type { Execution } from '../../execution/types.js';
import type { Property, PropertyVerdict, RunOutcome } from '../types.js';

/** `0:c 1:a` → [[0, 'c'], [1, 'a']] (the same shape for votes, `0:y`). */
export function parseMarks(text: string): [number, string][] {
  if (text === '') return [];
  return text.split(' ').map((part) => {
    const [tx, mark] = part.split(':');
    return [Number(tx), mark!];
  });
}

/** Per participant host: tx → the set of marks field `field` ever gave it, with the first event id of each. */
export function marksByHost(exec: Execution, hosts: readonly number[], field: string): Map<number, Map<number, Map<string, number>>> {
  const out = new Map<number, Map<number, Map<string, number>>>();
  for (const h of hosts) {
    const perTx = new Map<number, Map<string, number>>();
    const own = exec.byHost[h]!;
    for (let k = 1; k <= own.length; k++) {
      const text = exec.hostStates[h]![k]![field];
      if (typeof text !== 'string') continue;
      for (const [tx, mark] of parseMarks(text)) {
        const marks = perTx.get(tx) ?? new Map<string, number>();
        if (!marks.has(mark)) marks.set(mark, own[k - 1]!);
        perTx.set(tx, marks);
      }
    }
    out.set(h, perTx);
  }
  return out;
}

function participantHosts(outcome: RunOutcome): number[] {
  return Array.from({ length: outcome.nodeCount - 1 }, (_, i) => i + 1);
}

/** `atomicity`: participants are hosts 1 .. n-1. */
export const atomicity: Property = {
  name: 'atomicity',
  safety: true,
  description: 'no transaction is committed at one participant and aborted at another',
  check(outcome: RunOutcome): PropertyVerdict {
    const exec = outcome.execution;
    const hosts = participantHosts(outcome);
    const decided = marksByHost(exec, hosts, 'decided');
    const firstWith = (tx: number, mark: string): { host: number; event: number } | undefined => {
      for (const h of hosts) {
        const event = decided.get(h)!.get(tx)?.get(mark);
        if (event !== undefined) return { host: h, event };
      }
      return undefined;
    };
    const txs = new Set(hosts.flatMap((h) => [...decided.get(h)!.keys()]));
    for (const tx of [...txs].sort((a, b) => a - b)) {
      const c = firstWith(tx, 'c');
      const a = firstWith(tx, 'a');
      if (c === undefined || a === undefined) continue;
      const at = (x: { host: number; event: number }): string => `p${x.host} (event id ${x.event}, tick ${exec.events[x.event]!.timeTicks ?? '?'})`;
      return { ok: false, message: `transaction ${tx} was committed at ${at(c)} and aborted at ${at(a)}` };
    }
    return { ok: true };
  },
};

/** `commit-needs-unanimous-yes`. */
export const commitNeedsUnanimousYes: Property = {
  name: 'commit-needs-unanimous-yes',
  safety: true,
  description: 'a transaction some participant commits got a yes vote from every participant',
  check(outcome: RunOutcome): PropertyVerdict {
    const exec = outcome.execution;
    const hosts = participantHosts(outcome);
    const decided = marksByHost(exec, hosts, 'decided');
    const voted = marksByHost(exec, hosts, 'voted');
    for (const h of hosts) {
      for (const [tx, marks] of decided.get(h)!) {
        if (!marks.has('c')) continue;
        const missing = hosts.find((v) => !voted.get(v)!.get(tx)?.has('y'));
        if (missing !== undefined) return { ok: false, message: `p${h} committed transaction ${tx}, which p${missing} never voted yes on` };
      }
    }
    return { ok: true };
  },
};
