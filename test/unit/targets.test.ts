import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { join } from 'node:path';
import { parseReport } from '../../server/src/core/report';
import { pairReports, parsePairs, reportIdentity } from '../../server/src/core/identity';
import { extendVocabulary, matchTargets, rowAt, targetsParagraph, type TargetRow } from '../../server/src/core/targets';
import { LineIndex } from '../../server/src/core/text';
import { runChecks, standaloneContext } from '../../server/src/checks';
import { CORPUS, FIXTURES } from './helpers';
import { targetTableRows, targetsMarkdown } from '../../server/src/protocol/targets';

const national = (year: number) => readFileSync(join(CORPUS, 'national', `${year}.txt`), 'utf8');

/** Two small reports of one government: last year's plan, this year's review. */
function pair(plan: string, review: string): { previous: string; next: string } {
  return {
    previous: `政府工作报告\n——2022年1月10日在某某省第十三届人民代表大会第六次会议上\n一、2021年工作回顾\n过去一年，地区生产总值增长6%。\n二、2022年工作安排\n${plan}\n`,
    next: `政府工作报告\n——2023年1月12日在某某省第十四届人民代表大会第一次会议上\n一、2022年工作回顾\n${review}\n二、2023年工作安排\n今年主要预期目标是：地区生产总值增长5%左右，城镇新增就业60万人以上。\n`,
  };
}

/** The rows as `target → result status direction`, the way the tests write them. */
function rows(plan: string, review: string, vocabulary?: Parameters<typeof matchTargets>[2]): string[] {
  const { previous, next } = pair(plan, review);
  return matchTargets(parseReport(previous), parseReport(next), vocabulary).map((r) => `${r.target.text} → ${r.result?.text ?? '-'} ${r.status}${r.direction ? ` ${r.direction}` : ''}`);
}

describe('report identity', () => {
  it('reads the government and the years from the speech line and the review heading', () => {
    const { previous } = pair('今年主要预期目标是：地区生产总值增长6%左右。', '');
    assert.deepEqual(reportIdentity(parseReport(previous)), { government: '某某省', level: 'province', given: { year: 2022, month: 1 }, reviewYear: 2021, planYear: 2022 });
  });

  it('reads a district report given late in the year as reviewing that same year', () => {
    const text = '(辽宁省)大连市中山区人民政府工作报告(2022年12月23日)\n各位代表：\n一、过去一年工作回顾\n';
    assert.deepEqual(reportIdentity(parseReport(text)), { government: '大连市中山区', level: 'district', given: { year: 2022, month: 12 }, reviewYear: 2022, planYear: 2023 });
  });

  it('reads a county, and takes 我代表省人民政府 for no government’s name', () => {
    const county = reportIdentity(parseReport('某某县人民政府工作报告\n——2024年1月5日在某某县第十八届人民代表大会第三次会议上\n'));
    assert.deepEqual([county.government, county.level, county.reviewYear], ['某某县', 'county', 2023]);
    const unnamed = reportIdentity(parseReport('各位代表：\n现在，我代表省人民政府，向大会报告工作。\n一、2025年工作回顾\n'));
    assert.deepEqual([unnamed.government, unnamed.reviewYear, unnamed.planYear], [undefined, 2025, 2026]);
  });

  it('knows the State Council from the national congress and the review heading', () => {
    for (const year of [2021, 2022, 2023]) {
      const identity = reportIdentity(parseReport(national(year)));
      assert.deepEqual([identity.government, identity.level, identity.reviewYear, identity.planYear], ['全国', 'national', year - 1, year]);
    }
  });

  it('names each provincial report of the corpus by its own text', () => {
    const got = ['gansu', 'guangdong', 'hainan', 'neimenggu', 'sichuan', 'yunnan'].map((name) => {
      const identity = reportIdentity(parseReport(readFileSync(join(CORPUS, `${name}-2026.txt`), 'utf8')));
      return `${identity.government} ${identity.level} ${identity.reviewYear}→${identity.planYear}`;
    });
    assert.deepEqual(got, ['甘肃省 province 2025→2026', '广东省 province 2025→2026', '海南省 province 2025→2026', '内蒙古自治区 province 2025→2026', '四川省 province 2025→2026', '云南省 province 2025→2026']);
  });

  it('never names a wrong year for the State Council’s reports of 1954–2023, and names half of them', () => {
    const files = readdirSync(join(CORPUS, 'national')).filter((f) => f.endsWith('.txt'));
    const found = files.flatMap((f) => {
      const identity = reportIdentity(parseReport(readFileSync(join(CORPUS, 'national', f), 'utf8')));
      return identity.reviewYear === undefined ? [] : [`${f} ${identity.reviewYear + 1} ${identity.government}`];
    });
    for (const line of found) assert.match(line, /^(\d{4})\.txt \1 (?:全国|undefined)$/);
    assert.ok(found.length >= 25, `${found.length} of ${files.length}`);
  });

  it('says nothing rather than guess when the report does not say', () => {
    assert.deepEqual(Object.values(reportIdentity(parseReport('优化信用体系建设。夯实信用信息归集基础。\n'))).filter((v) => v !== undefined), []);
  });
});

