/**
 * Events of the smallest reproduction of each bug variant built by hand (the tests in test/shrink/hand-made*.test.ts
 * build each one and check its size against this table). The shrink benchmark prints the shrinker's result against
 * it; the target is at most twice.
 */
const SIZES: readonly (readonly [scenario: string, bug: string, property: string, events: number])[] = [
  ['ping-pong', 'count-duplicates', 'pongs-match-rounds', 5],
  ['ping-pong', 'no-retry', 'all-rounds-done', 2],
  ['ring-election', 'ring-no-dup-tolerance', 'ring-unique-leader', 5],
  ['dijkstra-scholten', 'ack-on-receive', 'no-false-detection', 5],
  ['dijkstra-scholten', 'detach-with-deficit', 'no-false-detection', 6],
  ['ewd840', 'no-wait-for-ack', 'no-false-detection', 5],
  ['ewd840', 'no-blacken-on-send', 'no-false-detection', 12],
  ['safra', 'announce-on-white-token', 'no-false-detection', 5],
  ['safra', 'no-blacken-on-receive', 'no-false-detection', 9],
  ['safra', 'reset-counter-on-token', 'detects-termination', 375],
  ['raft-election', 'votedfor-not-persisted', 'election-safety', 11],
  ['raft-election', 'stale-term-votes', 'election-safety', 14],
  ['raft-election', 'double-vote-count', 'election-safety', 12],
  ['chain', 'tail-acks-before-apply', 'linearizable', 14],
  ['chain', 'no-resend-on-middle-failure', 'update-propagation', 47],
  ['chain', 'reconfigure-without-waiting', 'update-propagation', 46],
  ['chain/head-failure', 'reads-at-head', 'linearizable', 67],
  ['chain/head-failure', 'tail-acks-before-apply', 'linearizable', 14],
  ['chain/join', 'reconfigure-without-waiting', 'linearizable', 56],
  ['chain/join', 'tail-acks-before-apply', 'linearizable', 15],
  ['chain/middle-failure', 'no-resend-on-middle-failure', 'update-propagation', 68],
  ['chain/middle-failure', 'reconfigure-without-waiting', 'update-propagation', 67],
  ['chain/middle-failure', 'tail-acks-before-apply', 'linearizable', 14],
  ['raft-election/partitions', 'votedfor-not-persisted', 'election-safety', 11],
  ['raft-election/partitions', 'stale-term-votes', 'election-safety', 13],
  ['raft-election/partitions', 'double-vote-count', 'election-safety', 12],
  ['safra/large', 'no-blacken-on-receive', 'no-false-detection', 9],
  ['safra/large', 'announce-on-white-token', 'no-false-detection', 5],
  ['safra/large', 'reset-counter-on-token', 'detects-termination', 368],
  ['durable-log', 'sent-before-logged', 'acked-writes-survive', 5],
  ['durable-log', 'ignore-checksums', 'log-holds-written-values', 5],
];

/** The hand-made reproduction of a bug variant: the property it violates and its events (undefined: none yet). */
export function handMade(scenario: string, bug: string): { property: string; events: number } | undefined {
  const row = SIZES.find(([s, b]) => s === scenario && b === bug);
  return row === undefined ? undefined : { property: row[2], events: row[3] };
}
