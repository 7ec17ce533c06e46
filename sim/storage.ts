/**
 * Storage that can fail: per node an append-only log and a key-value store of strings, with explicit fsync.
 *
 * A handler's writes are requests (like sends), carried out after it returns; its reads see everything the node
 * wrote, synced or not (a page cache), its own writes of this handler included. A write is durable once an fsync
 * requested after it completes (an event of its own, `onFsync`). A crash applies the plan's storage faults to the
 * writes not yet durable: they survive by default, or are lost (all, or a suffix), and the last survivor may be
 * torn (cut to a prefix). Reads may fail (a latent read error). Every fault is a recorded `storage:*` choice whose
 * default is "no fault". See docs/storage.md.
 */
import type { Chooser } from './chooser.js';
import { ContextMisuse } from './context.js';
import { NEVER, type StorageFaults } from './plan.js';

/** A read's answer: the value, or a latent read error (the data is still there; a later read may succeed). */
export type ReadResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** A node's storage as a handler sees it (`ctx.storage`). Records, keys and values are strings (bytes on disk). */
export interface Storage {
  /** Appends `record` to the node's log. */
  append(record: string): void;
  /** Sets `key` to `value` in the node's key-value store. */
  put(key: string, value: string): void;
  /**
   * Asks for every write made so far (this handler's included) to be made durable; returns the fsync's id (1, 2, ...
   * per node, counting on across restarts). Its completion is an event: `onFsync(state, id, ctx)`.
   */
  fsync(): number;
  /** The whole log, synced or not (a read: it may fail). */
  log(): ReadResult<readonly string[]>;
  /** The value of `key`, or undefined when it has none (a read: it may fail). */
  get(key: string): ReadResult<string | undefined>;
}

type Write = { readonly key: undefined; readonly value: string } | { readonly key: string; readonly value: string };

/** What a crash did to a node's unsynced writes, for the crash event's label; undefined when nothing. */
export interface CrashLoss {
  readonly lost: number;
  readonly torn: boolean;
}

/** One node's disk: what is durable and the writes that are not yet. */
export class NodeDisk {
  private readonly durableLog: string[] = [];
  private readonly durableKv = new Map<string, string>();
  /** Writes not yet durable, in order; `unsynced[0]` is write number `syncedSeq + 1`. */
  private unsynced: Write[] = [];
  private syncedSeq = 0;
  /** The page cache: the log and store as the node wrote them. */
  readonly log: string[] = [];
  readonly kv = new Map<string, string>();
  /** Characters held (log records, keys and values of the page cache). */
  chars = 0;
  /** Fsyncs requested so far; the id of the next is `fsyncCount + 1`. */
  fsyncCount = 0;
  /** Bumped by a crash: a pending fsync of an earlier epoch never completes. */
  epoch = 0;

  get writeSeq(): number {
    return this.syncedSeq + this.unsynced.length;
  }

  write(w: Write): void {
    this.unsynced.push(w);
    this.cache(w);
  }

  private cache(w: Write): void {
    if (w.key === undefined) {
      this.log.push(w.value);
      this.chars += w.value.length;
    } else {
      const old = this.kv.get(w.key);
      this.chars += w.value.length - (old === undefined ? -w.key.length : old.length);
      this.kv.set(w.key, w.value);
    }
  }

  /** Makes writes up to number `seq` durable. */
  sync(seq: number): void {
    const count = seq - this.syncedSeq;
    if (count <= 0) return;
    for (const w of this.unsynced.slice(0, count)) this.makeDurable(w);
    this.unsynced = this.unsynced.slice(count);
    this.syncedSeq = seq;
  }

  private makeDurable(w: Write): void {
    if (w.key === undefined) this.durableLog.push(w.value);
    else this.durableKv.set(w.key, w.value);
  }

  /**
   * A crash: pending fsyncs are void, and the unsynced writes survive unless `storage:lose` fires (then a prefix of
   * `storage:kept` writes survives, default none); the last survivor is torn to a prefix when `storage:torn` fires.
   */
  crash(chooser: Chooser, faults: StorageFaults | undefined): CrashLoss | undefined {
    this.epoch++;
    const pending = this.unsynced;
    if (pending.length === 0) return undefined;
    let kept = pending.length;
    if (chooser.chance('storage:lose', faults?.lose ?? NEVER)) kept = chooser.intRange('storage:kept', 0, pending.length - 1);
    const survivors = pending.slice(0, kept);
    let torn = false;
    const last = survivors[kept - 1];
    if (last !== undefined && last.value.length > 0 && chooser.chance('storage:torn', faults?.torn ?? NEVER)) {
      const length = chooser.intRange('storage:torn-length', 0, last.value.length - 1);
      survivors[kept - 1] = { ...last, value: last.value.slice(0, length) };
      torn = true;
    }
    for (const w of survivors) this.makeDurable(w);
    this.syncedSeq += pending.length;
    this.unsynced = [];
    this.log.length = 0;
    this.kv.clear();
    this.chars = 0;
    for (const r of this.durableLog) this.cache({ key: undefined, value: r });
    for (const [key, value] of this.durableKv) this.cache({ key, value });
    return kept === pending.length && !torn ? undefined : { lost: pending.length - kept, torn };
  }
}

