#!/usr/bin/env node
/**
 * The published package needs no install script: `npm install` in a clone builds the CLI through `prepare`, but a
 * user installing the tarball should not be asked to allow one (newer npm gates install scripts). `npm pack` and
 * `npm publish` run `prepack`, which builds and then calls this with `strip`: package.json loses its `prepare`
 * script (kept in package.json.prepack); `postpack` calls it with `restore`, which puts the file back.
 *
 *   node scripts/pack-manifest.mjs strip | restore
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const MANIFEST = 'package.json';
const KEPT = 'package.json.prepack';

/** The manifest as published: without the scripts that would run when the tarball is installed. */
export function publishedManifest(manifest) {
  const scripts = { ...manifest.scripts };
  for (const name of ['preprepare', 'prepare', 'postprepare', 'preinstall', 'install', 'postinstall']) delete scripts[name];
  return { ...manifest, scripts };
}

const command = process.argv[2];
if (command === 'strip') {
  if (existsSync(KEPT)) {
    console.error(`error: ${KEPT} exists: an earlier pack did not restore package.json; run \`node scripts/pack-manifest.mjs restore\` first`);
    process.exit(2);
  }
  const text = readFileSync(MANIFEST, 'utf8');
  writeFileSync(KEPT, text);
  writeFileSync(MANIFEST, `${JSON.stringify(publishedManifest(JSON.parse(text)), null, 2)}\n`);
} else if (command === 'restore') {
  if (existsSync(KEPT)) renameSync(KEPT, MANIFEST);
} else if (command !== undefined) {
  console.error(`usage: node scripts/pack-manifest.mjs strip|restore (got "${command}")`);
  process.exitCode = 2;
}
