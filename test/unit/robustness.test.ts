import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseReport } from '../../server/src/core/report';
import type { Report, Section, Span } from '../../server/src/core/model';
import { runChecks } from '../../server/src/checks';
import { LineIndex } from '../../server/src/core/text';

/** Every span the model hands out lies inside the text, and children lie inside their parent. */
function assertWellFormed(report: Report): void {
  const inText = (s: Span, what: string) => {
    assert.ok(s.start >= 0 && s.start <= s.end && s.end <= report.text.length, `${what} ${s.start}-${s.end} outside 0-${report.text.length}`);
  };
  const visit = (s: Section, parent?: Section) => {
    inText(s.span, s.kind);
    inText(s.heading, `${s.kind} heading`);
    if (parent) assert.ok(s.span.start >= parent.span.start && s.span.end <= parent.span.end, `${s.kind} “${s.name}” outside its parent`);
    s.children.forEach((c) => visit(c, s));
  };
  report.sections.forEach((s) => visit(s));
  report.paragraphs.forEach((p) => inText(p.span, 'paragraph'));
  report.glossary.forEach((g) => inText(g.span, 'glossary entry'));
  for (const f of runChecks(report)) inText(f.span, f.checkId);
}

/** Report-like alphabet: numbering, brackets, punctuation, line breaks of every kind, an astral character. */
const reportChar = fc.constantFrom(
  '一', '二', '三', '十', '、', '（', '）', '(', ')', '。', '，', '：', '“', '”', '1', '2', '.', '．', '［', '］',
  '\n', '\r\n', '\r', ' ', '\u3000', '名词解释', '附件', '各位代表：', '——', '是', '改革', '𠀾', '\ufeff', '-', '%',
);

describe('bad input', () => {
  it('parses the empty text into an empty report', () => {
    const report = parseReport('');
    assert.deepEqual(report.sections, []);
    assert.deepEqual(runChecks(report), []);
  });

  it('never throws and keeps every span inside the text, for any report-like text', () => {
    fc.assert(fc.property(fc.array(reportChar, { maxLength: 200 }).map((a) => a.join('')), (text) => assertWellFormed(parseReport(text))), { numRuns: 500 });
  });

  it('never throws on arbitrary unicode strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => assertWellFormed(parseReport(text))), { numRuns: 300 });
  });

  it('handles a single 1 MB line', () => {
    const line = '全面推进改革，地区生产总值增长5%。'.repeat(60_000);
    const report = parseReport(line);
    assertWellFormed(report);
    assert.equal(report.paragraphs.length, 1);
  });

  it('reads CRLF, lone CR and a BOM like LF', () => {
    const lf = '一、工作回顾\n（一）深化改革\n（二）扩大开放\n';
    const names = (t: string) => JSON.stringify(parseReport(t).sections.map((s) => [s.name, s.children.map((c) => c.name)]));
    assert.equal(names(lf.replace(/\n/g, '\r\n')), names(lf));
    assert.equal(names(lf.replace(/\n/g, '\r')), names(lf));
    assert.equal(names(`\ufeff${lf}`), names(lf));
  });

  it('keeps surrogate pairs whole in names and positions', () => {
    const text = '一、𠀾𠀾工作回顾\n（一）深化𠀾改革\n';
    const report = parseReport(text);
    assert.equal(report.sections[0].name, '𠀾𠀾工作回顾');
    const index = new LineIndex(text);
    const child = report.sections[0].children[0];
    assert.deepEqual(index.position(child.heading.start), { line: 1, character: 0 });
    assert.deepEqual(index.position(child.heading.end), { line: 1, character: 9 });
  });

  it('handles half-typed headings', () => {
    for (const text of ['（', '（一', '（一）', '一、', '名词解释\n1.', '名词解释\n1.双查', '附件\n']) assertWellFormed(parseReport(text));
  });
});
