// Entry point that VS Code's extension host calls with --extensionTestsPath: runs the suite's
// mocha files inside the extension host, where `require('vscode')` is the real API.
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const ROOT = path.resolve(__dirname, '..', '..', '..');

exports.run = async function run() {
  // mocha 12 is an ES module; a dynamic import loads it from CommonJS on any Node that VS Code ships.
  const { default: Mocha } = await import(pathToFileURL(path.join(ROOT, 'node_modules', 'mocha', 'index.js')).href);
  const mocha = new Mocha({ ui: 'bdd', color: true, timeout: 60_000 });
  mocha.addFile(path.join(__dirname, 'outline.test.js'));
  const failures = await new Promise((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} test(s) failed`);
};
