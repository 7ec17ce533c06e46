/** Paths of the linearizability fixtures (copied from Porcupine's test data; see test/fixtures/linearizability/SOURCE.md). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/linearizability/', import.meta.url));

export function fixturePath(relative: string): string {
  return `${FIXTURES_DIR}${relative}`;
}

export function readVerdicts(relative: string): Record<string, string> {
  return JSON.parse(readFileSync(fixturePath(relative), 'utf8')) as Record<string, string>;
}
