/** Outline symbols as VS Code shows them: the number leads, and lead sentences among numbered sections are marked. */
import * as assert from 'node:assert/strict';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { parseReport } from '../../server/src/core/report';
import { LineIndex } from '../../server/src/core/text';
import { toDocumentSymbols } from '../../server/src/protocol/convert';

function outline(text: string): string[] {
  const out: string[] = [];
  const visit = (s: DocumentSymbol, depth: number) => {
    out.push(`${'  '.repeat(depth)}${s.name}${s.detail ? ` [${s.detail}]` : ''}`);
    s.children?.forEach((c) => visit(c, depth + 1));
  };
  toDocumentSymbols(parseReport(text), new LineIndex(text)).forEach((s) => visit(s, 0));
  return out;
}

describe('outline symbols', () => {
  it('lead with the number as the report writes it, without repeating it as detail', () => {
    const text = [
      '三、2021年工作安排',
      '（一）稳住经济大盘。全年地区生产总值增长6%。',
      '（二）深化改革创新。深入推进“放管服”改革。',
    ].join('\n');
    assert.deepEqual(outline(text), [
      '三、 2021年工作安排',
      '  （一） 稳住经济大盘',
      '  （二） 深化改革创新',
    ]);
  });

  it('mark an unnumbered lead sentence that sits among numbered sections as subordinate', () => {
    const text = [
      '三、2026年重点工作',
      '今年是“十五五”开局之年。做好今年工作，要坚持稳中求进。',
      '（一）放大促消费扩投资政策效应',
      '积极承接用好政策。用好超长期特别国债。',
      '千方百计促进消费。开展消费提振行动。',
      '（二）加快建设现代化产业体系',
      '优化提升传统产业。推进设备更新。',
    ].join('\n');
    const rows = outline(text);
    assert.ok(rows.includes('  · 今年是“十五五”开局之年'), rows.join('\n'));
    // Leads under a numbered section have no numbered siblings: nothing to be subordinate to.
    assert.ok(rows.includes('    积极承接用好政策'), rows.join('\n'));
  });

  it('keep the objects of the version before where a keystroke left the symbol as it was', () => {
    const before = [
      '一、2025年工作回顾',
      '（一）经济运行稳中有进。地区生产总值增长5.2%。',
      '二、2026年工作安排',
      '（一）稳住经济大盘。全年地区生产总值增长5%左右。',
    ].join('\n');
    // One character typed into the first chapter's last line: its range ends one character later.
    const after = before.replace('增长5.2%', '增长约5.2%');
    const old = toDocumentSymbols(parseReport(before), new LineIndex(before));
    const now = toDocumentSymbols(parseReport(after), new LineIndex(after), old);
    assert.deepEqual(now, toDocumentSymbols(parseReport(after), new LineIndex(after)), 'the same outline as without the old one');
    assert.notEqual(now[0], old[0], 'the edited chapter is new');
    assert.equal(now[1], old[1], 'the chapter after it is the object sent before');
    assert.equal(now[1].children?.[0].children, undefined, 'a symbol with no children lists none');
  });
});
