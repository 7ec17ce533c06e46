import { readFileSync } from 'node:fs';

/** Reads dsim's own package.json: one level up from source (sim/), two from the build (dist/sim/). */
function readVersion(): string {
  for (const path of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'dsim' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // not at this location; try the next
    }
  }
  return '0.0.0';
}

/** dsim's version, from package.json; recorded in schedule and repro files. */
export const DSIM_VERSION: string = readVersion();
