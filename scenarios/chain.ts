/**
 * Chain replication scenarios (protocols/chain; docs/protocols/chain.md) and their two properties:
 *
 * - `linearizable`: the clients' key-value history is linearizable (properties/linearizability, model `kv`).
 * - `update-propagation`: never (not even Possibly) do two replicas that name each other as neighbours — A's
 *   successor is B and B's predecessor is A — hold histories where B's hist is not a prefix of A's. Along a chain
 *   whose neighbours agree this is hist(tail) ⪯ … ⪯ hist(i) ⪯ … ⪯ hist(head); it is checked pairwise
 *   (properties/pairwise.ts) over every ordered pair of replicas, so configurations that change over time are
 *   covered by the replicas' own recorded views.
 *
 * Layout: p0 master, p1..pR the initial chain (head p1), then spares, then clients. Links between servers are
 * reliable and FIFO (the paper's assumption); client↔replica links lose messages (clients time out). Replicas
 * crash and restart; a restarted replica has lost its state and joins again at the tail.
 */
import type { Execution } from '../execution/types.js';
import { chainProtocol, type ChainBug, type ChainOptions } from '../protocols/chain/index.js';
import { checkHistory, formatExplanation } from '../properties/linearizability/index.js';
import { possiblyOnPair } from '../properties/pairwise.js';
import type { FaultPlan, LinkOverride, ScriptedFault } from '../sim/plan.js';
import { undecided, type Property, type PropertyVerdict, type RunOutcome, type Scenario } from './types.js';

const BUGS: Readonly<Record<ChainBug, string>> = {
  'tail-acks-before-apply': 'the tail replies and acknowledges an update before applying it (it applies it a few ticks later), so a read at the tail can miss a write that already returned',
  'reads-at-head': 'queries are sent to and served by the head, which may hold updates that a head failure then loses: a later read no longer sees what an earlier read saw',
  'no-resend-on-middle-failure': "on a middle failure the predecessor does not resend its Sent list to its new successor, so updates the failed replica never forwarded are missing downstream: hist(successor) stops being a prefix",
  'reconfigure-without-waiting': 'the master publishes each new chain at once, without waiting for the new successor to accept its predecessor (middle failure) or for a joiner to receive the state (join)',
};

const LINEARIZABILITY_STEPS_MAX = 5_000_000;
const PAIR_CUTS_MAX = 20_000_000;

export const linearizable: Property = {
  name: 'linearizable',
  safety: true,
  description: 'the client history (put/get on a key-value store) is linearizable',
  check(outcome: RunOutcome): PropertyVerdict {
    const result = checkHistory(outcome.history, 'kv', { stepsMax: LINEARIZABILITY_STEPS_MAX });
    if (!result.ok) return { ok: false, message: `malformed history: ${result.error.message}` };
    const r = result.value;
    if (r.verdict === 'linearizable') return { ok: true };
    if (r.verdict === 'unknown') return undecided(`the search stopped (${r.stoppedBy ?? 'a limit'}) after ${r.steps} steps`);
    return { ok: false, message: `not linearizable: ${formatExplanation(r.explanation!).join('; ')}` };
  },
};

function column(exec: Execution, host: number, field: string): (number | string | boolean | undefined)[] {
  return exec.hostStates[host]!.map((s) => s[field]);
}

function clip(text: string): string {
  return text.length <= 80 ? JSON.stringify(text) : `"…${text.slice(-77)}"`;
}

/** The `update-propagation` property over replicas `replicaNodes` (hosts are nodes: host h is p<h>). */
export function updatePropagation(replicaNodes: readonly number[]): Property {
  return {
    name: 'update-propagation',
    safety: true,
    description: 'at no consistent cut is hist(B) not a prefix of hist(A) while A names B its successor and B names A its predecessor',
    check(outcome: RunOutcome): PropertyVerdict {
      const exec = outcome.execution;
      const succ = replicaNodes.map((h) => column(exec, h, 'succ'));
      const pred = replicaNodes.map((h) => column(exec, h, 'pred'));
      const hist = replicaNodes.map((h) => column(exec, h, 'hist').map((v) => (typeof v === 'string' ? v : '')));
      let stopped: PropertyVerdict | undefined; // a pair the search could not decide; the other pairs still count
      for (let a = 0; a < replicaNodes.length; a++) {
        for (let b = 0; b < replicaNodes.length; b++) {
          const A = replicaNodes[a]!;
          const B = replicaNodes[b]!;
          if (a === b || !succ[a]!.includes(B) || !pred[b]!.includes(A)) continue;
          const [sA, pB, hA, hB] = [succ[a]!, pred[b]!, hist[a]!, hist[b]!];
          const violated = (kA: number, kB: number): boolean => sA[kA] === B && pB[kB] === A && !hA[kA]!.startsWith(hB[kB]!);
          const text = `succ(p${A}) = p${B} ∧ pred(p${B}) = p${A} ∧ ¬(hist(p${B}) ⪯ hist(p${A}))`;
          const r = possiblyOnPair(exec, A, B, violated, { cutsMax: PAIR_CUTS_MAX }, text);
          if (r.verdict === 'unknown') stopped ??= undecided(`the search for p${A}, p${B} stopped: ${r.stoppedBy ?? 'a limit'}`);
          if (r.verdict !== 'holds') continue;
          const cut = r.witness!.cut;
          const [kA, kB] = [cut[A]!, cut[B]!];
          const label = (h: number, k: number): string => (k === 0 ? 'start' : exec.events[exec.byHost[h]![k - 1]!]!.label);
          return {
            ok: false,
            message:
              `Possibly(${text}): at consistent cut [${Array.from(cut).join(',')}] p${B} (after event ${kB}, "${label(B, kB)}") ` +
              `follows p${A} (after event ${kA}, "${label(A, kA)}") with hist ${clip(hB[kB]!)}, not a prefix of p${A}'s ${clip(hA[kA]!)}`,
            witness: r.witness!,
          };
        }
      }
      return { ok: true };
    },
  };
}

