/**
 * A user's model (`defineModel`) made into a `Model`: the parts the user left out get defaults, and every call
 * into the user's code is guarded, so a throw (or an answer of the wrong shape) is a `ModelError` naming the model,
 * the function and the operation rather than a crash of the search.
 *
 * A nondeterministic model (`steps`, answering every possible next state) becomes a deterministic one over sets of
 * states, as Porcupine does: the state is the set of states the model may be in, a step maps every member and keeps
 * the distinct answers, and an operation is legal when some member allows it. The search over orders is unchanged,
 * and a history is linearizable iff some order leaves the set non-empty: iff some order and some choice of steps
 * are legal.
 */
import type { InputError } from '../../execution/failable.js';
import type { InitialValue, Model, OpInput, OpOutput, StepResult } from './model.js';
import { formatValue, hashString, mix32 } from './models/values.js';

/** What `defineModel` takes; see docs/linearizability.md, "Your own models". */
export interface ModelSpec<S> {
  /** Names the model in `check-history --model`, `dsim list` and messages; must differ from the built-ins'. */
  readonly name: string;
  /** One line for `dsim list`. */
  readonly summary?: string;
  init(): S;
  /** The state for an `initial` value; throw to refuse the value (the message says why). Absent: none is taken. */
  initWith?(initial: InitialValue): S;
  /** Deterministic: whether the operation is legal in the state, and the state after it. */
  step?(state: S, input: OpInput, output: OpOutput): StepResult<S>;
  /** Nondeterministic (instead of `step`): every possible state after the operation; none when it is illegal. */
  steps?(state: S, input: OpInput, output: OpOutput): readonly S[];
  /** Default: structural equality of JSON-like states (plain objects, arrays, strings, numbers, booleans, null). */
  equal?(a: S, b: S): boolean;
  /** A 32-bit integer, equal for equal states. Default: a hash of the state's JSON (object keys sorted). */
  hash?(state: S): number;
  /** Default: `f key value → output`. */
  describe?(input: OpInput, output: OpOutput): string;
  /** Default: the state's JSON. */
  describeState?(state: S): string;
  /** Why the operation does not belong to the model (one sentence), or undefined. Default: every one does. */
  validate?(input: OpInput, output: OpOutput): string | undefined;
  /** True when the operation never changes the state. Default: false. */
  readOnly?(input: OpInput): boolean;
  /** The key of an operation, when the model is a product of independent per-key models (see partition.ts). */
  partitionKey?(input: OpInput): string;
}

/** A call into a user's model threw, or answered something of the wrong shape; `operation`: on which one. */
export class ModelError extends Error {
  constructor(
    readonly input: InputError,
    readonly operation?: OpInput,
  ) {
    super(input.message);
    this.name = 'ModelError';
  }
}

/** The most states a nondeterministic model may be in at once: a step that leaves more is a `ModelError`. */
export const POSSIBLE_STATES_MAX = 4096;

/** Marks a `defineModel` result. A registered symbol: the same in every copy of dsim. */
export const MODEL_BRAND: unique symbol = Symbol.for('dsim.model') as never;

/** A model made by `defineModel`. */
export type DefinedModel = Model<unknown> & { readonly [MODEL_BRAND]: true };

/** True for a value with a model's shape (a `defineModel` result or a built-in). */
export function isModel(value: unknown): value is Model<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  const fns = ['init', 'step', 'equal', 'hash', 'describe', 'describeState', 'validate', 'readOnly'];
  return typeof m['name'] === 'string' && fns.every((f) => typeof m[f] === 'function');
}

