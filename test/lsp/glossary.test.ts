import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CompletionItem, Diagnostic, DocumentHighlight, Hover, Location } from 'vscode-languageserver-protocol';
import { hoverText, ServerProcess } from './client';

const CORPUS = join(__dirname, '..', 'corpus');

/** A workspace folder with two reports and a `.reportreview.json` naming a Markdown glossary. */
function makeWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'report-review-ws-'));
  writeFileSync(join(dir, 'zhongshan-2021.txt'), readFileSync(join(CORPUS, '001_366748309c9ca2d8.txt')));
  writeFileSync(join(dir, 'hainan-2026.txt'), readFileSync(join(CORPUS, 'hainan-2026.txt')));
  writeFileSync(join(dir, '.reportreview.json'), JSON.stringify({ glossaryFiles: ['术语表.md'], checks: { 'glossary-unused': 'off' } }));
  writeFileSync(join(dir, '术语表.md'), '# 术语表\n\n- **红管家**：社区党组织领办的物业服务模式。<img src=x onerror=alert(1)>\n');
  return dir;
}


describe('glossary over LSP', () => {
  let server: ServerProcess;
  let dir: string;
  let uri: string;
  let text: string;
  const at = (needle: string, delta = 1) => {
    const offset = text.indexOf(needle) + delta;
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
  };

  before(async () => {
    dir = makeWorkspace();
    server = new ServerProcess();
    await server.connection.sendRequest('initialize', {
      processId: process.pid, rootUri: pathToFileURL(dir).href, locale: 'zh-cn', capabilities: {},
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }],
    });
    await server.connection.sendNotification('initialized', {});
    uri = pathToFileURL(join(dir, 'zhongshan-2021.txt')).href;
    text = readFileSync(join(dir, 'zhongshan-2021.txt'), 'utf8') + '\n推行“红管家”服务，“红管家”覆盖全部社区。\n';
    const published = server.nextDiagnostics(uri, 1);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    await published;
  });

  after(async () => {
    await server.stop();
  });

  it('hovers a term of the report’s own glossary with its definition and source', async () => {
    const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: at('“双查双管”', 2) })) as Hover;
    const value = hoverText(hover);
    assert.match(value, /\*\*双查双管\*\*/);
    assert.match(value, /强化居民/);
    assert.match(value, /本报告名词解释第1条/);
  });

  it('hovers a workspace glossary term, escaped', async () => {
    const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: at('红管家') })) as Hover;
    const value = hoverText(hover);
    assert.match(value, /社区党组织领办/);
    assert.match(value, /工作区术语表/);
    assert.ok(value.includes('\\<img src\\=x onerror\\=alert\\(1\\)\\>'), value);
  });

  it('hovers a built-in term and shows nothing on plain text', async () => {
    const builtin = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: at('“放管服”', 2) })) as Hover;
    assert.match(hoverText(builtin), /内置术语库/);
    const none = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: at('砥砺奋进') });
    assert.equal(none, null);
  });

  it('goes to the definition and lists references and highlights', async () => {
    const position = at('“三个最多”', 2);
    const definition = (await server.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position })) as Location[];
    assert.equal(definition[0].uri, uri);
    assert.equal(definition[0].range.start.line, 123);
    const references = (await server.connection.sendRequest('textDocument/references', {
      textDocument: { uri }, position, context: { includeDeclaration: true },
    })) as Location[];
    assert.ok(references.filter((r) => r.uri === uri).length >= 4);
    const highlights = (await server.connection.sendRequest('textDocument/documentHighlight', { textDocument: { uri }, position })) as DocumentHighlight[];
    assert.equal(highlights.length, references.filter((r) => r.uri === uri).length);
  });

  it('shows a note when its marker is hovered, in another report of the workspace', async () => {
    const hainan = pathToFileURL(join(dir, 'hainan-2026.txt')).href;
    const hainanText = readFileSync(join(dir, 'hainan-2026.txt'), 'utf8');
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: hainan, languageId: 'report', version: 1, text: hainanText } });
    const offset = hainanText.indexOf('［12］') + 1;
    const before = hainanText.slice(0, offset).split('\n');
    const hover = (await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: hainan }, position: { line: before.length - 1, character: before[before.length - 1].length },
    })) as Hover;
    assert.match(hoverText(hover), /45432/);
    assert.match(hoverText(hover), /本报告注释/);
  });

  it('completes known terms after an opening quote', async () => {
    const line = text.split('\n').length - 2;
    const completions = (await server.connection.sendRequest('textDocument/completion', {
      textDocument: { uri }, position: { line, character: 3 }, context: { triggerKind: 2, triggerCharacter: '“' },
    })) as CompletionItem[];
    assert.ok(completions.some((c) => c.label === '双查双管'));
    assert.ok(completions.some((c) => c.label === '红管家'));
  });

  it('offers a stub glossary entry for an undefined coined term, and reads .reportreview.json', async () => {
    const appended = '\n推行“和乐调解”机制，“和乐调解”化解纠纷。\n';
    const published = server.nextDiagnostics(uri, 2);
    const lines = text.split('\n');
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: lines.length - 1, character: 0 }, end: { line: lines.length - 1, character: 0 } }, text: appended }],
    });
    const diagnostics = (await published).diagnostics as Diagnostic[];
    assert.ok(!diagnostics.some((d) => d.code === 'glossary-unused'), 'glossary-unused is off in .reportreview.json');
    const undefinedTerm = diagnostics.find((d) => d.code === 'term-undefined' && String(d.message).includes('和乐调解'));
    assert.ok(undefinedTerm, JSON.stringify(diagnostics.map((d) => d.message)));
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri }, range: undefinedTerm.range, context: { diagnostics: [undefinedTerm] },
    })) as CodeAction[];
    const edit = actions.find((a) => a.edit)?.edit?.changes?.[uri]?.[0];
    assert.ok(actions.some((a) => a.title === '确认为问题'), 'every finding can be confirmed');
    assert.equal(edit?.newText, '\n15.和乐调解：（待补充释义）');
  });
});
