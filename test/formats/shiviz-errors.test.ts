import { describe, expect, test } from 'vitest';
import { formatInputError } from '../../execution/failable.js';
import { parseShiViz } from '../../formats/shiviz.js';
import { err, ok } from './helpers.js';

/** A GoVector log from [host, clock, text] triples. */
function log(...events: [string, string, string][]): string {
  return events.map(([host, clock, text]) => `${host} ${clock}\n${text}`).join('\n');
}

function read(text: string, extra: { parser?: string; delimiter?: string; uploadFormat?: boolean } = {}) {
  return parseShiViz(text, { source: 'bad.log', ...extra });
}

describe('ShiViz validity rules, one broken at a time', () => {
  test('a valid two-host log reads (the baseline the cases below break)', () => {
    const [exec] = ok(read(log(['a', '{"a":1}', 'x'], ['b', '{"a":1, "b":1}', 'y'], ['a', '{"a":2}', 'z'])));
    expect(exec!.events.map((e) => e.label)).toEqual(['x', 'y', 'z']);
  });

  test('local host missing from its own timestamp', () => {
    const e = err(read(log(['a', '{"a":1}', 'x'], ['b', '{"a":1}', 'y'])));
    expect(e).toMatchObject({ source: 'bad.log', line: 3, column: 3 });
    expect(e.message).toContain('lacks an entry for its own host "b"');
  });

  test('a clock that does not start at 1', () => {
    const e = err(read(log(['a', '{"a":1}', 'x'], ['b', '{"a":1, "b":2}', 'y'])));
    expect(e).toMatchObject({ line: 3 });
    expect(e.message).toContain('host "b" starts its clock at 2, expected 1');
  });

  test('a gap in a host\'s clock values', () => {
    const e = err(read(log(['a', '{"a":1}', 'x'], ['a', '{"a":2}', 'y'], ['a', '{"a":4}', 'z'])));
    expect(e).toMatchObject({ line: 5 });
    expect(e.message).toContain('jumps from 2 (line 3) to 4, expected 3');
  });

  test('a repeated clock value', () => {
    const e = err(read(log(['a', '{"a":1}', 'x'], ['a', '{"a":2}', 'y'], ['a', '{"a":2}', 'z'])));
    expect(e).toMatchObject({ line: 5 });
    expect(e.message).toContain('has clock 2 twice (also on line 3)');
  });

  test('a timestamp naming a host that logs no event', () => {
    const e = err(read(log(['a', '{"a":1}', 'x'], ['a', '{"a":2, "ghost":1}', 'y'])));
    expect(e).toMatchObject({ line: 3 });
    expect(e.message).toContain('names host "ghost", which logs no event');
  });

  test('a clock counting more events of a host than it logs', () => {
    const e = err(read(log(['a', '{"a":1}', 'x'], ['b', '{"a":3, "b":1}', 'y'])));
    expect(e).toMatchObject({ line: 3 });
    expect(e.message).toContain('counts 3 events of "a", but "a" logs only 1');
  });

  test('a clock that is not what the happened-before edges imply (not transitive)', () => {
    const text = log(['a', '{"a":1}', 'x'], ['b', '{"a":1, "b":1}', 'y'], ['c', '{"b":1, "c":1}', 'z']);
    const e = err(read(text));
    expect(e).toMatchObject({ line: 5 });
    expect(e.message).toContain('includes event 1 of "b" (line 3), which had seen 1 events of "a", but counts only 0');
  });

  test('a host entry that goes down', () => {
    const text = log(['b', '{"b":1}', 'w'], ['a', '{"a":1, "b":1}', 'x'], ['a', '{"a":2}', 'y']);
    const e = err(read(text));
    expect(e).toMatchObject({ line: 5 });
    expect(e.message).toContain('entry for "b" goes down from 1 (line 3) to 0');
  });

  test('clocks that cannot be put in order (each event saw the other)', () => {
    const e = err(read(log(['a', '{"a":1, "b":1}', 'x'], ['b', '{"a":1, "b":1}', 'y'])));
    expect(e).toMatchObject({ line: 1 });
    expect(e.message).toContain('happened-before cycle, event 1 of "a" (line 1) waits for event 1 of "b" (line 3)');
  });

  test('Windows line ends read like Unix ones', () => {
    const [exec] = ok(read(log(['a', '{"a":1}', 'x'], ['a', '{"a":2}', 'y']).replaceAll('\n', '\r\n')));
    expect(exec!.events.map((e) => e.label)).toEqual(['x', 'y']);
  });

  test('events of a host out of order in the file are accepted and sorted, as ShiViz does', () => {
    const [exec] = ok(read(log(['a', '{"a":2}', 'second'], ['a', '{"a":1}', 'first'])));
    expect(exec!.events.map((e) => e.label)).toEqual(['first', 'second']);
  });

  test('a clock that is not JSON, not an object, or has a non-count entry', () => {
    const notJson = err(read(log(['a', '{"a":1}', 'x'], ['a', '{a:2}', 'y'])));
    expect(notJson).toMatchObject({ line: 3, column: 3 });
    expect(notJson.message).toMatch(/^the clock "\{a:2\}" is not JSON, expected an object of host → event count \(.+\)$/);
    const array = err(read('a [1]\nx', { parser: String.raw`(?<host>\S*) (?<clock>\[.*\])\n(?<event>.*)` }));
    expect(array.message).toContain('is not a JSON object');
    expect(err(read(log(['a', '{"a":1.5}', 'x']))).message).toContain('gives 1.5 for "a", expected a whole number');
    expect(err(read(log(['a', '{"a":0}', 'x']))).message).toContain('gives 0 for its own host "a"');
  });

  test('zero entries are ignored, including for hosts that never log', () => {
    const [exec] = ok(read(log(['a', '{"a":1, "nobody":0}', 'x'])));
    expect(exec!.hosts).toEqual(['a']);
  });

  test('line numbers count from the file: upload header, leading blank lines, later executions', () => {
    const header = String.raw`(?<host>\S*) (?<clock>{.*})\n(?<event>.*)` + '\n^== (?<trace>.*) ==$\n';
    const body = '\n\n== one ==\n' + log(['a', '{"a":1}', 'x']) + '\n== two ==\n' + log(['a', '{"a":1}', 'x'], ['a', '{"a":3}', 'y']);
    const e = err(read(header + body));
    // header 2 lines, 2 blank, '== one ==' (5), a (6), x (7), '== two ==' (8), a (9), x (10), a (11)
    expect(e).toMatchObject({ source: 'bad.log', line: 11 });
  });

  test('a bad parser regex names --parser and gives the JavaScript message', () => {
    const e = err(read('a {"a":1}\nx', { parser: '(?<host>\\S*) (?<clock>{.*' }));
    expect(e.source).toBe('--parser');
    expect(e.line).toBeUndefined();
    expect(e.message).toMatch(/^the parser regex is not a valid JavaScript regular expression \(Invalid regular expression: .+\)$/);
    expect(err(read('a {"a":1}\nx', { delimiter: '(' })).source).toBe('--delimiter');
  });

  test('a bad regex in the upload header names the file and line 1', () => {
    const e = err(read('(?<host>\\S*) (?<clock>{.*})\\n(?<event>.*)(\n\na {"a":1}\nx'));
    expect(e).toMatchObject({ source: 'bad.log', line: 1 });
    expect(e.message).toContain('not a valid JavaScript regular expression');
  });

  test('a parser regex without the required named groups', () => {
    const e = err(read('a {"a":1}\nx', { parser: String.raw`(?<host>\S*) (?<clk>{.*})\n(?<ev>.*)` }));
    expect(e).toEqual({
      source: '--parser',
      message: 'the parser regex lacks the named group (?<clock>...), (?<event>...); it needs host, clock and event',
    });
  });

  test('limits are options: clock cells and line length', () => {
    const text = log(['a', '{"a":1}', 'x'], ['b', '{"b":1}', 'y'], ['c', '{"c":1}', 'z']);
    const cells = err(parseShiViz(text, { source: 'bad.log', limits: { clockCellsMax: 8 } }));
    expect(cells).toEqual({ source: 'bad.log', message: '3 events of 3 hosts need 9 clock entries, more than the limit of 8' });
    const line = err(parseShiViz(text, { source: 'bad.log', limits: { lineCharsMax: 8 } }));
    expect(line).toMatchObject({ line: 1, message: 'the line has 9 characters, more than the limit of 8; expected a log' });
  });

  test('a delimiter without a trace group numbers the executions', () => {
    const text = log(['a', '{"a":1}', 'x']) + '\n--\n' + log(['b', '{"b":1}', 'y']);
    const executions = ok(read(text, { delimiter: '^--$' }));
    expect(executions.map((e) => [e.label, e.hosts])).toEqual([
      ['bad.log #1', ['a']],
      ['bad.log #2', ['b']],
    ]);
  });

  test('an empty log, and a log the regex does not match', () => {
    expect(err(read(''))).toEqual({ source: 'bad.log', message: 'the log is empty, expected vector-clocked events' });
    expect(err(read(' \n\t\n')).message).toBe('the log is empty, expected vector-clocked events');
    const e = err(read('\nhello world\nnothing here\n'));
    expect(formatInputError(e)).toBe(
      'bad.log, line 2: the parser regex matched no event in execution "bad.log", expected at least one',
    );
  });
});

