import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseReport, readClaims } from '../../server/src/core/report';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS, pausesOf } from './helpers';
import { finish } from '../../server/src/core/steps';
import { scanFigures } from '../../server/src/core/numbers';
import { evaluate } from '../eval/claims-eval';

/** The figures of one sentence as `text=value unit kind qualifier`, the way the tests write them. */
function figures(text: string): string[] {
  return scanFigures(text).map((f) => `${text.slice(f.span.start, f.span.end)}=${f.value}${f.max !== undefined ? `~${f.max}` : ''} ${f.unit || '-'} ${f.kind} ${f.qualifier}`);
}

/** The claims of a small report as `text metric period modality`. */
function claims(text: string): string[] {
  return parseReport(text).claims.map((c) => `${c.text} ${c.metric} ${c.period ?? '-'} ${c.modality}${c.kind === 'growth' || c.kind === 'points' ? ` ${c.value}` : ''}`);
}

describe('number scanner', () => {
  it('folds scales into values and keeps the written form', () => {
    assert.deepEqual(figures('一般公共预算收入18.18亿元，新增城镇就业1.1万人，改造１８．５万平方米。'), [
      '18.18亿元=1818000000 元 amount exact',
      '1.1万人=11000 人 count exact',
      '１８．５万平方米=185000 平方米 amount exact',
    ]);
  });

  it('reads thousands separators, but never across a Chinese comma', () => {
    assert.deepEqual(figures('投资1,234,567元，新建5，300户'), ['1,234,567元=1234567 元 amount exact', '300户=300 户 count exact']);
  });

  it('reads percentages, points, multiples, ranks and ranges', () => {
    assert.deepEqual(figures('增长6.5%-7%，提高4.2个百分点，是2020年的4倍，居全国第78位，增长6.5—7%，投资1亿元至4亿元'), [
      '6.5%-7%=6.5~7 % percent exact',
      '4.2个百分点=4.2 个百分点 points exact',
      '4倍=4 倍 multiple exact',
      '全国第78位=78 位 rank exact',
      '6.5—7%=6.5~7 % percent exact',
      '1亿元至4亿元=100000000~400000000 元 amount exact',
    ]);
  });

  it('reads Chinese numerals, fractions and shares', () => {
    assert.deepEqual(figures('重点做好十个方面工作，占全市六分之一，百分之五十，三成，近千场，两个，全省第一名'), [
      '十个=10 个 count exact',
      '六分之一=16.6667 % percent exact',
      '百分之五十=50 % percent exact',
      '三成=30 % percent exact',
      '千场=1000 场 count atMost',
      '两个=2 个 count exact',
      '全省第一名=1 位 rank exact',
    ]);
  });

  it('reads qualifiers before and after the figure', () => {
    assert.deepEqual(figures('约3000人，6000余名，1200余万元，超过10%，突破3万亿元，控制在3.5%以内，5%左右，不低于7%'), [
      '3000人=3000 人 count approx',
      '6000余名=6000 名 count atLeast',
      '1200余万元=12000000 元 amount atLeast',
      '10%=10 % percent atLeast',
      '3万亿元=3000000000000 元 amount atLeast',
      '3.5%=3.5 % percent atMost',
      '5%=5 % percent approx',
      '7%=7 % percent atLeast',
    ]);
  });

  it('skips years, dates, names with digits and descriptors', () => {
    const text = '2021年1月25日召开会议，迅速应对“7·22”疫情，推进5G基站建设，PM2.5浓度下降，拨打12345热线，出台“1+13”方案，“十四五”开局，' +
      '每万人口拥有医生，亿元以上重点项目，65岁以上老年人，党的十九届五中全会，2021—2025年，第十八届人民代表大会，二〇三五年远景目标';
    assert.deepEqual(figures(text), []);
  });

  it('skip ordinals of events, spans of time and numbers inside quoted slogans', () => {
    assert.deepEqual(figures('成功举办第32届全国中学生运动会，迎来第31个世界无烟日，承办第19届亚运会，近10年来，10年间，近十年，实现“六个翻番”'), []);
  });

  it('skip small counts that name a fixed set, unless the report lists the set right there', () => {
    assert.deepEqual(figures('坚持四项基本原则，实现四个现代化，统筹两个大局，落实中央八项规定，建成三个中心'), ['三个=3 个 count exact']);
    assert.deepEqual(figures('提出三条原则：一是平等，二是互利，三是共赢'), ['三条=3 条 count exact']);
  });

  it('keep a count of years as a figure', () => {
    assert.deepEqual(figures('连续5年增长，用3年时间'), ['5年=5 年 amount exact', '3年=3 年 amount exact']);
  });

  it('read ranks with or without a verb: 第七, 前六, 西北第一, 全球第三大, 全省第4个', () => {
    assert.deepEqual(figures('经济总量居全国第七，进入全国前六，西北第一，全球第三大港口，全省第4个千万级机场'), [
      '全国第七=7 位 rank exact',
      '全国前六=6 位 rank atMost',
      '西北第一=1 位 rank exact',
      '全球第三大=3 位 rank exact',
      '全省第4个=4 位 rank exact',
    ]);
  });

  it('read neighbouring numerals as an approximate range, not one number', () => {
    assert.deepEqual(figures('开展三四轮督查，建成二三十个项目，培训七八百人，“十四五”期间'), [
      '三四轮=3~4 轮 count approx',
      '二三十个=20~30 个 count approx',
      '七八百人=700~800 人 count approx',
    ]);
    assert.deepEqual(figures('减少收入四、五十亿元，改种一、二千万亩，二、三个月，一、二、三产业'), [
      '四、五十亿元=4000000000~5000000000 元 amount approx',
      '一、二千万亩=10000000~20000000 亩 amount approx',
      '二、三个月=2~3 个月 amount approx',
    ]);
  });

  it('read the number forms of older reports: 五点二倍, full-width groups, 1，120亿元, 6000千瓦, 万余', () => {
    assert.deepEqual(figures('拖拉机增长五点二倍，支出８５７，１８２，０００元，积累1，120亿元，６，０００千瓦，达到３８万余人'), [
      '五点二倍=5.2 倍 multiple exact',
      '８５７，１８２，０００元=857182000 元 amount exact',
      '1，120亿元=112000000000 元 amount exact',
      '６，０００千瓦=6000 千瓦 amount exact',
      '３８万余人=380000 人 count atLeast',
    ]);
  });

  it('never throws and never reports a figure outside the text', () => {
    const piece = fc.constantFrom('1', '2', '.', '5', '万', '亿', '元', '%', '个', '增长', '下降', '约', '余', '以上', '-', '—', '至', '第', '位', '全国',
      '一', '两', '十', '百', '千', '分之', '成', '倍', '年', '“', '”', '，', '。', '\n', '𠀾', ':', '/');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }).map((a) => a.join('')), (text) => {
        for (const f of scanFigures(text)) {
          assert.ok(f.span.start >= 0 && f.span.end <= text.length && f.span.start < f.span.end);
          assert.ok(Number.isFinite(f.value));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('parses back any number written with a scale and a unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99999 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom(['万', 1e4], ['亿', 1e8], ['', 1]), fc.constantFrom('元', '人', '吨', '个'),
        (whole, cents, [scale, factor], unit) => {
          const written = cents ? `${whole}.${String(cents).padStart(2, '0')}` : String(whole);
          const [figure] = scanFigures(`完成${written}${scale}${unit}。`);
          assert.ok(figure, written);
          assert.equal(figure.value, Number((Number(written) * (factor as number)).toPrecision(12)));
        }),
      { numRuns: 1000 },
    );
  });

  it('parses back Chinese numerals up to 9,999 with a counter word', () => {
    const digits = '零一二三四五六七八九';
    const chinese = (n: number): string => {
      const units = ['', '十', '百', '千'];
      const parts: string[] = [];
      const s = String(n);
      for (let i = 0; i < s.length; i++) {
        const d = Number(s[i]);
        const unit = units[s.length - 1 - i];
        if (d === 0) {
          if (parts.length && !parts[parts.length - 1].endsWith('零') && s.slice(i).replace(/0/g, '')) parts.push('零');
        } else parts.push(`${d === 1 && unit === '十' && i === 0 ? '' : digits[d]}${unit}`);
      }
      return parts.join('');
    };
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 9999 }), (n) => {
        const [figure] = scanFigures(`新建${chinese(n)}个项目。`);
        assert.ok(figure, chinese(n));
        assert.equal(figure.value, n, chinese(n));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('claims', () => {
  it('are read in steps as at once; a read while the steps pause finishes them, and both see one array', () => {
    const text = readFileSync(join(CORPUS, 'hainan-2026.txt'), 'utf8');
    const whole = parseReport(text);
    const { pauses, value } = pausesOf(readClaims(whole));
    // A provincial report has hundreds of paragraphs: the reading pauses many times.
    assert.ok(pauses > 5, `${pauses} pauses`);
    assert.equal(value, whole.claims);
    const interrupted = parseReport(text);
    const steps = readClaims(interrupted);
    steps.next();
    steps.next();
    // A hover asks for the figures while the checks' reading pauses.
    const read = interrupted.claims;
    assert.equal(finish(steps), read);
    assert.deepEqual(read, whole.claims);
  });

  it('attribute metrics, distribute 分别 and inherit the metric of a growth rate', () => {
    const report = '固定资产投资完成148.7亿元，增长10%。城镇和农村居民人均可支配收入分别增长4.3%、5.3%。组建22个商务楼宇服务小分队。';
    assert.deepEqual(claims(report), [
      '148.7亿元 固定资产投资 - result',
      '10% 固定资产投资 - result 10',
      '4.3% 城镇居民人均可支配收入 - result 4.3',
      '5.3% 农村居民人均可支配收入 - result 5.3',
      '22个 商务楼宇服务小分队 - result',
    ]);
  });

  it('read a share after a verb of change as the change, signed by its direction', () => {
    const report = ['一、2025年工作回顾', '企业开办时间缩短三分之一，审批时限压缩20%，居民收入提高5%。'].join('\n');
    assert.deepEqual(parseReport(report).claims.map((c) => `${c.text} ${c.kind} ${c.value.toFixed(1)}`), [
      '三分之一 growth -33.3',
      '20% growth -20.0',
      '5% growth 5.0',
    ]);
  });

  it('take period and modality from the sections and the date of the report', () => {
    const report = [
      '中山区2021年政府工作报告',
      '——2021年1月25日在区人民代表大会第五次会议上',
      '一、2020年和“十三五”时期政府工作回顾',
      '一般公共预算收入18.18亿元，下降3.8%。',
      '——五年来，我们坚持发展第一要务。地区生产总值年均增长6%。',
      '二、2021年工作安排',
      '地区生产总值增长6.5%左右，城镇登记失业率控制在3.5%以内。',
    ].join('\n');
    assert.deepEqual(claims(report), [
      '18.18亿元 一般公共预算收入 2020 result',
      '3.8% 一般公共预算收入 2020 result -3.8',
      '6% 地区生产总值（年均） 2016-2020 result 6',
      '6.5% 地区生产总值 2021 target 6.5',
      '3.5% 城镇登记失业率 2021 target',
    ]);
  });

  it('read one sentence of 20,000 figures without a 。 — each figure once, with the metric of the first', () => {
    // 增长1.5%， repeated: every figure is a growth rate of 地区生产总值, and the parse finishes (it was quadratic).
    const report = `地区生产总值${'增长1.5%，'.repeat(20_000)}`;
    const all = parseReport(report).claims;
    assert.equal(all.length, 20_000);
    assert.ok(all.every((c) => c.kind === 'growth' && c.value === 1.5 && c.metric === '地区生产总值'));
  });

  it('label figures of a review section results, unless a plan word governs the figure itself', () => {
    const report = [
      '某市2026年政府工作报告',
      '——2026年1月20日在市人民代表大会上',
      '一、2025年工作回顾',
      '实施就业扩容计划，城镇新增就业8万人，城镇调查失业率控制在5.5%以内。',
      '全年计划投资120亿元，完成固定资产投资130亿元，超额完成计划目标5亿元。',
      '全年布局充电站200个，建成充电站50个。',
      '二、2026年工作安排',
      '城镇新增就业8万人。',
    ].join('\n');
    assert.deepEqual(claims(report), [
      '8万人 城镇新增就业 2025 result',
      '5.5% 城镇调查失业率 2025 result',
      '120亿元 计划投资 2025 target',
      '130亿元 固定资产投资 2025 result',
      '5亿元 超额完成计划目标 2025 result',
      '200个 布局充电站 2025 target',
      '50个 建成充电站 2025 result',
      '8万人 城镇新增就业 2026 target',
    ]);
  });

  it('name the thing measured, not a comparison, a starting level or a function word', () => {
    const report = [
      '出口增长6.1%，高于全国1.2个百分点。进口增长5%，高于全国0.8个百分点。',
      '钢产量由2046万吨增加到3178万吨。城乡居民人均收入均增长5%。民生支出占86%。',
      '教育支出2410万元，占本年预算支出的7.84%。中职学校由71所优化整合为47所。',
      '用于经济建设方面的支出，共占本年支出的46.89%。水泥：从286万吨增加到600万吨。',
    ].join('\n');
    assert.deepEqual(
      parseReport(report).claims.map((c) => `${c.text} ${c.metric}${c.comparedWith ? ` (vs ${c.comparedWith})` : ''}`),
      [
        '6.1% 出口',
        '1.2个百分点 出口 (vs 全国)',
        '5% 进口',
        '0.8个百分点 进口 (vs 全国)',
        '2046万吨 钢产量',
        '3178万吨 钢产量',
        '5% 城乡居民人均收入',
        '86% 民生支出占比',
        '2410万元 教育支出',
        '7.84% 教育支出占本年预算支出',
        '71所 中职学校',
        '47所 中职学校',
        '46.89% 用于经济建设方面的支出占本年支出',
        '286万吨 水泥',
        '600万吨 水泥',
      ],
    );
  });

  it('match a pair of metrics to a pair of figures without 分别', () => {
    const report = '城镇居民人均可支配收入和农村居民人均纯收入实际增长8.4%和11.4%。地区生产总值增长5%和6%。';
    assert.deepEqual(
      parseReport(report).claims.map((c) => `${c.text} ${c.metric}`),
      ['8.4% 城镇居民人均可支配收入', '11.4% 农村居民人均纯收入', '5% 地区生产总值', '6% 地区生产总值'],
    );
  });

  it('keep a figure compared with 全国 apart from one compared with 上年', () => {
    const points = parseReport('出口增长6.1%，高于全国1.2个百分点；出口增长6.1%，比上年提高0.8个百分点。').claims.filter((c) => c.kind === 'points');
    assert.deepEqual(points.map((c) => `${c.metric} ${c.comparedWith}`), ['出口 全国', '出口 上年']);
    assert.notEqual(points[0].metricKey, points[1].metricKey);
  });

  it('give a multi-year total the span it covers, and a comparison with a year the years since', () => {
    const report = [
      '某省2024年政府工作报告',
      '——2024年1月20日在省人民代表大会上',
      '一、2023年工作回顾',
      '单位地区生产总值能耗比上年下降4.59%。近三年累计，单位地区生产总值能耗下降10.08%。',
      '五年累计城镇新增就业300万人。城镇新增就业60万人。',
      '2023年四大主导产业占GDP比重较2020年提高约14个百分点。',
    ].join('\n');
    assert.deepEqual(claims(report), [
      '4.59% 单位地区生产总值能耗 2023 result -4.59',
      '10.08% 单位地区生产总值能耗 2021-2023 result -10.08',
      '300万人 城镇新增就业 2019-2023 result',
      '60万人 城镇新增就业 2023 result',
      '14个百分点 四大主导产业占GDP比重 2021-2023 result 14',
    ]);
  });

  it('never throw on text made of the words claims read, and come in document order without overlapping (checks search them by offset)', () => {
    const piece = fc.constantFrom('比上年', '高于全国', '由', '从', '增加到', '分别', '和', '、', '占', '的', '增长', '5%', '１，２３４', '1，120亿元', '三四', '五点二倍',
      '前六', '第3', '全国第一', '近三年累计', '2006年至2008年', '过去一年', '计划', '布局', '为', '，', '。', '：', '\n', '一、2025年工作回顾\n', '二、2026年工作安排\n', '“', '”', '万', '个', '项');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }).map((a) => a.join('')), (text) => {
        let previousEnd = 0;
        for (const c of parseReport(text).claims) {
          assert.ok(c.span.start >= previousEnd && c.span.end <= text.length && c.span.start < c.span.end);
          previousEnd = c.span.end;
          assert.ok(Number.isFinite(c.value) && (c.max === undefined || Number.isFinite(c.max)));
          assert.equal(typeof c.metricKey, 'string');
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('meet the gold standard of 1,158 figures annotated by reading the corpus', () => {
    // Floors a little under what the extractor reaches today, so a regression fails here.
    const e = evaluate();
    assert.ok(e.recall >= 0.98, `recall ${e.recall}`);
    assert.ok(e.precision >= 0.98, `precision ${e.precision}`);
    assert.ok(e.fields.value >= 0.98, `value ${e.fields.value}`);
    assert.ok(e.fields.metric >= 0.92, `metric ${e.fields.metric}`);
    assert.ok(e.fields.period >= 0.935, `period ${e.fields.period}`);
    assert.ok(e.fields.modality >= 0.97, `modality ${e.fields.modality}`);
    assert.ok(e.fields.kind >= 0.95 && e.fields.unit >= 0.97 && e.fields.qualifier >= 0.97, JSON.stringify(e.fields));
  });
});
