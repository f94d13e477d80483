/** The CLI's JSON in pieces is JSON.stringify's text, byte for byte. */
import * as assert from 'node:assert/strict';
import { Lazy, jsonChunks, writeChunks } from '../../server/src/io/json-chunks';

const whole = (value: unknown, depth: number) => [...jsonChunks(value, depth)].join('');

describe('JSON in pieces', () => {
  const values: unknown[] = [
    [],
    {},
    [{ file: 'a.txt', uri: 'file:///a.txt', diagnostics: [] }],
    [{ file: '报告“一”.txt', symbols: [{ name: '一、 总体要求', children: [{ name: '（一）', range: { start: { line: 0, character: 0 } } }] }], diagnostics: [{ message: '“增长6%”与\n“5%”不一致\\', code: 'figure-conflict', data: undefined, severity: 2 }] }],
    [{ a: undefined, b: () => 1, c: null, d: [undefined, 1, 'x', { e: [] }], f: { g: {} } }, 3, 'text', null, true],
    { nested: { deeper: { deepest: [1, [2, [3]]] } } },
  ];
  for (const [i, value] of values.entries()) {
    it(`equals JSON.stringify(value, null, 2) at every depth (${i})`, () => {
      for (let depth = 0; depth <= 5; depth++) assert.equal(whole(value, depth), JSON.stringify(value, null, 2));
    });
  }

  it('writes a lazy array as the array of its items, making each as it is written', () => {
    let made = 0;
    const lazy = (n: number) => new Lazy(function* () {
      for (let k = 0; k < n; k++) {
        made++;
        yield { finding: k, message: `第${k}处` };
      }
    });
    for (const value of [[{ file: 'a.txt', diagnostics: lazy(3) }], [{ diagnostics: lazy(0) }], { deep: { deeper: lazy(2) } }]) {
      for (let depth = 0; depth <= 4; depth++) assert.equal(whole(value, depth), JSON.stringify(value, null, 2));
    }
    made = 0;
    const chunks = jsonChunks([{ diagnostics: lazy(1000) }], 3);
    for (let k = 0; k < 10; k++) chunks.next();
    assert.ok(made < 10, `${made} items made for the first pieces`);
  });

  it('writes in pieces of about the size asked, the same text', () => {
    const writes: string[] = [];
    const value = [{ diagnostics: Array.from({ length: 500 }, (_, k) => ({ message: `第${k}处`, range: { start: k, end: k + 1 } })) }];
    writeChunks(jsonChunks(value, 3), (t) => writes.push(t), 4096);
    assert.ok(writes.length > 5, `${writes.length} writes`);
    assert.equal(writes.join(''), JSON.stringify(value, null, 2));
  });
});
