import type { Execution } from '../../execution/types.js';

/**
 * Counts of messages in flight at a consistent cut, in O(hosts) (all channels) or O(1) (one channel).
 *
 * A message is in flight when its send is in the cut and none of its receives is; dropped messages never count. At a
 * consistent cut a receive implies its send, so in flight = (sends in the cut) - (first receives in the cut), and
 * both are prefix counts along each host's events.
 */
export class InTransitCounter {
  /** `sentPrefix[h][k]`: messages (not dropped) sent by host h's first k events. Same for received (first receive). */
  private readonly sentPrefix: Int32Array[];
  private readonly receivedPrefix: Int32Array[];
  /** Per channel `from * n + to`: the send and first-receive positions (host index k, 1-based) of its messages. */
  private readonly channelSends = new Map<number, number[]>();
  private readonly channelReceives = new Map<number, { host: number; index: number }[]>();

  constructor(private readonly exec: Execution) {
    const n = exec.hosts.length;
    this.sentPrefix = exec.byHost.map((own) => new Int32Array(own.length + 1));
    this.receivedPrefix = exec.byHost.map((own) => new Int32Array(own.length + 1));
    for (const m of exec.messages) {
      if (m.fate === 'dropped') continue;
      const send = exec.events[m.sendEvent]!;
      this.sentPrefix[send.host]![send.index]!++;
      const key = m.from * n + m.to;
      push(this.channelSends, key, send.index);
      let first: { host: number; index: number } | null = null;
      for (const r of m.receiveEvents) {
        const e = exec.events[r]!;
        if (first === null || e.index < first.index) first = { host: e.host, index: e.index };
      }
      if (first !== null) {
        this.receivedPrefix[first.host]![first.index]!++;
        push(this.channelReceives, key, first);
      }
    }
    for (const prefix of [...this.sentPrefix, ...this.receivedPrefix]) {
      for (let k = 1; k < prefix.length; k++) prefix[k]! += prefix[k - 1]!;
    }
  }

  /** Messages in flight on all channels at the cut. */
  all(cut: Int32Array): number {
    let count = 0;
    for (let h = 0; h < this.sentPrefix.length; h++) {
      count += this.sentPrefix[h]![cut[h]!]! - this.receivedPrefix[h]![cut[h]!]!;
    }
    return count;
  }

  /** A function counting the messages in flight from host `from` to host `to` at a cut. */
  channel(from: number, to: number): (cut: Int32Array) => number {
    const key = from * this.exec.hosts.length + to;
    const sent = prefixOf(this.exec.byHost[from]!.length, this.channelSends.get(key) ?? []);
    const receives = this.channelReceives.get(key) ?? [];
    // Duplicated deliveries land on the receiver; a channel's first receives are all on host `to` in practice, but
    // count them on whichever host recorded them.
    const receivedBy = new Map<number, Int32Array>();
    for (const host of new Set(receives.map((r) => r.host))) {
      const indexes = receives.filter((r) => r.host === host).map((r) => r.index);
      receivedBy.set(host, prefixOf(this.exec.byHost[host]!.length, indexes));
    }
    const hosts = Int32Array.from(receivedBy.keys());
    const prefixes = [...receivedBy.values()];
    return (cut) => {
      let count = sent[cut[from]!]!;
      for (let i = 0; i < hosts.length; i++) count -= prefixes[i]![cut[hosts[i]!]!]!;
      return count;
    };
  }
}

function push<T>(map: Map<number, T[]>, key: number, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** `prefix[k]` = how many of `indexes` (1-based event positions) are <= k, for k = 0..length. */
function prefixOf(length: number, indexes: readonly number[]): Int32Array {
  const prefix = new Int32Array(length + 1);
  for (const i of indexes) prefix[i]!++;
  for (let k = 1; k <= length; k++) prefix[k]! += prefix[k - 1]!;
  return prefix;
}
