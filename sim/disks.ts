/**
 * The disks of a run (sim/storage.ts): carries out a handler's storage requests, schedules fsync completions (a
 * `storage:fsync-delay` choice may delay one) and applies storage faults at a crash. The simulator's hook.
 */
import type { Chooser } from './chooser.js';
import { NEVER, type StorageFaults } from './plan.js';
import type { StorageFault } from './outcome.js';
import type { NodeId } from './process.js';
import { crashNote, NodeDisk, type StorageContext } from './storage.js';

/** Fsync delay at most when the plan does not say, in ticks. */
export const FSYNC_DELAY_TICKS_MAX_DEFAULT = 20;

/** A requested fsync, by serial. */
interface PendingFsync {
  readonly node: NodeId;
  readonly id: number;
  readonly seq: number;
  readonly epoch: number;
  readonly delayTicks: number;
}

export class Disks {
  private readonly disks: NodeDisk[];
  private readonly fsyncs: PendingFsync[] = [];
  /** The storage faults that struck, in order (for the run's faults fired). */
  readonly fired: StorageFault[] = [];
  /** Past the plan's heal point: no storage fault fires any more (fsyncs still take `fsyncTicks`). */
  private healed = false;

  constructor(
    n: number,
    private readonly faults: StorageFaults | undefined,
    private readonly chooser: Chooser,
    private readonly charsMax: number,
  ) {
    this.disks = Array.from({ length: n }, () => new NodeDisk());
  }

  of(node: NodeId): NodeDisk {
    return this.disks[node]!;
  }

  /**
   * Carries out the requests `ctx` buffered for `node`; `schedule(ticks, serial)` queues each fsync's completion
   * after `ticks`. Returns false when the node's storage grew past the limit (the run ends there).
   */
  apply(node: NodeId, ctx: StorageContext, schedule: (ticks: number, serial: number) => void): boolean {
    const disk = this.disks[node]!;
    const f = this.faults;
    for (const r of ctx.requests) {
      if (!('fsync' in r)) {
        disk.write(r);
        continue;
      }
      let ticks = f?.fsyncTicks ?? 1;
      let delayTicks = 0;
      if (!this.healed && this.chooser.chance('storage:fsync-delay', f?.fsyncDelay ?? NEVER)) {
        delayTicks = this.chooser.intRange('storage:fsync-delay-ticks', 1, f?.fsyncDelayTicksMax ?? FSYNC_DELAY_TICKS_MAX_DEFAULT);
        ticks += delayTicks;
        this.fired.push({ node, kind: 'storage:fsync-delay', count: 1 });
      }
      const serial = this.fsyncs.length;
      this.fsyncs.push({ node, id: ++disk.fsyncCount, seq: disk.writeSeq, epoch: disk.epoch, delayTicks });
      schedule(ticks, serial);
    }
    return disk.chars <= this.charsMax;
  }

  /** The node of fsync `serial`. */
  nodeOf(serial: number): NodeId {
    return this.fsyncs[serial]!.node;
  }

  /**
   * Completes fsync `serial`: its writes are durable. Returns the fsync's id, its event's label and the lead of the
   * event's storage note (how late it was, when delayed), or undefined when a crash voided it.
   */
  complete(serial: number): { readonly id: number; readonly label: string; readonly lead: string | undefined } | undefined {
    const p = this.fsyncs[serial]!;
    const disk = this.disks[p.node]!;
    if (p.epoch !== disk.epoch) return undefined;
    disk.sync(p.seq);
    const lead = p.delayTicks === 0 ? undefined : `delayed ${p.delayTicks} tick${p.delayTicks === 1 ? '' : 's'}`;
    return { id: p.id, label: `fsync #${p.id} done`, lead };
  }

  /** The plan's heal point: storage faults stop, like every other fault. */
  heal(): void {
    this.healed = true;
  }

  /** `count` latent read errors struck `node`'s reads in one handler. */
  readErrors(node: NodeId, count: number): void {
    if (count > 0) this.fired.push({ node, kind: 'storage:read-error', count });
  }

  /** A crash of `node`: its storage faults, as a note for the crash event's label (undefined: none fired). */
  crash(node: NodeId): string | undefined {
    const loss = this.disks[node]!.crash(this.chooser, this.healed ? undefined : this.faults);
    if (loss === undefined) return undefined;
    if (loss.lost > 0) this.fired.push({ node, kind: 'storage:lose', count: 1 });
    if (loss.torn) this.fired.push({ node, kind: 'storage:torn', count: 1 });
    return crashNote(loss);
  }
}
