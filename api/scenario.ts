/**
 * `defineScenario`: a scenario written in the user's own test file. It is a value (nothing is registered): pass it
 * to `run`, `replay` and `fuzz`. The value implements the registry's `Scenario` interface, so a scenario that grows
 * up can move into scenarios/ unchanged.
 */
import type { State } from '../execution/types.js';
import type { Limits } from '../sim/limits.js';
import type { FaultPlan } from '../sim/plan.js';
import { NETWORK_RELIABLE } from '../sim/plan.js';
import type { AnyProtocol } from '../sim/process.js';
import { validateLimits, validatePlan } from '../sim/validate.js';
import type { Workload } from '../sim/workload/types.js';
import { validateWorkload } from '../sim/workload/validate.js';
import type { BuildOptions, Property, Scenario, ScenarioBuild } from '../scenarios/types.js';
import { definitionHash, fileText, modulePath } from '../scenarios/origin.js';
import { rejectIf, valueOrThrow } from './errors.js';

/** What the fault plan (or protocol) of a scenario may depend on: the bug variant and the cluster size. */
export interface VariantOptions<B extends string> {
  readonly bug: B | undefined;
  readonly nodes: number;
}

/**
 * What a user writes to define a scenario. `B` is the union of its bug names, inferred from the keys of `bugs` only
 * (a protocol factory may accept more names than the scenario lists).
 */
export interface ScenarioSpec<B extends string> {
  readonly name: string;
  readonly description?: string;
  /** The protocol, or a function giving the protocol of a bug variant (`undefined`: the correct one). */
  readonly protocol: AnyProtocol | ((bug: NoInfer<B> | undefined) => AnyProtocol);
  /** Cluster size of a run that does not ask for another (`run(s, { nodes })`). */
  readonly nodes: number;
  /** Smallest cluster a run may ask for (default 1); `nodesMax` the largest (default: unbounded). */
  readonly nodesMin?: number;
  readonly nodesMax?: number;
  /** The fault plan, or a function of the variant; default: a reliable FIFO network (`NETWORK_RELIABLE`), no faults. */
  readonly faults?: FaultPlan | ((variant: VariantOptions<NoInfer<B>>) => FaultPlan);
  /**
   * Client processes apart from the protocol (docs/workloads.md), or a function of the variant: clients `c0, c1, ...`
   * whose requests reach the protocol's `onClientRequest` and whose history `linearizable(...)` checks.
   */
  readonly workload?: Workload | ((variant: VariantOptions<NoInfer<B>>) => Workload);
  /** Limits of each run (events, virtual time); defaults: `LIMITS_DEFAULT`. */
  readonly limits?: Partial<Limits>;
  /** The properties every run must satisfy (`always`, `eventually`, `never`, `linearizable`, `property`). */
  readonly properties: readonly Property[];
  /** Bug variants: name → what the bug does. The names are the only values `run(s, { bug })` accepts. */
  readonly bugs?: { readonly [K in B]: string };
  /**
   * The module that defines (and exports) this scenario: pass `import.meta.url`. With it, `fuzz(s, { workers })`
   * runs on worker threads (each imports the module and finds the scenario by name) and its repro files replay
   * from the shell with `npx dsim replay`. Not needed for scenarios listed in `dsim.config.ts`. Never a test file:
   * importing one outside vitest fails.
   */
  readonly module?: string | URL;
  /**
   * A node's abstract state for `strategy: 'coverage'` (and the figures every campaign reports): a short string of
   * the node's observed fields that names its situation and drops what does not matter, such as
   * `(s) => `${s.role}|${s.log > s.commit ? 'ahead' : 'even'}``. Default: the fields, numbers bucketed by size.
   */
  readonly abstractState?: (observed: State, node: number) => string;
}

/** A defined scenario: a value for `run`, `replay` and `fuzz`. */
export interface DefinedScenario<B extends string = string> extends Scenario {
  readonly bugs: Readonly<Record<B, string>>;
}

/**
 * Defines a scenario. Checks it at once and throws a `DsimInputError` naming the first mistake: an empty name, a
 * cluster size out of range, two properties with one name, an invalid fault plan (for the correct protocol and for
 * every bug variant) or invalid limits.
 *
 * @example
 * const scenario = defineScenario({
 *   name: 'two-phase-commit', protocol: twoPhaseCommit, nodes: 4,
 *   faults: { network: NETWORK_RELIABLE, scripted: [{ atTicks: 9, action: { kind: 'crash', node: 0 } }], healAtTicks: 60 },
 *   properties: [never('atomicity', 'any(decision == "commit") && any(decision == "abort")')],
 *   bugs: { 'commit-on-yes': 'a participant commits as soon as it votes yes' },
 * });
 */
