// @vscode/test-electron suite, for machines that can download VS Code: runs test/electron/suite
// inside a real VS Code with this folder as the extension under development. Where the download
// fails (no network), prints one SKIPPED line and exits 0 within a bounded time.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const VERSION = process.env.VSCODE_TEST_VERSION || '1.100.3'; // The lowest VS Code that engines.vscode allows.
// No network shows as a refused or stalled request: the idle timeout ends each one quickly, and the
// deadline bounds the whole download (with test-electron's retries) on a slow but working network.
const IDLE_TIMEOUT_MS = 10_000;
const DOWNLOAD_DEADLINE_MS = 5 * 60_000;
const CACHE = join(ROOT, '.tools', 'vscode-test');
const OUT = join(ROOT, 'test-output', 'electron');
const REPORT = join(ROOT, 'test', 'corpus', '001_366748309c9ca2d8.txt');

function skip(reason) {
  console.log(`SKIPPED electron e2e: ${reason}`);
  // A refused or timed-out request may leave a socket open; nothing else is left to do.
  process.exit(0);
}

let vscodeExecutablePath;
console.log(`electron e2e: getting VS Code ${VERSION} (cache: ${CACHE})`);
try {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not done within ${DOWNLOAD_DEADLINE_MS / 1000} s`)), DOWNLOAD_DEADLINE_MS);
  });
  vscodeExecutablePath = await Promise.race([
    downloadAndUnzipVSCode({ version: VERSION, cachePath: CACHE, timeout: IDLE_TIMEOUT_MS, reporter: { report() {}, error() {} } }),
    deadline,
  ]);
  clearTimeout(timer);
} catch (error) {
  skip(`cannot download VS Code ${VERSION} here (${error?.message ?? error})`);
}

// Electron needs a display: on a headless Linux machine run again under Xvfb when it is there.
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.REPORT_REVIEW_UNDER_XVFB) {
  if (spawnSync('sh', ['-c', 'command -v xvfb-run']).status !== 0) {
    skip('no DISPLAY and no xvfb-run (apt-get install xvfb)');
  }
  const result = spawnSync('xvfb-run', ['-a', process.execPath, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, REPORT_REVIEW_UNDER_XVFB: '1' },
  });
  process.exit(result.status ?? 1);
}

if (!existsSync(join(ROOT, 'dist', 'extension.js'))) {
  console.error('dist/extension.js is missing: run `npm run build` first');
  process.exit(1);
}

rmSync(OUT, { recursive: true, force: true });
const workspace = join(OUT, 'workspace');
mkdirSync(workspace, { recursive: true });
const file = join(workspace, basename(REPORT));
copyFileSync(REPORT, file);

try {
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: join(ROOT, 'test', 'electron', 'suite', 'index.js'),
    extensionTestsEnv: { REPORT_REVIEW_E2E_FILE: file },
    launchArgs: [
      workspace,
      '--disable-extensions', // Other installed extensions; the one under development still loads.
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--disable-gpu',
      '--user-data-dir', join(OUT, 'user-data'),
      '--extensions-dir', join(OUT, 'extensions'),
    ],
  });
} catch (error) {
  console.error(`electron e2e failed: ${error?.message ?? error}`);
  process.exit(1);
}
