/** `npm run docs:cli`: prints the CLI reference (see reference.ts). */
import { builtCliHelp, renderCliReference } from './reference.js';

process.stdout.write(renderCliReference(builtCliHelp));
