import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseReport } from '../../server/src/core/report';
import { parseStructure, shiftedStructure, unchangedAround } from '../../server/src/core/structure';
import { ReportParser, parseEdited, type TextChange } from '../../server/src/core/incremental';
import { LineIndex, lineIndexOf } from '../../server/src/core/text';
import { CORPUS } from './helpers';
import { ClaimsMemo, type Claim } from '../../server/src/core/claims';
import { toDocumentSymbols } from '../../server/src/protocol/convert';
import { TermIndex, TermUseMemo, findTermUses, reportDefinitions } from '../../server/src/core/terms';
import { builtinDefinitions } from '../../server/src/core/builtin-glossary';
import type { Report } from '../../server/src/core/model';

/**
 * An edit as an editor sends it: replace `length` UTF-16 units with `text`, at a fraction `at` of
 * the text, or at the start or end of a line (where headings and paragraphs are made and unmade).
 */
interface Edit {
  at: number;
  atLine: 'start' | 'end' | undefined;
  length: number;
  text: string;
}

function apply(text: string, edit: Edit): string {
  return applyChange(text, edit).text;
}

/** The edited text, and the change as an editor's incremental sync reports it. */
function applyChange(text: string, edit: Edit): { text: string; change: TextChange } {
  let start = Math.floor(edit.at * text.length);
  if (edit.atLine === 'start') start = text.lastIndexOf('\n', start - 1) + 1;
  if (edit.atLine === 'end') start = text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start);
  const end = Math.min(text.length, start + edit.length);
  return { text: text.slice(0, start) + edit.text + text.slice(end), change: { start, end, length: edit.text.length } };
}

/** The model without its figures, which are computed from the rest on first read. */
function structureOf(report: Report): Omit<Report, 'claims'> {
  const { claims: _claims, ...rest } = report;
  return rest;
}

/** What reviewers and drafters type: headings, quotes, figures, glossary lines, line breaks of every kind. */
const typed = fc.constantFrom(
  '', '改', '\n', '\n\n', '\r\n', '\r', '二、', '\n三、加快发展\n', '（三）', '\n（一）稳住经济大盘\n', '第一，', '一是', '1.', '（2）', '①',
  '“', '”', '“放管服”', '增长6.5%', '1.1万人', '12.5亿元', '提高4.2个百分点', '［1］', '\n名词解释\n', '\n1.三名工程：指…。\n', '附件',
  '各位代表：', '。', '，', '；', '——', ' ', '\u3000', '𠀾', '\ufeff', '【字号：大 中 小】', '\n分享到：\n',
);
const edit = fc.record({ at: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1)), atLine: fc.constantFrom(undefined, 'start' as const, 'end' as const), length: fc.oneof(fc.constant(0), fc.nat(3), fc.nat(400)), text: typed });

/** Whole small reports, and a window of lines from each larger one, so a run stays within seconds. */
function corpusTexts(): { name: string; text: string }[] {
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(CORPUS, name), 'utf8');
      if (text.length <= 8000) return { name, text };
      const lines = text.split('\n');
      const from = Math.floor(lines.length / 3);
      return { name: `${name} (lines ${from}–)`, text: lines.slice(from, from + 40).join('\n') };
    });
}

