#!/usr/bin/env node
import { runCli } from './app.js';
import { processIo } from './io.js';

// A reader that stops early (`dsim list | head`) closes the pipe: stop quietly instead of printing a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await runCli(process.argv.slice(2), processIo);
