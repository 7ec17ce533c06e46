/**
 * PCT (Burckhardt, Kothari, Musuvathi, Nagarakatte, ASPLOS'10) for a timed message-passing world. PCT gives each
 * thread a random priority, always runs the highest-priority enabled thread, and at d - 1 random steps demotes the
 * thread that runs there below every other; a bug of depth d (d ordering constraints) is then hit with probability at
 * least 1 / (w · k^(d-1)) per run, for w threads and k steps.
 *
 * Here the things that race are messages, and what orders them is their delay, so the "threads" are the directed
 * links: each link gets a random priority, and a message's delay is set from its link's rank (the highest-priority
 * link delivers in the least delay, the lowest in the most). A change point at the k-th event demotes the link that
 * event's message came over (for an event that receives nothing: every link out of its node, below the rest), so the
 * messages after it lose the race. Drops, duplicates, faults and a protocol's own choices are drawn from the seed
 * as in `random`: PCT steers only the ordering. This is PCT's idea, not its proof: the timed world's delay range
 * bounds how far a message can fall behind, so tests check the bound empirically (test/search/pct.test.ts).
 */
import type { ChoiceDecider } from '../../sim/decider.js';
import { mixSeed, Random } from '../../sim/random.js';

export class PctDecider implements ChoiceDecider {
  /** Priority of each link `from * n + to`: larger runs first. Initial priorities are depth .. depth + links - 1. */
  private readonly priority: Int32Array;
  /** Event numbers (1-based, ascending) at which a change point falls; the i-th demotes to priority d - 1 - i. */
  private readonly changeAt: number[];
  private events = 0;
  private changesDone = 0;
  private link = -1;

  constructor(
    private readonly n: number,
    private readonly depth: number,
    eventsEstimate: number,
    seed: number,
  ) {
    const random = new Random(mixSeed(seed, 'pct'));
    const links = n * n;
    this.priority = new Int32Array(links);
    const order = Array.from({ length: links }, (_, i) => i);
    for (let i = links - 1; i > 0; i--) {
      const j = random.intBelow(i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (let rank = 0; rank < links; rank++) this.priority[order[rank]!] = depth + rank;
    const k = Math.max(1, Math.floor(eventsEstimate));
    const points = new Set<number>();
    while (points.size < Math.min(depth - 1, k)) points.add(1 + random.intBelow(k));
    this.changeAt = [...points].sort((a, b) => a - b);
  }

  onEvent(node: number, _nowTicks: number, from: number): void {
    this.events++;
    if (this.changeAt[this.changesDone] !== this.events) return;
    const lowered = this.depth - 1 - this.changesDone++;
    if (from >= 0) {
      this.priority[from * this.n + node] = lowered;
      return;
    }
    for (let to = 0; to < this.n; to++) this.priority[node * this.n + to] = lowered;
  }

  onSend(from: number, to: number): void {
    this.link = from * this.n + to;
  }

  intRange(kind: string, min: number, max: number): number | undefined {
    if (kind !== 'delay' || this.link < 0) return undefined;
    const p = this.priority[this.link]!;
    let above = 0;
    let others = 0;
    for (let l = 0; l < this.priority.length; l++) {
      if (l === this.link || l % (this.n + 1) === 0) continue; // no link from a node to itself
      others++;
      if (this.priority[l]! > p) above++;
    }
    return others === 0 ? min : min + Math.round((above * (max - min)) / others);
  }

  chance(): boolean | undefined {
    return undefined;
  }
}
