import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex, lineIndexOf, shorten, splitLines } from '../../server/src/core/text';
import { endOfSentence, startOfSentence } from '../../server/src/core/sentences';
import { parseReport } from '../../server/src/core/report';
import { parseChineseNumeral } from '../../server/src/core/numerals';

describe('LineIndex', () => {
  it('maps offsets to positions across \\n, \\r\\n and \\r', () => {
    const index = new LineIndex('甲\r\n乙\n丙\r丁');
    assert.equal(index.lineCount, 4);
    assert.deepEqual(index.position(3), { line: 1, character: 0 });
    assert.deepEqual(index.position(5), { line: 2, character: 0 });
    assert.deepEqual(index.position(7), { line: 3, character: 0 });
    assert.equal(index.offset({ line: 3, character: 1 }), 8);
  });

  it('clamps positions past the end of a line or the text', () => {
    const index = new LineIndex('甲乙\n丙');
    assert.equal(index.offset({ line: 0, character: 99 }), 2);
    assert.equal(index.offset({ line: 9, character: 0 }), 4);
  });

  it('is built once per report, whichever check asks first', () => {
    const report = parseReport('一、回顾\n全年地区生产总值增长5%。\n');
    assert.equal(lineIndexOf(report), lineIndexOf(report));
    assert.deepEqual(lineIndexOf(report).position(5), { line: 1, character: 0 });
    assert.notEqual(lineIndexOf(parseReport(report.text)), lineIndexOf(report));
  });
});

describe('sentences', () => {
  const text = '全年增长5%；城镇新增就业1万人。粮食产量……稳定!新的一年\n今年目标';
  const sentenceAt = (word: string) => {
    const at = text.indexOf(word);
    return text.slice(startOfSentence(text, at), endOfSentence(text, at));
  };

  it('end at 。！？； in both widths and at a line break', () => {
    assert.equal(sentenceAt('城镇'), '城镇新增就业1万人');
    assert.equal(sentenceAt('新的'), '新的一年');
    assert.equal(sentenceAt('今年'), '今年目标');
  });

  it('do not end at an ellipsis inside a line', () => {
    assert.equal(sentenceAt('稳定'), '粮食产量……稳定');
  });
});

describe('names', () => {
  it('shortens without splitting a surrogate pair', () => {
    assert.equal(shorten('𠀾𠀾𠀾𠀾', 3), '𠀾𠀾…');
  });

  it('reads Chinese numerals used in numbering', () => {
    assert.deepEqual(['一', '十', '十二', '二十', '二十三', '九十九', '一百零五', '两'].map(parseChineseNumeral), [1, 10, 12, 20, 23, 99, 105, 2]);
    assert.deepEqual(['', '一二', '十十', 'a'].map(parseChineseNumeral), [undefined, undefined, undefined, undefined]);
  });
});

describe('splitLines', () => {
  it('splits at \\n, \\r\\n and a lone \\r, as a scan of every character would', () => {
    const scan = (text: string) => {
      const lines: { start: number; end: number }[] = [];
      let start = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '\n' || c === '\r') {
          lines.push({ start, end: i });
          if (c === '\r' && text[i + 1] === '\n') i++;
          start = i + 1;
        }
      }
      lines.push({ start, end: text.length });
      return lines;
    };
    assert.deepEqual(splitLines('一、\r\n\r\n（一）\r\r\n甲\n\n'), scan('一、\r\n\r\n（一）\r\r\n甲\n\n'));
    fc.assert(fc.property(fc.array(fc.constantFrom('甲', '\n', '\r', '\r\n', ' '), { maxLength: 40 }).map((a) => a.join('')), (text) => {
      assert.deepEqual(splitLines(text), scan(text));
    }), { numRuns: 300 });
  });
});
