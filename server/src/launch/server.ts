// The language server (`node dist/server.js --stdio`): the server bundle, run with its code cache.
// `--code-cache-dir=<folder>` (the editor's storage for this extension) lets it keep a cache of its own.
import { join } from 'node:path';
import { runBundle } from './code-cache';

const option = process.argv.find((a) => a.startsWith('--code-cache-dir='));
runBundle(join(__dirname, 'server.bundle.js'), option ? option.slice('--code-cache-dir='.length) || undefined : undefined);
