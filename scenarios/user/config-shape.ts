/**
 * The shapes a user's file may export, told apart structurally (a file loaded by the TypeScript loader may hold
 * values made by another copy of dsim, so `instanceof` and module-level symbols cannot be trusted).
 */
import type { Model } from '../../properties/linearizability/model.js';
import type { Scenario } from '../types.js';

/** Marks a `defineConfig` result. A registered symbol: the same in every copy of dsim. */
export const CONFIG_BRAND: unique symbol = Symbol.for('dsim.config') as never;

/** A `defineConfig` result. */
export interface DsimConfig {
  readonly [CONFIG_BRAND]: true;
  readonly scenarios: readonly Scenario[];
  /** Models for `dsim check-history --model <name>` (`defineModel` results). */
  readonly models: readonly Model<unknown>[];
}

/** True for a value with a scenario's shape (a `defineScenario` result, or a built-in). */
export function isScenario(value: unknown): value is Scenario {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Partial<Record<keyof Scenario, unknown>>;
  return (
    typeof s.name === 'string' &&
    typeof s.build === 'function' &&
    typeof s.nodesDefault === 'number' &&
    typeof s.bugs === 'object' &&
    Array.isArray(s.properties)
  );
}

/** True for a config: a `defineConfig` result, or a plain object with a `scenarios` or `models` array. */
export function isConfig(value: unknown): value is { readonly scenarios: readonly unknown[]; readonly models?: readonly unknown[] } {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { scenarios?: unknown; models?: unknown };
  return (value as Record<PropertyKey, unknown>)[CONFIG_BRAND] === true || Array.isArray(v.scenarios) || Array.isArray(v.models);
}