export function defineScenario<const B extends string = never>(spec: ScenarioSpec<B>): DefinedScenario<B> {
  const source = `scenario ${JSON.stringify(spec.name)}`;
  rejectIf('scenario', spec.name.trim() === '' ? 'the name is empty; give the scenario a name' : undefined);
  const nodesMin = spec.nodesMin ?? 1;
  const nodesMax = spec.nodesMax ?? Infinity;
  const sizeOk = Number.isInteger(spec.nodes) && spec.nodes >= nodesMin && spec.nodes <= nodesMax;
  rejectIf(source, sizeOk ? undefined : `nodes is ${spec.nodes}; expected an integer from ${nodesMin} to ${nodesMax}`);
  const names = spec.properties.map((p) => p.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  rejectIf(source, twice === undefined ? undefined : `two properties are named "${twice}"; names must differ`);
  if (spec.limits !== undefined) valueOrThrow(validateLimits(spec.limits, `${source} limits`));
  const bugs: Readonly<Record<B, string>> = spec.bugs ?? ({} as Record<B, string>);
  const protocolOf = (bug: B | undefined): AnyProtocol =>
    typeof spec.protocol === 'function' ? spec.protocol(bug) : spec.protocol;
  const faultsOf = (variant: VariantOptions<B>): FaultPlan => {
    const f = spec.faults ?? { network: NETWORK_RELIABLE };
    return typeof f === 'function' ? f(variant) : f;
  };
  for (const bug of [undefined, ...(Object.keys(bugs) as B[])]) {
    const variant = bug === undefined ? 'fault plan' : `fault plan (bug ${bug})`;
    valueOrThrow(validatePlan(faultsOf({ bug, nodes: spec.nodes }), spec.nodes, `${source} ${variant}`));
  }
  const workloadOf = (variant: VariantOptions<B>): Workload | undefined =>
    typeof spec.workload === 'function' ? spec.workload(variant) : spec.workload;
  for (const bug of [undefined, ...(Object.keys(bugs) as B[])]) {
    const w = workloadOf({ bug, nodes: spec.nodes });
    if (w === undefined) continue;
    valueOrThrow(validateWorkload(w, spec.nodes, `${source} workload${bug === undefined ? '' : ` (bug ${bug})`}`));
    const p = protocolOf(bug);
    rejectIf(source, p.onClientRequest === undefined ? `protocol ${p.name} has no onClientRequest handler, but the scenario has a workload` : undefined);
  }
  const protocolName = protocolOf(undefined).name;
  const file = modulePath(spec.module);
  rejectIf(source, spec.module !== undefined && file === undefined ? `module is ${JSON.stringify(String(spec.module))}; pass import.meta.url` : undefined);
  const variants = Object.fromEntries(
    [undefined, ...(Object.keys(bugs) as B[])].map((bug) => [bug ?? '', { protocol: protocolOf(bug), faults: faultsOf({ bug, nodes: spec.nodes }), ...(spec.workload === undefined ? {} : { workload: workloadOf({ bug, nodes: spec.nodes }) }) }]),
  );
  const hash = definitionHash({
    name: spec.name,
    description: spec.description ?? '',
    nodes: [spec.nodes, nodesMin, spec.nodesMax ?? null],
    bugs,
    properties: spec.properties,
    limits: spec.limits ?? null,
    variants,
    moduleText: file === undefined ? null : fileText(file),
  });
  return {
    name: spec.name,
    protocol: protocolName,
    description: spec.description ?? `${protocolName} on ${spec.nodes} nodes`,
    nodesDefault: spec.nodes,
    nodesMin,
    ...(spec.nodesMax === undefined ? {} : { nodesMax: spec.nodesMax }),
    bugs,
    properties: names,
    build: (opts: BuildOptions): ScenarioBuild => {
      const bug = opts.bug as B | undefined;
      return {
        protocol: protocolOf(bug),
        faults: faultsOf({ bug, nodes: opts.nodes }),
        ...(spec.limits === undefined ? {} : { limits: spec.limits }),
        properties: spec.properties,
        ...(spec.workload === undefined ? {} : { workload: workloadOf({ bug, nodes: opts.nodes })! }),
        ...(spec.abstractState === undefined ? {} : { abstractState: spec.abstractState }),
      };
    },
    origin: { definitionHash: hash, ...(file === undefined ? {} : { file }) },
  };
}
