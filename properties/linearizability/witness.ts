/**
 * The witness of a linearizable history: the linearization the search found, one order per part of a split history.
 * Operations of unknown outcome appear only where the order includes them (they took effect); `:fail` operations and
 * read-only operations of unknown outcome were dropped before the search, so they never appear.
 */
import type { Model } from './model.js';
import type { Operation } from './operations.js';
import type { HistoryPart } from './partition.js';

/** One operation of a witness. */
export interface WitnessOperation {
  readonly process: number;
  /** `p3 write 4 (line 12)`. */
  readonly description: string;
  /** Position (0-based) of its invoke event in the history. */
  readonly event: number;
  /** Line of its invoke event, when read from a file. */
  readonly line?: number;
}

/** The linearization of one part of the history (of the whole, without splitting). */
export interface WitnessPart {
  /** The key of the part, when the history was split. */
  readonly partition?: string;
  readonly operations: readonly WitnessOperation[];
}

/** `p3 write 4 (line 12)`. */
export function describeOperation(model: Model<unknown>, op: Operation): string {
  const line = op.callLine === undefined ? '' : ` (line ${op.callLine})`;
  return `p${op.process} ${model.describe(op.input, op.output)}${line}`;
}

/** The witness of `part`, from the search's order (indices into `part.ops`). */
export function witnessOf(model: Model<unknown>, part: HistoryPart, order: readonly number[]): WitnessPart {
  const operations = order.map((i): WitnessOperation => {
    const op = part.ops[i] as Operation;
    return {
      process: op.process, description: describeOperation(model, op), event: op.callIndex,
      ...(op.callLine === undefined ? {} : { line: op.callLine }),
    };
  });
  return part.key === undefined ? { operations } : { partition: part.key, operations };
}

/** Printable lines of a witness: each part's operations in their order. */
export function formatWitness(witness: readonly WitnessPart[]): string[] {
  const lines: string[] = [];
  for (const part of witness) {
    const count = `${part.operations.length} operation${part.operations.length === 1 ? '' : 's'}`;
    lines.push(part.partition === undefined ? `linearization (${count}):` : `key ${JSON.stringify(part.partition)}, linearization (${count}):`);
    for (const op of part.operations) lines.push(`  ${op.description}`);
  }
  return lines;
}
