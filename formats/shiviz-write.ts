/**
 * `writeShiViz`: an Execution as a GoVector log in ShiViz's upload format, which ShiViz (and `parseShiViz` with
 * `kv: true`) reads back to the same partial order and the same per-host states.
 */
import type { ExecEvent, Execution, State } from '../execution/types.js';
import { formatKeyValue, neutralizeKeyValues } from './kv.js';
import { GOVECTOR_PARSER } from './shiviz-regex.js';

/** Host names fit GoVector's `\S*`: whitespace becomes `_`, an empty name `_`, and clashes get `_2`, `_3`, ... */
function safeHostNames(hosts: readonly string[]): string[] {
  const taken = new Set<string>();
  return hosts.map((host) => {
    const base = host.replace(/\s/g, '_') || '_';
    let name = base;
    for (let k = 2; taken.has(name); k++) name = `${base}_${k}`;
    taken.add(name);
    return name;
  });
}

/**
 * A label that reads back as no pair and lets the pairs after it read back as written: line breaks become spaces, a
 * `"` that starts a word becomes `'` (it could open a quoted key that runs on into the pairs: `" "="=false` read as
 * the key `" "`), and an `=` that would start a pair becomes `:`.
 */
function safeLabel(label: string): string {
  return neutralizeKeyValues(label.replace(/[\r\n\u2028\u2029]/g, ' ').replace(/(^|\s)"/g, "$1'"));
}

/** Extra fields an event is written with, after the host's state (e.g. the virtual tick, a violation marker). */
export type ExtraFields = (event: ExecEvent) => State | undefined;

/**
 * Writes `exec` as a GoVector log: line 1 the parser regex, line 2 a blank delimiter, then per event (in the
 * execution's order) `host {"host":n, ...}` (zero entries left out) and a line with the event's label followed by
 * the host's state after the event as ` key=value` pairs, then any `extra` fields. Labels are made safe (see
 * `safeLabel`: a word-initial `"` becomes `'`, an `=` that would start a pair `:`, a line break a space), and an
 * empty line becomes `-`.
 */
export function writeShiViz(exec: Execution, extra?: ExtraFields): string {
  return `${[GOVECTOR_PARSER, '', ...eventLines(exec, extra)].join('\n')}\n`;
}

/** One execution of a multi-execution log: its title (shown by ShiViz) and its events. */
export interface TitledExecution {
  readonly title: string;
  readonly execution: Execution;
  readonly extra?: ExtraFields;
}

/** ShiViz's execution delimiter for the logs `writeShiVizExecutions` writes; the title is the `trace` group. */
export const EXECUTION_DELIMITER = '^=== (?<trace>.*) ===$';

/**
 * Several executions as one log that ShiViz shows side by side (and compares in its diff view): the delimiter on
 * line 2, and each execution after a `=== title ===` line (line breaks in a title become spaces).
 */
export function writeShiVizExecutions(executions: readonly TitledExecution[]): string {
  const lines = [GOVECTOR_PARSER, EXECUTION_DELIMITER];
  for (const e of executions) lines.push(`=== ${e.title.replace(/[\r\n\u2028\u2029]/g, ' ')} ===`, ...eventLines(e.execution, e.extra));
  return `${lines.join('\n')}\n`;
}

function eventLines(exec: Execution, extra: ExtraFields | undefined): string[] {
  const names = safeHostNames(exec.hosts);
  const quoted = names.map((name) => JSON.stringify(name));
  const lines: string[] = [];
  for (const event of exec.events) {
    const entries = [`${quoted[event.host]}:${event.index}`];
    event.clock.forEach((count, j) => {
      if (j !== event.host && count > 0) entries.push(`${quoted[j]}:${count}`);
    });
    lines.push(`${names[event.host]} {${entries.join(', ')}}`);
    const label = safeLabel(event.label);
    const state = { ...exec.hostStates[event.host]![event.index]!, ...extra?.(event) };
    const pairs = Object.entries(state).map(([key, value]) => ` ${formatKeyValue(key, value)}`);
    const text = label + pairs.join('');
    lines.push(text.trim() === '' ? '-' : text);
  }
  return lines;
}