describe('pairing reports', () => {
  const reports = [2021, 2022, 2023].map((year) => ({ id: `${year}.txt`, report: parseReport(national(year)) }));
  const hainan = { id: 'hainan.txt', report: parseReport(readFileSync(join(CORPUS, 'hainan-2026.txt'), 'utf8')) };

  it('pairs year N’s plan with year N+1’s review of the same government, whatever the files are called', () => {
    const shuffled = [reports[2], hainan, reports[0], reports[1]].map((r, i) => ({ ...r, id: `report-${i}` }));
    assert.deepEqual(
      pairReports(shuffled).map((p) => `${p.previous}→${p.next} ${p.year} ${p.how}`),
      ['report-3→report-0 2022 identity', 'report-2→report-3 2021 identity'],
    );
  });

  it('leaves a report of another government alone, and takes an explicit pair as given', () => {
    assert.deepEqual(pairReports([hainan, reports[2]]), []);
    assert.deepEqual(
      pairReports([...reports, hainan], [['2021.txt', '2023.txt']]).map((p) => `${p.previous}→${p.next} ${p.how}`),
      ['2021.txt→2023.txt explicit'],
    );
  });

  it('pairs the two Dalian district reports with nothing: other districts, or years that do not follow', () => {
    const district = ['001_366748309c9ca2d8.txt', '003_2957d17fcc827681.txt', '004_fa74f5bbce98afd0.txt'].map((id) => ({ id, report: parseReport(readFileSync(join(CORPUS, id), 'utf8')) }));
    assert.deepEqual(pairReports(district), []);
    // With the 2022 report between them, 中山区's three years chain up, whichever name (大连市中山区 / 中山区) each gives itself.
    const plan2022 = parseReport('中山区人民政府2022年政府工作报告\n──2022年1月20日在中山区第十八届人民代表大会第六次会议上\n一、2021年工作回顾\n二、2022年工作安排\n');
    assert.deepEqual(pairReports([...district, { id: 'plan-2022', report: plan2022 }]).map((p) => `${p.previous}→${p.next}`), ['plan-2022→003_2957d17fcc827681.txt', '001_366748309c9ca2d8.txt→plan-2022']);
  });

  it('parses the pairs entry of .reportreview.json and says what is wrong with a bad one', () => {
    assert.deepEqual(parsePairs([['2022.txt', '2023.txt']]), { pairs: [['2022.txt', '2023.txt']], errors: [] });
    const bad = parsePairs([['2022.txt'], ['a.txt', 'a.txt'], 'b.txt', ['c.txt', 'd.txt']]);
    assert.deepEqual(bad.pairs, [['c.txt', 'd.txt']]);
    assert.deepEqual(bad.errors.map((e) => e.en), [
      'pairs[0] must be two file names: [previous report, next report]',
      'pairs[1] names the same file twice: a.txt',
      'pairs[2] must be two file names: [previous report, next report]',
    ]);
    assert.equal(parsePairs({ a: 1 }).errors.length, 1);
    assert.deepEqual(parsePairs(undefined), { pairs: [], errors: [] });
  });
});

