/**
 * A deterministic generator of large Jepsen-style cas-register histories, for the scale test and benchmark of the
 * linearizability checker. A real register is simulated: each client invokes an operation, the operation takes
 * effect at a random later moment (or, for some that time out, never), and the client then completes it. So the
 * history is linearizable by construction, unless `impossibleRead` appends a final read of a value nothing wrote.
 */
import type { History, HistoryEvent, HistoryValue } from '../execution/history.js';
import { Random } from '../sim/random.js';

/** What to generate. */
export interface CasHistoryOptions {
  /** Operations invoked (about that many completions follow). */
  readonly operations: number;
  readonly seed: number;
  /** Concurrent clients (default 10). */
  readonly clients?: number;
  /** Operations that time out (`:info`), per thousand (default 20, i.e. 2%). */
  readonly infoPerMille?: number;
  /** Register values are drawn from 0 .. valuesMax - 1 (default 5). */
  readonly valuesMax?: number;
  /** Append a read of a value no operation wrote, after every operation has completed (default false). */
  readonly impossibleRead?: boolean;
}

interface Pending {
  readonly f: 'read' | 'write' | 'cas';
  readonly value: HistoryValue;
  applied: boolean;
  /** The completion: `ok` with the value read, or `fail` for a cas whose comparison failed. */
  result?: { readonly type: 'ok' | 'fail'; readonly value: HistoryValue };
}

/** A linearizable (or, with `impossibleRead`, certainly not linearizable) cas-register history. */
export function generateCasHistory(options: CasHistoryOptions): History {
  const random = new Random(options.seed);
  const clients = options.clients ?? 10;
  const infoPerMille = options.infoPerMille ?? 20;
  const valuesMax = options.valuesMax ?? 5;
  const processes = Array.from({ length: clients }, (_, i) => i);
  const pending: (Pending | undefined)[] = new Array(clients).fill(undefined);
  const events: HistoryEvent[] = [];
  let register: HistoryValue = null;
  let invoked = 0;
  let open = 0;
  while (invoked < options.operations || open > 0) {
    const slot = random.intBelow(clients);
    const process = processes[slot] as number;
    const op = pending[slot];
    if (op === undefined) {
      if (invoked >= options.operations) continue;
      const kind = random.intBelow(3);
      const next: Pending =
        kind === 0 ? { f: 'read', value: null, applied: false }
        : kind === 1 ? { f: 'write', value: random.intBelow(valuesMax), applied: false }
        : { f: 'cas', value: [random.intBelow(valuesMax), random.intBelow(valuesMax)], applied: false };
      pending[slot] = next;
      events.push({ process, type: 'invoke', f: next.f, value: next.value });
      invoked++;
      open++;
      continue;
    }
    const timesOut = random.chance(infoPerMille, 2000); // checked twice: before and after taking effect
    if (timesOut) {
      events.push({ process, type: 'info', f: op.f, value: ':timed-out' });
      processes[slot] = process + clients; // as in Jepsen, a client whose operation timed out is replaced
      pending[slot] = undefined;
      open--;
      continue;
    }
    if (!op.applied) {
      op.applied = true;
      if (op.f === 'read') op.result = { type: 'ok', value: register };
      else if (op.f === 'write') {
        register = op.value;
        op.result = { type: 'ok', value: op.value };
      } else {
        const [from, to] = op.value as [number, number];
        op.result = { type: register === from ? 'ok' : 'fail', value: op.value };
        if (register === from) register = to;
      }
      continue;
    }
    const result = op.result as NonNullable<Pending['result']>;
    events.push({ process, type: result.type, f: op.f, value: result.value });
    pending[slot] = undefined;
    open--;
  }
  if (options.impossibleRead === true) {
    const process = processes[0] as number;
    events.push({ process, type: 'invoke', f: 'read', value: null }, { process, type: 'ok', f: 'read', value: valuesMax });
  }
  return events;
}

function formatValue(value: HistoryValue): string {
  if (value === null) return 'nil';
  if (Array.isArray(value)) return `[${value.map(formatValue).join(' ')}]`;
  return String(value);
}

/** The history as a Jepsen log (`INFO  jepsen.util - 3\t:invoke\t:read\tnil`), one event per line. */
export function formatJepsenLog(history: History): string {
  return history.map((e) => `INFO  jepsen.util - ${e.process}\t:${e.type}\t:${e.f}\t${formatValue(e.value)}\n`).join('');
}
