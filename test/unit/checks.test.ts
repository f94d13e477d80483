import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKS, checkSteps, runChecks, runChecksAfterStructural, runStructuralChecks, standaloneContext } from '../../server/src/checks';
import { parseReport } from '../../server/src/core/report';
import { checkDiagnostics, fixtureFiles, pausesOf, readFixture, CORPUS, FIXTURES } from './helpers';
import { finish } from '../../server/src/core/steps';

describe('checks', () => {
  it('have unique kebab-case ids and descriptions in both languages', () => {
    const ids = CHECKS.map((c) => c.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const c of CHECKS) {
      assert.match(c.id, /^[a-z]+(?:-[a-z]+)*$/);
      assert.ok(c.description.zh && c.description.en, c.id);
    }
  });

  it('that say they are structural read neither the figures nor the context, on every corpus report', () => {
    const structural = CHECKS.filter((c) => c.structural);
    assert.deepEqual(structural.map((c) => c.id), ['section-numbering', 'text-integrity', 'glossary-duplicate', 'parse-problem']);
    const files = [...readdirSync(CORPUS).filter((f) => f.endsWith('.txt')), ...readdirSync(join(CORPUS, 'national')).map((f) => join('national', f))];
    for (const file of files) {
      const report = parseReport(readFileSync(join(CORPUS, file), 'utf8'));
      // The figures of this model cannot be read, and the context holds nothing.
      const blind = new Proxy(report, { get: (target, key) => (key === 'claims' ? assert.fail(`a structural check read the figures of ${file}`) : Reflect.get(target, key)) });
      const early = runStructuralChecks(blind);
      const context = standaloneContext(report);
      const complete = runChecks(report, {}, context);
      assert.deepEqual(early, complete.filter((f) => structural.some((c) => c.id === f.checkId)), file);
      // The complete set after an early publish reuses it, and is the same set in the same order.
      assert.deepEqual(runChecksAfterStructural(report, {}, context, early), complete, file);
    }
  });

  it('that read every figure or block pause within, and find in steps what they find at once', () => {
    const report = parseReport(readFileSync(join(CORPUS, 'hainan-2026.txt'), 'utf8'));
    const context = standaloneContext(report);
    for (const id of ['figure-conflict', 'count-mismatch', 'text-integrity']) {
      const run = CHECKS.find((c) => c.id === id)!.run(report, context);
      assert.ok(!Array.isArray(run), `${id} runs in steps`);
      const { pauses } = pausesOf(run);
      assert.ok(pauses > 1, `${id}: ${pauses} pauses`);
    }
    assert.deepEqual(finish(checkSteps(report, {}, context)), runChecks(report, {}, context));
  });

  it('can be turned off by id', () => {
    const report = parseReport('（一）甲\n（三）乙\n');
    assert.equal(runChecks(report).length, 1);
    assert.equal(runChecks(report, { 'section-numbering': 'off' }).length, 0);
    assert.equal(runChecks(report, { 'section-numbering': 'error' })[0].severity, 'error');
  });

  for (const check of CHECKS) {
    describe(check.id, () => {
      // A check without fixtures fails here, by name, instead of aborting the whole run.
      const dir = join('checks', check.id);
      const names = existsSync(join(FIXTURES, dir)) ? fixtureFiles(dir) : [];
      it(`check ${check.id} has fixtures in test/fixtures/checks/${check.id}/`, () => {
        assert.ok(names.length > 0, `add test/fixtures/checks/${check.id}/<name>.txt with {${check.id}} at the end of each line it must flag`);
      });
      for (const name of names) {
        it(`flags exactly the marked lines of ${name}`, () => checkDiagnostics(readFixture(join('checks', check.id), name), check.id));
      }
    });
  }

  it('reports a blank at the edge of a quote as information, a blank inside it as a warning', () => {
    const severities = (line: string) => runChecks(parseReport(`一、回顾\n${line}\n`)).filter((f) => f.checkId === 'text-integrity').map((f) => f.severity);
    assert.deepEqual(severities('清除“ 四人帮”余毒。'), ['information']);
    assert.deepEqual(severities('着力推动“信易 金融”综合服务体系。'), ['warning']);
  });

  it('reports website leftovers as information, inside the body too', () => {
    const report = parseReport('一、回顾\n全年地区生产总值增长5%。\n【字体：小 中 大】\n城镇新增就业1万人。\n');
    assert.deepEqual(runChecks(report).filter((f) => f.checkId === 'text-integrity').map((f) => f.severity), ['information']);
  });

  it('finds no numbering problem in any corpus report', () => {
    for (const file of ['001_366748309c9ca2d8.txt', 'guangdong-2026.txt', 'hainan-2026.txt', 'sichuan-2026.txt', 'yunnan-2026.txt']) {
      const report = parseReport(readFileSync(join(CORPUS, file), 'utf8'));
      assert.deepEqual(runChecks(report).filter((f) => f.checkId === 'section-numbering').map((f) => f.message.en), [], file);
    }
  });
});
