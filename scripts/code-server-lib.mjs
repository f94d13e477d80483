// Shared by the end-to-end test and `npm run editor`: find (or install) the project's local
// code-server, install a .vsix into it, and run it on loopback with state kept in one folder.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SETUP_SCRIPT = join(ROOT, 'scripts', 'setup-code-server.sh');
export const CODE_SERVER_VERSION = '4.100.3';
const TOOLS = join(ROOT, '.tools', 'code-server');
export const CODE_SERVER_ENTRY = join(TOOLS, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const MARKER = join(TOOLS, `.installed-${CODE_SERVER_VERSION}`);
export const CHROMIUM = '/usr/bin/chromium';

export function isCodeServerInstalled() {
  return existsSync(MARKER) && existsSync(CODE_SERVER_ENTRY) && existsSync(CHROMIUM);
}

/** Runs scripts/setup-code-server.sh when code-server or Chromium is missing; throws with a clear message if that fails. */
export function ensureCodeServer({ log = (line) => process.stderr.write(`${line}\n`) } = {}) {
  if (isCodeServerInstalled()) return;
  log(`code-server (in ${TOOLS}) or ${CHROMIUM} is missing; running ${SETUP_SCRIPT}`);
  const result = spawnSync('bash', [SETUP_SCRIPT], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0 || !isCodeServerInstalled()) {
    throw new Error(`code-server could not be installed: run \`bash scripts/setup-code-server.sh\` as root and look at its output (exit ${result.status})`);
  }
}

/** A folder layout for one code-server instance: user data, extensions, config and logs. */
export function makeState(dir) {
  const state = {
    dir,
    userDataDir: join(dir, 'user-data'),
    extensionsDir: join(dir, 'extensions'),
    configFile: join(dir, 'config.yaml'),
    logFile: join(dir, 'code-server.log'),
    xdg: join(dir, 'xdg'),
  };
  for (const d of [state.userDataDir, state.extensionsDir, state.xdg]) mkdirSync(d, { recursive: true });
  // An explicit config keeps code-server from writing ~/.config/code-server/config.yaml with a password.
  writeFileSync(state.configFile, 'auth: none\ncert: false\n');
  return state;
}

/** Environment for code-server: XDG folders inside the state folder, so nothing lands in $HOME. */
function childEnv(state) {
  return {
    ...process.env,
    XDG_CONFIG_HOME: join(state.xdg, 'config'),
    XDG_DATA_HOME: join(state.xdg, 'data'),
    XDG_CACHE_HOME: join(state.xdg, 'cache'),
  };
}

function baseArgs(state) {
  return [CODE_SERVER_ENTRY, '--config', state.configFile, '--user-data-dir', state.userDataDir, '--extensions-dir', state.extensionsDir];
}

export function installExtension(state, vsix) {
  if (!existsSync(vsix)) throw new Error(`extension package not found: ${vsix} (build it with \`npm run package\`)`);
  const result = spawnSync(process.execPath, [...baseArgs(state), '--force', '--install-extension', vsix], {
    env: childEnv(state),
    encoding: 'utf8',
    timeout: 120_000,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`code-server --install-extension ${vsix} failed (exit ${result.status}):\n${output}`);
  }
  return output.trim();
}

/** User settings that keep the first start quiet: no trust prompt, no welcome page, no update checks. */
export const QUIET_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
};

export function writeUserSettings(state, settings) {
  const dir = join(state.userDataDir, 'User');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'settings.json'), `${JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2)}\n`);
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server on 127.0.0.1:port and resolves once it says it is listening.
 * The returned `stop()` ends its whole process group (code-server forks its VS Code server).
 */
export function startCodeServer(state, { port, folder, timeoutMs = 60_000 }) {
  const args = [
    ...baseArgs(state),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(folder ? [folder] : []),
  ];
  const child = spawn(process.execPath, args, { env: childEnv(state), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(state.logFile, { flags: 'a' });
  let output = '';
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));

  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start listening within ${timeoutMs} ms; log: ${state.logFile}\n${output.slice(-2000)}`)), timeoutMs);
    const onData = (chunk) => {
      const text = chunk.toString();
      output += text;
      log.write(text);
      if (/HTTP server listening on/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited early (code ${code}, signal ${signal}); log: ${state.logFile}\n${output.slice(-2000)}`));
    });
  });

  const signalGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // The group is already gone.
    }
  };
  // Detached, the group would outlive a caller that exits without stop() (Ctrl+C in mocha).
  const killOnExit = () => signalGroup('SIGKILL');
  process.on('exit', killOnExit);

  const url = `http://127.0.0.1:${port}/`;
  const stop = async (graceMs = 5_000) => {
    process.off('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      signalGroup('SIGTERM');
      const timer = setTimeout(() => signalGroup('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    }
    signalGroup('SIGKILL'); // Forked helpers that outlived the main process.
    log.end();
  };
  return { child, url, ready, stop, output: () => output };
}

/** Options for Debian's Chromium, which fails noisily on a closed network without the quieting flags. */
export const CHROMIUM_LAUNCH = {
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};
