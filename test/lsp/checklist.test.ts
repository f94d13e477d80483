/**
 * The review checklist over stdio, as a reviewer uses it: confirm a finding (it stays, marked),
 * dismiss one with a reason (it goes), list both, undo, turn a check off for the workspace — and
 * the report itself is never written.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { Checklist } from '../../server/src/protocol/checklist';
import { ServerProcess } from './client';

// 1.1万人 ↔ 1.2万人 is a figure-conflict on line 6; （一）（三） a section-numbering gap on line 7.
const FIXTURES = join(__dirname, '..', 'fixtures', 'decisions');
const REPORT = readFileSync(join(FIXTURES, 'report.txt'), 'utf8');
const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

const CONFIG = JSON.stringify({ glossary: [{ term: '稳增长', definition: '稳定经济增长' }] });

async function start(options: Record<string, unknown> = {}, config = CONFIG) {
  const dir = mkdtempSync(join(tmpdir(), 'report-review-checklist-'));
  const file = join(dir, 'report.txt');
  writeFileSync(file, REPORT);
  writeFileSync(join(dir, '.reportreview.json'), config);
  const uri = pathToFileURL(file).href;
  const server = new ServerProcess();
  const messages: string[] = [];
  server.connection.onRequest('window/showMessageRequest', (p: { message: string }) => {
    messages.push(p.message);
    return null;
  });
  server.connection.onNotification('window/showMessage', (p: { message: string }) => {
    messages.push(p.message);
  });
  await server.connection.sendRequest('initialize', {
    processId: process.pid, rootUri: pathToFileURL(dir).href, locale: 'zh-cn', capabilities: {},
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }], initializationOptions: { locale: 'zh-cn', ...options },
  });
  await server.connection.sendNotification('initialized', {});
  const first = server.nextDiagnostics(uri, 1);
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'report', version: 1, text: REPORT } });
  return { dir, file, uri, server, messages, diagnostics: (await first).diagnostics };
}

type Started = Awaited<ReturnType<typeof start>>;

async function actionsOn(s: Started, diagnostic: Diagnostic): Promise<CodeAction[]> {
  return (await s.server.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: s.uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] },
  })) as CodeAction[];
}

/** Runs an action's command and resolves with the diagnostics published after it. */
async function run(s: Started, action: CodeAction | undefined, extra: Record<string, unknown> = {}): Promise<Diagnostic[]> {
  assert.ok(action?.command, 'the action has a command');
  const next: Promise<PublishDiagnosticsParams> = s.server.nextDiagnostics(s.uri, 1);
  const [args] = action.command.arguments as Record<string, unknown>[];
  await s.server.connection.sendRequest('workspace/executeCommand', { command: action.command.command, arguments: [{ ...args, ...extra }] });
  return (await next).diagnostics;
}

const checklistOf = (s: Started) => s.server.connection.sendRequest('reportReview/checklist', { uri: s.uri }) as Promise<Checklist>;
const byCode = (diagnostics: Diagnostic[], code: string) => diagnostics.find((d) => d.code === code);

