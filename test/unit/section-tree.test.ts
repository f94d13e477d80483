/** The figures view grouped by section: the section's own name, its own figures before its subsections. */
import * as assert from 'node:assert/strict';
import { sectionTree, type Group } from '../../client/src/section-tree';
import { parseReport } from '../../server/src/core/report';
import { LineIndex } from '../../server/src/core/text';
import { claimRows, type ClaimRow } from '../../server/src/protocol/claims';

function show(groups: Group<ClaimRow>[], depth = 0): string[] {
  return groups.flatMap((g) => [
    `${'  '.repeat(depth)}${g.label}`,
    ...g.rows.map((r) => `${'  '.repeat(depth + 1)}= ${r.text}`),
    ...show(g.children, depth + 1),
  ]);
}

describe('figures grouped by section', () => {
  it('nest by section, name each by its own heading, and put a chapter’s own figures first', () => {
    const text = [
      '一、2025年工作回顾',
      '全市地区生产总值增长5.2%。',
      '（一）产业升级步伐加快。规模以上工业增加值增长6.1%。',
      '（二）民生福祉持续增进。城镇新增就业1.1万人。',
      '二、2026年工作安排',
      '地区生产总值增长5%左右。',
      '',
    ].join('\n');
    const report = parseReport(text);
    assert.deepEqual(show(sectionTree(claimRows(report, new LineIndex(text)), '(no section)')), [
      '一、2025年工作回顾',
      '  = 5.2%',
      '  （一）产业升级步伐加快',
      '    = 6.1%',
      '  （二）民生福祉持续增进',
      '    = 1.1万人',
      '二、2026年工作安排',
      '  = 5%',
    ]);
  });

  it('gather figures outside any section under one group', () => {
    const rows = [{ section: [] as string[], text: '3项' }, { section: ['一、回顾'], text: '5%' }];
    assert.deepEqual(sectionTree(rows, '（无章节）').map((g) => [g.label, g.rows.length]), [['（无章节）', 1], ['一、回顾', 1]]);
  });
});
