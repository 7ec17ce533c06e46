#!/usr/bin/env node
import { runCli } from './app.js';
import { processIo } from './io.js';
import { colourWanted } from './style.js';

// A reader that stops early (`dsim list | head`) closes the pipe: stop quietly instead of printing a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const argv = process.argv.slice(2);
process.exitCode = await runCli(argv, { ...processIo, colour: colourWanted(argv, process.env, Boolean(process.stdout.isTTY)) });