describe('the review checklist over LSP', () => {
  it('confirms a finding (shown, marked), dismisses one with a reason (hidden), lists both and undoes', async () => {
    const s = await start();
    const conflict = byCode(s.diagnostics, 'figure-conflict')!;
    const numbering = byCode(s.diagnostics, 'section-numbering')!;
    assert.ok(conflict && numbering);
    assert.deepEqual((await actionsOn(s, conflict)).map((a) => a.title), ['确认为问题', '驳回（不是问题）', '在此工作区关闭此检查（figure-conflict）']);

    const afterConfirm = await run(s, (await actionsOn(s, conflict)).find((a) => a.title === '确认为问题'));
    const confirmed = byCode(afterConfirm, 'figure-conflict');
    assert.match(String(confirmed?.message), /^【已确认】/);
    assert.deepEqual(confirmed?.data, { decision: 'confirmed' });
    assert.deepEqual((await actionsOn(s, confirmed!)).map((a) => a.title).slice(0, 2), ['撤销审阅决定', '驳回（不是问题）']);

    const afterDismiss = await run(s, (await actionsOn(s, numbering)).find((a) => a.title === '驳回（不是问题）'), { reason: '原文如此' });
    assert.equal(byCode(afterDismiss, 'section-numbering'), undefined, 'a dismissed finding is hidden');
    assert.ok(byCode(afterDismiss, 'figure-conflict'), 'the confirmed one stays');

    const list = await checklistOf(s);
    const today = new Date().toISOString().slice(0, 10);
    assert.equal(list.readOnly, false);
    assert.deepEqual(list.rows.map((r) => [r.state, r.check, r.range?.start.line, r.quote, r.context, r.reason, r.date]), [
      ['confirmed', 'figure-conflict', 5, '1.2万人 ↔ 1.1万人', '全区城镇新增就业1.2万人。', undefined, today],
      ['dismissed', 'section-numbering', 6, '（三） ↔ （一）', '（三）促改革', '原文如此', today],
    ]);
    const sidecar = JSON.parse(readFileSync(`${s.file}.review.json`, 'utf8'));
    assert.equal(sidecar.version, 2);
    assert.deepEqual(sidecar.decisions.map((d: { decision: string }) => d.decision), ['confirmed', 'dismissed']);

    const dismissed = list.rows[1];
    const next = s.server.nextDiagnostics(s.uri, 1);
    await s.server.connection.sendRequest('workspace/executeCommand', { command: 'reportReview.undoDecision', arguments: [{ uri: s.uri, check: dismissed.check, fingerprint: dismissed.fingerprint }] });
    assert.ok(byCode((await next).diagnostics, 'section-numbering'), 'undo brings the finding back');
    assert.deepEqual((await checklistOf(s)).rows.map((r) => r.state), ['confirmed', 'open']);

    const md = (await s.server.connection.sendRequest('reportReview/checklistExport', { uri: s.uri, format: 'md', file: 'report.txt' })) as string;
    assert.match(md, /\| report\\\.txt \| 6 \| figure\\-conflict \| 1\\\.2万人 ↔ 1\\\.1万人 \| 全区城镇新增就业1\\\.2万人。 \| 已确认 \|/);
    assert.deepEqual(s.messages, []);
    assert.equal(readFileSync(s.file, 'utf8'), REPORT, 'the report itself is untouched');
    await s.server.stop();
  });

  it('turns a check off for the workspace in .reportreview.json, keeping its other keys', async () => {
    const s = await start();
    const numbering = byCode(s.diagnostics, 'section-numbering')!;
    const off = (await actionsOn(s, numbering)).find((a) => a.title.startsWith('在此工作区关闭此检查'));
    const after = await run(s, off);
    assert.equal(byCode(after, 'section-numbering'), undefined, 'the check is off at once');
    assert.ok(byCode(after, 'figure-conflict'));
    assert.deepEqual(JSON.parse(readFileSync(join(s.dir, '.reportreview.json'), 'utf8')), {
      glossary: [{ term: '稳增长', definition: '稳定经济增长' }], checks: { 'section-numbering': 'off' },
    });
    assert.deepEqual(s.messages, ['报告审阅：已在 .reportreview.json 中关闭检查 section-numbering。']);
    assert.equal(readFileSync(s.file, 'utf8'), REPORT);
    await s.server.stop();
  });

  it('refuses to turn a check off in a .reportreview.json that does not parse, and leaves it byte for byte', async () => {
    const conflicted = '{\n<<<<<<< HEAD\n  "checks": {}\n=======\n>>>>>>> theirs\n}\n';
    const s = await start({}, conflicted);
    const numbering = byCode(s.diagnostics, 'section-numbering')!;
    const off = (await actionsOn(s, numbering)).find((a) => a.title.startsWith('在此工作区关闭此检查'));
    await s.server.connection.sendRequest('workspace/executeCommand', { command: off!.command!.command, arguments: off!.command!.arguments });
    for (let i = 0; i < 200 && !s.messages.some((m) => m.includes('未关闭此检查')); i++) await new Promise((r) => setTimeout(r, 25));
    assert.ok(s.messages.some((m) => /^报告审阅：未关闭此检查。.*无法解析/.test(m)), JSON.stringify(s.messages));
    assert.equal(readFileSync(join(s.dir, '.reportreview.json'), 'utf8'), conflicted);
    await s.server.stop();
  });

  it('in Restricted Mode offers no decision, lists the findings read-only and says why', async () => {
    const s = await start({ trusted: false });
    const conflict = byCode(s.diagnostics, 'figure-conflict')!;
    assert.deepEqual((await actionsOn(s, conflict)).map((a) => a.title), []);
    const list = await checklistOf(s);
    assert.equal(list.readOnly, true);
    assert.match(list.error ?? '', /受限模式/);
    assert.deepEqual(list.rows.map((r) => r.state), ['open', 'open']);
    await s.server.stop();
  });

  it('exports the checklist from the CLI: report-review review --format md|csv, a version 1 file read as it is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-review-checklist-cli-'));
    const file = join(dir, 'report.txt');
    copyFileSync(join(FIXTURES, 'report.txt'), file);
    copyFileSync(join(FIXTURES, 'v1.review.json'), `${file}.review.json`);
    const md = spawnSync(process.execPath, [CLI, 'review', '--format', 'md', '--lang', 'en', file], { encoding: 'utf8' });
    assert.equal(md.status, 1, 'the confirmed gap in the numbering is still a warning to fix');
    const rows = md.stdout.trim().split('\n').slice(4).map((r) => r.split(/(?<!\\)\|/).slice(2, 8).map((c) => c.trim()));
    assert.deepEqual(rows, [
      ['6', 'figure\\-conflict', '1\\.2万人 ↔ 1\\.1万人', '全区城镇新增就业1\\.2万人。', 'dismissed', '口径不同'],
      ['7', 'section\\-numbering', '（三） ↔ （一）', '（三）促改革', 'confirmed', ''],
      ['', 'figure\\-conflict', '7\\.5\\% ↔ 7\\%', '', 'finding gone \\(text changed or check off\\)', ''],
    ]);
    const text = spawnSync(process.execPath, [CLI, 'check', '--lang', 'en', file], { encoding: 'utf8' });
    assert.match(text.stdout, /report\.txt:7:1: warning \[section-numbering\] \[Confirmed\] /);
    assert.match(text.stdout, /1 finding, 1 more dismissed in/);
    // CI reads the same marks: JSON as the editor's diagnostic, SARIF in the message and its properties.
    const json = JSON.parse(spawnSync(process.execPath, [CLI, 'check', '--format', 'json', '--lang', 'zh', file], { encoding: 'utf8' }).stdout);
    assert.deepEqual(json[0].diagnostics.map((d: { code: string; message: string; data?: unknown }) => [d.code, d.message.slice(0, 5), d.data]), [['section-numbering', '【已确认】', { decision: 'confirmed' }]]);
    const sarif = JSON.parse(spawnSync(process.execPath, [CLI, 'check', '--format', 'sarif', '--lang', 'en', file], { encoding: 'utf8' }).stdout);
    assert.deepEqual(sarif.runs[0].results.map((r: { ruleId: string; message: { text: string }; properties?: unknown }) => [r.ruleId, r.message.text.slice(0, 12), r.properties]), [['section-numbering', '[Confirmed] ', { reviewDecision: 'confirmed' }]]);
    const csv = spawnSync(process.execPath, [CLI, 'review', '--format', 'csv', '--lang', 'zh', file], { encoding: 'utf8' });
    assert.equal(csv.stdout.split('\r\n')[0], '\ufeff文件,行,检查项,原文,上下文,状态,理由,日期,说明');
    assert.equal(csv.stdout.split('\r\n').length, 5);
    assert.equal(readFileSync(`${file}.review.json`, 'utf8'), readFileSync(join(FIXTURES, 'v1.review.json'), 'utf8'), 'reading never rewrites');
    assert.equal(spawnSync(process.execPath, [CLI, 'check', '--format', 'md', file], { encoding: 'utf8' }).status, 2);
  });
});
