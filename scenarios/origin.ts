/**
 * The definition hash of a user's scenario: sha256 over what decides its runs and reads the same whichever loader
 * brought it in (vite in a vitest test, jiti in a worker or the CLI): its name, sizes, bug variants, properties,
 * limits, the fault plan of every variant, the data of its protocols, and the text of the file that defines it
 * (`module: import.meta.url`, or the config that lists it). A repro file records it; `dsim replay` warns when the
 * scenario it loads hashes differently: the code the schedule was recorded against has changed. Functions count by
 * their place, not their text (a loader's output differs from the source), so an edit to another module the handlers
 * import is not seen here; the trace hash still tells whether the replay differs.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the hash is taken over: plain data, functions by their source text. */
export interface DefinitionParts {
  readonly name: string;
  readonly description: string;
  readonly nodes: readonly [number, number, number | null];
  readonly bugs: Readonly<Record<string, string>>;
  readonly properties: readonly unknown[];
  readonly limits: unknown;
  /** Per variant (`''` for the correct protocol): the protocol, the fault plan and the workload (when it has one). */
  readonly variants: Readonly<Record<string, { readonly protocol: unknown; readonly faults: unknown; readonly workload?: unknown }>>;
  /** The text of the scenario's module (`module: import.meta.url`), or of the config that lists it. */
  readonly moduleText?: string | null;
}

/** A file's text, or null when it cannot be read (a bundled or virtual module, say). */
export function fileText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** The hash of a definition, as 64 hex digits. */
export function definitionHash(parts: DefinitionParts): string {
  return createHash('sha256').update(canonicalJson(parts)).digest('hex');
}

/** JSON with object keys sorted and functions as a mark (bounded in depth, cycles cut). */
export function canonicalJson(value: unknown): string {
  const seen = new Set<object>();
  const walk = (v: unknown, depth: number): unknown => {
    // A function's text depends on which loader transformed it (vite in a test, jiti in a worker): not hashed.
    if (typeof v === 'function') return 'function';
    if (typeof v === 'bigint') return `${v}n`;
    if (v === null || typeof v !== 'object') return v;
    if (depth > 32 || seen.has(v)) return '[…]';
    seen.add(v);
    const out = Array.isArray(v)
      ? v.map((x) => walk(x, depth + 1))
      : Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, walk((v as Record<string, unknown>)[k], depth + 1)]),
        );
    seen.delete(v);
    return out;
  };
  return JSON.stringify(walk(value, 0)) ?? 'undefined';
}

/** A module location given as `import.meta.url` (a file URL) or an absolute path, as an absolute path. */
export function modulePath(module: string | URL | undefined): string | undefined {
  if (module === undefined) return undefined;
  const text = String(module);
  if (text.startsWith('file:')) return fileURLToPath(text);
  return isAbsolute(text) ? text : undefined;
}
