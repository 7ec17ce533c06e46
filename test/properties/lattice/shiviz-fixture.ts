import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Execution } from '../../../execution/types.js';
import { formatInputError } from '../../../execution/failable.js';
import { parseShiViz } from '../../../formats/shiviz.js';
import { fixturesDir } from './poset-fixture.js';

interface ManifestEntry {
  readonly file: string;
  readonly parser: string;
  readonly delimiter?: string;
  readonly note?: string;
}

/** The executions of a ShiViz example log, parsed with the regexes its manifest entry gives. */
export function readShiVizFixture(file: string): Execution[] {
  const dir = join(fixturesDir(), 'shiviz-logs');
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { logs: ManifestEntry[] };
  const entry = manifest.logs.find((l) => l.file === file);
  if (entry === undefined) throw new Error(`${file} is not in the manifest`);
  const text = readFileSync(join(dir, file), 'utf8');
  // Upload-format logs carry their own regexes in their first two lines.
  const upload = entry.note !== undefined && /upload format/.test(entry.note);
  const options = upload
    ? { source: file, uploadFormat: true }
    : { source: file, parser: entry.parser, ...(entry.delimiter === undefined ? {} : { delimiter: entry.delimiter }) };
  const parsed = parseShiViz(text, options);
  if (!parsed.ok) throw new Error(formatInputError(parsed.error));
  return parsed.value;
}