/**
 * `length` characters of pseudo-random printable junk (no spaces or braces, so nothing looks like a clock), a
 * 1,000,000-character block repeated; with `lineChars`, a newline ends every line of that many characters.
 */
function garbage(length: number, lineChars: number | undefined): string {
  const block = Buffer.alloc(1_000_000);
  let seed = 12345;
  for (let i = 0; i < block.length; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const c = 33 + ((seed >>> 16) % 90); // '!' .. 'z': no space, no '{' or '}'
    block[i] = lineChars !== undefined && i % lineChars === lineChars - 1 ? 10 : c;
  }
  return Buffer.alloc(length, block).toString('latin1');
}

describe('100 MB of garbage gives one clear error (its speed is not asserted: a loaded machine is no measure)', () => {
  test('one endless line', () => {
    const text = garbage(100_000_000, undefined);
    const e = err(read(text));
    expect(e).toEqual({
      source: 'bad.log',
      line: 1,
      message: 'the line has 100000000 characters, more than the limit of 1048576; expected a log',
    });
  });

  test('a million lines of junk', () => {
    const text = garbage(100_000_000, 100);
    const e = err(read(text));
    expect(e.line).toBe(1);
    expect(e.message).toBe(
      'the parser regex matched no event in execution "bad.log" within its first 4194304 characters, expected a log the regex fits',
    );
  });
});
