/**
 * The discrete-event queue: a binary heap ordered by (time, sequence number). Sequence numbers are assigned on push
 * and strictly increase, so two entries never compare equal and ties in time go in push order. Time is an integer
 * number of ticks and never goes backwards (asserted on pop).
 *
 * Entries are three integers (`kind`, `a`, `b`) stored in typed arrays; no object is allocated per entry.
 */
export class EventQueue {
  private heap = new Int32Array(64); // slot indices, heap-ordered
  private size = 0;
  private times = new Float64Array(64);
  private seqs = new Float64Array(64);
  private kinds = new Int32Array(64);
  private as = new Int32Array(64);
  private bs = new Int32Array(64);
  private free: number[] = [];
  private slotCount = 0;
  private seqNext = 0;
  private lastTimeTicks = 0;

  /** Entry popped last: its time, kind and payload. */
  timeTicks = 0;
  kind = 0;
  a = 0;
  b = 0;

  get length(): number {
    return this.size;
  }

  /** Adds an entry at `timeTicks` (not before the last popped time). */
  push(timeTicks: number, kind: number, a: number, b: number): void {
    if (!Number.isInteger(timeTicks) || timeTicks < this.lastTimeTicks) {
      throw new Error(`event queue: push at ${timeTicks} before now ${this.lastTimeTicks}`);
    }
    let slot = this.free.pop();
    if (slot === undefined) {
      if (this.slotCount === this.times.length) this.grow();
      slot = this.slotCount++;
    }
    this.times[slot] = timeTicks;
    this.seqs[slot] = this.seqNext++;
    this.kinds[slot] = kind;
    this.as[slot] = a;
    this.bs[slot] = b;
    let i = this.size++;
    const heap = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(slot, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = slot;
  }

  /** Time of the earliest entry; `Infinity` when empty. */
  peekTimeTicks(): number {
    return this.size === 0 ? Infinity : this.times[this.heap[0]!]!;
  }

  /** Removes the earliest entry into `timeTicks`, `kind`, `a`, `b`; false when empty. */
  pop(): boolean {
    if (this.size === 0) return false;
    const heap = this.heap;
    const top = heap[0]!;
    this.timeTicks = this.times[top]!;
    this.kind = this.kinds[top]!;
    this.a = this.as[top]!;
    this.b = this.bs[top]!;
    if (this.timeTicks < this.lastTimeTicks) throw new Error('event queue: time went backwards');
    this.lastTimeTicks = this.timeTicks;
    this.free.push(top);
    const last = heap[--this.size]!;
    const n = this.size;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && this.less(heap[r]!, heap[l]!) ? r : l;
      if (!this.less(heap[c]!, last)) break;
      heap[i] = heap[c]!;
      i = c;
    }
    heap[i] = last;
    return true;
  }

  private less(x: number, y: number): boolean {
    const tx = this.times[x]!;
    const ty = this.times[y]!;
    return tx < ty || (tx === ty && this.seqs[x]! < this.seqs[y]!);
  }

  private grow(): void {
    const cap = this.times.length * 2;
    const heap = new Int32Array(cap);
    heap.set(this.heap);
    this.heap = heap;
    this.times = grown(this.times, cap);
    this.seqs = grown(this.seqs, cap);
    this.kinds = grownInt(this.kinds, cap);
    this.as = grownInt(this.as, cap);
    this.bs = grownInt(this.bs, cap);
  }
}

function grown(a: Float64Array, cap: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(cap);
  b.set(a);
  return b;
}

function grownInt(a: Int32Array, cap: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(cap);
  b.set(a);
  return b;
}
