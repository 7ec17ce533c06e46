/** The workload-driven key-value scenario of the workload tests: primary-backup kv, clients from the workload. */
import { defineScenario, linearizable } from '../../api/index.js';
import { primaryBackupKv, type KvBug } from '../../protocols/kv/primary-backup.js';
import type { FaultPlan } from '../../sim/plan.js';

export const KV_FAULTS: FaultPlan = {
  network: { delayTicksMin: 1, delayTicksMax: 6, loss: [1, 50], duplication: [0, 1], ordering: 'unordered' },
  random: { stepTicks: 15, crash: [1, 10], restart: [1, 2], pause: [1, 10], resume: [1, 2], partition: [1, 10], heal: [1, 2] },
  healAtTicks: 200,
};

export const kvScenario = defineScenario({
  name: 'workload-kv',
  description: 'primary-backup key-value store driven by a workload of 3 clients',
  protocol: (bug: KvBug | undefined) => primaryBackupKv(bug),
  nodes: 3,
  faults: KV_FAULTS,
  workload: {
    clients: 3,
    outstandingMax: 2,
    operations: [
      { f: 'get', weight: 2 },
      { f: 'put', value: (draw) => String(draw.unique()) },
    ],
    keys: ['x', 'y'],
    gapTicks: 2,
    gapTicksMax: 6,
    opsMax: 40,
    timeoutTicks: 40,
    finalRead: { f: 'get' },
  },
  limits: { eventsMax: 5_000, timeTicksMax: 2_000 },
  properties: [linearizable('kv')],
  bugs: { 'backup-reads': 'a backup answers a get from its own copy, which may lag the primary' },
});
