/**
 * A stable SHA-256 of an execution's canonical form: hosts, then every event (host, index, kind, label, time,
 * fields with sorted keys, sent, received), the vector clocks as one block of little-endian 32-bit integers, then
 * every message. The execution's own `label` is not part of it. Same execution → same hex digest, on every machine.
 */
import { createHash, type Hash } from 'node:crypto';
import type { Execution, State } from './types.js';

/** Text is handed to the hash in chunks of about this many characters (one `update` per chunk, not per event). */
const CHUNK_CHARS = 1 << 16;

/** Hex SHA-256 of the canonical form of `exec`. */
export function executionHash(exec: Execution): string {
  const h = createHash('sha256');
  const text = new ChunkedText(h);
  text.add(JSON.stringify(['hosts', exec.hosts]));
  for (const e of exec.events) {
    text.add(
      JSON.stringify([e.host, e.index, e.kind, e.label, e.timeTicks ?? null, sortedEntries(e.fields), e.sent ?? null, e.received ?? null]),
    );
  }
  text.flush();
  h.update(littleEndianBytes(exec.clocks));
  for (const m of exec.messages) {
    text.add(JSON.stringify([m.id, m.from, m.to, m.sendEvent, m.receiveEvents, m.fate, m.dropReason ?? null, m.summary]));
  }
  text.flush();
  return h.digest('hex');
}

/** Collects newline-terminated lines and feeds them to the hash a chunk at a time. */
class ChunkedText {
  private parts: string[] = [];
  private chars = 0;
  constructor(private readonly hash: Hash) {}

  add(line: string): void {
    this.parts.push(line, '\n');
    this.chars += line.length + 1;
    if (this.chars >= CHUNK_CHARS) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    this.hash.update(this.parts.join(''));
    this.parts = [];
    this.chars = 0;
  }
}

/** The clock matrix as bytes, little-endian whatever the machine's byte order. */
function littleEndianBytes(values: Int32Array): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) view.setInt32(i * 4, values[i]!, true);
  return bytes;
}

function sortedEntries(fields: State): [string, State[string]][] {
  return Object.keys(fields)
    .sort()
    .map((k) => [k, fields[k]!]);
}
