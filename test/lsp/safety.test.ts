/**
 * The server on a hostile checkout, over stdio: a config that points outside the workspace and at a
 * FIFO, a conflicted sidecar, two editors recording decisions at once, Restricted Mode.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, DocumentSymbol, Hover, PublishDiagnosticsParams, ShowMessageParams } from 'vscode-languageserver-protocol';
import { ServerProcess } from './client';

/** Two findings: a figure conflict (1.1万人 ↔ 1.2万人) and a gap in the numbering (（一）（三）). */
const REPORT = [
  '中山区2021年政府工作报告',
  '——2021年1月25日在中山区第十八届人民代表大会第五次会议上',
  '一、2020年工作回顾',
  '新增城镇就业1.1万人，“root”制度全面推行。',
  '（一）稳增长',
  '全区城镇新增就业1.2万人。',
  '（三）促改革',
  '深化改革。',
  '',
].join('\n');

function workspace(config: unknown): { dir: string; uri: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'report-review-hostile-'));
  const file = join(dir, 'report.txt');
  writeFileSync(file, REPORT);
  if (config !== undefined) writeFileSync(join(dir, '.reportreview.json'), typeof config === 'string' ? config : JSON.stringify(config, null, 2));
  return { dir, file, uri: pathToFileURL(file).href };
}

async function start(dir: string, options: Record<string, unknown> = {}): Promise<{ server: ServerProcess; messages: ShowMessageParams[]; config: Promise<PublishDiagnosticsParams> }> {
  const server = new ServerProcess();
  const messages: ShowMessageParams[] = [];
  // showWarningMessage and showErrorMessage are requests (the user may pick an action); no action is picked.
  server.connection.onRequest('window/showMessageRequest', (p: ShowMessageParams) => {
    messages.push(p);
    return null;
  });
  const config = server.nextDiagnostics(pathToFileURL(join(dir, '.reportreview.json')).href);
  await server.connection.sendRequest('initialize', {
    processId: process.pid, rootUri: pathToFileURL(dir).href, locale: 'en', capabilities: {},
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }], initializationOptions: { locale: 'en', ...options },
  });
  await server.connection.sendNotification('initialized', {});
  return { server, messages, config };
}

async function open(server: ServerProcess, uri: string, text = REPORT): Promise<Diagnostic[]> {
  const diagnostics = server.nextDiagnostics(uri, 1);
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'report', version: 1, text } });
  return (await diagnostics).diagnostics;
}

function decide(server: ServerProcess, uri: string, fingerprint: string, check = 'figure-conflict', decision = 'dismissed'): Promise<unknown> {
  return server.connection.sendRequest('workspace/executeCommand', {
    command: 'reportReview.recordDecision', arguments: [{ uri, check, fingerprint, quote: { text: fingerprint, context: '' }, decision }],
  });
}

const until = async (condition: () => boolean, what: string): Promise<void> => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 25));
  assert.ok(condition(), what);
};

describe('the server with a client that answers no message request', () => {
  it('keeps running when showing an error fails, and answers the next request', async () => {
    const { dir, uri } = workspace(undefined);
    // No handler for window/showMessageRequest: the client answers it with an error, as some editors do.
    const server = new ServerProcess();
    let exited = false;
    server.process.once('exit', () => (exited = true));
    await server.connection.sendRequest('initialize', {
      processId: process.pid, rootUri: pathToFileURL(dir).href, locale: 'en', capabilities: {},
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }], initializationOptions: { locale: 'en' },
    });
    await server.connection.sendNotification('initialized', {});
    await open(server, uri);
    // A decision on a report that is not open is refused with an error message.
    await server.connection.sendRequest('workspace/executeCommand', { command: 'reportReview.recordDecision', arguments: [{ uri: `${uri}.missing`, check: 'figure-conflict', fingerprint: '0', decision: 'dismissed' }] });
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(exited, false, `the server exited: ${server.stderr.slice(-500)}`);
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    assert.ok(symbols.length > 0);
    await server.stop();
  });
});

