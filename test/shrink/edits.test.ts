import { describe, expect, it } from 'vitest';
import { DEFAULT_CHOICE } from '../../search/shrink/candidate.js';
import { withDefaults, withValue } from '../../search/shrink/edits.js';
import { realign } from '../../search/shrink/search.js';
import { c } from './helpers.js';

const isDefault = (x: { kind: string; value: number }) => x.value === (x.kind === 'delay' ? 1 : 0);

describe('schedule edits keep later choices in step', () => {
  it('turning a drop off inserts the message’s delay and duplicate decisions', () => {
    const s = withDefaults(c('drop=1 drop=0 delay=3 duplicate=0'), [0], isDefault);
    expect(s).toEqual([{ kind: 'drop', value: 0 }, DEFAULT_CHOICE, { kind: 'duplicate', value: 0 }, ...c('drop=0 delay=3 duplicate=0')]);
  });

  it('turning a drop on removes its delay, duplicate and the duplicate’s delay', () => {
    expect(withValue(c('drop=0 delay=3 duplicate=1 delay=2 drop=0 delay=4'), 0, 1)).toEqual(c('drop=1 drop=0 delay=4'));
  });

  it('turning a duplicate off removes its second delay; on adds one', () => {
    expect(withDefaults(c('drop=0 delay=3 duplicate=1 delay=2 drop=0'), [2], isDefault)).toEqual(c('drop=0 delay=3 duplicate=0 drop=0'));
    expect(withValue(c('delay=3 duplicate=0 delay=1'), 1, 1)).toEqual([...c('delay=3 duplicate=1'), DEFAULT_CHOICE, ...c('delay=1')]);
  });

  it('a random fault turned off loses its node pick; other choices become the default placeholder', () => {
    expect(withDefaults(c('fault:crash=1 fault:crash-node=2 fault:heal=0'), [0], isDefault)).toEqual(c('fault:crash=0 fault:heal=0'));
    expect(withDefaults(c('choose:timeout=17 delay=9'), [0, 1], isDefault)).toEqual([DEFAULT_CHOICE, DEFAULT_CHOICE]);
  });

  it('realign skips entries whose decisions no longer happen, or inserts one that now does', () => {
    // The run asked for `drop` where the candidate had a stale `delay`: skip it.
    expect(realign(c('drop=1 delay=3 drop=0'), c('drop=1 drop=0'))).toEqual(c('drop=1 drop=0'));
    // The run asked for a `duplicate` the candidate does not have nearby: insert it at the recorded default.
    expect(realign(c('delay=1 choose:x=3 choose:y=2 choose:z=1 choose:w=1'), c('delay=1 duplicate=0'))).toEqual(
      c('delay=1 duplicate=0 choose:x=3 choose:y=2 choose:z=1 choose:w=1'),
    );
    expect(realign(c('drop=0 delay=2'), c('drop=0 delay=2'))).toBeUndefined();
  });
});
