/**
 * The dsim trace format, version 1: a JSON object holding an execution (hosts, events with vector clocks and
 * fields, messages), optionally its client history and metadata. One event, message or history entry per line, so
 * traces diff well. See docs/trace-format.md.
 */
import { buildExecution, ExecutionError, type EventInput } from '../execution/build.js';
import { fail, succeed, type Failable } from '../execution/failable.js';
import type { History } from '../execution/history.js';
import { jsonError } from '../sim/json-error.js';
import type { EventKind, Execution, MessageFate, MessageRecord, State } from '../execution/types.js';

export const TRACE_FORMAT = 'dsim-trace';
export const TRACE_VERSION = 1;

/** What a trace is written from. `meta` is free-form (scenario, bug, seed, ...). */
export interface TraceSource {
  readonly execution: Execution;
  readonly history?: History;
  readonly meta?: Readonly<Record<string, string | number | boolean | null>>;
}

/** Writes a trace. Deterministic: the same run gives the same bytes. */
export function traceToJson(run: TraceSource): string {
  const x = run.execution;
  const events = x.events.map((e) =>
    JSON.stringify({
      host: e.host,
      kind: e.kind,
      label: e.label,
      ...(e.timeTicks === undefined ? {} : { timeTicks: e.timeTicks }),
      clock: Array.from(e.clock),
      fields: e.fields,
      ...(e.sent === undefined ? {} : { sent: e.sent }),
      ...(e.received === undefined ? {} : { received: e.received }),
    }),
  );
  const messages = x.messages.map((m) => JSON.stringify(m));
  const history = (run.history ?? []).map((h) => JSON.stringify(h));
  const list = (items: string[]): string => (items.length === 0 ? '[]' : `[\n    ${items.join(',\n    ')}\n  ]`);
  return (
    `{\n  "format": "${TRACE_FORMAT}",\n  "version": ${TRACE_VERSION},\n` +
    `  "meta": ${JSON.stringify(run.meta ?? {})},\n  "label": ${JSON.stringify(x.label)},\n` +
    `  "hosts": ${JSON.stringify(x.hosts)},\n  "events": ${list(events)},\n  "messages": ${list(messages)},\n` +
    `  "history": ${list(history)}\n}\n`
  );
}

const EVENT_KINDS: readonly EventKind[] = ['start', 'send', 'receive', 'internal', 'timer', 'crash', 'restart', 'pause', 'resume'];
const FATES: readonly MessageFate[] = ['delivered', 'dropped', 'in-flight'];

/** Reads a trace into an Execution; the error names the field (`events[3].clock`) and what was expected. */
export function readTrace(text: string, source: string): Failable<Execution> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fail(jsonError(text, e, source));
  }
  const bad = (message: string): Failable<Execution> => fail({ source, message });
  if (!isObject(data)) return bad('expected a JSON object with "format": "dsim-trace"');
  if (data['format'] !== TRACE_FORMAT) return bad(`"format" is ${JSON.stringify(data['format'])}; expected "${TRACE_FORMAT}"`);
  if (data['version'] !== TRACE_VERSION) return bad(`"version" is ${JSON.stringify(data['version'])}; this dsim reads version ${TRACE_VERSION}`);
  const hosts = data['hosts'];
  if (!Array.isArray(hosts) || hosts.length === 0 || !hosts.every((h) => typeof h === 'string')) {
    return bad('"hosts" must be a non-empty array of host names');
  }
  if (!Array.isArray(data['events'])) return bad('"events" must be an array');
  const events: EventInput[] = [];
  for (const [i, raw] of (data['events'] as unknown[]).entries()) {
    const e = readEvent(raw, `events[${i}]`);
    if (typeof e === 'string') return bad(e);
    events.push(e);
  }
  const messages: MessageRecord[] = [];
  const rawMessages = data['messages'] ?? [];
  if (!Array.isArray(rawMessages)) return bad('"messages" must be an array');
  for (const [i, raw] of rawMessages.entries()) {
    const m = readMessage(raw, `messages[${i}]`, events.length);
    if (typeof m === 'string') return bad(m);
    messages.push(m);
  }
  const label = typeof data['label'] === 'string' ? data['label'] : source;
  try {
    return succeed(buildExecution({ label, hosts: hosts as string[], events, messages }));
  } catch (err) {
    if (err instanceof ExecutionError) return bad(`events[${err.eventPosition}]: ${err.message}`);
    throw err;
  }
}

function readEvent(raw: unknown, at: string): EventInput | string {
  if (!isObject(raw)) return `${at} must be an object`;
  const { host, kind, label, timeTicks, clock, fields, sent, received } = raw;
  if (!Number.isInteger(host)) return `${at}.host must be an integer host index`;
  if (!EVENT_KINDS.includes(kind as EventKind)) return `${at}.kind is ${JSON.stringify(kind)}; expected one of ${EVENT_KINDS.join(', ')}`;
  if (typeof label !== 'string') return `${at}.label must be a string`;
  if (timeTicks !== undefined && !Number.isInteger(timeTicks)) return `${at}.timeTicks must be an integer`;
  if (!Array.isArray(clock) || !clock.every((v) => Number.isInteger(v))) return `${at}.clock must be an array of integers`;
  if (!isObject(fields) || !Object.values(fields).every(isStateValue)) {
    return `${at}.fields must be an object of numbers, strings and booleans`;
  }
  if (sent !== undefined && (!Array.isArray(sent) || !sent.every((v) => Number.isInteger(v)))) {
    return `${at}.sent must be an array of message ids`;
  }
  if (received !== undefined && !Number.isInteger(received)) return `${at}.received must be a message id`;
  return {
    host: host as number,
    kind: kind as EventKind,
    label,
    clock: clock as number[],
    fields: fields as State,
    ...(timeTicks === undefined ? {} : { timeTicks: timeTicks as number }),
    ...(sent === undefined ? {} : { sent: sent as number[] }),
    ...(received === undefined ? {} : { received: received as number }),
  };
}

function readMessage(raw: unknown, at: string, eventCount: number): MessageRecord | string {
  if (!isObject(raw)) return `${at} must be an object`;
  const { id, from, to, sendEvent, receiveEvents, fate, dropReason, summary } = raw;
  for (const [k, v] of [['id', id], ['from', from], ['to', to], ['sendEvent', sendEvent]] as const) {
    if (!Number.isInteger(v) || (v as number) < 0) return `${at}.${k} must be a non-negative integer`;
  }
  if ((sendEvent as number) >= eventCount) return `${at}.sendEvent is ${String(sendEvent)}, but there are ${eventCount} events`;
  if (!Array.isArray(receiveEvents) || !receiveEvents.every((v) => Number.isInteger(v) && v >= 0 && v < eventCount)) {
    return `${at}.receiveEvents must be an array of event ids below ${eventCount}`;
  }
  if (!FATES.includes(fate as MessageFate)) return `${at}.fate is ${JSON.stringify(fate)}; expected ${FATES.join(', ')}`;
  if (dropReason !== undefined && typeof dropReason !== 'string') return `${at}.dropReason must be a string`;
  if (typeof summary !== 'string') return `${at}.summary must be a string`;
  return {
    id: id as number,
    from: from as number,
    to: to as number,
    sendEvent: sendEvent as number,
    receiveEvents: receiveEvents as number[],
    fate: fate as MessageFate,
    ...(dropReason === undefined ? {} : { dropReason }),
    summary,
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isStateValue(v: unknown): boolean {
  return typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean';
}
