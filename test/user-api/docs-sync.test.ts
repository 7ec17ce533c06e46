/** docs/writing-a-protocol.md shows the example's real code: every included block equals its region, none is missing. */
import { describe, expect, test } from 'vitest';
import * as dsim from '../../index.js';
import { GUIDE, markedBlocks, readRepoFile, regionNames, regionOf } from './doc-blocks.js';

const guide = readRepoFile(GUIDE);
const includes = markedBlocks(guide).filter((b) => b.kind === 'include');

describe('the guide and the example agree', () => {
  test('the guide includes code', () => {
    expect(includes.length).toBeGreaterThanOrEqual(8);
  });

  test.each(includes.map((b) => [b.target, b]))('%s is shown unchanged', (_target, block) => {
    const [path, name] = block.target.split('#') as [string, string];
    const region = regionOf(readRepoFile(path), name);
    expect(region, `no region ${name} in ${path}`).toBeDefined();
    expect(block.body).toBe(region);
  });

  test.each(['examples/two-phase-commit/protocol.ts', 'test/user-api/two-phase-commit.test.ts'])('every region of %s is in the guide', (path) => {
    const shown = new Set(includes.map((b) => b.target));
    for (const name of regionNames(readRepoFile(path))) expect(shown, `${path}#${name} is not shown`).toContain(`${path}#${name}`);
  });

  test("the names the guide imports from 'dsim' are exported by index.ts", () => {
    const imported = [...guide.matchAll(/import \{([^}]*)\} from 'dsim';/g)].flatMap((m) => m[1]!.split(',').map((n) => n.trim()));
    expect(imported.length).toBeGreaterThan(5);
    for (const name of imported) expect(Object.keys(dsim), name).toContain(name);
  });
});
