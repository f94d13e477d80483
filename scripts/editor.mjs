// `npm run editor [-- --port N] [-- --no-package]`: packages the extension, installs it into the
// project's own code-server (installing that first if needed) and serves VS Code on 127.0.0.1 with
// the sample reports open. Runs in the foreground until Ctrl+C.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, ensureCodeServer, installExtension, makeState, startCodeServer, writeUserSettings } from './code-server-lib.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.REPORT_REVIEW_EDITOR_PORT || '8765' },
    'no-package': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log('usage: npm run editor [-- --port 8765] [-- --no-package]');
  process.exit(0);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`invalid --port ${values.port}`);
  process.exit(2);
}

const vsix = process.env.REPORT_REVIEW_VSIX || join(ROOT, 'report-review.vsix');
const samples = join(ROOT, 'samples');
// Kept between runs (gitignored), so settings changed in the editor survive a restart.
const state = makeState(join(ROOT, '.tools', 'editor'));

try {
  ensureCodeServer();
  if (!values['no-package']) {
    console.log('> npm run package');
    const build = spawnSync('npm', ['run', 'package'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error(`npm run package failed (exit ${build.status})`);
  }
  console.log(`> installing ${vsix}`);
  installExtension(state, vsix);
  if (!existsSync(join(state.userDataDir, 'User', 'settings.json'))) writeUserSettings(state, {});
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

const server = startCodeServer(state, { port, folder: samples });
let stopping = false;
const stop = async () => {
  stopping = true;
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

try {
  await server.ready;
} catch (error) {
  console.error(error.message);
  await server.stop();
  process.exit(1);
}
console.log(`\nReport Review is running in VS Code (code-server on port ${port}).`);
console.log(`Open: ${server.url}?folder=${encodeURIComponent(samples).replaceAll('%2F', '/')}`);
console.log(`Log:  ${state.logFile}`);
console.log('Press Ctrl+C to stop.');
server.child.on('exit', (code) => {
  if (stopping) return;
  console.error(`code-server exited (code ${code}); see ${state.logFile}`);
  process.exit(code ?? 1);
});