describe('incremental parsing', () => {
  it('gives the model a full parse gives, heading inserted mid-report and removed again', () => {
    const before = '一、过去一年工作回顾\n\n经济增长5%。\n\n二、今年工作安排\n\n（一）扩大内需。\n\n（二）稳住就业。\n';
    const parser = new ReportParser();
    parser.parse(before);
    const after = before.replace('（二）', '（二）加快发展\n\n三、改革开放\n\n（一）');
    const report = parser.parse(after);
    assert.deepEqual(report.sections.map((s) => s.name), ['过去一年工作回顾', '今年工作安排', '改革开放']);
    assert.deepStrictEqual(report, parseReport(after));
    assert.deepStrictEqual(parser.parse(before), parseReport(before));
  });

  it('reads a line again when only the paragraph after it changed: a sub-heading needs a long body below it', () => {
    const body = '全年地区生产总值增长5.2%，规模以上工业增加值增长6.1%，社会消费品零售总额增长4.8%，一般公共预算收入增长3.5%。';
    const headed = `一、过去一年工作回顾\n\n产业结构持续优化。\n\n${body}\n\n（一）扩大内需。\n`;
    const parser = new ReportParser();
    assert.deepEqual(parser.parse(headed).sections[0].children.map((s) => `${s.kind} ${s.name}`), ['subheading 产业结构持续优化', 'section 扩大内需']);
    // The same line before a short paragraph heads nothing.
    const plain = headed.replace(body, '全年增长5%。');
    assert.deepEqual(parser.parse(plain).sections[0].children.map((s) => `${s.kind} ${s.name}`), ['section 扩大内需']);
    assert.deepStrictEqual(parser.parse(plain), parseReport(plain));
  });

  it('takes over from a full parse: each version from the model of the one it replaced', () => {
    const first = parseReport('一、总体要求\n\n经济增长5%。\n');
    const second = parseEdited('一、总体要求\n\n经济增长5%。\n\n二、主要任务\n', first);
    const third = parseEdited('一、总体要求\n\n经济增长6%。\n\n二、主要任务\n', second);
    assert.deepEqual(third.sections.map((s) => s.name), ['总体要求', '主要任务']);
    assert.deepStrictEqual(third, parseReport(third.text));
    assert.deepEqual(third.claims.map((c) => c.text), ['6%']);
  });

  it('uses the changes an editor reports, several to a version and across versions never parsed', () => {
    const first = '一、总体要求\n\n经济增长5%。\n\n二、主要任务\n';
    const report = parseReport(first);
    // Version 2: 总体要求 → 总要求 and a third chapter added at the end; version 3: 5% → 6%.
    const second = '一、总要求\n\n经济增长5%。\n\n二、主要任务\n\n三、改革开放\n';
    const third = '一、总要求\n\n经济增长6%。\n\n二、主要任务\n\n三、改革开放\n';
    const changes: TextChange[] = [
      { start: 3, end: 4, length: 0 },
      { start: second.indexOf('\n\n三'), end: second.indexOf('\n\n三'), length: '\n\n三、改革开放'.length },
      { start: third.indexOf('6'), end: third.indexOf('6') + 1, length: 1 },
    ];
    const edited = parseEdited(third, parseEdited(first, report), changes);
    assert.deepEqual(edited.sections.map((s) => s.name), ['总要求', '主要任务', '改革开放']);
    assert.deepStrictEqual(edited, parseReport(third));
  });

  it('knows from the changes alone which start and end of the text they left alone', () => {
    // 十个字符的文本 → 5 处插入 3 个 → 删除 [6, 9): the first 5 and the last 4 characters stayed.
    assert.deepEqual(unchangedAround(10, 10, [{ start: 5, end: 5, length: 3 }, { start: 6, end: 9, length: 0 }]), { prefix: 5, suffix: 4 });
    // A later change before an earlier one: the start kept is the earliest change's.
    assert.deepEqual(unchangedAround(10, 12, [{ start: 8, end: 8, length: 1 }, { start: 2, end: 2, length: 1 }]), { prefix: 2, suffix: 2 });
    // Nothing changed, and the whole text replaced.
    assert.deepEqual(unchangedAround(10, 10, []), { prefix: 10, suffix: 0 });
    assert.deepEqual(unchangedAround(10, 4, [{ start: 0, end: 10, length: 4 }]), { prefix: 0, suffix: 0 });
    // Changes that do not lead to the new length, or reach past the text, are not used.
    assert.equal(unchangedAround(10, 11, [{ start: 5, end: 5, length: 3 }]), undefined);
    assert.equal(unchangedAround(10, 10, [{ start: 9, end: 11, length: 2 }]), undefined);
  });

  it('moves the old structure for letters typed inside a long paragraph, and parses for anything else', () => {
    const body = '全年地区生产总值增长5.2%，规模以上工业增加值增长6.1%，固定资产投资增长4.3%，社会消费品零售总额增长5.5%，一般公共预算收入增长3.8%，城乡居民人均可支配收入分别增长4.5%和6.6%，居民消费价格上涨0.2%，城镇调查失业率5.1%。';
    const text = `一、2025年工作回顾\n\n${body}\n\n二、2026年工作安排\n\n（一）扩大有效需求。${body}\n\n名词解释\n\n1.两重：指国家重大战略实施和重点领域安全能力建设，${body}\n`;
    const report = parseReport(text);
    const edit = (at: number, removed: number, typed: string) => {
      const next = text.slice(0, at) + typed + text.slice(at + removed);
      return { next, shifted: shiftedStructure(text, report, next, { start: at, end: at + removed, length: typed.length }) };
    };
    const inside = text.indexOf('一般公共预算');
    // Letters typed, or deleted, deep inside the first paragraph: the old structure, moved.
    for (const [removed, typed] of [[0, '新'], [2, ''], [1, 'AB12']] as const) {
      const { next, shifted } = edit(inside, removed, typed);
      assert.ok(shifted, `${removed} ${typed}`);
      assert.deepStrictEqual(shifted, parseStructure(next));
    }
    // Punctuation, a line break, the start of a paragraph (where headings and leads are read), a glossary entry: parsed.
    assert.equal(edit(inside, 0, '。').shifted, undefined);
    assert.equal(edit(inside, 0, '\n').shifted, undefined);
    assert.equal(edit(text.indexOf(body) + 3, 0, '新').shifted, undefined);
    assert.equal(edit(text.lastIndexOf('一般公共预算'), 0, '新').shifted, undefined);
    // Past the heading of a numbered section, in its own block: moved as well.
    const inSection = text.indexOf('一般公共预算', text.indexOf('（一）'));
    assert.deepStrictEqual(edit(inSection, 0, '新').shifted, parseStructure(edit(inSection, 0, '新').next));
  });

  it('compares the texts when the changes reported do not lead to the new text', () => {
    const first = '一、总体要求\n\n经济增长5%。\n';
    const second = '一、总体要求\n\n经济增长5%。\n\n二、主要任务\n';
    // One character short of what was inserted: not this edit, so not trusted.
    const edited = parseEdited(second, parseEdited(first, parseReport(first)), [{ start: first.length, end: first.length, length: 3 }]);
    assert.deepStrictEqual(edited, parseReport(second));
  });

  for (const { name, text } of corpusTexts()) {
    it(`equals a full parse after edits reported as changes, several to a version, some versions not parsed: ${name}`, () => {
      fc.assert(
        fc.property(fc.array(fc.record({ edits: fc.array(edit, { minLength: 1, maxLength: 3 }), parse: fc.boolean() }), { minLength: 1, maxLength: 5 }), (versions) => {
          let current = text;
          let report = parseEdited(current, parseReport(current));
          let pending: TextChange[] = [];
          for (const [i, version] of versions.entries()) {
            for (const e of version.edits) {
              const applied = applyChange(current, e);
              current = applied.text;
              pending.push(applied.change);
            }
            if (!version.parse && i < versions.length - 1) continue;
            report = parseEdited(current, report, pending);
            pending = [];
            assert.deepStrictEqual(structureOf(report), structureOf(parseReport(current)));
            assert.deepStrictEqual(lineIndexOf(report).lines, new LineIndex(current).lines);
          }
        }),
        { numRuns: 10 },
      );
    });

    it(`finds the term uses a full scan finds, lines read before kept across versions: ${name}`, () => {
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
          const memo = new TermUseMemo();
          let current = text;
          const indexOf = (t: string) => new TermIndex([...reportDefinitions(parseReport(t), 'file:///r.txt'), ...builtinDefinitions()]);
          memo.uses(current, indexOf(current));
          for (const e of edits) {
            current = apply(current, e);
            // A new index each version, as the service builds one: the same keys keep the lines.
            const index = indexOf(current);
            assert.deepStrictEqual(memo.uses(current, index), findTermUses(current, index));
          }
        }),
        { numRuns: 5 },
      );
    });

    it(`equals a full parse after any sequence of edits: ${name}`, () => {
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
          const parser = new ReportParser();
          let current = text;
          parser.parse(current);
          let report = parser.parse(current);
          let outline = toDocumentSymbols(report, lineIndexOf(report));
          void report.claims;
          for (const e of edits) {
            current = apply(current, e);
            report = parser.parse(current);
            assert.deepStrictEqual(structureOf(report), structureOf(parseReport(current)));
            // The outline made from the one before (keeping its unchanged symbols) is the outline.
            outline = toDocumentSymbols(report, lineIndexOf(report), outline);
            assert.deepStrictEqual(outline, toDocumentSymbols(report, new LineIndex(current)));
            // Read at every version, the claims come from the paragraphs read at the one before.
            assert.deepStrictEqual(report.claims, parseReport(current).claims);
          }
        }),
        { numRuns: 10 },
      );
    });
  }
});

