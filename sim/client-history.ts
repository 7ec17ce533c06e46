/**
 * The client history of a run: each node acts as a client with one operation outstanding at a time. After a crash a
 * node's client continues as a new process, `node + nodeCount × restarts` (as Jepsen does), so an operation cut off
 * by a crash stays without completion (meaning: unknown outcome).
 */
import type { HistoryEvent } from '../execution/history.js';
import type { SimContext } from './context.js';
import type { NodeId } from './process.js';

export class ClientHistory {
  readonly events: HistoryEvent[] = [];
  private readonly incarnation: Int32Array;
  private readonly outstanding: (HistoryEvent | undefined)[];

  constructor(private readonly nodeCount: number) {
    this.incarnation = new Int32Array(nodeCount);
    this.outstanding = new Array<HistoryEvent | undefined>(nodeCount).fill(undefined);
  }

  /** Records the invokes and completions a handler requested; throws (a protocol error) on misuse. */
  apply(node: NodeId, ops: SimContext['ops'], timeTicks: number): void {
    const process = node + this.nodeCount * this.incarnation[node]!;
    for (const op of ops) {
      const open = this.outstanding[node];
      if ('invoke' in op) {
        if (open !== undefined) throw new Error(`invoke ${op.invoke.f} while ${open.f} is still outstanding`);
        const e: HistoryEvent = { process, type: 'invoke', ...op.invoke, timeTicks };
        this.events.push(e);
        this.outstanding[node] = e;
      } else {
        if (open === undefined) throw new Error(`complete(${op.type}) with no outstanding operation`);
        const { f, key } = open;
        this.events.push({ process, type: op.type, f, ...(key === undefined ? {} : { key }), value: op.value, timeTicks });
        this.outstanding[node] = undefined;
      }
    }
  }

  /** A node crashed: its outstanding operation stays open forever. */
  crashed(node: NodeId): void {
    this.outstanding[node] = undefined;
  }

  /** A node restarted: its client is a new process. */
  restarted(node: NodeId): void {
    this.incarnation[node]!++;
  }
}
