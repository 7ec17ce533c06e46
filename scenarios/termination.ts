/**
 * Termination detection scenarios: Safra's token algorithm (EWD998), Dijkstra–Scholten and EWD840 (adapted to
 * asynchronous channels), each over the shared diffusing computation (protocols/diffusing), with their properties
 * and bug variants.
 *
 * Properties (detector node p0; basic messages are those whose summary starts with `work`):
 * - `no-false-detection`: ¬Possibly(announced ∧ ¬terminated) over the lattice of consistent cuts, where a cut is
 *   terminated when every process is passive and no basic message is in transit (sent in the cut, received outside
 *   it). Encoded as a disjunction of conjunctive predicates, each decided by weak conjunctive detection.
 * - `detects-termination`: the announcement comes within a named bound of ticks after the later of the end of the
 *   computation (all passive, nothing in transit) and the heal point.
 */
import type { Execution, MessageRecord } from '../execution/types.js';
import { checkModality } from '../properties/lattice/index.js';
import type { CutPredicate, LocalPredicate } from '../properties/predicate-types.js';
import type { WorkConfig } from '../protocols/diffusing/index.js';
import {
  DIJKSTRA_SCHOLTEN_BUGS,
  dijkstraScholtenProtocol,
  type DijkstraScholtenBug,
} from '../protocols/dijkstra-scholten/index.js';
import { EWD840_BUGS, ewd840Protocol, type Ewd840Bug } from '../protocols/ewd840/index.js';
import { SAFRA_BUGS, safraProtocol, type SafraBug } from '../protocols/safra/index.js';
import { NEVER, type FaultPlan, type RandomFaults } from '../sim/plan.js';
import type { AnyProtocol } from '../sim/process.js';
import { stoppedBeforeDeadline, undecided, type Property, type PropertyVerdict, type RunOutcome, type Scenario } from './types.js';

/** The node that starts the computation and announces termination. */
const DETECTOR = 0;
/** Safra and EWD840: token rounds, after the computation ends, within which termination is announced. */
export const SAFRA_ROUNDS_TO_DETECT = 3;
/** Name of the safety property. */
export const NO_FALSE_DETECTION = 'no-false-detection';
/** Name of the liveness property. */
export const DETECTS_TERMINATION = 'detects-termination';

/** True for basic (computation) messages; tokens and acknowledgements are control messages. */
export function isBasic(m: MessageRecord): boolean {
  return m.summary.startsWith('work');
}

type Constraint = readonly [host: number, holds: (k: number) => boolean];

/** A conjunction of per-host constraints as a conjunctive CutPredicate (constraints on one host are merged). */
export function conjunction(text: string, constraints: readonly Constraint[]): CutPredicate {
  const byHost = new Map<number, ((k: number) => boolean)[]>();
  for (const [host, f] of constraints) byHost.set(host, [...(byHost.get(host) ?? []), f]);
  const locals: LocalPredicate[] = [...byHost].map(([host, fs]) => ({ host, holds: (k) => fs.every((f) => f(k)) }));
  return {
    text,
    evaluate: (cut) => locals.every((l) => l.holds(cut[l.host]!)),
    shape: { kind: 'conjunctive', locals },
  };
}

/**
 * The disjuncts of `announced@detector ∧ ¬terminated`: one per host h (`active@h`) and one per basic message m
 * (`k_sender ≥ index of send(m) ∧ k_receiver < index of receive(m)`). Possibly distributes over the disjunction.
 * Order: other hosts, then messages, then the detector itself (whose first counterexample is usually its own
 * activity after a premature announcement, less telling than what was active or in transit when it announced).
 */
