/** Where an offset stands: its paragraph and the headings around it, one definition for every check and the export. */
import * as assert from 'node:assert/strict';
import { paragraphAt, sectionAt, sectionPathAt } from '../../server/src/core/sections';
import { parseReport } from '../../server/src/core/report';

const REPORT = [
  '一、2025年工作回顾',
  '（一）经济运行稳中有进。',
  '全年地区生产总值增长5%。',
  '（二）民生保障持续加强。',
  '城镇新增就业1万人。',
  '名词解释',
  '1.放管服：简政放权、放管结合、优化服务。',
  '',
].join('\n');

describe('the section at an offset', () => {
  const report = parseReport(REPORT);
  const at = (words: string) => report.text.indexOf(words);
  const names = (offset: number) => sectionPathAt(report, offset).map((s) => s.name);

  it('is the path of headings from the chapter down', () => {
    assert.deepEqual(names(at('城镇新增就业')), ['2025年工作回顾', '民生保障持续加强']);
    assert.equal(sectionAt(report, at('全年地区'))?.name, '经济运行稳中有进');
  });

  it('is the heading itself on a heading line', () => {
    assert.equal(sectionAt(report, at('民生保障'))?.name, '民生保障持续加强');
  });

  it('is the glossary, not its entry, inside 名词解释', () => {
    assert.equal(sectionAt(report, at('简政放权'))?.kind, 'glossary');
  });

  it('agrees with the section each paragraph records', () => {
    for (const p of report.paragraphs) assert.equal(sectionAt(report, p.span.start)?.heading.start, p.section?.heading.start);
  });

  it('has the paragraph that holds the offset, and none on a heading line', () => {
    assert.equal(report.text.slice(paragraphAt(report, at('1万人'))!.span.start, paragraphAt(report, at('1万人'))!.span.end), '城镇新增就业1万人。');
    assert.equal(paragraphAt(report, at('（二）')), undefined);
  });
});
