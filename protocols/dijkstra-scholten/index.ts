/** Dijkstra–Scholten termination detection: public surface. */
export { dijkstraScholtenProtocol } from './dijkstra-scholten.js';
export { DIJKSTRA_SCHOLTEN_BUGS } from './types.js';
export type {
  DijkstraScholtenBug,
  DijkstraScholtenConfig,
  DijkstraScholtenMessage,
  DijkstraScholtenState,
} from './types.js';