export function falseDetectionDisjuncts(exec: Execution, detector = DETECTOR): CutPredicate[] {
  const announced = (k: number): boolean => exec.hostStates[detector]![k]!['announced'] === true;
  const preds: CutPredicate[] = [];
  const activeAt = (h: number): CutPredicate => {
    const active = (k: number): boolean => exec.hostStates[h]![k]!['active'] === true;
    return conjunction(`announced@p${detector} ∧ active@p${h}`, [[detector, announced], [h, active]]);
  };
  for (let h = 0; h < exec.hosts.length; h++) if (h !== detector) preds.push(activeAt(h));
  for (const m of exec.messages) {
    if (!isBasic(m)) continue;
    const sentAt = exec.events[m.sendEvent]!.index;
    const constraints: Constraint[] = [[detector, announced], [m.from, (k) => k >= sentAt]];
    if (m.receiveEvents.length > 0) {
      const receivedAt = Math.min(...m.receiveEvents.map((e) => exec.events[e]!.index));
      constraints.push([m.to, (k) => k < receivedAt]);
    }
    preds.push(conjunction(`announced@p${detector} ∧ in-transit(message ${m.id})`, constraints));
  }
  preds.push(activeAt(detector)); // last: the detector's own later activity makes the least telling counterexample
  return preds;
}

/** What keeps a cut from being terminated, in words: active hosts and basic messages in transit. */
export function describeCut(exec: Execution, cut: Int32Array): string[] {
  const what: string[] = [];
  exec.hosts.forEach((name, h) => {
    if (exec.hostStates[h]![cut[h]!]!['active'] === true) what.push(`${name} active`);
  });
  for (const m of exec.messages) {
    if (!isBasic(m) || cut[m.from]! < exec.events[m.sendEvent]!.index) continue;
    if (m.receiveEvents.some((e) => cut[m.to]! >= exec.events[e]!.index)) continue;
    what.push(`"${m.summary}" p${m.from}→p${m.to} in transit (message ${m.id})`);
  }
  return what;
}

const cutText = (exec: Execution, cut: Int32Array): string =>
  `[${exec.hosts.map((h, i) => `${h}:${cut[i]}`).join(' ')}]`;

/** Safety: ¬Possibly(announced ∧ ¬terminated), by weak conjunctive detection of each disjunct. */
export const noFalseDetection: Property = {
  name: NO_FALSE_DETECTION,
  safety: true,
  description:
    '¬Possibly(announced ∧ ¬terminated): no consistent cut holds the announcement while a process is active or a ' +
    'basic message is in transit',
  check(outcome: RunOutcome): PropertyVerdict {
    const exec = outcome.execution;
    if (!exec.hostStates[DETECTOR]!.some((s) => s['announced'] === true)) return { ok: true };
    let stopped: PropertyVerdict | undefined; // a disjunct the search could not decide; the others still count
    for (const pred of falseDetectionDisjuncts(exec)) {
      const r = checkModality(exec, 'possibly', pred);
      if (r.verdict === 'fails') continue;
      if (r.verdict === 'unknown') {
        stopped ??= undecided(`Possibly(${pred.text}): the search stopped: ${r.stoppedBy ?? 'a limit was reached'}`);
        continue;
      }
      if (r.witness === undefined) return { ok: false, message: `Possibly(${pred.text}) holds but no witness cut was found` };
      const cut = r.witness.cut;
      return {
        ok: false,
        message:
          `p${DETECTOR} announced termination, yet the consistent cut ${cutText(exec, cut)} holds the announcement ` +
          `with ${describeCut(exec, cut).join(', ')} (Possibly(${pred.text}))`,
        witness: r.witness,
      };
    }
    return stopped ?? { ok: true };
  },
};

/** Tick of the end of the computation, or what is still pending at the end of the run. */
function computationEnd(exec: Execution): { readonly endedTicks: number; readonly pending: readonly string[] } {
  const time = (e: number): number => exec.events[e]!.timeTicks ?? 0;
  let endedTicks = 0;
  const pending: string[] = [];
  exec.hosts.forEach((name, h) => {
    const states = exec.hostStates[h]!;
    for (let k = 1; k < states.length; k++) {
      const becamePassive = states[k - 1]!['active'] === true && states[k]!['active'] !== true;
      if (becamePassive) endedTicks = Math.max(endedTicks, time(exec.byHost[h]![k - 1]!));
    }
    if (states[states.length - 1]!['active'] === true) pending.push(`${name} still active`);
  });
  for (const m of exec.messages) {
    if (!isBasic(m)) continue;
    if (m.receiveEvents.length === 0) pending.push(`"${m.summary}" p${m.from}→p${m.to} not delivered (${m.fate})`);
    for (const e of m.receiveEvents) endedTicks = Math.max(endedTicks, time(e));
  }
  return { endedTicks, pending };
}

