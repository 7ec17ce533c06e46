/** Checks of `dsim check`'s flags against the log read: what a flag names must be in the log. */
import { fail, succeed, type Failable, type InputError } from '../../execution/failable.js';
import type { Execution } from '../../execution/types.js';
import { lockModelFromPatterns } from '../../formats/lock-patterns.js';
import type { LockModel } from '../../properties/locks/lock-model.js';

/** Field names listed in an error before "...". */
const FIELDS_SHOWN_MAX = 12;

/**
 * An error when no event of the log carries the field that `--label-field` names (every event would be unlabelled,
 * so every pattern would fail over a typing mistake), naming the fields the log has.
 */
export function checkLabelField(source: string, execs: readonly Execution[], field: string): InputError | undefined {
  const names = new Set<string>();
  for (const event of execs.flatMap((exec) => exec.events)) {
    if (Object.hasOwn(event.fields, field)) return undefined;
    for (const name of Object.keys(event.fields)) names.add(name);
  }
  const sorted = [...names].sort();
  const shown = sorted.slice(0, FIELDS_SHOWN_MAX).join(', ') + (sorted.length > FIELDS_SHOWN_MAX ? ', ...' : '');
  const has = sorted.length === 0 ? 'its events carry no fields (--kv reads key=value pairs)' : `its fields are ${shown}`;
  return { source, message: `no event has the field "${field}" that --label-field names; ${has}` };
}

/** `--locks <acquire> <release>` as a lock model (undefined when not given). */
export function lockModelOption(values: readonly string[] | undefined): Failable<LockModel | undefined> {
  if (values === undefined) return succeed(undefined);
  if (values.length !== 2) return fail({ source: '--locks', message: `expects two regexes, <acquire> <release>, got ${values.length}` });
  return lockModelFromPatterns(values[0]!, values[1]!);
}
