/**
 * The two-phase-commit example, tested the way a user would: only the public API (`dsim` → ../../index.js, and
 * `dsim/testing` → ../../testing/index.js). The code between `#region` markers is shown in
 * docs/writing-a-protocol.md, and test/user-api/docs-sync.test.ts checks that the guide shows it unchanged.
 */
import { describe, expect, test } from 'vitest';
import { always, defineScenario, eventually, fuzz, NETWORK_RELIABLE, never, replay, run, type RunResult } from '../../index.js';
import '../../testing/index.js';
import { twoPhaseCommit, type TpcState } from '../../examples/two-phase-commit/protocol.js';
import { GUIDE, markedBlocks, readRepoFile } from './doc-blocks.js';

// #region scenario
type Observed = { vote: TpcState['vote']; decision: TpcState['decision'] };

const ATOMICITY = 'any(decision == "commit") && any(decision == "abort")';

const scenario = defineScenario({
  name: 'two-phase-commit',
  description: 'a coordinator and three participants; the coordinator crashes at tick 12; random faults until tick 60',
  protocol: twoPhaseCommit,
  nodes: 4,
  nodesMin: 2,
  faults: {
    network: { ...NETWORK_RELIABLE, delayTicksMax: 8, loss: [1, 20], duplication: [1, 10], ordering: 'unordered' },
    scripted: [{ atTicks: 12, action: { kind: 'crash', node: 0 } }],
    random: { stepTicks: 5, crash: [1, 20], restart: [1, 3], partition: [1, 10], heal: [1, 3], pause: [0, 1], resume: [0, 1] },
    healAtTicks: 60,
  },
  limits: { timeTicksMax: 1_000 },
  properties: [
    never('atomicity', ATOMICITY),
    always<Observed>('commit-needs-yes-vote', (s, node) => node === 0 || s.decision !== 'commit' || s.vote === 'yes'),
    eventually<Observed>('everyone-decides', (s) => s.decision !== 'none' || 'undecided', { withinTicksAfterHeal: 100 }),
  ],
  bugs: {
    'commit-on-yes': 'a participant commits as soon as it votes yes, before the coordinator decides',
    'decision-not-logged': 'the coordinator does not log its decision, so after a restart it presumes abort',
  },
});
// #endregion

/** The coordinator's decision just before its scripted crash at tick 12 ('none': it crashed before deciding). */
function decisionAtCrash(r: RunResult): string {
  const exec = r.execution;
  const crash = exec.byHost[0]!.findIndex((id) => exec.events[id]!.kind === 'crash');
  expect(crash).toBeGreaterThan(0);
  return String(exec.hostStates[0]![crash]!['decision']);
}

describe('two-phase commit', () => {
  test('one run holds every property', () => {
    // #region run
    const result = run(scenario, { seed: 1 });
    expect(result).toHoldEverywhere();
    expect(result.execution).not.toPossibly(ATOMICITY);
    // #endregion
    expect(result.endReason).toBe('quiescent');
  });

  test('fuzzing 300 seeds finds nothing wrong, with the coordinator crashing both before and after deciding', () => {
    // #region fuzz
    const campaign = fuzz(scenario, { seeds: 300, seedStart: 0 });
    expect(campaign).toHoldEverywhere();
    // #endregion
    const atCrash = new Set<string>();
    for (let seed = 0; seed < 300; seed++) atCrash.add(decisionAtCrash(run(scenario, { seed })));
    expect([...atCrash].sort()).toEqual(['abort', 'commit', 'none']);
  });

  test('the same seed gives the same trace', () => {
    expect(run(scenario, { seed: 42 }).traceHash).toBe(run(scenario, { seed: 42 }).traceHash);
    expect(run(scenario, { seed: 42 }).traceHash).not.toBe(run(scenario, { seed: 43 }).traceHash);
  });

  test('bug commit-on-yes: found by fuzzing, then replayed from its seed and from its schedule', () => {
    // #region bug
    const campaign = fuzz(scenario, { seeds: 100, bug: 'commit-on-yes', failingSeedsMax: 1 });
    expect(campaign).toViolate('atomicity');
    const failing = campaign.firstFailure!;
    expect(failing.execution).toPossibly(ATOMICITY); // the witness: one node committed, another aborted

    // Replay from the seed: the same run, the same trace.
    const again = run(scenario, { seed: failing.seed, bug: 'commit-on-yes' });
    expect(again.traceHash).toBe(failing.traceHash);

    // Replay from the recorded schedule alone (saved as JSON, read back): no seed needed.
    const saved = JSON.parse(JSON.stringify({ replayWith: failing.replayWith, traceHash: failing.traceHash }));
    const replayed = replay(scenario, saved);
    expect(replayed.hashMatches).toBe(true);
    expect(replayed).toViolate('atomicity');
    // #endregion
    expect(() => expect(failing).toHoldEverywhere()).toThrow(
      new RegExp(`atomicity: violated: possibly\\(${ATOMICITY.replace(/[()]/g, '\\$&')}\\) holds[\\s\\S]*witness cut[\\s\\S]*replay: run\\(scenario, \\{ seed: ${failing.seed}, bug: "commit-on-yes" \\}\\)`),
    );
  });

  test('the guide shows the real failure message of commit-on-yes', () => {
    const failing = fuzz(scenario, { seeds: 100, bug: 'commit-on-yes', failingSeedsMax: 1 }).firstFailure!;
    let message = '';
    try {
      expect(failing).toHoldEverywhere();
    } catch (e) {
      message = (e as Error).message;
    }
    const shown = markedBlocks(readRepoFile(GUIDE)).find((b) => b.kind === 'output' && b.target === 'commit-on-yes');
    expect(shown?.body).toBe(message);
  });

  test('the replay schedule, not the seed, decides a replayed run', () => {
    const failing = run(scenario, { seed: 3, bug: 'commit-on-yes' });
    const withOtherSeed = run(scenario, { ...failing.replayWith, seed: 999 });
    expect(withOtherSeed.traceHash).toBe(failing.traceHash);
    expect(withOtherSeed.fallbackCount).toBe(0);
  });

  test('bug decision-not-logged: a coordinator restarting without its log aborts after committing', () => {
    const campaign = fuzz(scenario, { seeds: 300, bug: 'decision-not-logged' });
    expect(campaign).toViolate('atomicity');
    expect(campaign).not.toViolate('commit-needs-yes-vote');
    const failing = campaign.firstFailure!;
    expect(decisionAtCrash(failing)).toBe('commit');
    expect(replay(scenario, failing).hashMatches).toBe(true);
  });
});
