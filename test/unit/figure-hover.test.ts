/** The figure hover: the figure as written first, its value in the report's own scale, no repetition. */
import * as assert from 'node:assert/strict';
import { parseReport } from '../../server/src/core/report';
import { LineIndex } from '../../server/src/core/text';
import { figureHover, inReportScale } from '../../server/src/lsp/figures';

function hover(text: string, figure: string, nth = 0): string {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(figure, at + 1);
  const result = figureHover('file:///r.txt', parseReport(text), new LineIndex(text), at, 'zh');
  const contents = result?.contents;
  return contents && typeof contents === 'object' && 'value' in contents ? contents.value : '';
}

describe('figure hovers', () => {
  it('write values in the scale of the report, not in thirteen digits', () => {
    assert.equal(inReportScale(1.03e13, '元'), '10.3万亿元');
    assert.equal(inReportScale(11000, '人'), '1.1万人');
    assert.equal(inReportScale(1818000000, '元'), '18.18亿元');
    assert.equal(inReportScale(5000, '人'), '5000人');
    assert.equal(inReportScale(120000, '%'), '120000%');
    assert.equal(inReportScale(6.5, '%', 7), '6.5-7%');
    assert.equal(inReportScale(80000, '元', 100000), '8-10万元');
  });

  it('lead with the figure as written, and its value only when it says something new', () => {
    const text = '一、2025年工作回顾\n全省生产总值103000亿元，增长5.2%。城镇新增就业11000人。\n';
    assert.match(hover(text, '103000亿元'), /^\*\*103000亿元\*\* = 10\\\.3万亿元\n/);
    assert.match(hover(text, '11000人'), /^\*\*11000人\*\* = 1\\\.1万人\n/);
    assert.match(hover(text, '5.2%'), /^\*\*5\\\.2\\%\*\*\n/);
  });

  it('do not repeat a percentage-point change as its own value', () => {
    const text = '一、2025年工作回顾\n城镇化率提高0.7个百分点。\n';
    assert.match(hover(text, '0.7个百分点'), /^\*\*0\\\.7个百分点\*\*\n/);
  });

  it('list the other mentions of the metric without the hovered figure', () => {
    const text = [
      '一、2025年工作回顾',
      '城镇新增就业1.1万人。',
      '二、2026年工作安排',
      '城镇新增就业1.2万人以上。',
      '',
    ].join('\n');
    const value = hover(text, '1.1万人');
    assert.match(value, /同一指标的其他数据/);
    assert.match(value, /1\\\.2万人 · 2026年 · 目标/);
    assert.doesNotMatch(value.slice(value.indexOf('同一指标')), /1\\\.1万人/);
  });
});
