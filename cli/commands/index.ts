import { checkCommand } from './check.js';
import { checkHistoryCommand } from './check-history.js';
import type { Command } from './command.js';
import { fuzzCommand } from './fuzz.js';
import { listCommand } from './list.js';
import { mergeCommand } from './merge.js';
import { replayCommand } from './replay.js';
import { runCommand } from './run.js';
import { shrinkCommand } from './shrink.js';

/** Every CLI command, in the order `dsim --help` lists them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const COMMANDS: readonly Command<any>[] = [runCommand, replayCommand, fuzzCommand, shrinkCommand, mergeCommand, checkCommand, checkHistoryCommand, listCommand];
