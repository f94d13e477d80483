/** What the editor gets around the checks: links to their pages, one fix for every leftover, term uses. */
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ServerProcess } from './client';

const URI = 'file:///reports/leftovers.txt';
// A scraped report: a page leftover inside the body (the line after （一）) and one after it.
const TEXT = [
  '2025年某县政府工作报告',
  '一、2024年工作回顾',
  '（一）经济运行稳中向好。全县地区生产总值增长5.6%，推行“红马甲”服务，“红马甲”走进全部社区。',
  '分享到：',
  '（二）民生保障更加有力。城镇新增就业1.1万人。',
  '名词解释',
  '1.红马甲：社区志愿服务队伍。',
  '上一篇：关于做好春节期间工作的通知',
  '',
].join('\n');

describe('the editor around the checks, over LSP', () => {
  let server: ServerProcess;
  let diagnostics: Diagnostic[];

  before(async () => {
    server = new ServerProcess();
    await server.initialize('zh-cn');
    const published = server.nextDiagnostics(URI, 1);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'plaintext', version: 1, text: TEXT } });
    diagnostics = (await published).diagnostics;
  });
  after(async () => {
    await server.stop();
  });

  it('links every diagnostic code to the page of its check', () => {
    assert.ok(diagnostics.length > 0);
    for (const d of diagnostics) {
      const href = d.codeDescription?.href ?? '';
      assert.match(href, new RegExp(`/docs/checks/${d.code}\\.md$`));
      assert.ok(existsSync(fileURLToPath(href)), href);
    }
  });

  it('removes every website leftover with one source.fixAll action, and nothing else', async () => {
    const leftovers = diagnostics.filter((d) => d.code === 'text-integrity');
    assert.ok(leftovers.length >= 2, JSON.stringify(diagnostics.map((d) => d.message)));
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => [a.kind, a.title]), [['source.fixAll.reportReview', `删除全部网页残留（${leftovers.length} 处）`]]);
    const edits = actions[0].edit!.changes![URI] as TextEdit[];
    const fixed = TextDocument.applyEdits(TextDocument.create(URI, 'plaintext', 1, TEXT), edits);
    assert.equal(fixed, [
      '2025年某县政府工作报告',
      '一、2024年工作回顾',
      '（一）经济运行稳中向好。全县地区生产总值增长5.6%，推行“红马甲”服务，“红马甲”走进全部社区。',
      '（二）民生保障更加有力。城镇新增就业1.1万人。',
      '名词解释',
      '1.红马甲：社区志愿服务队伍。',
      '',
    ].join('\n'));
  });

  it('offers the same removal as a quick fix on a leftover, beside the one-line fix', async () => {
    const leftover = diagnostics.find((d) => d.code === 'text-integrity' && d.range.start.line === 3)!;
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI }, range: leftover.range, context: { diagnostics: [leftover], only: ['quickfix'] },
    })) as CodeAction[];
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('删除这一行网页残留'), titles.join(' | '));
    assert.ok(titles.some((t) => t.startsWith('删除全部网页残留')), titles.join(' | '));
    assert.ok(actions.every((a) => a.kind === 'quickfix'));
  });

  it('lists the uses of each term, first use first', async () => {
    const items = (await server.connection.sendRequest('reportReview/glossary', { uri: URI })) as { term: string; uses: number; useRanges: { start: { line: number; character: number } }[] }[];
    assert.ok(items.some((i) => i.uses > 0), JSON.stringify(items));
    for (const item of items) {
      assert.equal(item.useRanges.length, item.uses, item.term);
      const lines = item.useRanges.map((r) => r.start.line * 1000 + r.start.character);
      assert.deepEqual(lines, [...lines].sort((a, b) => a - b), item.term);
    }
  });
});
