/**
 * fast-check arbitraries for property-based tests of protocols: schedules of a registered scenario
 * (`dsimSchedule`) and fault plans (`faultPlan`).
 */
export { faultPlan, type FaultPlanOptions } from './fault-plan.js';
export { scheduleFromStreams, STREAM_ROUNDS_MAX, type KindStreams } from './kind-streams.js';
export { dsimSchedule, type DsimScheduleOptions } from './schedule.js';