/** Liveness: the announcement comes within `boundTicks(nodes)` after the computation ends and the plan heals. */
export function detectsTermination(boundTicks: (nodes: number) => number, boundText: string): Property {
  return {
    name: DETECTS_TERMINATION,
    description:
      `eventually: p${DETECTOR} announces within ${boundText} after the computation ends (all passive, nothing ` +
      'in transit) and the heal point',
    check(outcome: RunOutcome): PropertyVerdict {
      const exec = outcome.execution;
      const { endedTicks, pending } = computationEnd(exec);
      const end = `run ended at tick ${outcome.endTicks}, ${outcome.endReason}`;
      const fail = (message: string): PropertyVerdict => ({ ok: false, message });
      const cut = outcome.endReason !== 'quiescent' && outcome.endReason !== 'time-limit';
      if (pending.length > 0) {
        if (cut) return undecided(`the computation had not ended when the run stopped (${end})`);
        return fail(`the computation never ended (${end}): ${pending.join(', ')}`);
      }
      const heal = outcome.healAtTicks;
      const since = `the computation ended at tick ${endedTicks}${heal === undefined ? '' : `, heal at tick ${heal}`}`;
      const bound = boundTicks(outcome.nodeCount);
      const announce = exec.byHost[DETECTOR]!.find((e) => exec.events[e]!.fields['announced'] === true);
      if (announce === undefined) {
        const early = cut ? stoppedBeforeDeadline(outcome, Math.max(endedTicks, heal ?? 0) + bound) : undefined;
        if (early !== undefined) return early;
        return fail(`${since}, but p${DETECTOR} never announced termination (${end}; bound ${bound} ticks)`);
      }
      const announcedTicks = exec.events[announce]!.timeTicks ?? 0;
      const late = announcedTicks - Math.max(endedTicks, heal ?? 0);
      if (late <= bound) return { ok: true };
      return fail(`${since}; p${DETECTOR} announced at tick ${announcedTicks}, ${late} ticks later (bound ${bound})`);
    },
  };
}

/** Largest message delay of every termination scenario, in ticks. */
const DELAY_TICKS_MAX = 8;
/** Random pauses stop here; liveness counts from the later of this and the end of the computation. */
const HEAL_AT_TICKS = 60;
const LIMITS = { eventsMax: 20_000, timeTicksMax: 3_000 } as const;
const PAUSES: RandomFaults = {
  stepTicks: 5,
  crash: NEVER,
  restart: NEVER,
  partition: NEVER,
  heal: NEVER,
  pause: [1, 4],
  resume: [1, 2],
};
/**
 * Both detectors assume reliable channels: no loss, no duplication, no crash (the plan has none). Delays vary in
 * `1..DELAY_TICKS_MAX` and links reorder; random pauses (which hold, never drop, deliveries) until the heal point.
 */
const RELIABLE: FaultPlan = {
  network: { delayTicksMin: 1, delayTicksMax: DELAY_TICKS_MAX, loss: NEVER, duplication: NEVER, ordering: 'unordered' },
  random: PAUSES,
  healAtTicks: HEAL_AT_TICKS,
};
const SMALL_WORK: WorkConfig = { depthMax: 4, fanOutMax: 2, workTicksMin: 1, workTicksMax: 20 };
const LARGE_WORK: WorkConfig = { depthMax: 6, fanOutMax: 2, workTicksMin: 1, workTicksMax: 20 };
const RELIABLE_TEXT =
  `reliable unordered channels, delays 1..${DELAY_TICKS_MAX}, random pauses until tick ${HEAL_AT_TICKS}`;

