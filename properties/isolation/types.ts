/**
 * Types of the transactional isolation checker (in the manner of Elle, Kingsbury & Alvaro, VLDB 2020): transactions
 * read from a history, the dependency edges inferred between them, the anomalies found and the checker's result.
 */

/** A key or a value: numbers and strings; an EDN keyword is the string `:name`. */
export type Atom = number | string;

/**
 * One micro-operation of a transaction: `[:append k v]` (list-append), `[:w k v]` (rw-register) or `[:r k x]`, where
 * `x` is the list read (list-append; nil reads as the empty list) or the value read (rw-register; nil is the
 * initial value). In an invoke, reads carry nil.
 */
export type MicroOp =
  | { readonly f: 'append' | 'w'; readonly key: Atom; readonly value: Atom }
  | { readonly f: 'r'; readonly key: Atom; readonly value: null | Atom | readonly Atom[] };

export type TransactionType = 'ok' | 'fail' | 'info';

/** An invoke paired with its completion (see read.ts for how completions without `:process` are paired). */
export interface Transaction {
  /** 0-based position among the history's transactions (by invoke); `T${id + 1}` in messages. */
  readonly id: number;
  /** `ok`: committed; `fail`: certainly not applied; `info`: outcome unknown (its reads are not known). */
  readonly type: TransactionType;
  readonly process?: Atom;
  /** The completion's micro-ops (the invoke's when there is no completion). */
  readonly ops: readonly MicroOp[];
  /** Event positions (0-based) of the invoke (-1 when there is none) and of the completion, for real-time order. */
  readonly invokedAt: number;
  readonly completedAt?: number;
  /** `:index` of the completion, when the history gives one. */
  readonly index?: number;
  /** Where the completion (or the lone invoke) was read, when read from a file. */
  readonly line?: number;
  readonly column?: number;
}

/** The data model of the keys: lists appended to, or registers written. */
export type DataModel = 'list-append' | 'rw-register';

/**
 * Dependency edges: `ww` (T2 installs the next version after T1's), `wr` (T2 reads T1's version), `rw` (T1 reads a
 * version that T2 overwrites), `realtime` (T1 completed before T2 was invoked), `process` (the same process ran T1
 * and then T2).
 */
export type EdgeKind = 'ww' | 'wr' | 'rw' | 'realtime' | 'process';

export const EDGE_KINDS: readonly EdgeKind[] = ['ww', 'wr', 'rw', 'realtime', 'process'];

/** Why an edge is there, in words: `appended 5 to key 9 after 2` (the subject is the edge's source). */
export interface EdgeReason {
  readonly kind: EdgeKind;
  readonly text: string;
}

/** The consistency models named in results, strongest first (docs/isolation.md gives Adya's/Elle's mapping). */
export type ConsistencyModel =
  | 'strict-serializable'
  | 'serializable'
  | 'snapshot-isolation'
  | 'repeatable-read'
  | 'read-committed'
  | 'read-uncommitted';

export const CONSISTENCY_MODELS: readonly ConsistencyModel[] = [
  'strict-serializable',
  'serializable',
  'snapshot-isolation',
  'repeatable-read',
  'read-committed',
  'read-uncommitted',
];

/** Anomalies found by cycle search. The `-realtime` / `-process` forms need a real-time or process-order edge. */
export type CycleAnomaly = 'G0' | 'G1c' | 'G-single' | 'G2-item';

export type AnomalyName =
  | CycleAnomaly
  | `${CycleAnomaly}-realtime`
  | `${CycleAnomaly}-process`
  /** Reads a value written by a failed transaction. */
  | 'G1a'
  /** Reads a value that its writer later overwrote (or appended after) in the same transaction. */
  | 'G1b'
  /** A transaction's reads disagree with its own earlier reads and writes. */
  | 'internal'
  /** Two reads of a key that no single version order explains (neither is a prefix of the other, or a writer's appends out of its order). */
  | 'incompatible-order'
  /** A read with the same value twice. */
  | 'duplicate-elements'
  /** A read of a value that nobody wrote. */
  | 'garbage-read';

/** One step of a cycle: `from` precedes `to` because of `reasons` (one per edge kind between them). */
export interface CycleStep {
  readonly from: number;
  readonly to: number;
  readonly kind: EdgeKind;
  readonly text: string;
}

export interface Cycle {
  readonly anomaly: AnomalyName;
  /** Transaction ids, the first repeated at the end implicitly. */
  readonly transactions: readonly number[];
  readonly steps: readonly CycleStep[];
}

export interface Anomaly {
  readonly name: AnomalyName;
  /** The transactions involved, the reader first for read anomalies. */
  readonly transactions: readonly number[];
  /** One sentence. */
  readonly text: string;
  readonly cycle?: Cycle;
}

/** Bounds of the work; reaching one gives `valid: 'unknown'` unless an anomaly was already certain. */
export interface IsolationLimits {
  /** Dependency edges inferred (default `EDGES_MAX_DEFAULT`). */
  readonly edgesMax?: number;
  /** Nodes and edges visited by the cycle searches (Tarjan and BFS), in total (default `SEARCH_STEPS_MAX_DEFAULT`). */
  readonly searchStepsMax?: number;
  /** Transactions in the history; a longer one is not inferred at all (default `TRANSACTIONS_MAX_DEFAULT`). */
  readonly transactionsMax?: number;
}

export const TRANSACTIONS_MAX_DEFAULT = 1_000_000;
export const EDGES_MAX_DEFAULT = 5_000_000;
export const SEARCH_STEPS_MAX_DEFAULT = 50_000_000;

export interface IsolationOptions {
  readonly model: DataModel;
  /** Add real-time edges (default false; always on when `consistencyModel` is `strict-serializable`). */
  readonly realtime?: boolean;
  /** Add process-order edges (default false). */
  readonly processOrder?: boolean;
  /** The model `valid` is judged against (default `strict-serializable` with `realtime`, else `serializable`). */
  readonly consistencyModel?: ConsistencyModel;
  readonly limits?: IsolationLimits;
}

export interface IsolationResult {
  readonly valid: true | false | 'unknown';
  readonly consistencyModel: ConsistencyModel;
  /** Sorted by name, then by the transactions involved. */
  readonly anomalies: readonly Anomaly[];
  /** The strongest model the anomalies found do not rule out (at most serializable without real-time edges), or `none`. */
  readonly strongestModel: ConsistencyModel | 'none';
  /** The models the anomalies found rule out, strongest first. */
  readonly notSatisfied: readonly ConsistencyModel[];
  readonly cycles: readonly Cycle[];
  /** Printable lines: each anomaly, a cycle step by step in words. */
  readonly explanation: readonly string[];
  readonly transactions: number;
  readonly edges: number;
  readonly searchSteps: number;
  /** For a stop by a limit: which, in words. */
  readonly stoppedBy?: string;
  /** How each transaction is named in messages (`T3 (index 5)`), by id. */
  readonly names: readonly string[];
}
