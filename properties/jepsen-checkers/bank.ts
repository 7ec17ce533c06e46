/**
 * Jepsen's bank checker (jepsen.tests.bank): ok `:read`s return every account's balance as a map. Each read is
 * checked in this order and gets at most one error: an account not among the accounts (`unexpected-key`), a nil
 * balance (`nil-balance`), a sum other than the total (`wrong-total`), a negative balance unless allowed
 * (`negative-value`). Jepsen takes the accounts and total from the test map; a history file has no test map, so
 * they are given (`accounts`, `total`) or, as elle-cli does, taken from the first ok read: its keys and its sum.
 */
import { fail, succeed, type Failable } from '../../execution/failable.js';
import type { JepsenHistory, JepsenValue } from '../../execution/history.js';
import { isJepsenMap } from '../../execution/history.js';
import { opRef, valueText, where, type JepsenCheckOptions, type OpRef } from './types.js';

export type BankErrorType = 'unexpected-key' | 'nil-balance' | 'wrong-total' | 'negative-value';

export interface BankError {
  readonly type: BankErrorType;
  readonly op: OpRef;
  /** unexpected-key: the accounts read that are not accounts. */
  readonly unexpected?: readonly string[];
  /** nil-balance: the accounts read as nil. */
  readonly nils?: readonly string[];
  /** wrong-total: the sum read. */
  readonly total?: number;
  /** negative-value: the negative balances, with their accounts. */
  readonly negative?: readonly { readonly account: string; readonly balance: number }[];
}

export interface BankErrorSummary {
  readonly count: number;
  readonly first: BankError;
  /** The most egregious, by Jepsen's measure (keys, nils, relative error of the total, sum of negatives). */
  readonly worst: BankError;
  readonly last: BankError;
  readonly lowest?: BankError;
  readonly highest?: BankError;
}

export interface BankOptions extends JepsenCheckOptions {
  /** The total every read must sum to (default: the first ok read's sum). */
  readonly total?: number;
  /** The account identifiers (default: the first ok read's accounts); numbers and strings compare by their text. */
  readonly accounts?: readonly (string | number)[];
  /** Jepsen's `:negative-balances?`. */
  readonly negativeBalances?: boolean;
}

export interface BankResult {
  readonly checker: 'bank';
  readonly valid: boolean;
  readonly readCount: number;
  readonly errorCount: number;
  readonly firstError?: BankError;
  readonly errors: Partial<Record<BankErrorType, BankErrorSummary>>;
  readonly total: number;
  readonly accounts: readonly string[];
  /** Where the total and the accounts came from. */
  readonly totalFrom: 'option' | 'first read';
  readonly accountsFrom: 'option' | 'first read';
  readonly explanation: readonly string[];
}

/** An account's name: a number or a string (keyword colon dropped), so EDN `0`, JSON `"0"` and `--accounts 0` agree. */
function accountName(k: JepsenValue): string {
  return typeof k === 'string' ? k.replace(/^:/, '') : valueText(k);
}

