import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fuzz } from '../../search/fuzz/fuzz.js';
import { isHardBug } from '../../scenarios/hard-bugs.js';
import { findScenario } from '../../scenarios/index.js';
import { listScenarios } from '../../sim/fuzz.js';
import { replaySchedule } from '../../sim/run.js';

/**
 * Seeds each bug variant gets; every variant's first failing seed is well inside it (docs/protocols/). The hard bugs
 * (scenarios/hard-bugs.ts) need thousands of random seeds: test/search/hard-bugs.test.ts covers them.
 */
const SEEDS = 60;

describe('dsim fuzz finds every bug variant, and its repro replays exactly', () => {
  for (const scenario of listScenarios()) {
    for (const bug of scenario.bugs.filter((b) => !isHardBug(scenario.name, b))) {
      it(`${scenario.name} --bug ${bug}`, async () => {
        const out = mkdtempSync(join(tmpdir(), 'dsim-bugs-'));
        const result = await fuzz({ scenario: findScenario(scenario.name)!, bug, seeds: SEEDS, seedStart: 1, outDir: out, reprosMax: 1, shrink: false });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.value.summary.failures.length).toBeGreaterThan(0);
        const [repro] = result.value.repros;
        expect(repro).toBeDefined();
        const replay = replaySchedule(readFileSync(repro!.path, 'utf8'), repro!.path);
        expect(replay.ok).toBe(true);
        if (!replay.ok) return;
        expect(replay.value.hashMatches).toBe(true);
        expect(replay.value.traceHash).toBe(repro!.traceHash);
        const violated = [...replay.value.violations.map((v) => v.property), ...(replay.value.protocolError === undefined ? [] : ['protocol-error'])];
        expect(violated).toContain(repro!.property);
      });
    }
  }
});
