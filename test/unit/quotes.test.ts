/** Quotations as the core reads them: one definition for the glossary, the figures and every check. */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { quoteAt, quoteText, quotesIn, quotesOf, scanQuotes } from '../../server/src/core/quotes';
import { parseReport } from '../../server/src/core/report';

const quoted = (text: string) => scanQuotes(text).map((q) => quoteText(text, q));

describe('quotes', () => {
  it('pair each opening mark with the nearest closing mark on its line', () => {
    assert.deepEqual(quoted('推行“店小二”服务，打造“一网通办”“一网统管”。'), ['店小二', '一网通办', '一网统管']);
  });

  it('leave a mark that lost its partner out', () => {
    assert.deepEqual(quoted('“六五’时期，一个“甲“乙”'), ['乙']);
    assert.deepEqual(quoted('一个”五讲四美”'), []);
  });

  it('never run over a line break', () => {
    assert.deepEqual(quoted('开展“百日攻坚\n行动”，推进“放管服”改革'), ['放管服']);
  });

  it('keep nested single marks inside', () => {
    assert.deepEqual(quoted('“学习‘两会’精神”'), ['学习‘两会’精神']);
  });

  it('are scanned once per report and found by offset', () => {
    const report = parseReport('一、回顾\n推进“放管服”改革，做好“店小二”服务。\n');
    assert.equal(quotesOf(report), quotesOf(report));
    const at = report.text.indexOf('管');
    assert.equal(quoteText(report.text, quoteAt(quotesOf(report), at)!), '放管服');
    assert.equal(quoteAt(quotesOf(report), report.text.indexOf('改')), undefined);
    const line = { start: report.text.indexOf('推进'), end: report.text.indexOf('做好') };
    assert.deepEqual(quotesIn(quotesOf(report), line).map((q) => quoteText(report.text, q)), ['放管服']);
  });

  it('leave every opening mark unpaired only when no closing mark follows it on its line before the next opening', () => {
    const piece = fc.constantFrom('“', '”', '\n', '甲', '乙', '1', ' ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((a) => a.join('')), (text) => {
        const quotes = scanQuotes(text);
        const opened = new Set(quotes.map((q) => q.span.start));
        let previousEnd = 0;
        for (const q of quotes) {
          assert.ok(q.span.start >= previousEnd, 'quotes do not overlap');
          assert.doesNotMatch(quoteText(text, q), /[“”\n]/);
          previousEnd = q.span.end;
        }
        for (let i = 0; i < text.length; i++) {
          if (text[i] !== '“' || opened.has(i)) continue;
          assert.doesNotMatch(text.slice(i + 1), /^[^“\n]*”/, `the mark at ${i} of ${JSON.stringify(text)} has a partner`);
        }
      }),
    );
  });
});
