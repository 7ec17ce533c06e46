import { expect, test } from 'vitest';
import { buildExecution, type EventInput } from '../../../execution/build.js';
import type { MessageRecord } from '../../../execution/types.js';
import { buildCausalDag } from '../../../properties/patterns/index.js';

// A relays to C through B; later A sends m3 then m4 to C, which receives m4 first: when m3 arrives, C already
// knows its send, so the clocks show no edge for it.
const events: EventInput[] = [
  { host: 0, kind: 'send', label: 'm0', clock: [1, 0, 0], sent: [0], fields: {} },
  { host: 1, kind: 'receive', label: 'm0', clock: [1, 1, 0], received: 0, fields: {} },
  { host: 1, kind: 'send', label: 'm1', clock: [1, 2, 0], sent: [1], fields: {} },
  { host: 2, kind: 'receive', label: 'm1', clock: [1, 2, 1], received: 1, fields: {} },
  { host: 0, kind: 'send', label: 'm2', clock: [2, 0, 0], sent: [2], fields: {} },
  { host: 2, kind: 'receive', label: 'm2', clock: [2, 2, 2], received: 2, fields: {} },
  { host: 0, kind: 'send', label: 'm3', clock: [3, 0, 0], sent: [3], fields: {} },
  { host: 0, kind: 'send', label: 'm4', clock: [4, 0, 0], sent: [4], fields: {} },
  { host: 2, kind: 'receive', label: 'm4', clock: [4, 2, 3], received: 4, fields: {} },
  { host: 2, kind: 'receive', label: 'm3', clock: [4, 2, 4], received: 3, fields: {} },
];
const links: [number, number, number, number][] = [
  [0, 1, 0, 1],
  [1, 2, 2, 3],
  [0, 2, 4, 5],
  [0, 2, 6, 9],
  [0, 2, 7, 8],
];
const messages: MessageRecord[] = links.map(([from, to, sendEvent, r], id) => ({
  id,
  from,
  to,
  sendEvent,
  receiveEvents: [r],
  fate: 'delivered',
  summary: `m${id}`,
}));

function predecessorLists(withMessages: boolean): number[][] {
  const exec = buildExecution({
    label: 'relay',
    hosts: ['A', 'B', 'C'],
    events: withMessages ? events : events.map(({ sent: _s, received: _r, ...rest }) => rest),
    ...(withMessages ? { messages } : {}),
  });
  const dag = buildCausalDag(exec);
  return exec.events.map((e) => [...dag.predecessors.subarray(dag.predecessorStart[e.id]!, dag.predecessorStart[e.id + 1]!)].sort());
}

test('message links give host order plus send → receive', () => {
  expect(predecessorLists(true)).toEqual([[], [0], [1], [2], [0], [3, 4], [4], [6], [5, 7], [6, 8]]);
});

test('clock-derived links keep only the newest events a receive learns directly', () => {
  // e3 learns e0 and e2, but e0 → e2, so only e2 is its predecessor; e9's send is already known: no edge.
  expect(predecessorLists(false)).toEqual([[], [0], [1], [2], [0], [3, 4], [4], [6], [5, 7], [8]]);
});
