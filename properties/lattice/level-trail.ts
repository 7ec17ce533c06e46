import type { CutSpace } from './cut-space.js';

/** Default budget of a trail's parent pointers: 384 MiB, about 67 million cuts. */
export const TRAIL_BYTES_MAX_DEFAULT = 384 * 1024 * 1024;

/**
 * Parent pointers of a level-by-level search, kept compactly so a path can be rebuilt without keeping old levels'
 * cuts: for each entry of each level, the entry number of its parent in the level before (Int32) and the host whose
 * event led from the parent to it (Uint16). Six bytes per entry; the cuts themselves are rebuilt backwards from the
 * last one by taking away one event at a time. Past `bytesMax` the trail is dropped (the search goes on; its
 * answer then has no path), so parent pointers never exhaust memory.
 */
export class LevelTrail {
  /** True once the trail outgrew its budget: `pathTo` then answers undefined. */
  dropped = false;
  private closedBytes = 0;
  private readonly parents: Int32Array[] = [];
  private readonly hosts: Uint16Array[] = [];
  private currentParents = new Int32Array(1024);
  private currentHosts = new Uint16Array(1024);

  constructor(readonly bytesMax: number = TRAIL_BYTES_MAX_DEFAULT) {}

  /** Records the parent of entry `index` of the level being built. */
  record(index: number, parent: number, host: number): void {
    if (this.dropped) return;
    if (index >= this.currentParents.length) {
      const size = Math.max(index + 1, this.currentParents.length * 2);
      const p = new Int32Array(size);
      p.set(this.currentParents);
      this.currentParents = p;
      const h = new Uint16Array(size);
      h.set(this.currentHosts);
      this.currentHosts = h;
    }
    this.currentParents[index] = parent;
    this.currentHosts[index] = host;
  }

  /** Closes the level being built, which holds `size` entries. */
  closeLevel(size: number): void {
    if (this.dropped) return;
    this.closedBytes += size * 6;
    if (this.closedBytes > this.bytesMax) {
      this.dropped = true;
      this.parents.length = 0;
      this.hosts.length = 0;
      return;
    }
    this.parents.push(this.currentParents.slice(0, size));
    this.hosts.push(this.currentHosts.slice(0, size));
  }

  /** Bytes held by closed levels. */
  bytes(): number {
    return this.closedBytes;
  }

  /**
   * The events (ids, in order) from the search's start to entry `index` of level `level`, whose cut is `cut`
   * (level 0 is the start; levels 1.. are the closed levels, the last possibly still open).
   */
  pathTo(space: CutSpace, level: number, index: number, cut: Int32Array): number[] | undefined {
    if (this.dropped) return undefined;
    const at = Int32Array.from(cut);
    const path: number[] = [];
    let entry = index;
    for (let l = level; l >= 1; l--) {
      const open = l - 1 === this.parents.length;
      const host = open ? this.currentHosts[entry]! : this.hosts[l - 1]![entry]!;
      const parent = open ? this.currentParents[entry]! : this.parents[l - 1]![entry]!;
      path.push(space.eventId(host, at[host]!));
      at[host]!--;
      entry = parent;
    }
    return path.reverse();
  }
}
