import { fail, succeed, type Failable } from '../execution/failable.js';
import type { LockModel } from '../properties/locks/lock-model.js';
import { compileBounded, type BoundedRegex } from './bounded-regex.js';

/**
 * A lock model from two user-supplied regexes (`dsim check --locks <acquire> <release>`), run on the linear-time
 * matcher like the parser regexes. The lock's name is the group `lock` when the regex names one, else the first
 * capture group that matched, else `''` (one unnamed lock), as for a RegExp in a LockModel.
 */
export function lockModelFromPatterns(acquire: string, release: string): Failable<LockModel> {
  const a = compileBounded(acquire);
  if (typeof a === 'string') return fail({ source: '--locks', message: `the acquire regex ${a}` });
  const r = compileBounded(release);
  if (typeof r === 'string') return fail({ source: '--locks', message: `the release regex ${r}` });
  return succeed({ acquire: matcher(a), release: matcher(r) });
}

function matcher(regex: BoundedRegex): (label: string) => string | undefined {
  return (label) => {
    const m = regex.exec(label, 0);
    if (m === null) return undefined;
    const named = m.groups['lock'];
    if (named !== undefined) return named;
    return m.numbered.find((g) => g !== undefined) ?? '';
  };
}
