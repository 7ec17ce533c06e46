/**
 * Posets in the cgs-enumeration format: one event per line, `pid:(v0,...,vN-1)`, the event's process and its vector
 * clock; a process's events appear in order. Processes are hosts `p0` .. `pN-1`.
 */
import type { Failable } from '../execution/failable.js';
import { fail } from '../execution/failable.js';
import type { Execution } from '../execution/types.js';
import { orderExecution } from './shiviz-order.js';
import { CLOCK_CELLS_MAX_DEFAULT, validateEvents } from './shiviz-validate.js';
import type { RawEvent } from './shiviz-validate.js';

const LINE = /^\s*(\d+)\s*:\s*\(([^()]*)\)\s*$/;
const COUNT = /^\s*\d+\s*$/;

/** Reads a poset file; `source` names it in errors and labels the execution. */
export function parsePoset(text: string, source: string): Failable<Execution> {
  const raw: RawEvent[] = [];
  let width = -1;
  let start = 0;
  for (let line = 1; start < text.length; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const content = text.slice(start, end);
    start = end + 1;
    if (content.trim() === '') continue;
    const expected = 'expected an event as pid:(v0,...,vN-1), a process number and its vector clock';
    const m = LINE.exec(content);
    if (m === null) return fail({ source, line, message: `the line is not an event, ${expected}` });
    const parts = m[2]!.split(',');
    const bad = parts.findIndex((p) => !COUNT.test(p));
    if (bad >= 0) return fail({ source, line, message: `clock entry ${bad + 1} is not a whole number, ${expected}` });
    const clock = parts.map(Number);
    if (width < 0) width = clock.length;
    if (clock.length !== width) {
      return fail({ source, line, message: `the clock has ${clock.length} entries, expected ${width} like line 1's` });
    }
    const pid = Number(m[1]);
    if (pid >= width) {
      return fail({ source, line, message: `process ${pid} does not exist, expected a process below ${width}` });
    }
    raw.push({
      host: `p${pid}`,
      own: clock[pid]!,
      clock: clock.flatMap((v, j) => (v > 0 ? [[`p${j}`, v] as const] : [])),
      text: `event ${clock[pid]} of p${pid}`,
      fields: {},
      line,
      column: m[0].indexOf('(') + 1,
    });
  }
  if (raw.length === 0) return fail({ source, message: 'the file holds no event, expected lines pid:(v0,...,vN-1)' });
  const hosts = Array.from({ length: width }, (_, j) => `p${j}`);
  const valid = validateEvents(source, hosts, raw, CLOCK_CELLS_MAX_DEFAULT);
  if (!valid.ok) return valid;
  return orderExecution(source, source.split(/[\\/]/).pop() ?? source, raw, valid.value);
}
