/** The shell commands dsim prints: exact, quoted where needed, so that they can be pasted as they are. */

/** Shell-quotes one argument when it needs it, so a printed command can be pasted as it is. */
export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** `npx dsim run <scenario> --seed N [--bug B] [--nodes K]`: the exact command that reproduces a run. */
export function runCommandLine(run: {
  readonly scenario: string;
  readonly seed: number;
  readonly bug?: string | undefined;
  readonly nodes?: number | undefined;
  readonly swarm?: boolean | undefined;
  /** `--config <file>`, for a user's scenario whose config is not the one found in the working directory. */
  readonly config?: string | undefined;
}): string {
  const parts = ['npx', 'dsim', 'run', run.scenario, '--seed', String(run.seed)];
  if (run.config !== undefined) parts.push('--config', run.config);
  if (run.bug !== undefined) parts.push('--bug', run.bug);
  if (run.nodes !== undefined) parts.push('--nodes', String(run.nodes));
  if (run.swarm === true) parts.push('--swarm');
  return parts.map(shellQuote).join(' ');
}
