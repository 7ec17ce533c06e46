/** The package entries: `dsim` (index.ts) never loads vitest; `dsim/testing` types its matchers into `expect`. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { defineScenario, run } from '../../index.js';
import '../../testing/index.js';
import { counter } from './fixtures.js';
import { ROOT } from './doc-blocks.js';

/** Every module index.ts loads (relative imports followed through the sources), and the packages they import. */
function imports(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [join(ROOT, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
      const spec = m[1]!;
      if (!spec.startsWith('.')) {
        packages.add(spec.startsWith('node:') ? 'node:' : spec);
        continue;
      }
      const ts = join(dirname(file), spec).replace(/\.js$/, '.ts');
      if (existsSync(ts)) queue.push(ts);
    }
  }
  return { files, packages };
}

test('the main entry does not import vitest, directly or through any module it loads', () => {
  const { files, packages } = imports('index.ts');
  expect(files.size).toBeGreaterThan(20);
  expect([...packages].filter((p) => p.includes('vitest'))).toEqual([]);
  expect([...files].map((f) => relative(ROOT, f)).filter((f) => f.startsWith('testing/') || f.startsWith('test/'))).toEqual([]);
});

test('the testing entry is the one that imports vitest', () => {
  expect(imports('testing/index.ts').packages.has('vitest')).toBe(true);
});

test('the matchers are typed on expect(), and bug names are typed on run()', () => {
  const s = defineScenario({ name: 'plain', protocol: counter(undefined), nodes: 2, properties: [] });
  const r = run(s, { seed: 1 });
  expect(r).toHoldEverywhere();
  // @ts-expect-error: a predicate is text, a CutPredicate or a function, not a number
  expect(() => expect(r).toPossibly(42)).toThrow(/toPossibly: predicate: got number; expected predicate text/);
  // @ts-expect-error: the scenario has no bug variants
  expect(() => run(s, { seed: 1, bug: 'stall' })).toThrow(/unknown bug "stall" for scenario plain; it has no bug variants/);
});
