/**
 * One review service behind the editor and the CLI: on the same folder they find the same things,
 * and the folder is live — a `.reportreview.json` edit, a new glossary file and a new report take
 * effect without a restart. Spawns `node dist/server.js` and `node dist/cli.js` (`npm run build` first).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ServerProcess } from './client';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
const CORPUS = join(__dirname, '..', 'corpus');

/** a.txt explains 店小二 in its 名词解释. */
const A = ['某市2024年政府工作报告', '一、2023年工作回顾', '全面推行“店小二”式服务。', '名词解释', '1.店小二：指政府部门像店小二一样主动服务企业。', ''].join('\n');
/** b.txt quotes “店小二” and “红管家” twice each; a.txt and the workspace glossary explain them. */
const B = ['某市2025年政府工作报告', '一、2024年工作回顾', '深化“店小二”服务，当好“店小二”。', '推行“红管家”服务，“红管家”覆盖全部社区。', ''].join('\n');

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'report-review-live-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** A server on `dir`, resolved once its scan of the folder's reports is done. */
async function serve(dir: string): Promise<ServerProcess> {
  const server = new ServerProcess();
  const scanned = new Promise<void>((resolve) => {
    server.connection.onNotification('window/logMessage', (p: { message: string }) => {
      if (/Workspace scan: \d+ report\(s\) read/.test(p.message)) resolve();
    });
  });
  await server.connection.sendRequest('initialize', {
    processId: process.pid, rootUri: pathToFileURL(dir).href, locale: 'en', capabilities: {},
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }],
  });
  await server.connection.sendNotification('initialized', {});
  await scanned;
  return server;
}

async function open(server: ServerProcess, uri: string, text: string): Promise<Diagnostic[]> {
  const published = server.nextDiagnostics(uri, 1);
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'report', version: 1, text } });
  return (await published).diagnostics;
}

/** The next diagnostics of `uri` that satisfy `wanted`, or the last ones published within `ms`. */
async function until(server: ServerProcess, uri: string, wanted: (d: Diagnostic[]) => boolean, ms = 5000): Promise<Diagnostic[]> {
  const deadline = Date.now() + ms;
  let last: Diagnostic[] = [];
  while (Date.now() < deadline) {
    const next = await Promise.race([server.nextDiagnostics(uri), new Promise<undefined>((r) => setTimeout(() => r(undefined), deadline - Date.now()))]);
    if (!next) break;
    last = (next as PublishDiagnosticsParams).diagnostics;
    if (wanted(last)) return last;
  }
  return last;
}

async function changed(server: ServerProcess, dir: string, name: string, type: 1 | 2 | 3): Promise<void> {
  await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, name)).href, type }] });
}

const codes = (ds: Diagnostic[]): string[] => ds.map((d) => String(d.code));
/** What the equality compares: check id, range and severity, in order. */
const summary = (ds: Diagnostic[]): string[] =>
  ds.map((d) => `${d.code} ${d.severity} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`).sort();

describe('the CLI and the server on one folder', () => {
  it('find the same things in corpus reports, a glossary file and the a.txt/b.txt 店小二 case', async function () {
    this.timeout(60_000);
    const reports: Record<string, string> = {
      'zhongshan-2021.txt': readFileSync(join(CORPUS, '001_366748309c9ca2d8.txt'), 'utf8'),
      'hainan-2026.txt': readFileSync(join(CORPUS, 'hainan-2026.txt'), 'utf8'),
      'gansu-2026.txt': readFileSync(join(CORPUS, 'gansu-2026.txt'), 'utf8'),
      'a.txt': A,
      'b.txt': B,
    };
    const dir = folder({
      ...reports,
      '.reportreview.json': JSON.stringify({ glossaryFiles: ['术语表.md'], checks: { 'glossary-unused': 'hint', 'section-numbering': 'information' } }),
      '术语表.md': '# 术语表\n\n- **红管家**：社区党组织领办的物业服务模式。\n',
    });
    const names = Object.keys(reports);
    const cli = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', '--fail-on', 'hint', '--', ...names.map((n) => join(dir, n))], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(cli.stderr, '');
    assert.equal(cli.status, 1, 'findings at hint or above');
    const fromCli = new Map((JSON.parse(cli.stdout) as { file: string; diagnostics: Diagnostic[] }[]).map((r) => [r.file.slice(dir.length + 1), r.diagnostics]));

    const server = await serve(dir);
    try {
      for (const name of names) {
        const fromServer = await open(server, pathToFileURL(join(dir, name)).href, reports[name]);
        assert.deepEqual(summary(fromServer), summary(fromCli.get(name)!), name);
      }
    } finally {
      await server.stop();
    }
    // Neither says b.txt's terms are undefined: a.txt and 术语表.md explain them.
    assert.deepEqual(codes(fromCli.get('b.txt')!), []);
    const all = [...fromCli.values()].flat();
    assert.ok(all.length >= 5, `the comparison is not of empty lists (${all.length} findings)`);
    assert.ok(all.every((d) => d.code !== 'section-numbering' || d.severity === 3), 'the config’s severity applies');
  });
});

