// Writes the V8 code caches of dist/cli.bundle.js and dist/server.bundle.js (see
// server/src/launch/code-cache.ts): each runs once on the bundled sample reports as a reviewer
// would use it (the CLI's check, the server's open → diagnostics → outline → hover → edit), and
// V8 records the code those runs compiled.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const env = { ...process.env, REPORT_REVIEW_WRITE_CODE_CACHE: '1' };

export async function writeCodeCaches(root) {
  const samples = readdirSync(join(root, 'samples')).filter((f) => f.endsWith('.txt')).map((f) => join(root, 'samples', f));
  spawnSync(process.execPath, [join(root, 'dist/cli.js'), 'check', '--format', 'json', ...samples], { env, stdio: 'ignore' });
  await trainServer(root, samples);
}

async function trainServer(root, samples) {
  const lsp = require('vscode-languageserver-protocol/node');
  const child = spawn(process.execPath, [join(root, 'dist/server.js'), '--stdio'], { env, stdio: 'pipe' });
  const conn = lsp.createProtocolConnection(new lsp.StreamMessageReader(child.stdout), new lsp.StreamMessageWriter(child.stdin));
  const published = new Set();
  let wake = () => {};
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    published.add(p.uri);
    wake();
  });
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => null));
  conn.onRequest('client/registerCapability', () => null);
  conn.onNotification('window/logMessage', () => {});
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  await conn.sendNotification('initialized', {});
  for (const file of samples) {
    const uri = pathToFileURL(file).href;
    const text = readFileSync(file, 'utf8');
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'report', version: 1, text } });
    await new Promise((resolve) => {
      wake = () => published.has(uri) && resolve();
      wake();
    });
    await conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    const line = text.slice(0, text.length >> 1).split('\n').length - 1;
    await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: 2 } });
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line, character: 1 }, end: { line, character: 1 } }, text: '改' }] });
    await conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  }
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  await new Promise((resolve) => child.once('exit', resolve));
  conn.dispose();
}
