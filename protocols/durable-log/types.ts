/** Types of the durable-log protocol: messages, node states, options and bug variants. */

/** The client's write of entry `i` (value `v`), and a server's acknowledgement that entry `i` is durable. */
export type DurableLogMsg = { readonly t: 'write'; readonly i: number; readonly v: number } | { readonly t: 'ack'; readonly i: number };

/** The client (p0): writes entries 1..writes in order, each to every server, the next once all acknowledged. */
export interface ClientState {
  readonly kind: 'client';
  /** The entry being written; `writes + 1` when done. */
  readonly next: number;
  /** Servers that acknowledged `next`. */
  readonly acked: readonly number[];
}

/** A server: its log as read back or written (values by index - 1), and which entries it may acknowledge. */
export interface ServerState {
  readonly kind: 'server';
  /** `recovering`: its log read failed (a latent read error); it retries and ignores writes meanwhile. */
  readonly phase: 'ready' | 'recovering';
  readonly entries: readonly number[];
  /** Entries known durable (a completed fsync covered them). */
  readonly synced: number;
  /** The highest entry it acknowledged since it last started. */
  readonly acked: number;
  /** Entries to acknowledge once synced. */
  readonly waiting: readonly number[];
  /** The entry count each pending fsync covers, by fsync id. */
  readonly fsyncs: readonly (readonly [id: number, count: number])[];
}

export type DurableLogState = ClientState | ServerState;

export type DurableLogBug = 'sent-before-logged' | 'ignore-checksums';

/** The bug variants, with what each gets wrong. */
export const DURABLE_LOG_BUGS: Readonly<Record<DurableLogBug, string>> = {
  'sent-before-logged':
    'a server acknowledges a write as soon as it appended it, before its fsync completed: a crash that loses the unsynced write leaves the client counting an entry the server no longer has',
  'ignore-checksums':
    'a server reading its log back after a restart ignores the records\' checksums: a torn last record (cut short by the crash) is taken as a valid entry with a wrong value',
};

/** How a durable-log run is sized and timed. */
export interface DurableLogOptions {
  /** Entries the client writes. */
  readonly writes: number;
  /** Ticks between the client's resends of an unacknowledged write. */
  readonly retryTicks: number;
  /** Ticks between a recovering server's reads of its log. */
  readonly rereadTicks: number;
  readonly bug?: DurableLogBug | undefined;
}

export const DURABLE_LOG_OPTIONS_DEFAULT: DurableLogOptions = { writes: 20, retryTicks: 20, rereadTicks: 5 };

/** The value the client writes as entry `i`: twelve digits, so that most cuts of its record change it. */
export function valueOf(i: number): number {
  return 100_000_000_000 + ((i * 7_919_000_003) % 900_000_000_000);
}
