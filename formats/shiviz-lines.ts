/**
 * Line and column bookkeeping for log readers, in linear time: positions are asked for in increasing order, so the
 * cursor only ever moves forward over the text.
 */

/** Where a character offset lies: 1-based line and column. */
export interface LinePosition {
  readonly line: number;
  readonly column: number;
}

/** A forward-only cursor turning character offsets into lines and columns. */
export class LineCursor {
  private offset = 0;
  private line: number;
  private lineStart = 0;
  /** Offset of the first `\n` at or after `offset` (-1: none), found lazily so a long line is scanned once. */
  private nextNewline: number | undefined;

  /** `firstLine` is the 1-based line number of `text[0]` in the file it came from. */
  constructor(
    private readonly text: string,
    firstLine = 1,
  ) {
    this.line = firstLine;
  }

  /** Position of `target`, which must not be before any offset asked for earlier. */
  at(target: number): LinePosition {
    if (target < this.offset) throw new Error(`LineCursor moved backwards from ${this.offset} to ${target}`);
    let next = this.nextNewline ?? this.text.indexOf('\n', this.offset);
    while (next !== -1 && next < target) {
      this.line++;
      this.lineStart = next + 1;
      next = this.text.indexOf('\n', next + 1);
    }
    this.nextNewline = next;
    this.offset = target;
    return { line: this.line, column: target - this.lineStart + 1 };
  }
}

/** Number of `\n` in `text[from, to)`. */
export function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  let next = text.indexOf('\n', from);
  while (next !== -1 && next < to) {
    count++;
    next = text.indexOf('\n', next + 1);
  }
  return count;
}

/** The first line longer than `charsMax` characters, or undefined when every line fits. */
export function findLongLine(text: string, charsMax: number): { line: number; chars: number } | undefined {
  let start = 0;
  let line = 1;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end - start > charsMax) return { line, chars: end - start };
    start = end + 1;
    line++;
  }
  return undefined;
}
