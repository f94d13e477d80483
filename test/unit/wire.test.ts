/** The server's encoder: the bytes of JSON.stringify, with a sealed element's bytes made once. */
import * as assert from 'node:assert/strict';
import type { Message } from 'vscode-languageserver/node';
import { encode, sealItems } from '../../server/src/lsp/wire';

const response = (id: number | string, result: unknown): Message => ({ jsonrpc: '2.0', id, result } as Message);
const decoded = (m: Message) => JSON.parse(encode(m, 'utf-8').toString('utf8'));

describe('wire encoder', () => {
  it('says what JSON.stringify says, for sealed and plain elements, names in Chinese and odd ids', () => {
    const symbols = sealItems([
      { name: '一、 2025年工作回顾', kind: 3, range: { start: { line: 0, character: 0 }, end: { line: 1, character: 24 } } },
      { name: '引号“和\\反斜杠', kind: 8, detail: '（一）' },
    ]);
    for (const m of [
      response(7, symbols),
      response('七', [...symbols, { plain: true }, null]),
      response(8, [{ plain: true }, ...symbols]),
      response(9, []),
      { jsonrpc: '2.0', id: 10, error: { code: -32600, message: '错误' } } as Message,
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a.txt', diagnostics: [] } } as Message,
    ]) {
      assert.deepEqual(decoded(m), JSON.parse(JSON.stringify(m)));
    }
  });

  it('encodes a sealed element once, and a sealed element cannot change after it', () => {
    let reads = 0;
    const symbol = { kind: 3, get name() { reads++; return '二、2026年工作安排'; } };
    const [sealed] = sealItems([symbol]);
    reads = 0;
    decoded(response(1, [sealed]));
    assert.deepEqual(decoded(response(2, [sealed])).result, [{ kind: 3, name: '二、2026年工作安排' }]);
    assert.equal(reads, 1, 'the second message reused the bytes of the first');
    assert.throws(() => { (sealed as { kind: number }).kind = 4; }, TypeError);
  });

  it('leaves a response with more than a result (or another charset) to JSON.stringify', () => {
    const [sealed] = sealItems([{ name: '三' }]);
    const m = { jsonrpc: '2.0', id: 3, result: [sealed], extra: 1 } as Message;
    assert.deepEqual(decoded(m), { jsonrpc: '2.0', id: 3, result: [{ name: '三' }], extra: 1 });
    const [ascii] = sealItems([{ name: 'three' }]);
    assert.deepEqual(JSON.parse(encode(response(4, [ascii]), 'ascii').toString('ascii')), { jsonrpc: '2.0', id: 4, result: [{ name: 'three' }] });
  });
});