describe('the figures kept per paragraph across versions', () => {
  const claim = (start: number) => ({ span: { start, end: start + 4 } }) as unknown as Claim;
  const never = (): Claim[] => assert.fail('read again');
  /** A whole reading of a report of two paragraphs, 甲段 at 0 and 乙段 at 10. */
  const readBoth = (memo: ClaimsMemo) => {
    memo.begin();
    memo.get('甲段', 0, () => [claim(1)]);
    memo.get('乙段', 10, () => [claim(11)]);
    memo.end();
  };

  it('are dropped once a whole reading of the report did not need them', () => {
    const memo = new ClaimsMemo();
    readBoth(memo);
    memo.begin();
    assert.deepEqual(memo.get('甲段', 0, never).map((c) => c.span.start), [1]);
    memo.end();
    memo.begin();
    let read = false;
    memo.get('乙段', 10, () => ((read = true), [claim(11)]));
    assert.equal(read, true);
  });

  it('are all kept when a reading stops midway, its version replaced while it paused', () => {
    const memo = new ClaimsMemo();
    readBoth(memo);
    // The next version's reading reaches 甲段 and is abandoned there.
    memo.begin();
    memo.get('甲段', 0, never);
    // The version after that reads both, and 乙段, which the abandoned reading never reached, is kept.
    memo.begin();
    assert.deepEqual(memo.get('乙段', 20, never).map((c) => c.span.start), [21]);
    assert.deepEqual(memo.get('甲段', 0, never).map((c) => c.span.start), [1]);
    memo.end();
  });
});
