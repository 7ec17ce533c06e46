/**
 * Sequential specifications (models) that a history is checked against. A model is a typed value: an initial state
 * and a step function that says whether an operation with a given input and output is legal in a state, and the
 * state after it.
 */
import type { HistoryValue } from '../../execution/history.js';

/**
 * The names of the built-in models; adding one without registering it fails to compile (see `registry.ts`). A
 * user's model (`defineModel`) has any other name.
 */
export type ModelName = 'register' | 'cas-register' | 'kv' | 'set' | 'queue' | 'mutex' | 'multi-register' | 'counter';

/** What a model's initial state is made from (`initial:`, `--initial`): a JSON value. */
export type InitialValue = unknown;

/** The state an initial value stands for, or why the model cannot take it (one sentence, no period). */
export type InitialState<S> = { readonly ok: true; readonly state: S } | { readonly ok: false; readonly problem: string };

/** What an operation asked for: its name, key (key-value models) and the value of its invoke event. */
export interface OpInput {
  readonly f: string;
  readonly key?: string;
  readonly value: HistoryValue;
}

/**
 * What an operation answered: `ok` with the value of its completion, or `unknown` for an operation whose outcome is
 * unknown (Jepsen's `:info`, or an invoke without completion). A checker includes an `unknown` operation only as one
 * that did take effect; leaving it out stands for "did not take effect".
 */
export type OpOutput = { readonly kind: 'ok'; readonly value: HistoryValue } | { readonly kind: 'unknown' };

/** The answer of a step: whether the operation is legal in the state, and the state after it. */
export interface StepResult<S> {
  readonly ok: boolean;
  readonly next: S;
}

/**
 * A sequential specification. States are immutable values: `step` never modifies its argument.
 * `hash` must agree with `equal` (equal states have equal hashes); it returns a 32-bit integer.
 */
export interface Model<S> {
  /** A built-in's `ModelName`, or a user's model's name. */
  readonly name: string;
  /** One line for `dsim list` and the docs. */
  readonly summary: string;
  init(): S;
  /** The initial state made from a value (see docs/linearizability.md for each model's); absent: none is taken. */
  initWith?(initial: InitialValue): InitialState<S>;
  step(state: S, input: OpInput, output: OpOutput): StepResult<S>;
  /** Steps a step from this state costs beyond one, counted against `stepsMax` (absent: none). */
  work?(state: S): number;
  equal(a: S, b: S): boolean;
  hash(state: S): number;
  /** `read → 3`, `cas 3→0`, `append "1" "x 0 1 y"`. */
  describe(input: OpInput, output: OpOutput): string;
  describeState(state: S): string;
  /** Why the operation does not belong to this model (one sentence, no period), or `undefined` when it does. */
  validate(input: OpInput, output: OpOutput): string | undefined;
  /** True when the operation never changes the state: such an operation with an unknown outcome is dropped. */
  readOnly(input: OpInput): boolean;
  /**
   * P-compositionality: when present, the history is split by this key and each part is checked on its own (the
   * model must be a product of independent per-key models, so that the whole is linearizable iff every part is).
   */
  partitionKey?(input: OpInput): string;
}