describe('targets against results', () => {
  it('reads 以上 and 增长…左右 as floors, with 0.2 points of tolerance for 左右', () => {
    assert.deepEqual(rows('今年主要预期目标是：地区生产总值增长6.5%左右，城镇新增就业60万人以上，一般公共预算收入增长5%左右。', '地区生产总值增长6.4%，城镇新增就业58万人，一般公共预算收入增长4.5%。'), [
      '地区生产总值增长6.5%左右 → 地区生产总值增长6.4% met floor',
      '城镇新增就业60万人以上 → 城镇新增就业58万人 missed floor',
      '一般公共预算收入增长5%左右 → 一般公共预算收入增长4.5% missed floor',
    ]);
  });

  it('reads 以内, 控制在, and prices and unemployment 左右 as ceilings', () => {
    assert.deepEqual(rows('今年主要预期目标是：城镇调查失业率控制在5.5%以内，居民消费价格涨幅3%左右，城镇登记失业率4%左右。', '城镇调查失业率平均为5.6%，居民消费价格上涨3.1%，城镇登记失业率3.2%。'), [
      '城镇调查失业率控制在5.5%以内 → 城镇调查失业率平均为5.6% missed ceiling',
      '居民消费价格涨幅3%左右 → 居民消费价格上涨3.1% met ceiling',
      '城镇登记失业率4%左右 → 城镇登记失业率3.2% met ceiling',
    ]);
  });

  it('reads 降低…左右 of energy use per unit of output as a floor on the cut', () => {
    assert.deepEqual(rows('今年主要预期目标是：地区生产总值增长6%，单位地区生产总值能耗降低3%左右。', '地区生产总值增长6.1%，单位地区生产总值能耗下降2.5%。'), [
      '地区生产总值增长6% → 地区生产总值增长6.1% met floor',
      '单位地区生产总值能耗降低3%左右 → 单位地区生产总值能耗下降2.5% missed cut',
    ]);
  });

  it('lets the metric decide where the wording leaves it open, and says so where neither does', () => {
    assert.deepEqual(rows('今年主要预期目标是：粮食产量1200万吨左右，城镇新增就业60万人左右，森林蓄积量2亿立方米左右。', '粮食产量1150万吨，城镇新增就业61万人，森林蓄积量1.9亿立方米。'), [
      '粮食产量1200万吨左右 → 粮食产量1150万吨 missed floor',
      '城镇新增就业60万人左右 → 城镇新增就业61万人 met floor',
      '森林蓄积量2亿立方米左右 → 森林蓄积量1.9亿立方米 not-comparable',
    ]);
  });

  it('marks a result in another unit not comparable, a missing result as such, and a target without a figure as qualitative', () => {
    assert.deepEqual(rows('今年主要预期目标是：粮食产量保持在1200万吨以上，进出口总额增长5%，居民收入增长与经济增长基本同步。', '粮食产量240亿斤。'), [
      '粮食产量保持在1200万吨以上 → 粮食产量240亿斤 not-comparable',
      '进出口总额增长5% → - no-result',
      '居民收入增长与经济增长基本同步 → - not-comparable',
    ]);
  });

  it('does not judge a target by a result that may be only part of it, but does by a shorter name', () => {
    assert.deepEqual(rows('今年主要预期目标是：城镇新增就业60万人以上，城镇调查失业率5.5%以内。', '农村转移劳动力城镇新增就业20万人，调查失业率5.2%。'), [
      '城镇新增就业60万人以上 → 农村转移劳动力城镇新增就业20万人 not-comparable',
      // A shorter name of the same metric is judged.
      '城镇调查失业率5.5%以内 → 调查失业率5.2% met ceiling',
    ]);
  });

  it('does not take a target the review quotes for its result', () => {
    assert.deepEqual(rows('今年主要预期目标是：地区生产总值增长7%左右，单位地区生产总值能耗降低4%左右。', '地区生产总值增长7.2%。没有实现年初确定的单位地区生产总值能耗降低4%左右的目标。'), [
      '地区生产总值增长7%左右 → 地区生产总值增长7.2% met floor',
      '单位地区生产总值能耗降低4%左右 → - no-result',
    ]);
  });

  it('takes the user’s synonyms and polarity from .reportreview.json', () => {
    const plan = '今年主要预期目标是：居民消费价格涨幅3%左右，森林蓄积量2亿立方米左右。';
    const review = '物价总水平上涨2%，森林蓄积量1.9亿立方米。';
    const { vocabulary, errors } = extendVocabulary([['居民消费价格涨幅', '物价总水平上涨']], { 森林蓄积量: 'higher', 空置率: 'sideways' });
    assert.deepEqual(errors.map((e) => e.en), ['metricPolarity “空置率” must be "higher" or "lower"']);
    assert.deepEqual(rows(plan, review, vocabulary), ['居民消费价格涨幅3%左右 → 物价总水平上涨2% met ceiling', '森林蓄积量2亿立方米左右 → 森林蓄积量1.9亿立方米 missed floor']);
  });
});