/** JSON with object keys sorted: equal for structurally equal JSON-like values. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? String(value);
}

function defaultDescribe(input: OpInput, output: OpOutput): string {
  const key = input.key === undefined ? '' : ` ${JSON.stringify(input.key)}`;
  const value = input.value === null ? '' : ` ${formatValue(input.value)}`;
  return `${input.f}${key}${value} → ${output.kind === 'ok' ? formatValue(output.value) : '? (outcome unknown)'}`;
}

/** Makes `spec` (already checked by `defineModel`) a model. */
export function userModel<S>(spec: ModelSpec<S>): DefinedModel {
  const name = spec.name;
  const guard = <T>(what: string, call: () => T, operation?: OpInput): T => {
    try {
      return call();
    } catch (error) {
      if (error instanceof ModelError) throw error;
      const text = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      throw new ModelError({ source: `model "${name}"`, message: `${what} threw ${error instanceof Error ? error.name : 'a value'}: ${text}` }, operation);
    }
  };
  const wrong = (what: string, answer: unknown, expected: string, operation?: OpInput): never => {
    throw new ModelError({ source: `model "${name}"`, message: `${what} answered ${canonical(answer)}, expected ${expected}` }, operation);
  };
  const describe = (input: OpInput, output: OpOutput): string =>
    spec.describe === undefined ? defaultDescribe(input, output) : String(guard('describe', () => spec.describe!(input, output)));
  const onOp = (what: string, input: OpInput, output: OpOutput): string => `${what} on \`${describe(input, output)}\``;
  const equal = spec.equal === undefined ? (a: S, b: S) => canonical(a) === canonical(b) : (a: S, b: S) => guard('equal', () => spec.equal!(a, b)) === true;
  const hash = (state: S): number => {
    const h = spec.hash === undefined ? hashString(0x3c6ef372, canonical(state)) : guard('hash', () => spec.hash!(state));
    return typeof h === 'number' && Number.isFinite(h) ? h | 0 : wrong('hash', h, 'a 32-bit integer');
  };
  const describeState = (state: S): string =>
    spec.describeState === undefined ? canonical(state) : String(guard('describeState', () => spec.describeState!(state)));
  const common = {
    name,
    summary: spec.summary ?? 'a model of your config',
    describe,
    validate: (input: OpInput, output: OpOutput): string | undefined => {
      const problem = spec.validate === undefined ? undefined : guard(onOp('validate', input, output), () => spec.validate!(input, output), input);
      return problem === undefined || problem === null ? undefined : String(problem);
    },
    readOnly: (input: OpInput): boolean => spec.readOnly !== undefined && guard('readOnly', () => spec.readOnly!(input)) === true,
    ...(spec.partitionKey === undefined ? {} : {
      partitionKey: (input: OpInput): string => {
        const key = guard('partitionKey', () => spec.partitionKey!(input));
        return typeof key === 'string' ? key : wrong('partitionKey', key, 'a string');
      },
    }),
    [MODEL_BRAND]: true as const,
  };
  const initial = (value: InitialValue): { ok: true; state: S } | { ok: false; problem: string } => {
    try {
      return { ok: true, state: spec.initWith!(value) };
    } catch (error) {
      return { ok: false, problem: `model "${name}" refuses the initial value: ${error instanceof Error ? error.message : String(error)}` };
    }
  };
  if (spec.steps === undefined) {
    const model: Model<S> = {
      ...common,
      init: () => guard('init', () => spec.init()),
      ...(spec.initWith === undefined ? {} : { initWith: initial }),
      step(state: S, input: OpInput, output: OpOutput): StepResult<S> {
        const r = guard(onOp('step', input, output), () => spec.step!(state, input, output), input) as Partial<StepResult<S>> | undefined;
        if (typeof r !== 'object' || r === null || typeof r.ok !== 'boolean') return wrong(onOp('step', input, output), r, '{ ok, next }', input);
        return r.ok ? { ok: true, next: r.next as S } : { ok: false, next: state };
      },
      equal,
      hash,
      describeState,
    };
    return model as DefinedModel;
  }
  // Nondeterministic: the state is the array of the distinct states the model may be in (in the order first met).
  const distinct = (states: readonly S[], input: OpInput, output: OpOutput): S[] => {
    const out: S[] = [];
    const byHash = new Map<number, S[]>();
    for (const s of states) {
      const h = hash(s);
      const bucket = byHash.get(h);
      if (bucket !== undefined && bucket.some((t) => equal(t, s))) continue;
      if (bucket === undefined) byHash.set(h, [s]);
      else bucket.push(s);
      out.push(s);
      if (out.length > POSSIBLE_STATES_MAX) {
        throw new ModelError({ source: `model "${name}"`, message: `${onOp('steps', input, output)} left more than ${POSSIBLE_STATES_MAX} possible states; make the model less nondeterministic` }, input);
      }
    }
    return out;
  };
  const model: Model<readonly S[]> = {
    ...common,
    init: () => [guard('init', () => spec.init())],
    ...(spec.initWith === undefined ? {} : {
      initWith: (value: InitialValue) => {
        const r = initial(value);
        return r.ok ? { ok: true, state: [r.state] } : r;
      },
    }),
    step(states: readonly S[], input: OpInput, output: OpOutput): StepResult<readonly S[]> {
      const next: S[] = [];
      for (const s of states) {
        const r = guard(onOp('steps', input, output), () => spec.steps!(s, input, output), input);
        if (!Array.isArray(r)) return wrong(onOp('steps', input, output), r, 'an array of states', input);
        next.push(...(r as S[]));
      }
      return next.length === 0 ? { ok: false, next: states } : { ok: true, next: distinct(next, input, output) };
    },
    work: (states) => states.length - 1,
    equal: (a, b) => {
      if (a === b) return true;
      if (a.length !== b.length) return false;
      const byHash = new Map<number, S[]>();
      for (const t of b) byHash.set(hash(t), [...(byHash.get(hash(t)) ?? []), t]);
      return a.every((s) => (byHash.get(hash(s)) ?? []).some((t) => equal(s, t)));
    },
    hash: (states) => states.reduce((sum, s) => (sum + mix32(hash(s))) | 0, states.length),
    describeState: (states) => (states.length === 1 ? describeState(states[0] as S) : `one of: ${states.map(describeState).join(' | ')}`),
  };
  return model as unknown as DefinedModel;
}
