/**
 * Cut properties on runs: a typo'd field is an input error thrown from `run` / `fuzz` (never a violation); a field
 * the protocol declares but a run never sets is unset; a property that enumerates the lattice says so once in
 * `propertyNotes`; `atMostOne` keeps to the pairwise conjunctive path on a 1000-event Raft run.
 */
import { describe, expect, test } from 'vitest';
import { atMostOne, defineScenario, DsimInputError, fuzz, never, propertyNotes, run, type Protocol } from '../../index.js';
import { findScenario } from '../../scenarios/index.js';
import { possiblyTwoAtOnce } from '../../properties/pairwise.js';
import { parseLocalCondition, tabulateLocalCondition } from '../../properties/predicate/index.js';
import { bufferIo } from '../../cli/io.js';
import { printRunReport } from '../../cli/run-output.js';
import { counterScenario } from './fixtures.js';

/** Counts to 3 on a 10-tick timer; `late` (= 10 × count) is observed only from count 2 on. */
function lateCounter(fields?: readonly string[]): Protocol<{ count: number }, never> {
  return {
    name: 'late-counter',
    ...(fields === undefined ? {} : { fields }),
    init(ctx) {
      ctx.setTimer('tick', 10);
      return { count: 0 };
    },
    onMessage: (s) => s,
    onTimer(s, _timer, ctx) {
      if (s.count + 1 < 3) ctx.setTimer('tick', 10);
      return { count: s.count + 1 };
    },
    observe: (s) => (s.count >= 2 ? { count: s.count, late: 10 * s.count } : { count: s.count }),
  };
}

function lateScenario(fields?: readonly string[]) {
  return defineScenario({
    name: 'late',
    protocol: lateCounter(fields),
    nodes: 2,
    properties: [never('late-small', 'any(late > 25)')],
  });
}

describe('fields a run never sets', () => {
  test('a typo is a DsimInputError from run and fuzz, naming the property, the column and the known fields', () => {
    const typo = counterScenario([never('typo', 'any(cuont > 1)')]);
    const message =
      "property \"typo\": predicate, column 5: unknown field 'cuont': no event sets it; the fields are count, done; " +
      "if the protocol sets it only in some runs, list it in the protocol's `fields`";
    expect(() => run(typo, { seed: 1 })).toThrow(DsimInputError);
    expect(() => run(typo, { seed: 1 })).toThrow(message);
    expect(() => fuzz(typo, { seeds: 3 })).toThrow(message);
  });

  test('a field set only late: fine on a full run; on a run cut short, undecided unless the protocol declares it', () => {
    const undeclared = lateScenario();
    expect(run(undeclared, { seed: 1 }).violations.map((v) => v.property)).toEqual(['late-small']); // late reaches 30
    const cut = run(undeclared, { seed: 1, eventsMax: 3 });
    expect(cut.violations).toEqual([]);
    expect(cut.undecided).toEqual([
      {
        property: 'late-small',
        message:
          "cannot check this run, which ended early (events-limit): predicate, column 5: unknown field 'late': no event sets it; " +
          "the fields are count; if the protocol sets it only in some runs, list it in the protocol's `fields`",
      },
    ]);
    const declared = lateScenario(['count', 'late']);
    const short = run(declared, { seed: 1, eventsMax: 3 });
    expect(short.ok).toBe(true); // unset at every node: `late > 25` is false everywhere
    expect(run(declared, { seed: 1 }).violations.map((v) => v.property)).toEqual(['late-small']);
  });

  test('with declared fields, a name neither declared nor set is still a typo, whichever run', () => {
    const s = defineScenario({ name: 'late', protocol: lateCounter(['count', 'late']), nodes: 2, properties: [never('t', 'any(lait > 1)')] });
    expect(() => run(s, { seed: 1 })).toThrow(
      "property \"t\": predicate, column 5: unknown field 'lait': no event sets it and it is not declared; the fields are count, late",
    );
  });
});

describe('notes on how properties were decided', () => {
  test('a general predicate enumerates the lattice and says so once, with the algorithm and the cuts visited', () => {
    const r = run(counterScenario([never('two-at-9', 'count(count >= 9) >= 2'), atMostOne('one-at-9', 'count >= 9')]), { seed: 1 });
    expect(r.ok).toBe(true);
    const notes = propertyNotes(r);
    expect(notes.map((n) => n.property)).toEqual(['two-at-9']); // atMostOne never enumerates
    expect(notes[0]!.note).toMatch(/^enumerated the lattice of consistent cuts \(lexical, (\d+) cuts visited\): the predicate has no shape/);
    expect(propertyNotes(r.execution)).toEqual(notes);
    const io = bufferIo();
    printRunReport(io, r);
    expect(io.stdout.filter((line) => line.startsWith('  note: '))).toEqual([`  note: two-at-9: ${notes[0]!.note}`]);
  });
});

describe('atMostOne on a larger run keeps to the pairwise conjunctive path', () => {
  const raft = findScenario('raft-election')!;
  const scenario = defineScenario({
    name: 'raft-at-most-one',
    protocol: (bug) => raft.build({ bug, nodes: 5 }).protocol,
    faults: ({ bug, nodes }) => raft.build({ bug, nodes }).faults,
    limits: raft.build({ bug: undefined, nodes: 5 }).limits ?? {},
    nodes: 5,
    properties: [atMostOne('one-leader-per-term', 'leader == 1', { per: 'term' })],
    bugs: { 'votedfor-not-persisted': 'votedFor is kept in memory only' },
  });

  test('a correct run: holds, no note; the engine visits a number of cuts polynomial in the run', () => {
    const r = run(scenario, { seed: 42 });
    expect(r.ok).toBe(true);
    expect(r.events).toBeGreaterThan(1000);
    expect(propertyNotes(r)).toEqual([]);
    const exec = r.execution;
    const parsed = parseLocalCondition('leader == 1');
    const holds = parsed.ok ? tabulateLocalCondition(parsed.value, exec) : undefined;
    const terms = exec.hostStates.map((states) => states.map((s) => s['term']));
    const { result } = possiblyTwoAtOnce(exec, 'two leaders of one term', holds!.ok ? holds!.value : [], terms);
    expect(result).toMatchObject({ verdict: 'fails', algorithm: 'pairwise-conjunctive' });
    const termCount = new Set(terms.flat().filter((t) => t !== undefined)).size;
    // Every pair of hosts and every term at most once, each in at most (events of the two hosts + 2) candidates.
    expect(result.cutsVisited).toBeLessThanOrEqual(termCount * 10 * (exec.events.length + 2));
  });

  test('the Raft bug: violated, with the two leaders, the term, the algorithm and the witness cut', () => {
    const failing = run(scenario, { seed: 28, bug: 'votedfor-not-persisted' }); // a failing seed of the README's campaign
    const message = failing.violations[0]!.message;
    expect(message).toMatch(/^violated: p\d and p\d both hold leader == 1 with term \d+ at one consistent cut: /);
    expect(message).toMatch(/\(pairwise-conjunctive, cuts visited: \d+\)\nwitness cut \[/);
    expect(failing.violations[0]!.witness).toBeDefined();
  });
});