/** Checks a bank history as Jepsen's bank checker does; a read that is not a map of balances is an input error. */
export function checkJepsenBank(history: JepsenHistory, options: BankOptions = {}): Failable<BankResult> {
  const reads: { index: number; balances: [string, number | null][] }[] = [];
  for (let i = 0; i < history.length; i++) {
    const e = history[i]!;
    if (e.f !== 'read' || e.type !== 'ok') continue;
    const bad = (message: string): Failable<BankResult> => fail({ source: options.source ?? 'history', ...(e.line === undefined ? {} : { line: e.line }), message });
    if (!isJepsenMap(e.value)) return bad(`expected the :read to return a map of accounts to balances, found ${valueText(e.value)}`);
    const balances: [string, number | null][] = [];
    for (const [k, v] of e.value.entries) {
      if (v !== null && typeof v !== 'number') return bad(`expected the balance of account ${accountName(k)} to be a number or nil, found ${valueText(v)}`);
      balances.push([accountName(k), v]);
    }
    reads.push({ index: i, balances });
  }
  const first = reads[0]?.balances ?? [];
  const accounts = options.accounts?.map(String) ?? first.map(([k]) => k);
  const total = options.total ?? first.reduce((s, [, v]) => s + (v ?? 0), 0);
  const known = new Set(accounts);
  const found: BankError[] = [];
  for (const r of reads) {
    const op = opRef(history, r.index);
    const unexpected = r.balances.filter(([k]) => !known.has(k)).map(([k]) => k);
    const nils = r.balances.filter(([, v]) => v === null).map(([k]) => k);
    const sum = r.balances.reduce((s, [, v]) => s + (v ?? 0), 0);
    const negative = r.balances.filter(([, v]) => v !== null && v < 0).map(([account, balance]) => ({ account, balance: balance! }));
    if (unexpected.length > 0) found.push({ type: 'unexpected-key', op, unexpected });
    else if (nils.length > 0) found.push({ type: 'nil-balance', op, nils });
    else if (sum !== total) found.push({ type: 'wrong-total', op, total: sum });
    else if (options.negativeBalances !== true && negative.length > 0) found.push({ type: 'negative-value', op, negative });
  }
  const errors: Partial<Record<BankErrorType, BankErrorSummary>> = {};
  for (const type of ['unexpected-key', 'nil-balance', 'wrong-total', 'negative-value'] as const) {
    const of = found.filter((x) => x.type === type);
    if (of.length === 0) continue;
    const by = (f: (x: BankError) => number, most: boolean): BankError => of.reduce((a, b) => (most ? f(b) > f(a) : f(b) < f(a)) ? b : a);
    errors[type] = {
      count: of.length,
      first: of[0]!,
      worst: by((x) => badness(x, total), true),
      last: of[of.length - 1]!,
      ...(type === 'wrong-total' ? { lowest: by((x) => x.total!, false), highest: by((x) => x.total!, true) } : {}),
    };
  }
  const from = (given: boolean): 'option' | 'first read' => (given ? 'option' : 'first read');
  return succeed({
    checker: 'bank',
    valid: found.length === 0,
    readCount: reads.length,
    errorCount: found.length,
    ...(found.length === 0 ? {} : { firstError: found[0]! }),
    errors,
    total,
    accounts,
    totalFrom: from(options.total !== undefined),
    accountsFrom: from(options.accounts !== undefined),
    explanation: explainBank(found, reads.length, total, accounts, options),
  });
}

function badness(e: BankError, total: number): number {
  if (e.type === 'unexpected-key') return e.unexpected!.length;
  if (e.type === 'nil-balance') return e.nils!.length;
  if (e.type === 'wrong-total') return total > 0 ? Math.abs((e.total! - total) / total) : 0;
  return -e.negative!.reduce((s, x) => s + x.balance, 0);
}

function explainBank(found: readonly BankError[], reads: number, total: number, accounts: readonly string[], options: BankOptions): string[] {
  const totalFrom = options.total === undefined ? 'the sum of the first ok read' : 'given';
  const accountsFrom = options.accounts === undefined ? 'those of the first ok read' : 'given';
  const lines = [`expected total ${total} (${totalFrom}); accounts ${accounts.join(', ') || '(none)'} (${accountsFrom})`];
  for (const e of found.slice(0, 20)) {
    const at = `the read at ${where(e.op)} (process ${e.op.process})`;
    if (e.type === 'unexpected-key') lines.push(`unexpected-key: ${at} has account(s) ${e.unexpected!.join(', ')}, not among the accounts`);
    else if (e.type === 'nil-balance') lines.push(`nil-balance: ${at} has no balance (nil) for account(s) ${e.nils!.join(', ')}`);
    else if (e.type === 'wrong-total') lines.push(`wrong-total: ${at} sums to ${e.total}, not ${total}: ${e.op.value}`);
    else lines.push(`negative-value: ${at} has ${e.negative!.map((x) => `account ${x.account} at ${x.balance}`).join(', ')}`);
  }
  if (found.length > 20) lines.push(`... and ${found.length - 20} more erroneous reads`);
  if (found.length === 0) lines.push(`all ${reads} ok reads sum to ${total}${options.negativeBalances === true ? '' : ' with no negative balance'}`);
  return lines;
}
