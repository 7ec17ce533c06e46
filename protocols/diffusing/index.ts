/** The shared diffusing computation used by the termination detectors. */
export { WORK_TIMER, workReceive, workStart, workStep } from './work.js';
export type { Spawn, WorkConfig, WorkState } from './work.js';
