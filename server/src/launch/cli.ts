// `report-review`: the CLI bundle, run with its code cache.
import { join } from 'node:path';
import { runBundle } from './code-cache';

runBundle(join(__dirname, 'cli.bundle.js'));
