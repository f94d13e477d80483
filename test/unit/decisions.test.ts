import * as assert from 'node:assert/strict';
import { parseReport } from '../../server/src/core/report';
import { runChecks } from '../../server/src/checks';
import { applyDecisions, fingerprint, parseDecisions, quoteOf, serializeDecisions, type Decision } from '../../server/src/checks/decisions';

const REPORT = [
  '中山区2021年政府工作报告',
  '——2021年1月25日在中山区第十八届人民代表大会第五次会议上',
  '一、2020年工作回顾',
  '一般公共预算收入18.18亿元，新增城镇就业1.1万人。',
  '（一）稳增长',
  '全区城镇新增就业1.2万人。',
].join('\n');

function conflictOf(text: string) {
  const report = parseReport(text);
  const findings = runChecks(report).filter((f) => f.checkId === 'figure-conflict');
  return { report, findings };
}

describe('review decisions', () => {
  const { report, findings } = conflictOf(REPORT);
  const decision: Decision = { check: 'figure-conflict', fingerprint: fingerprint(report, findings[0]), quote: quoteOf(report, findings[0]), decision: 'ignored' };

  it('hide the finding they were made for', () => {
    assert.equal(findings.length, 1);
    assert.equal(decision.quote, '1.2万人 ↔ 1.1万人');
    const { open, decided } = applyDecisions(report, findings, [decision]);
    assert.deepEqual([open.length, decided.length], [0, 1]);
  });

  it('survive an edit above the finding', () => {
    const edited = REPORT.replace('一、2020年工作回顾', '一、2020年和“十三五”时期工作回顾\n过去的一年，我们砥砺奋进、攻坚克难。');
    const again = conflictOf(edited);
    assert.equal(again.findings.length, 1);
    assert.equal(applyDecisions(again.report, again.findings, [decision]).open.length, 0);
  });

  it('lapse when the quoted figures change', () => {
    const again = conflictOf(REPORT.replace('1.2万人', '1.3万人'));
    assert.equal(again.findings.length, 1);
    assert.equal(applyDecisions(again.report, again.findings, [decision]).open.length, 1);
  });

  it('round-trip through the sidecar format and skip malformed entries', () => {
    const text = serializeDecisions([decision]);
    assert.deepEqual(parseDecisions(text).decisions, [decision]);
    const broken = parseDecisions('{"decisions":[{"check":"x"},{"check":"y","fingerprint":"f","decision":"maybe"}]}');
    assert.deepEqual(broken.decisions, []);
    assert.ok(parseDecisions('not json').error);
  });
});
