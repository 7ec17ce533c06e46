/**
 * A user's own history model, from a separate project that installs the packed package: listed in its
 * dsim.config.ts (`defineConfig({ scenarios, models })`), shown by `dsim list` and used by
 * `dsim check-history --model my-register`; one whose step throws is one line naming it, exit 2.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { installUserProject, type UserProject } from './project.js';

let project: UserProject;

beforeAll(() => {
  project = installUserProject('user-project-models');
  project.write('src/my-register.ts', [
    "import { defineModel, type HistoryValue } from 'dsim';",
    '',
    '// A register that must never go back to 0 once written: a write of 0 is illegal.',
    'export const myRegister = defineModel<HistoryValue>({',
    "  name: 'my-register',",
    "  summary: 'a register that never holds 0 again',",
    '  init: () => null,',
    '  step: (state, input, output) => {',
    "    if (input.f === 'write') return { ok: input.value !== 0, next: input.value };",
    "    if (input.value === 'boom') throw new Error('cannot read boom');",
    "    return { ok: output.kind === 'unknown' || output.value === state, next: state };",
    '  },',
    "  readOnly: (input) => input.f === 'read',",
    '});',
    '',
  ].join('\n'));
  project.write('dsim.config.ts', [
    "import { defineConfig } from 'dsim';",
    "import { primaryBackup } from './src/primary-backup.js';",
    "import { tokenMutex } from './src/token-mutex.js';",
    "import { myRegister } from './src/my-register.js';",
    '',
    'export default defineConfig({ scenarios: [primaryBackup, tokenMutex], models: [myRegister] });',
    '',
  ].join('\n'));
  project.write('data/boom.log', '0\t:invoke\t:read\t"boom"\n0\t:ok\t:read\t1\n');
}, 240_000);

describe('a user model from dsim.config.ts', () => {
  it('type-checks against the packed types, is listed, and checks a history with its witness', () => {
    const tsc = project.tool('tsc', '-p', '.');
    expect(tsc.stdout + tsc.stderr).toBe('');
    const list = project.dsim('list');
    expect(list.stdout).toContain('  my-register  a register that never holds 0 again (from dsim.config.ts)');
    const checked = project.dsim('check-history', 'data/register.log', '--model', 'my-register', '--witness');
    expect(checked.stderr).toBe('');
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(/^data\/register\.log: linearizable \(2 operations, [\d.]+ ms\)\n {2}linearization \(2 operations\):\n {4}p0 write 1 → 1 \(line 1\)\n {4}p1 read → 1 \(line 3\)\n$/);
  });

  it('a step that throws is one line naming the model and the operation, exit 2', () => {
    const r = project.dsim('check-history', 'data/boom.log', '--model', 'my-register');
    expect(r).toMatchObject({ code: 2, stdout: '', stderr: 'error: data/boom.log, line 1: model "my-register": step on `read "boom" → 1` threw Error: cannot read boom\n' });
  });
});
