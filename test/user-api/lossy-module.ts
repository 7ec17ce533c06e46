/**
 * A user's scenario in a module of its own, importable by a worker thread (`module: import.meta.url`): counters
 * over a lossy network whose bug variant counts too far.
 */
import { always, defineScenario, NETWORK_RELIABLE } from '../../index.js';
import { counter } from './fixtures.js';

export const lossyCounter = defineScenario({
  name: 'lossy-counter',
  description: 'three counters on a lossy network; the bug variant counts to 5',
  protocol: counter,
  nodes: 3,
  faults: { network: { ...NETWORK_RELIABLE, delayTicksMax: 9, loss: [1, 4] } },
  properties: [always('at-most-three', (s) => Number(s['count']) <= 3)],
  bugs: { overcount: 'counts to 5', stall: 'p1 never starts counting', throws: 'p2 throws at its second tick' },
  module: import.meta.url,
});
