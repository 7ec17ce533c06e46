/** The scenario listing (`dsim list`). Fuzzing is search/fuzz/ (campaigns on workers) and api/fuzz.ts (the library's). */
import { SCENARIOS } from '../scenarios/index.js';
import type { Scenario } from '../scenarios/types.js';

/** A scenario as `list` shows it. */
export interface ScenarioInfo {
  readonly name: string;
  readonly protocol: string;
  readonly description: string;
  readonly nodesDefault: number;
  readonly nodesMin: number;
  readonly bugs: readonly string[];
  readonly bugDescriptions: Readonly<Record<string, string>>;
  readonly properties: readonly string[];
  /** The file a user's scenario comes from (absolute); absent for a built-in. */
  readonly file?: string;
}

/** Every built-in scenario (or every one of `scenarios`), sorted by name. */
export function listScenarios(scenarios: readonly Scenario[] = Object.values(SCENARIOS as Record<string, Scenario>)): ScenarioInfo[] {
  return scenarios
    .map((s) => ({
      name: s.name,
      protocol: s.protocol,
      description: s.description,
      nodesDefault: s.nodesDefault,
      nodesMin: s.nodesMin,
      bugs: Object.keys(s.bugs),
      bugDescriptions: s.bugs,
      properties: s.properties,
      ...(s.origin?.file === undefined ? {} : { file: s.origin.file }),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