describe('the server on a hostile checkout', () => {
  it('answers initialize with a FIFO and /etc/passwd among the glossary files, and shows neither', async () => {
    const { dir, uri } = workspace(undefined);
    execFileSync('mkfifo', [join(dir, 'fifo.md')]);
    writeFileSync(join(dir, '.reportreview.json'), JSON.stringify({ glossaryFiles: ['../../../../etc/passwd', 'fifo.md'], glossary: [null] }, null, 2));
    const { server, config } = await start(dir);
    await open(server, uri);
    const at = REPORT.split('\n')[3].indexOf('root') + 1;
    const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: at } })) as Hover | null;
    assert.equal(hover, null, 'root: no line of /etc/passwd in a hover');
    assert.deepEqual((await config).diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.message).split(':')[0]}`), [
      '7:5 glossary[0]',
      '3:5 glossaryFiles[0] "../../../../etc/passwd"',
      '4:5 glossaryFiles[1] "fifo.md"',
    ]);
    await server.stop();
  });

  it('clears the problems of the config once it is fixed', async () => {
    const { dir, uri } = workspace({ checks: { 'section-numbring': 'off' } });
    const configUri = pathToFileURL(join(dir, '.reportreview.json')).href;
    const { server, config } = await start(dir);
    assert.equal((await config).diagnostics.length, 1);
    await open(server, uri);
    writeFileSync(join(dir, '.reportreview.json'), JSON.stringify({ checks: { 'section-numbering': 'off' } }));
    const cleared = server.nextDiagnostics(configUri);
    const applied = server.nextDiagnostics(uri, 1);
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    assert.deepEqual((await cleared).diagnostics, []);
    // Diagnostics scheduled before the change (the workspace scan ending) may come first.
    let latest = await applied;
    for (let i = 0; i < 3 && latest.diagnostics.some((d) => d.code === 'section-numbering'); i++) latest = await server.nextDiagnostics(uri, 1);
    assert.ok(!latest.diagnostics.some((d) => d.code === 'section-numbering'), 'the fixed setting applies');
    await server.stop();
  });

  it('keeps all 40 decisions when two editors record 20 each at the same time', async () => {
    const { dir, uri, file } = workspace(undefined);
    const [a, b] = await Promise.all([start(dir), start(dir)]);
    await Promise.all([open(a.server, uri), open(b.server, uri)]);
    const fingerprints = Array.from({ length: 40 }, (_, i) => i.toString(16).padStart(16, '0'));
    await Promise.all(fingerprints.map((f, i) => decide(i % 2 ? b.server : a.server, uri, f)));
    const recorded = JSON.parse(readFileSync(`${file}.review.json`, 'utf8')).decisions.map((d: { fingerprint: string }) => d.fingerprint);
    assert.deepEqual([...recorded].sort(), fingerprints);
    assert.deepEqual([...a.messages, ...b.messages], []);
    await Promise.all([a.server.stop(), b.server.stop()]);
  });

  it('keeps a conflicted sidecar byte for byte, says so, and refuses the decision', async () => {
    const { dir, uri, file } = workspace(undefined);
    const conflicted = '{\n<<<<<<< HEAD\n  "version": 1, "decisions": []\n=======\n>>>>>>> theirs\n}\n';
    writeFileSync(`${file}.review.json`, conflicted);
    const { server, messages } = await start(dir);
    await open(server, uri);
    await until(() => messages.length === 1, 'a warning when the report opens');
    assert.match(messages[0].message, /review file cannot be used/);
    await decide(server, uri, '0123456789abcdef');
    await until(() => messages.length === 2, 'an error when the decision is refused');
    assert.equal(messages[1].type, 1);
    assert.match(messages[1].message, /not recorded.*cannot be parsed/);
    assert.equal(readFileSync(`${file}.review.json`, 'utf8'), conflicted);
    await server.stop();
  });

  it('refuses to record a decision for a document that is not open, or with an unknown check', async () => {
    const { dir, uri, file } = workspace(undefined);
    const { server, messages } = await start(dir);
    await decide(server, pathToFileURL(join(dir, 'other.txt')).href, '0123456789abcdef');
    await open(server, uri);
    await decide(server, uri, '0123456789abcdef', 'section-numbring');
    await decide(server, uri, '0123456789abcdef', 'figure-conflict', 'deleted');
    await until(() => messages.length === 3, 'three refusals');
    assert.deepEqual(messages.map((m) => m.message.replace(/^Report Review: /, '')), [
      'decisions are recorded only for an open report.', 'unknown check id.', 'the decision must be confirmed or dismissed.',
    ]);
    assert.throws(() => readFileSync(`${file}.review.json`));
    await server.stop();
  });

  it('in Restricted Mode reads no workspace config and writes no decision, until trust is granted', async () => {
    const { dir, uri, file } = workspace({ checks: { 'section-numbering': 'off' } });
    const { server, messages } = await start(dir, { trusted: false });
    const restricted = await open(server, uri);
    assert.ok(restricted.some((d) => d.code === 'section-numbering'), 'the config is not read');
    assert.ok(restricted.some((d) => d.code === 'figure-conflict'), 'the checks still run');
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    assert.ok(symbols.length > 0, 'the outline is still there');
    await decide(server, uri, '0123456789abcdef');
    await until(() => messages.length === 1, 'the decision is refused');
    assert.match(messages[0].message, /Restricted Mode/);
    assert.throws(() => readFileSync(`${file}.review.json`));
    const trusted = server.nextDiagnostics(uri, 1);
    await server.connection.sendNotification('reportReview/trust', { trusted: true });
    assert.ok(!(await trusted).diagnostics.some((d) => d.code === 'section-numbering'), 'the config applies once trusted');
    await server.stop();
  });

  it('lists the references of a term used 150,000 times', async function () {
    this.timeout(60_000);
    const { dir } = workspace(undefined);
    const { server } = await start(dir);
    const uri = pathToFileURL(join(dir, 'long.txt')).href;
    await open(server, uri, '推动高质量发展。'.repeat(150_000));
    const references = (await server.connection.sendRequest('textDocument/references', {
      textDocument: { uri }, position: { line: 0, character: 3 }, context: { includeDeclaration: true },
    })) as unknown[];
    assert.equal(references.length, 150_000);
    await server.stop();
  });

  it('links other mentions of a figure without letting the document URI start a command link', async () => {
    const { dir } = workspace(undefined);
    const { server } = await start(dir);
    // A client that leaves ( ) [ ] unencoded in URIs sends this as it is.
    const uri = 'file:///r/a)[x](command:workbench.action.quit).txt';
    await open(server, uri);
    const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 8 } })) as Hover | null;
    const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(value, /\[line 6\]\(file:\/\/\/r\/a%29%5Bx%5D%28command:workbench\.action\.quit%29\.txt#L6\)/);
    assert.doesNotMatch(value, /\]\(command:/);
    await server.stop();
  });

  it('outlines a document of 130,000 headings', async function () {
    // About 12 s on two shared cores: parsing, the outline and every check over 130,000 sections.
    this.timeout(120_000);
    const { dir } = workspace(undefined);
    const { server } = await start(dir);
    const uri = pathToFileURL(join(dir, 'many.txt')).href;
    const text = Array.from({ length: 130_000 }, (_, i) => `（${i % 2 ? '二' : '一'}）标题。`).join('\n');
    await open(server, uri, text);
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    // Every heading is in the outline, wherever the numbering nests it.
    let count = 0;
    const visit = (s: DocumentSymbol): void => { count++; for (const c of s.children ?? []) visit(c); };
    symbols.forEach(visit);
    assert.equal(count, 130_000);
    await server.stop();
  });
});
