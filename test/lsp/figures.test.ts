import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hover } from 'vscode-languageserver-protocol';
import { hoverText, ServerProcess } from './client';

const CORPUS = join(__dirname, '..', 'corpus');
const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
const TEXT = readFileSync(join(CORPUS, '001_366748309c9ca2d8.txt'), 'utf8');
const URI = 'file:///reports/zhongshan.txt';

function positionOf(text: string, needle: string, delta = 1) {
  const before = text.slice(0, text.indexOf(needle) + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}


describe('figures over LSP', () => {
  let server: ServerProcess;
  before(async () => {
    server = new ServerProcess();
    await server.initialize('zh-cn');
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'plaintext', version: 1, text: TEXT } });
  });
  after(async () => {
    await server.stop();
  });

  it('hovers a figure with its value, kind, metric, period and modality', async () => {
    const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: positionOf(TEXT, '18.18亿元') })) as Hover;
    const value = hoverText(hover);
    assert.match(value, /^\*\*18\\\.18亿元\*\*\n/, 'the figure as written, its value in the same scale not repeated');
    assert.match(value, /数额 · 一般公共预算收入 · 2020年 · 实际完成/);
  });

  it('lists the other mentions of the same metric, with links to their lines', async () => {
    const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: positionOf(TEXT, '城镇登记失业率控制在2.8%', 11) })) as Hover;
    const value = hoverText(hover);
    assert.match(value, /同一指标的其他数据/);
    assert.match(value, /3\\\.5\\% · 2021年 · 目标\\\/计划/);
    assert.match(value, /\[第75行\]\(file:\/\/\/reports\/zhongshan\.txt#L75\)/);
  });

  it('answers reportReview/claims with export rows', async () => {
    const rows = (await server.connection.sendRequest('reportReview/claims', { uri: URI })) as { text: string; value: number; metric: string; section: string[] }[];
    const revenue = rows.find((r) => r.text === '18.18亿元');
    assert.equal(revenue?.value, 1818000000);
    assert.deepEqual(revenue?.section, ['一、2020年和“十三五”时期政府工作回顾']);
    assert.ok(rows.length > 100);
  });
});

describe('report-review claims', () => {
  it('writes CSV with a BOM and JSON rows with the documented fields', () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-review-cli-'));
    const file = join(dir, 'report.txt');
    writeFileSync(file, '一、2025年工作回顾\n一般公共预算收入18.18亿元，增长10%。\n');
    const csv = spawnSync(process.execPath, [CLI, 'claims', '--format', 'csv', file], { encoding: 'utf8' });
    assert.equal(csv.status, 0, csv.stderr);
    assert.ok(csv.stdout.startsWith('\ufefffile,line,character,text,value'));
    assert.match(csv.stdout, /18\.18亿元,1818000000,,元,amount,exact,一般公共预算收入/);
    const json = spawnSync(process.execPath, [CLI, 'claims', '--format', 'json', file], { encoding: 'utf8' });
    const [row] = JSON.parse(json.stdout)[0].claims;
    assert.deepEqual(Object.keys(row), ['text', 'range', 'value', 'max', 'unit', 'kind', 'qualifier', 'metric', 'metricKey', 'comparedWith', 'period', 'modality', 'section']);
    assert.deepEqual([row.text, row.value, row.unit, row.kind], ['18.18亿元', 1818000000, '元', 'amount']);
  });

  it('exits 2 on usage errors and unreadable files, and still reads the other files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-review-cli-'));
    const good = join(dir, 'good.txt');
    const binary = join(dir, 'image.png');
    writeFileSync(good, '（一）深化改革\n（三）扩大开放\n');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    const result = spawnSync(process.execPath, [CLI, 'check', good, binary], { encoding: 'utf8' });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /image\.png: binary file/);
    assert.match(result.stdout, /good\.txt:2:1: warning \[section-numbering\]/);
    assert.equal(spawnSync(process.execPath, [CLI, 'frobnicate', good], { encoding: 'utf8' }).status, 2);
    assert.equal(spawnSync(process.execPath, [CLI, 'outline', good], { encoding: 'utf8' }).status, 0);
    assert.equal(spawnSync(process.execPath, [CLI, 'check', good], { encoding: 'utf8' }).status, 1);
  });
});

describe('review decisions over LSP and in the CLI', () => {
  const REPORT = '中山区2021年政府工作报告\n——2021年1月25日在中山区第十八届人民代表大会第五次会议上\n一、2020年工作回顾\n新增城镇就业1.1万人。\n（一）稳增长\n全区城镇新增就业1.2万人。\n';

  it('records a dismissed finding in <report>.review.json and stops showing it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-review-decide-'));
    const file = join(dir, 'report.txt');
    writeFileSync(file, REPORT);
    const uri = `file://${file}`;
    const server = new ServerProcess();
    await server.initialize('zh-cn');
    const first = server.nextDiagnostics(uri, 1);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'report', version: 1, text: REPORT } });
    const conflict = (await first).diagnostics.find((d) => d.code === 'figure-conflict');
    assert.ok(conflict);
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri }, range: conflict.range, context: { diagnostics: [conflict] },
    })) as { title: string; command?: { command: string; arguments: unknown[] } }[];
    const ignore = actions.find((a) => a.title.startsWith('驳回'));
    assert.ok(!actions.some((a) => a.title.startsWith('在此工作区关闭此检查')), 'no workspace folder to hold .reportreview.json, so no turn-off');
    assert.ok(ignore?.command);
    const cleared = server.nextDiagnostics(uri, 1);
    await server.connection.sendRequest('workspace/executeCommand', { command: ignore.command.command, arguments: ignore.command.arguments });
    assert.ok(!(await cleared).diagnostics.some((d) => d.code === 'figure-conflict'));
    const sidecar = JSON.parse(readFileSync(`${file}.review.json`, 'utf8'));
    assert.equal(sidecar.decisions[0].decision, 'dismissed');
    assert.equal(readFileSync(file, 'utf8'), REPORT, 'the report itself is untouched');
    await server.stop();

    // The CLI reads the same file: the decided finding no longer fails the check.
    const cli = spawnSync(process.execPath, [CLI, 'check', '--lang', 'en', file], { encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stdout);
    assert.match(cli.stdout, /1 more dismissed in/);
  });

  it('writes SARIF 2.1.0 with rules and results', () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-review-sarif-'));
    const file = join(dir, 'report.txt');
    writeFileSync(file, REPORT);
    const result = spawnSync(process.execPath, [CLI, 'check', '--format', 'sarif', file], { encoding: 'utf8' });
    assert.equal(result.status, 1);
    const sarif = JSON.parse(result.stdout);
    assert.equal(sarif.version, '2.1.0');
    const [finding] = sarif.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === 'figure-conflict');
    assert.equal(finding.locations[0].physicalLocation.region.startLine, 6);
    assert.ok(sarif.runs[0].tool.driver.rules.some((r: { id: string }) => r.id === 'figure-conflict'));
  });
});
