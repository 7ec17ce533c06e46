/**
 * Durable-log properties, over each server's own record (its observed fields event by event):
 *
 * - `acked-writes-survive`: a ready server holds every entry it ever acknowledged, restarts included (the highest
 *   `acked` of its earlier events, before any crash, is at most its `len`).
 * - `log-holds-written-values`: a server's last entry is the value the client wrote there (`valueOf(len)`).
 */
import { always, property, safety } from '../../api/properties/state.js';
import { valueOf } from '../../protocols/durable-log/index.js';

export const ackedWritesSurvive = safety(
  property(
    'acked-writes-survive',
    (outcome) => {
      const exec = outcome.execution;
      for (let h = 1; h < outcome.nodeCount; h++) {
        let ackedMax = 0;
        const own = exec.byHost[h]!;
        for (let k = 1; k <= own.length; k++) {
          const s = exec.hostStates[h]![k]!;
          const e = exec.events[own[k - 1]!]!;
          if (e.kind === 'crash' || s['phase'] !== 'ready') continue;
          const len = s['len'] as number;
          if (len < ackedMax) return `p${h} acknowledged entry ${ackedMax}, but after its restart it holds ${len} entr${len === 1 ? 'y' : 'ies'} (event ${e.id}, ${e.label})`;
          ackedMax = Math.max(ackedMax, s['acked'] as number);
        }
      }
      return true;
    },
    'a ready server holds every entry it ever acknowledged, restarts included',
  ),
);

export const logHoldsWrittenValues = always(
  'log-holds-written-values',
  (s) => s['role'] !== 'server' || s['len'] === 0 || s['tail'] === valueOf(s['len'] as number) || `its entry ${String(s['len'])} is ${String(s['tail'])}, but the client wrote ${valueOf(s['len'] as number)}`,
  "a server's last entry is the value the client wrote there",
);