/** Loss on every client↔replica link, both directions (server↔server and master links stay reliable). */
export function lossyClientLinks(nodes: number, firstClient: number, loss: readonly [number, number]): LinkOverride[] {
  const links: LinkOverride[] = [];
  for (let c = firstClient; c < nodes; c++) {
    for (let r = 1; r < firstClient; r++) links.push({ from: c, to: r, loss }, { from: r, to: c, loss });
  }
  return links;
}

interface ChainScenarioSpec {
  readonly name: string;
  readonly description: string;
  /** Protocol options (default: 3 replicas, no spares). */
  readonly options?: Partial<ChainOptions>;
  readonly bugs: readonly ChainBug[];
  /** Default 7: the master, 3 replicas, 3 clients. */
  readonly nodesDefault?: number;
  /** The scenario's own faults; every chain scenario has the same network, lossy client links and heal point. */
  readonly faults: Pick<FaultPlan, 'random' | 'scripted'>;
}

/** The run's time limit of every chain scenario, in ticks. */
const CHAIN_TIME_TICKS_MAX = 1_000;
/** The heal point of every chain scenario. */
const CHAIN_HEAL_AT_TICKS = 700;

function chainScenario(spec: ChainScenarioSpec): Scenario {
  const options = spec.options ?? {};
  const replicas = options.replicas ?? 3;
  const spares = options.spares ?? 0;
  const firstClient = 1 + replicas + spares;
  const replicaNodes = Array.from({ length: replicas + spares }, (_, i) => i + 1);
  const propagation = updatePropagation(replicaNodes);
  return {
    name: spec.name,
    protocol: 'chain',
    description: spec.description,
    nodesDefault: spec.nodesDefault ?? 7,
    nodesMin: firstClient + 1,
    bugs: Object.fromEntries(spec.bugs.map((b) => [b, BUGS[b]])),
    properties: [linearizable.name, propagation.name],
    build: ({ bug, nodes }) => ({
      protocol: chainProtocol({ ...options, bug: bug as ChainBug | undefined }),
      faults: {
        network: NETWORK,
        links: lossyClientLinks(nodes, firstClient, CLIENT_LOSS),
        ...spec.faults,
        healAtTicks: CHAIN_HEAL_AT_TICKS,
      },
      limits: { timeTicksMax: CHAIN_TIME_TICKS_MAX, eventsMax: 50_000 },
      properties: [linearizable, propagation],
    }),
  };
}

export const NETWORK = { delayTicksMin: 1, delayTicksMax: 15, loss: [0, 1], duplication: [0, 1], ordering: 'fifo' } as const;
export const CLIENT_LOSS = [1, 20] as const;
const crash = (atTicks: number, node: number): ScriptedFault => ({ atTicks, action: { kind: 'crash', node } });
const restart = (atTicks: number, node: number): ScriptedFault => ({ atTicks, action: { kind: 'restart', node } });

/** The chain scenarios, for the registry (scenarios/index.ts). */
export const chainScenarios = {
  chain: chainScenario({
    name: 'chain',
    description: 'chain replication (3 replicas, master p0) under random replica crashes and restarts (one node down at a time; restarted replicas rejoin at the tail), delays 1..15, lossy client links',
    bugs: ['tail-acks-before-apply', 'no-resend-on-middle-failure', 'reconfigure-without-waiting'],
    faults: {
      random: { stepTicks: 40, crash: [1, 5], restart: [1, 3], partition: [0, 1], heal: [0, 1], pause: [0, 1], resume: [0, 1], downMax: 1 },
    },
  }),
  'chain/middle-failure': chainScenario({
    name: 'chain/middle-failure',
    description: 'chain replication: the middle replica p2 crashes at tick 100 and restarts at 300 (it rejoins at the tail)',
    bugs: ['tail-acks-before-apply', 'no-resend-on-middle-failure', 'reconfigure-without-waiting'],
    faults: {
      scripted: [crash(100, 2), restart(300, 2)],
    },
  }),
  'chain/head-failure': chainScenario({
    name: 'chain/head-failure',
    description: "chain replication: the head p1's link to p2 fails at tick 60 and p1 crashes at 80, losing what it had not forwarded; it restarts at 300",
    bugs: ['tail-acks-before-apply', 'reads-at-head'],
    faults: {
      scripted: [
        { atTicks: 60, action: { kind: 'partition', mode: 'one-way', from: [1], to: [2] } },
        crash(80, 1),
        { atTicks: 81, action: { kind: 'heal' } },
        restart(300, 1),
      ],
    },
  }),
  'chain/join': chainScenario({
    name: 'chain/join',
    description: 'chain replication: spare p4 asks to join at tick 60 while the tail p3 crashes at 70 and restarts at 200 (both join at the tail)',
    options: { spares: 1, joinDelayTicks: 60 },
    bugs: ['tail-acks-before-apply', 'reconfigure-without-waiting'],
    nodesDefault: 8,
    faults: {
      scripted: [crash(70, 3), restart(200, 3)],
    },
  }),
} satisfies Record<string, Scenario>;