describe('a live workspace', () => {
  it('applies a .reportreview.json edit that turns a check off, and one that turns it on again', async () => {
    const dir = folder({ 'b.txt': B });
    const uri = pathToFileURL(join(dir, 'b.txt')).href;
    const server = await serve(dir);
    try {
      assert.deepEqual(codes(await open(server, uri, B)), ['term-undefined', 'term-undefined']);
      writeFileSync(join(dir, '.reportreview.json'), JSON.stringify({ checks: { 'term-undefined': 'off' } }));
      await changed(server, dir, '.reportreview.json', 1);
      assert.deepEqual(codes(await until(server, uri, (d) => d.length === 0)), []);
      writeFileSync(join(dir, '.reportreview.json'), JSON.stringify({ checks: { 'term-undefined': 'warning' } }));
      await changed(server, dir, '.reportreview.json', 2);
      const back = await until(server, uri, (d) => d.length > 0);
      assert.deepEqual(back.map((d) => `${d.code} ${d.severity}`), ['term-undefined 2', 'term-undefined 2']);
    } finally {
      await server.stop();
    }
  });

  it('reads a glossary file once it is created, and a new report of the folder', async () => {
    const dir = folder({ 'b.txt': B, '.reportreview.json': JSON.stringify({ glossaryFiles: ['术语表.md'] }) });
    const uri = pathToFileURL(join(dir, 'b.txt')).href;
    const configUri = pathToFileURL(join(dir, '.reportreview.json')).href;
    const server = await serve(dir);
    try {
      assert.deepEqual(codes(await open(server, uri, B)), ['term-undefined', 'term-undefined']);
      // 红管家 from the new glossary file; its missing-file problem on the config goes away.
      const configCleared = server.nextDiagnostics(configUri);
      writeFileSync(join(dir, '术语表.md'), '- **红管家**：社区党组织领办的物业服务模式。\n');
      await changed(server, dir, '术语表.md', 1);
      assert.equal((await until(server, uri, (d) => d.length === 1)).length, 1);
      assert.deepEqual((await configCleared).diagnostics, []);
      // 店小二 from a.txt, a report added to the folder.
      writeFileSync(join(dir, 'a.txt'), A);
      await changed(server, dir, 'a.txt', 1);
      assert.deepEqual(codes(await until(server, uri, (d) => d.length === 0)), []);
    } finally {
      await server.stop();
    }
  });

  it('shows an unknown check id and a wrong value type in .reportreview.json on that file', async () => {
    const dir = folder({ 'b.txt': B, '.reportreview.json': '{\n  "checks": { "no-such-check": "off", "term-undefined": 3 },\n  "builtinGlossary": "yes"\n}\n' });
    const configUri = pathToFileURL(join(dir, '.reportreview.json')).href;
    const server = new ServerProcess();
    const published = server.nextDiagnostics(configUri);
    await server.connection.sendRequest('initialize', {
      processId: process.pid, rootUri: pathToFileURL(dir).href, locale: 'en', capabilities: {},
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }],
    });
    await server.connection.sendNotification('initialized', {});
    try {
      const problems = (await published).diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
      assert.deepEqual(problems, [
        '2:15 checks: there is no check with id "no-such-check" (known: figure-conflict, target-restated, count-mismatch, sum-mismatch, change-arithmetic, out-of-range, section-numbering, text-integrity, glossary-unused, glossary-duplicate, term-undefined, target-missed, evidence-mismatch); ignored',
        '2:57 checks.term-undefined: must be of type string; ignored',
        '2:57 checks.term-undefined: must be one of off, error, warning, information, hint; ignored',
        '3:22 builtinGlossary: must be of type boolean; ignored',
      ]);
    } finally {
      await server.stop();
    }
  });
});
