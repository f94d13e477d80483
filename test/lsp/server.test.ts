import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentSymbol, FoldingRange, SymbolInformation } from 'vscode-languageserver-protocol';
import { ServerProcess } from './client';

const CORPUS = join(__dirname, '..', 'corpus');
const URI = 'file:///reports/zhongshan-2021.txt';
const TEXT = readFileSync(join(CORPUS, '001_366748309c9ca2d8.txt'), 'utf8');

describe('language server over stdio', () => {
  let server: ServerProcess;

  before(async () => {
    server = new ServerProcess();
    const result = (await server.initialize()) as { capabilities: Record<string, unknown> };
    assert.equal(result.capabilities.documentSymbolProvider !== undefined, true);
    assert.deepEqual(result.capabilities.textDocumentSync, { openClose: true, change: 2 });
  });

  after(async () => {
    if (server.process.exitCode === null) server.process.kill();
  });

  it('outlines a document opened as plaintext', async () => {
    const diagnostics = server.nextDiagnostics(URI, 1);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'plaintext', version: 1, text: TEXT } });
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } })) as DocumentSymbol[];
    // The number leads the name, as the report writes it.
    const chapters = symbols.filter((s) => /^[一二三]、 /.test(s.name));
    assert.deepEqual(chapters.map((s) => s.name), ['一、 2020年和“十三五”时期政府工作回顾', '二、 “十四五”时期发展思路、总体目标及主攻方向', '三、 2021年工作安排']);
    assert.equal((chapters[0].children ?? []).filter((c) => c.name.startsWith('(')).length, 6);
    assert.deepEqual(chapters[0].range.start, { line: 19, character: 0 });
    const glossary = symbols.find((s) => s.name === '名词解释');
    assert.equal(glossary?.children?.length, 14);
    assert.deepEqual((await diagnostics).diagnostics.filter((d) => d.code === 'section-numbering'), []);
  });

  it('applies incremental changes and answers from the new version', async () => {
    // Renumber （八） to （九） on line 115: the outline follows and the numbering check fires.
    const line = 114;
    const character = TEXT.split('\n')[line].indexOf('八');
    const diagnostics = server.nextDiagnostics(URI, 2);
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line, character }, end: { line, character: character + 1 } }, text: '九' }],
    });
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } })) as DocumentSymbol[];
    const sections = symbols.find((s) => s.name === '三、 2021年工作安排')?.children ?? [];
    assert.equal(sections[sections.length - 1].name, '(九) 全力建设服务型政府');
    const numbering = (await diagnostics).diagnostics.filter((d) => d.code === 'section-numbering');
    assert.equal(numbering.length, 1);
    assert.match(String(numbering[0].message), /缺少 1 个序号/);
    assert.equal(numbering[0].range.start.line, line);
  });

  it('applies several changes of one notification in order, then a whole text sent again', async () => {
    const uri = 'file:///reports/edited.txt';
    const symbolsOf = async (u: string) => (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: u } })) as DocumentSymbol[];
    const names = (symbols: DocumentSymbol[]): string[] => symbols.flatMap((s) => [s.name, ...names(s.children ?? [])]);
    const text = '一、过去一年工作回顾\r\n\r\n经济增长5%。\r\n\r\n二、今年工作安排\r\n\r\n（一）扩大内需。\r\n\r\n（二）稳住就业。\r\n';
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'report', version: 1, text } });
    await symbolsOf(uri);
    // Line 10 exists only after the first change; the third change's line 0 is read after the second.
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [
        { range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } }, text: '\r\n（三）保障民生。\r\n' },
        { range: { start: { line: 10, character: 3 }, end: { line: 10, character: 7 } }, text: '兜牢民生底线' },
        { range: { start: { line: 0, character: 2 }, end: { line: 0, character: 6 } }, text: '' },
      ],
    });
    const edited = '一、工作回顾\r\n\r\n经济增长5%。\r\n\r\n二、今年工作安排\r\n\r\n（一）扩大内需。\r\n\r\n（二）稳住就业。\r\n\r\n（三）兜牢民生底线。\r\n';
    assert.deepEqual(names(await symbolsOf(uri)), ['一、 工作回顾', '二、 今年工作安排', '（一） 扩大内需', '（二） 稳住就业', '（三） 兜牢民生底线']);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///reports/edited-fresh.txt', languageId: 'report', version: 1, text: edited } });
    assert.deepEqual(await symbolsOf(uri), await symbolsOf('file:///reports/edited-fresh.txt'), 'the same outline as the edited text opened afresh');

    // Full-text sync, then an incremental change after it.
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: '一、总体要求\n\n（一）稳增长。\n' }] });
    assert.deepEqual(names(await symbolsOf(uri)), ['一、 总体要求', '（一） 稳增长']);
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 4 },
      contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '\n二、主要任务\n' }],
    });
    assert.deepEqual(names(await symbolsOf(uri)), ['一、 总体要求', '（一） 稳增长', '二、 主要任务']);
    for (const u of [uri, 'file:///reports/edited-fresh.txt']) await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: u } });
  });

  it('folds every section that spans lines', async () => {
    const ranges = (await server.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: URI } })) as FoldingRange[];
    assert.ok(ranges.some((r) => r.startLine === 19 && r.endLine === 61), 'chapter 一 folds from its heading to its last paragraph');
    assert.ok(ranges.some((r) => r.startLine === 0 && r.endLine === 13), 'the metadata block folds');
  });

  it('finds headings across open reports by workspace symbol', async () => {
    const other = 'file:///reports/gansu-2026.txt';
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: other, languageId: 'report', version: 1, text: readFileSync(join(CORPUS, 'gansu-2026.txt'), 'utf8') },
    });
    const found = (await server.connection.sendRequest('workspace/symbol', { query: '重点工作' })) as SymbolInformation[];
    assert.ok(found.some((s) => s.location.uri === other && s.name === '2026年重点工作'));
  });

  it('sends the outline after keystrokes as a fresh server sends it for the same text', async () => {
    // The server resends symbols the edit left unchanged as the bytes it sent before: the client
    // must not be able to tell.
    const uri = 'file:///reports/typed.txt';
    const symbolsOf = async (s: ServerProcess, u: string) => (await s.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: u } })) as DocumentSymbol[];
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'report', version: 1, text: TEXT } });
    await symbolsOf(server, uri);
    const edits = [
      { range: { start: { line: 114, character: 3 }, end: { line: 114, character: 3 } }, text: '改' },
      { range: { start: { line: 40, character: 0 }, end: { line: 40, character: 0 } }, text: '（七）新增一节\n' },
      { range: { start: { line: 114, character: 3 }, end: { line: 114, character: 4 } }, text: '' },
    ];
    let text = TEXT;
    for (const [i, change] of edits.entries()) {
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [change] });
      const lines = text.split('\n');
      const { line, character } = change.range.start;
      lines[line] = lines[line].slice(0, character) + change.text + lines[line].slice(change.range.end.character);
      text = lines.join('\n');
      const typed = await symbolsOf(server, uri);
      const fresh = new ServerProcess();
      await fresh.initialize();
      await fresh.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'report', version: 1, text } });
      assert.deepEqual(typed, await symbolsOf(fresh, uri), `after edit ${i + 1}`);
      await fresh.stop();
    }
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  it('ends when its input closes, as when the editor goes away without a shutdown', async () => {
    const orphan = new ServerProcess();
    await orphan.initialize();
    const exited = new Promise<number | null>((resolve) => orphan.process.once('exit', (code) => resolve(code)));
    orphan.process.stdin.end();
    assert.equal(await exited, 1);
  });

  it('clears diagnostics on close and shuts down cleanly', async () => {
    const cleared = server.nextDiagnostics(URI);
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
    assert.deepEqual((await cleared).diagnostics, []);
    assert.equal(await server.stop(), 0);
  });
});
