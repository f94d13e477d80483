import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '../../server/src/core/report';
import { compareEvidence } from '../../server/src/core/evidence';
import { LineIndex } from '../../server/src/core/text';
import { runChecks, standaloneContext } from '../../server/src/checks';
import { readEvidence } from '../../server/src/config/evidence-table';
import { FIXTURES } from './helpers';

const DIR = join(FIXTURES, 'evidence');
const table = (name: string) => readEvidence(readFileSync(join(DIR, name)), name);
const text = readFileSync(join(DIR, 'report.txt'), 'utf8');
const report = parseReport(text);
const index = new LineIndex(text);

describe('evidence table', () => {
  it('reads a UTF-8 table and a GBK one with Chinese column names alike', () => {
    const utf8 = table('statistics.csv');
    const gbk = table('statistics-gbk.csv');
    assert.deepEqual(utf8.errors, []);
    assert.deepEqual(gbk.errors, []);
    const rows = (t: typeof utf8) => t.rows.map((r) => `${r.line} ${r.metric} ${r.period} ${r.value} ${r.unit} ${r.kind} ${r.source ?? '-'}`);
    assert.deepEqual(rows(utf8), [
      '2 地区生产总值 2021 8.1 % growth 省统计局《2021年国民经济和社会发展统计公报》',
      '3 一般公共预算收入 2021 10.66 % growth 省财政厅决算报告',
      '4 城镇新增就业 2020 653000 人 count 省人社厅',
      '5 粮食产量 2021 27400000000 斤 amount 省统计局',
      '6 居民消费价格涨幅 2021 0.9 % growth 省统计局',
    ]);
    assert.deepEqual(rows(gbk), rows(utf8));
  });

  it('compares a result only with a row of its metric, period, unit and kind, within rounding', () => {
    const matches = compareEvidence(report, table('statistics.csv').rows).map((m) => `${m.claim.text} ~ ${m.row.written} ${m.agrees ? 'agrees' : 'differs'}`);
    // 城镇新增就业 is given for 2020 only, 粮食产量 in 亿斤 only: neither is compared.
    assert.deepEqual(matches, ['8.4% ~ 8.1% differs', '10.7% ~ 10.66% agrees', '0.9% ~ 0.9% agrees']);
  });

  it('flags the figure off beyond rounding, with the row and its source', () => {
    const evidence = table('statistics.csv').rows;
    const findings = runChecks(report, {}, { ...standaloneContext(report), evidence }).filter((f) => f.checkId === 'evidence-mismatch');
    assert.deepEqual(
      findings.map((f) => `${index.lineAt(f.span.start) + 1} ${f.message.zh} | ${f.related?.map((r) => `${r.document}:${r.message.zh}`).join()}`),
      ['4 「地区生产总值」2021年此处为8.4%，证据表为8.1%（来源：省统计局《2021年国民经济和社会发展统计公报》） | statistics.csv:证据表第2行：地区生产总值，2021，8.1%（来源：省统计局《2021年国民经济和社会发展统计公报》）'],
    );
  });

  it('says clearly what is wrong with a bad table, and keeps the rows it can read', () => {
    const unclosed = table('unclosed-quote.csv');
    assert.deepEqual(unclosed.rows, []);
    assert.match(unclosed.errors[0].en, /^unclosed-quote\.csv: not valid CSV \(.*[Qq]uote.*\)$/);
    assert.deepEqual(table('no-unit-column.csv').errors.map((e) => e.en), ['no-unit-column.csv line 1: the header lacks unit (expected metric,period,value,unit[,source,note])']);
    const bad = table('bad-rows.csv');
    assert.deepEqual(bad.errors.map((e) => e.zh), ['bad-rows.csv 第2行：时期「去年」应为年份，如 2022 或 2016-2020', 'bad-rows.csv 第3行：无法读取数值与单位「很多亿元」']);
    assert.deepEqual(bad.rows.map((r) => r.metric), ['居民消费价格涨幅']);
  });

  it('leaves the other checks as they are when a table cannot be read', () => {
    const without = runChecks(report).map((f) => f.checkId);
    assert.deepEqual(runChecks(report, {}, { ...standaloneContext(report), evidence: table('unclosed-quote.csv').rows }).map((f) => f.checkId), without);
  });
});
