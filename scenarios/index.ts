/**
 * The scenario registry. To add a scenario: write `scenarios/<name>.ts` exporting a `Scenario` (or a group of them,
 * `Record<name, Scenario>`), import it here and add one entry (or one spread) below. `ScenarioName` follows from the
 * entries.
 */
import { chainScenarios } from './chain.js';
import { chainDeepScenarios } from './chain-deep.js';
import { durableLogScenarios } from './durable-log.js';
import { electionScenarios } from './election.js';
import { leaseLockScenarios } from './lease-lock.js';
import { paxosScenario } from './paxos.js';
import { pingPong } from './ping-pong.js';
import { raftLogScenario } from './raft-log.js';
import { terminationScenarios } from './termination.js';
import { twoPhaseCommitScenarios } from './two-phase-commit.js';
import type { Scenario } from './types.js';

export const SCENARIOS = {
  'ping-pong': pingPong,
  ...electionScenarios,
  ...chainScenarios,
  ...chainDeepScenarios,
  ...terminationScenarios,
  ...twoPhaseCommitScenarios,
  ...leaseLockScenarios,
  'raft-log': raftLogScenario,
  paxos: paxosScenario,
  ...durableLogScenarios,
} as const satisfies Record<string, Scenario>;

/** Names of the registered scenarios. */
export type ScenarioName = keyof typeof SCENARIOS;

/** The scenario of a name, or undefined. */
export function findScenario(name: string): Scenario | undefined {
  return Object.hasOwn(SCENARIOS, name) ? SCENARIOS[name as ScenarioName] : undefined;
}

/** Registered names, sorted. */
export function scenarioNames(): string[] {
  return Object.keys(SCENARIOS).sort();
}

export type { BuildOptions, Property, PropertyVerdict, RunOutcome, Scenario, ScenarioBuild } from './types.js';
