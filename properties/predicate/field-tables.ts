import type { Execution, StateValue } from '../../execution/types.js';

/** One field's values over every host's states, precomputed so evaluation is an array read. */
export interface FieldTable {
  /** `values[h][k]`: the field in host h's state after its first k events; `undefined` while unset. */
  readonly values: readonly (readonly (StateValue | undefined)[])[];
  /** `numbers[h][k]`: the same as a number, NaN while unset; `null` for a host where some value is not a number. */
  readonly numbers: readonly (Float64Array | null)[];
}

/**
 * Lazily built field tables of one execution, and the names of all fields its events set. A field `declared` by
 * the execution's source (a protocol's `fields`) that no event sets has a table too: unset everywhere.
 */
export class FieldTables {
  private readonly tables = new Map<string, FieldTable>();
  /** Every field some host's state ever has, sorted. */
  readonly set: readonly string[];
  /** `set` and the declared fields, sorted: the names a predicate may use. */
  readonly known: readonly string[];

  constructor(
    private readonly exec: Execution,
    readonly declared?: readonly string[],
  ) {
    const names = new Set<string>();
    for (const states of exec.hostStates) {
      // States accumulate and never lose a field, so the last state of a host holds all its fields.
      for (const name of Object.keys(states[states.length - 1] ?? {})) names.add(name);
    }
    this.set = [...names].sort();
    for (const name of declared ?? []) names.add(name);
    this.known = [...names].sort();
  }

  /** The table of `field`, or undefined when no state of the execution has it and it is not declared. */
  get(field: string): FieldTable | undefined {
    let table = this.tables.get(field);
    if (table !== undefined) return table;
    if (!this.known.includes(field)) return undefined;
    const values = this.exec.hostStates.map((states) =>
      states.map((state) => (Object.hasOwn(state, field) ? state[field] : undefined)),
    );
    const numbers = values.map((row) => {
      if (row.some((v) => v !== undefined && typeof v !== 'number')) return null;
      return Float64Array.from(row, (v) => (v === undefined ? NaN : (v as number)));
    });
    table = { values, numbers };
    this.tables.set(field, table);
    return table;
  }
}