describe('the targets table for a reader', () => {
  it('escapes report text in Markdown, so a report cannot inject a table cell or markup', () => {
    const { previous, next } = pair('今年主要预期目标是：地区生产总值|<b>增长6%以上。', '地区生产总值|<b>增长7%。');
    const [a, b] = [previous, next].map((t) => ({ uri: 'file:///r.txt', index: new LineIndex(t) }));
    const table = targetTableRows(matchTargets(parseReport(previous), parseReport(next)), a, b, 'zh');
    const markdown = targetsMarkdown(table, 'zh').split('\n')[2];
    // Cells split as GitHub's table parser does: a backslash escapes the one character after it.
    assert.equal(markdown.replace(/\\./g, '').split('|').length, 6, markdown);
    assert.ok(!markdown.includes('<b>'), markdown);
    assert.equal(table[0].status, 'met');
    assert.equal(table[0].result?.range.start.line, 3);
  });
});

describe('the row under the cursor', () => {
  it('finds a target by its figure or clause in the previous report, and a result in the next', () => {
    const { previous, next } = pair('今年主要预期目标是：地区生产总值增长6.5%左右，城镇新增就业60万人以上。', '地区生产总值增长5.8%，城镇新增就业62万人。');
    const found = matchTargets(parseReport(previous), parseReport(next));
    const at = (text: string, needle: string) => text.indexOf(needle) + 1;
    assert.equal(rowAt(found, 'target', at(previous, '6.5%'))?.status, 'missed');
    assert.equal(rowAt(found, 'target', at(previous, '城镇新增就业60'))?.metric, '城镇新增就业');
    assert.equal(rowAt(found, 'result', at(next, '62万人'))?.status, 'met');
    assert.equal(rowAt(found, 'result', 0), undefined, 'the title is no result');
  });
});

