/**
 * dsim's own history file: `{"format": "dsim-history", "version": 1, "history": [HistoryEvent, ...]}` (see
 * docs/linearizability.md). Reading reports the line of the offending event; writing puts one event per line.
 */
import { fail, succeed, type Failable } from '../../execution/failable.js';
import type { History, HistoryEvent, HistoryValue } from '../../execution/history.js';

const TYPES: ReadonlySet<unknown> = new Set(['invoke', 'ok', 'fail', 'info']);

/** Writes `history` as a dsim history file, one event per line (without `line` fields). */
export function formatDsimHistory(history: History): string {
  const events = history.map((event) => {
    const { line: _line, ...rest } = event;
    return `  ${JSON.stringify(rest)}`;
  });
  return `{"format": "dsim-history", "version": 1, "history": [\n${events.join(',\n')}\n]}\n`;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Start offsets of the elements of the top-level `"history"` array (a light scan of already valid JSON). */
function historyElementOffsets(text: string): number[] {
  const offsets: number[] = [];
  let depth = 0;
  let lastKey = '';
  let inHistory = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t') continue;
    if (inHistory && depth === 2 && expectElement && c !== ']') offsets.push(i);
    expectElement = false;
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (depth === 1) lastKey = text.slice(i + 1, j);
      i = j;
    } else if (c === '[' || c === '{') {
      depth++;
      if (c === '[' && depth === 2 && lastKey === 'history') {
        inHistory = true;
        expectElement = true;
      }
    } else if (c === ']' || c === '}') {
      if (inHistory && depth === 2) return offsets;
      depth--;
    } else if (c === ',' && inHistory && depth === 2) expectElement = true;
  }
  return offsets;
}

function isValue(value: unknown): value is HistoryValue {
  if (value === null || typeof value === 'string') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  return Array.isArray(value) && value.every(isValue);
}

function checkEvent(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'expected an event object';
  const e = raw as Record<string, unknown>;
  if (!Number.isInteger(e['process']) || (e['process'] as number) < 0) return 'expected "process" to be a non-negative integer';
  if (!TYPES.has(e['type'])) return 'expected "type" to be "invoke", "ok", "fail" or "info"';
  if (typeof e['f'] !== 'string' || e['f'] === '') return 'expected "f" to be a non-empty string';
  if (e['key'] !== undefined && typeof e['key'] !== 'string') return 'expected "key" to be a string';
  if (!('value' in e) || !isValue(e['value'])) return 'expected "value" to be null, a number, a string or an array of those';
  const ticks = e['timeTicks'];
  if (ticks !== undefined && (!Number.isInteger(ticks) || (ticks as number) < 0)) return 'expected "timeTicks" to be a non-negative integer';
  return undefined;
}

/** Reads a dsim history file. */
export function parseDsimHistory(text: string, source: string): Failable<History> {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const detail = message.replace(/^.*?JSON(\.parse)?:?\s*/, '').replace(/\s*(in JSON )?at position \d+.*$/, '');
    if (position === null) return fail({ source, message: `not valid JSON: ${detail}` });
    return fail({ source, line: lineAt(text, Number(position[1])), message: `not valid JSON: ${detail}` });
  }
  const top = root as Record<string, unknown>;
  if (typeof root !== 'object' || root === null || top['format'] !== 'dsim-history') {
    return fail({ source, line: 1, message: 'expected a JSON object with "format": "dsim-history"' });
  }
  if (top['version'] !== 1) return fail({ source, line: 1, message: `unsupported dsim-history version ${JSON.stringify(top['version'])} (expected 1)` });
  if (!Array.isArray(top['history'])) return fail({ source, line: 1, message: 'expected "history" to be an array of events' });
  const offsets = historyElementOffsets(text);
  const events: HistoryEvent[] = [];
  for (let i = 0; i < top['history'].length; i++) {
    const raw = top['history'][i] as unknown;
    const offset = offsets[i];
    const line = offset === undefined ? undefined : lineAt(text, offset);
    const problem = checkEvent(raw);
    if (problem !== undefined) {
      const message = `history[${i}]: ${problem}`;
      return fail(line === undefined ? { source, message } : { source, line, message });
    }
    const e = raw as HistoryEvent;
    const event: HistoryEvent = {
      process: e.process, type: e.type, f: e.f, value: e.value,
      ...(e.key === undefined ? {} : { key: e.key }),
      ...(e.timeTicks === undefined ? {} : { timeTicks: e.timeTicks }),
      ...(line === undefined ? {} : { line }),
    };
    events.push(event);
  }
  return succeed(events);
}