/** The label note of a crash's storage faults: `storage: lost 2 unsynced writes, tore the last`. */
export function crashNote(loss: CrashLoss): string {
  const parts: string[] = [];
  if (loss.lost > 0) parts.push(`lost ${loss.lost} unsynced write${loss.lost === 1 ? '' : 's'}`);
  if (loss.torn) parts.push('tore the last');
  return `storage: ${parts.join(', ')}`;
}

/**
 * `ctx.storage` of the simulator's one context: it buffers one handler's writes and fsyncs over the node's disk,
 * answers reads from the page cache plus the buffer, and draws latent read errors (`storage:read-error`).
 */
export class StorageContext implements Storage {
  disk: NodeDisk | undefined;
  faults: StorageFaults | undefined;
  /** Buffered requests: writes, and fsyncs (`fsync: true`). */
  readonly requests: (Write | { readonly fsync: true })[] = [];
  /** What this handler did, for the event's label: appends, puts, fsync ids, read errors. */
  appends = 0;
  puts = 0;
  readonly fsyncIds: number[] = [];
  readErrors = 0;
  /** What the event itself says about storage, first in its note (`delayed 3 ticks` on an fsync's completion). */
  private lead: string | undefined;

  constructor(private readonly chooser: Chooser) {}

  reset(disk: NodeDisk | undefined, lead?: string): void {
    this.disk = disk;
    this.lead = lead;
    if (this.requests.length > 0) this.requests.length = 0;
    this.appends = 0;
    this.puts = 0;
    this.readErrors = 0;
    if (this.fsyncIds.length > 0) this.fsyncIds.length = 0;
  }

  private used(): NodeDisk {
    if (this.disk === undefined) throw new ContextMisuse('ctx.storage used outside a handler');
    return this.disk;
  }

  append(record: string): void {
    this.used();
    if (typeof record !== 'string') throw new ContextMisuse(`storage.append(${String(record)}); expected a string record`);
    this.requests.push({ key: undefined, value: record });
    this.appends++;
  }

  put(key: string, value: string): void {
    this.used();
    if (typeof key !== 'string' || typeof value !== 'string') {
      throw new ContextMisuse(`storage.put(${String(key)}, ${String(value)}); expected a string key and value`);
    }
    this.requests.push({ key, value });
    this.puts++;
  }

  fsync(): number {
    const disk = this.used();
    this.requests.push({ fsync: true });
    const id = disk.fsyncCount + this.fsyncIds.length + 1;
    this.fsyncIds.push(id);
    return id;
  }

  log(): ReadResult<readonly string[]> {
    const disk = this.used();
    if (this.readFails()) return READ_ERROR;
    const appended = this.requests.filter((r): r is Write => 'value' in r && r.key === undefined).map((r) => r.value);
    return { ok: true, value: appended.length === 0 ? disk.log.slice() : [...disk.log, ...appended] };
  }

  get(key: string): ReadResult<string | undefined> {
    const disk = this.used();
    if (this.readFails()) return READ_ERROR;
    for (let i = this.requests.length - 1; i >= 0; i--) {
      const r = this.requests[i]!;
      if ('key' in r && r.key === key) return { ok: true, value: r.value };
    }
    return { ok: true, value: disk.kv.get(key) };
  }

  private readFails(): boolean {
    const fails = this.chooser.chance('storage:read-error', this.faults?.readError ?? NEVER);
    if (fails) this.readErrors++;
    return fails;
  }

  /** The label note of this handler's storage requests (`storage: delayed 3 ticks, append 1, fsync #2`), or undefined. */
  note(): string | undefined {
    if (this.requests.length === 0 && this.readErrors === 0 && this.lead === undefined) return undefined;
    const parts: string[] = this.lead === undefined ? [] : [this.lead];
    if (this.appends > 0) parts.push(`append ${this.appends}`);
    if (this.puts > 0) parts.push(`put ${this.puts}`);
    for (const id of this.fsyncIds) parts.push(`fsync #${id}`);
    if (this.readErrors > 0) parts.push(`read error${this.readErrors === 1 ? '' : ` ×${this.readErrors}`}`);
    return parts.length === 0 ? undefined : `storage: ${parts.join(', ')}`;
  }
}

const READ_ERROR: ReadResult<never> = Object.freeze({ ok: false, error: 'latent read error' });
