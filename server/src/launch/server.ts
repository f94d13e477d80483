// The language server (`node dist/server.js --stdio`): the server bundle, run with its code cache.
import { join } from 'node:path';
import { runBundle } from './code-cache';

runBundle(join(__dirname, 'server.bundle.js'));