describe('targets on any text', () => {
  it('never throws, and every span lies inside its report', () => {
    const piece = fc.constantFrom('今年主要预期目标是：', '地区生产总值增长', '6.5%', '左右', '以上', '以内', '控制在', '城镇新增就业', '60万人', '，', '；', '。', '\n', '一、2022年工作回顾\n', '——2023年1月12日在某某省第十四届人民代表大会第一次会议上\n', '没有实现', '的目标', '降低', '3%');
    const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const previous = parseReport(a);
        const next = parseReport(b);
        for (const r of matchTargets(previous, next)) {
          assert.ok(r.target.span.start >= 0 && r.target.span.end <= a.length && r.target.clause.end <= a.length);
          if (r.result) assert.ok(r.result.span.end <= b.length && r.result.clause.start >= 0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * The expected tables were written by reading the reports (test/fixtures/targets/*.tsv): one line
 * per clause of the 主要预期目标 paragraph with the line and text of its result and the status.
 */
describe('the State Council’s targets against the next year’s review', () => {
  for (const [from, to] of [[2021, 2022], [2022, 2023]]) {
    it(`gives every target of ${from} its result and status as read in ${to}`, () => {
      const previous = national(from);
      const next = national(to);
      const got = matchTargets(parseReport(previous), parseReport(next)).filter((r) => r.main);
      const lines = { previous: new LineIndex(previous), next: new LineIndex(next) };
      const expected = readFileSync(join(FIXTURES, 'targets', `national-${from}-${to}.tsv`), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
      const render = (r: TargetRow | undefined) => (r ? `${lines.previous.lineAt(r.target.span.start) + 1} ${r.target.text} → ${r.result ? `${lines.next.lineAt(r.result.span.start) + 1} ${r.result.claim?.text}` : '-'} ${r.status}` : 'missing');
      let numeric = 0;
      for (const [planLine, targetText, , resultLine, resultText, status] of expected) {
        if (/\d/.test(targetText)) {
          numeric++;
          const row = got.find((r) => r.target.text === targetText);
          const figure = row?.result?.claim?.text ?? '';
          assert.equal(render(row), `${planLine} ${targetText} → ${resultLine ? `${resultLine} ${figure}` : '-'} ${status}`);
          if (resultText) assert.ok(resultText.includes(figure) && (resultText.includes(row!.result!.text) || row!.result!.text.includes(resultText)), `${row!.result!.text} ≠ ${resultText}`);
        } else {
          // A qualitative target: no figure to compare, whatever the review says in words.
          const row = got.find((r) => targetText.startsWith(r.target.text));
          assert.equal(row?.status, 'not-comparable', targetText);
        }
      }
      assert.ok(numeric >= 5);
    });
  }
});

describe('target-missed on the State Council’s reports', () => {
  const findings = (from: number, to: number) => {
    const next = national(to);
    const report = parseReport(next);
    const index = new LineIndex(next);
    return runChecks(report, {}, { ...standaloneContext(report), previous: parseReport(national(from)) })
      .filter((f) => f.checkId === 'target-missed')
      .map((f) => `${index.lineAt(f.span.start) + 1} ${f.severity} ${next.slice(f.span.start, f.span.end)} | ${f.related?.map((r) => `${r.document ?? 'this'}:${r.message.zh}`).join(' | ')}`);
  };

  it('flags 基本完成…主要目标任务 in 2023 next to the missed growth target of 2022, as information', () => {
    assert.deepEqual(findings(2022, 2023), ['28 information 基本完成全年发展主要目标任务 | previous:上一年预期目标：国内生产总值增长5.5%左右 | this:实际：全年国内生产总值增长3%']);
  });

  it('finds nothing in 2022, whose review of 2021 met every numeric target', () => {
    assert.deepEqual(findings(2021, 2022), []);
  });
});

describe('the targets paragraph (主要预期目标)', () => {
  const paragraphOf = (text: string) => {
    const report = parseReport(text);
    const span = targetsParagraph(report);
    return span && report.text.slice(span.start, span.end);
  };

  it('is the year\'s targets, not a paragraph that only mentions them', () => {
    assert.equal(
      paragraphOf('一、过去五年工作回顾\n“十三五”规划主要预期目标基本实现，地区生产总值年均增长6%，城镇新增就业300万人。\n二、今年工作安排\n今年主要预期目标是：地区生产总值增长5%左右，城镇新增就业60万人以上。\n'),
      '今年主要预期目标是：地区生产总值增长5%左右，城镇新增就业60万人以上。',
    );
  });

  it('is found when its lead stands alone before the targets', () => {
    assert.equal(
      paragraphOf('二、今年工作安排\n今年经济社会发展的主要预期目标是：\n地区生产总值增长5%左右，城镇新增就业60万人以上。\n'),
      '地区生产总值增长5%左右，城镇新增就业60万人以上。',
    );
  });

  it('is a plan\'s 主要目标是 only when no paragraph names 预期目标', () => {
    assert.equal(paragraphOf('今后五年的主要目标是：地区生产总值年均增长6%，城镇新增就业300万人。\n'), '今后五年的主要目标是：地区生产总值年均增长6%，城镇新增就业300万人。');
  });
});