/** A termination-detection scenario: a detector over a random diffusing computation on reliable channels. */
interface DetectorSpec {
  readonly name: string;
  readonly protocol: string;
  readonly description: string;
  readonly nodesDefault: number;
  readonly nodesMax: number;
  readonly bugs: Readonly<Record<string, string>>;
  readonly make: (bug: string | undefined) => AnyProtocol;
  /** The announcement bound after the computation ends, by cluster size, and its text. */
  readonly boundTicks: (nodes: number) => number;
  readonly boundText: string;
}

function detectorScenario(spec: DetectorSpec): Scenario {
  const liveness = detectsTermination(spec.boundTicks, spec.boundText);
  return {
    name: spec.name,
    protocol: spec.protocol,
    description: spec.description,
    nodesDefault: spec.nodesDefault,
    nodesMin: 2,
    nodesMax: spec.nodesMax,
    bugs: spec.bugs,
    properties: [NO_FALSE_DETECTION, DETECTS_TERMINATION],
    build: ({ bug }) => ({ protocol: spec.make(bug), faults: RELIABLE, limits: LIMITS, properties: [noFalseDetection, liveness] }),
  };
}

function safraScenario(name: string, description: string, work: WorkConfig, nodesDefault: number, nodesMax: number): Scenario {
  return detectorScenario({
    name,
    protocol: 'safra',
    description,
    nodesDefault,
    nodesMax,
    bugs: SAFRA_BUGS,
    make: (bug) => safraProtocol({ work, bug: bug as SafraBug | undefined }),
    boundTicks: (n) => SAFRA_ROUNDS_TO_DETECT * n * DELAY_TICKS_MAX,
    boundText: `${SAFRA_ROUNDS_TO_DETECT} token rounds (${SAFRA_ROUNDS_TO_DETECT} × nodes × ${DELAY_TICKS_MAX} ticks)`,
  });
}

const dijkstraScholten = detectorScenario({
  name: 'dijkstra-scholten',
  protocol: 'dijkstra-scholten',
  description: `Dijkstra–Scholten termination detection over a random diffusing computation; ${RELIABLE_TEXT}`,
  nodesDefault: 3,
  nodesMax: 8,
  bugs: DIJKSTRA_SCHOLTEN_BUGS,
  make: (bug) => dijkstraScholtenProtocol({ work: SMALL_WORK, bug: bug as DijkstraScholtenBug | undefined }),
  boundTicks: (n) => n * DELAY_TICKS_MAX,
  boundText: `a chain of acknowledgements (nodes × ${DELAY_TICKS_MAX} ticks)`,
});

const ewd840 = detectorScenario({
  name: 'ewd840',
  protocol: 'ewd840',
  description: `EWD840 termination detection, adapted with acknowledgements to asynchronous channels; ${RELIABLE_TEXT}`,
  nodesDefault: 3,
  nodesMax: 8,
  bugs: EWD840_BUGS,
  make: (bug) => ewd840Protocol({ work: SMALL_WORK, bug: bug as Ewd840Bug | undefined }),
  boundTicks: (n) => (SAFRA_ROUNDS_TO_DETECT * n + 1) * DELAY_TICKS_MAX,
  boundText:
    `the last acknowledgements and ${SAFRA_ROUNDS_TO_DETECT} token rounds ` +
    `((${SAFRA_ROUNDS_TO_DETECT} × nodes + 1) × ${DELAY_TICKS_MAX} ticks)`,
});

/** The termination scenarios, for the registry. */
export const terminationScenarios = {
  safra: safraScenario(
    'safra',
    `Safra/EWD998 token termination detection over a random diffusing computation; ${RELIABLE_TEXT}`,
    SMALL_WORK,
    3,
    8,
  ),
  'safra/large': safraScenario('safra/large', 'safra on 6 nodes, a deeper computation (depth 6)', LARGE_WORK, 6, 12),
  'dijkstra-scholten': dijkstraScholten,
  ewd840,
} as const satisfies Record<string, Scenario>;
