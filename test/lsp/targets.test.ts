/**
 * Targets and results over LSP: a workspace with the State Council's 2021, 2022 and 2023 reports
 * and an evidence table. The server pairs the reports by what they say, passes the pair and the
 * table to the checks, answers `reportReview/targets`, adds the pair to figure hovers, and writes
 * a `pairs` entry on request.
 */
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { hoverText, ServerProcess } from './client';

const NATIONAL = join(__dirname, '..', 'corpus', 'national');
/** The growth of 2021 is 8.1 % in the 2022 report; this table says 8.4 %, so the figure is flagged. */
const TABLE = 'metric,period,value,unit,source\n国内生产总值增长率,2021,8.4,%,国家统计局（测试）\n全国财政收入增长率,2021,10.7,%,财政部（测试）\n';

interface TargetsResponse {
  role: string | null;
  partner: { uri: string; how: string } | null;
  year: number | null;
  rows: { metric: string; main: boolean; status: string; target: { uri: string; text: string; range: { start: { line: number } } }; result: { uri: string; figure: string; range: { start: { line: number } } } | null }[];
  message: string | null;
}


describe('targets and results over LSP', () => {
  let server: ServerProcess;
  let dir: string;
  const uri = (year: number) => pathToFileURL(join(dir, `${year}.txt`)).href;
  const text = (year: number) => readFileSync(join(dir, `${year}.txt`), 'utf8');
  const at = (year: number, needle: string, delta = 1) => {
    const t = text(year);
    const before = t.slice(0, t.indexOf(needle) + delta).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
  };
  const targets = (year: number) => server.connection.sendRequest('reportReview/targets', { uri: uri(year) }) as Promise<TargetsResponse>;
  const diagnostics = new Map<number, PublishDiagnosticsParams>();

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'report-review-targets-'));
    for (const year of [2021, 2022, 2023]) copyFileSync(join(NATIONAL, `${year}.txt`), join(dir, `${year}.txt`));
    writeFileSync(join(dir, '统计数据.csv'), TABLE);
    writeFileSync(join(dir, '.reportreview.json'), JSON.stringify({ evidence: ['统计数据.csv'] }));
    server = new ServerProcess();
    // The other reports are read after `initialized`; the server says so in its log when done.
    const scanned = new Promise<void>((resolve) => server.connection.onNotification('window/logMessage', (p: { message: string }) => {
      if (/report\(s\) read/.test(p.message)) resolve();
    }));
    await server.connection.sendRequest('initialize', {
      processId: process.pid, rootUri: pathToFileURL(dir).href, locale: 'zh-cn', capabilities: {},
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }],
    });
    await server.connection.sendNotification('initialized', {});
    await scanned;
    for (const year of [2022, 2023]) {
      const published = server.nextDiagnostics(uri(year), 1);
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(year), languageId: 'plaintext', version: 1, text: text(year) } });
      diagnostics.set(year, await published);
    }
  });

  after(async () => {
    if (server.stderr) console.error(server.stderr);
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('pairs 2022 with the 2021 report that set its targets, and gives each row both places', async () => {
    const response = await targets(2022);
    assert.equal(response.role, 'next');
    assert.deepEqual(response.partner, { uri: uri(2021), how: 'identity' });
    assert.equal(response.year, 2021);
    const gdp = response.rows[0];
    // 2021.txt line 122: 国内生产总值增长6%以上 → 2022.txt line 28: 增长8.1%.
    assert.deepEqual([gdp.status, gdp.target.text, gdp.target.uri, gdp.target.range.start.line + 1, gdp.result?.figure, gdp.result?.uri, gdp.result!.range.start.line + 1], ['met', '国内生产总值增长6%以上', uri(2021), 122, '8.1%', uri(2022), 28]);
    // Five of the six numeric main targets met; energy use per unit of GDP has no result in 2022.
    assert.deepEqual(response.rows.filter((r) => r.main && r.status !== 'not-comparable').map((r) => r.status), ['met', 'met', 'met', 'met', 'no-result', 'met']);
  });

  it('says why a report read on its own has no table', async () => {
    const response = await targets(2021);
    // 2021 reviews 2020: the workspace has no 2020 report, but 2021 set the targets 2022 reviews.
    assert.equal(response.role, 'previous');
    assert.equal(response.partner?.uri, uri(2022));
    const alone = (await server.connection.sendRequest('reportReview/targets', { uri: 'file:///nowhere/x.txt' })) as TargetsResponse;
    assert.deepEqual([alone.partner, alone.rows.length, alone.message], [null, 0, '此文件不是已打开的报告。']);
  });

  it('shows target-missed on 2023 with the target in the 2022 report as related information', () => {
    const missed = diagnostics.get(2023)!.diagnostics.filter((d) => d.code === 'target-missed');
    assert.equal(missed.length, 1);
    assert.deepEqual(missed[0].relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line + 1]), [[uri(2022), 89], [uri(2023), 28]]);
  });

  it('shows evidence-mismatch on 2022 with the table’s row as related information', () => {
    const mismatch = diagnostics.get(2022)!.diagnostics.filter((d) => d.code === 'evidence-mismatch');
    assert.deepEqual(mismatch.map((d) => [d.range.start.line + 1, d.message]), [[28, '「国内生产总值」2021年此处为8.1%，证据表为8.4%（来源：国家统计局（测试））']]);
    const related = mismatch[0].relatedInformation![0].location;
    assert.ok(related.uri.endsWith('.csv'), related.uri);
    assert.equal(related.range.start.line, 1);
  });

  it('hovers a result with the target it answers and the evidence table’s value, after what the figure is', async () => {
    const value = hoverText((await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri(2022) }, position: at(2022, '增长8.1%', 3) })) as Hover);
    assert.match(value, /^\*\*8\\\.1\\%\*\*/);
    assert.match(value, /\*\*回应的上一年目标\*\*：国内生产总值增长6\\%以上 · 已完成 · \[上一年报告第122行\]\(file:.*2021\.txt#L122\)/);
    assert.match(value, /\*\*证据表\*\*：国内生产总值 2021 8\\\.4\\% · 不一致 · 来源：国家统计局（测试） · \[统计数据\\\.csv 第2行\]/);
  });

  it('hovers a target with its result from the next report and the status', async () => {
    const value = hoverText((await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri(2022) }, position: at(2022, '国内生产总值增长5.5%左右', 10) })) as Hover);
    assert.match(value, /\*\*下一年报告的结果\*\*：全年国内生产总值增长3\\% · \[下一年报告第28行\]\(file:.*2023\.txt#L28\) · 未完成/);
  });

  it('reads the evidence table again when it changes on disk', async () => {
    const republished = server.nextDiagnostics(uri(2022));
    writeFileSync(join(dir, '统计数据.csv'), TABLE.replace('2021,8.4,%', '2021,8.1,%'));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, '统计数据.csv')).href, type: 2 }] });
    const after = await republished;
    assert.deepEqual(after.diagnostics.filter((d) => d.code === 'evidence-mismatch'), []);
  });

  it('checks 2023 again when the open 2022 report changes the target it missed', async () => {
    const lowered = text(2022).replace('国内生产总值增长5.5%左右', '国内生产总值增长3%左右');
    const republished = server.diagnosticsWhere(uri(2023), (p) => !p.diagnostics.some((d) => d.code === 'target-missed'));
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(2022), version: 2 }, contentChanges: [{ text: lowered }] });
    await republished;
    const response = await targets(2023);
    assert.equal(response.rows[0].status, 'met');
  });

  it('writes a pair chosen by hand into .reportreview.json, and refuses a config that does not parse', async () => {
    const written = await server.connection.sendRequest('workspace/executeCommand', { command: 'reportReview.pairReports', arguments: [{ previous: uri(2021), next: uri(2023) }] });
    assert.deepEqual(written, { ok: true });
    assert.deepEqual(JSON.parse(readFileSync(join(dir, '.reportreview.json'), 'utf8')), { evidence: ['统计数据.csv'], pairs: [['2021.txt', '2023.txt']] });
    const response = await targets(2023);
    assert.deepEqual(response.partner, { uri: uri(2021), how: 'explicit' });
    writeFileSync(join(dir, '.reportreview.json'), '{ "pairs": [ <<<<<<< HEAD');
    const refused = await server.connection.sendRequest('workspace/executeCommand', { command: 'reportReview.pairReports', arguments: [{ previous: uri(2022), next: uri(2023) }] });
    assert.equal((refused as { ok: boolean }).ok, false);
    assert.match((refused as { message: string }).message, /^报告审阅：未能配对。.*\.reportreview\.json 无法解析（.*），请先修复该文件$/);
    assert.equal(readFileSync(join(dir, '.reportreview.json'), 'utf8'), '{ "pairs": [ <<<<<<< HEAD');
    const outside = await server.connection.sendRequest('workspace/executeCommand', { command: 'reportReview.pairReports', arguments: [{ previous: pathToFileURL(join(NATIONAL, '2021.txt')).href, next: uri(2023) }] });
    assert.deepEqual(outside, { ok: false, message: '报告审阅：未能配对。两份报告须位于同一个工作区文件夹内。' });
  });
});
