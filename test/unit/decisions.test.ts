import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse as parseCsv } from 'csv-parse/sync';
import Ajv from 'ajv';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseReport } from '../../server/src/core/report';
import { runChecks } from '../../server/src/checks';
import {
  applyDecisions, checklist, checklistCounts, contextOf, fingerprint, parseDecisionFile, parseDecisions, quoteOf, recordIn, removeFrom,
  serializeDecisions, type Decision,
} from '../../server/src/checks/decisions';
import { readDecisions, recordDecision, undoDecision } from '../../server/src/config/review-file';
import { turnOffCheck, withCheckOff } from '../../server/src/config/turn-off';
import { checklistCsv, checklistMarkdown, markdownCell, type ChecklistRow } from '../../server/src/protocol/checklist';

const FIXTURES = join(__dirname, '..', 'fixtures', 'decisions');
// Two findings: 1.1万人 ↔ 1.2万人 (figure-conflict, line 6) and （一）（三） (section-numbering, line 7).
const REPORT = readFileSync(join(FIXTURES, 'report.txt'), 'utf8');

function findingsOf(text: string) {
  const report = parseReport(text);
  return { report, findings: runChecks(report) };
}

const temporary = () => mkdtempSync(join(tmpdir(), 'report-review-decisions-'));

describe('review decisions', () => {
  const { report, findings } = findingsOf(REPORT);
  const conflict = findings.find((f) => f.checkId === 'figure-conflict')!;
  const numbering = findings.find((f) => f.checkId === 'section-numbering')!;
  const decide = (f: typeof conflict, decision: Decision['decision']): Decision =>
    ({ check: f.checkId, fingerprint: fingerprint(report, f), quote: quoteOf(report, f), decision });

  it('quote the figures and the sentence they stand in', () => {
    assert.deepEqual(quoteOf(report, conflict), { text: '1.2万人 ↔ 1.1万人', context: '全区城镇新增就业1.2万人。' });
    assert.deepEqual(quoteOf(report, numbering), { text: '（三） ↔ （一）', context: '（三）促改革' });
  });

  it('bound the context of a paragraph that never ends a sentence to 60 characters each side', () => {
    const long = `${'甲'.repeat(100)}增长7%${'乙'.repeat(100)}`;
    const context = contextOf(long, { start: 100, end: 104 });
    assert.equal(context, `${'甲'.repeat(60)}增长7%${'乙'.repeat(60)}`);
  });

  it('keep a confirmed finding shown and hide a dismissed one', () => {
    const { open, decided, confirmed } = applyDecisions(report, findings, [decide(conflict, 'confirmed'), decide(numbering, 'dismissed')]);
    assert.deepEqual(open, [conflict]);
    assert.deepEqual(decided, [numbering]);
    assert.equal(confirmed.get(conflict)?.decision, 'confirmed');
  });

  it('survive an edit above the finding', () => {
    const again = findingsOf(REPORT.replace('一、2020年工作回顾', '一、2020年和“十三五”时期工作回顾\n过去的一年，我们砥砺奋进、攻坚克难。'));
    assert.equal(applyDecisions(again.report, again.findings, [decide(conflict, 'dismissed')]).decided.length, 1);
  });

  it('lapse when the quoted figures change, and the checklist says so', () => {
    const again = findingsOf(REPORT.replace('1.2万人', '1.3万人'));
    const dismissed = decide(conflict, 'dismissed');
    assert.equal(applyDecisions(again.report, again.findings, [dismissed]).decided.length, 0);
    const entries = checklist(again.report, again.findings, [dismissed]);
    assert.deepEqual(entries.map((e) => [e.state, e.check, e.quote.text]), [
      ['open', 'figure-conflict', '1.3万人 ↔ 1.1万人'],
      ['open', 'section-numbering', '（三） ↔ （一）'],
      ['lapsed', 'figure-conflict', '1.2万人 ↔ 1.1万人'],
    ]);
  });

  it('round-trip through the sidecar format and skip malformed entries', () => {
    const decision = { ...decide(conflict, 'dismissed'), reason: '口径不同', date: '2026-11-30' };
    assert.deepEqual(parseDecisions(serializeDecisions([decision])).decisions, [decision]);
    const broken = parseDecisions('{"version":2,"decisions":[{"check":"x"},{"check":"y","fingerprint":"f","decision":"ignored"}]}');
    assert.deepEqual(broken.decisions, []);
    assert.ok(parseDecisions('not json').error);
  });

  it('refuse a future version clearly', () => {
    const future = parseDecisionFile('{"version":3,"decisions":[]}');
    assert.ok(!future.ok && /version 3 is newer than this Report Review reads \(2\)/.test(future.error));
    assert.ok(!parseDecisionFile('{"version":"2","decisions":[]}').ok);
  });
});

describe('the version 1 sidecar', () => {
  const v1 = readFileSync(join(FIXTURES, 'v1.review.json'), 'utf8');

  it('is read as version 2: accepted is confirmed, ignored is dismissed, the note is the reason', () => {
    assert.deepEqual(parseDecisions(v1).decisions, [
      { check: 'figure-conflict', fingerprint: '816d4f465eecdbfa', quote: { text: '1.2万人 ↔ 1.1万人', context: '' }, decision: 'dismissed', reason: '口径不同', date: '2026-11-23' },
      { check: 'section-numbering', fingerprint: 'e5904d036e273582', quote: { text: '（三） ↔ （一）', context: '' }, decision: 'confirmed', date: '2026-11-23' },
      { check: 'figure-conflict', fingerprint: '00000000000000aa', quote: { text: '7.5% ↔ 7%', context: '' }, decision: 'dismissed', date: '2026-11-20' },
    ]);
  });

  it('gives the same checklist as its version 2 counterpart, with the lapsed decision listed', () => {
    const { report, findings } = findingsOf(REPORT);
    const fromV1 = checklist(report, findings, parseDecisions(v1).decisions);
    assert.deepEqual(fromV1.map((e) => [e.state, e.check, e.decision?.reason]), [
      ['dismissed', 'figure-conflict', '口径不同'],
      ['confirmed', 'section-numbering', undefined],
      ['lapsed', 'figure-conflict', undefined],
    ]);
    assert.deepEqual(checklistCounts(fromV1), { open: 0, confirmed: 1, dismissed: 1, lapsed: 1 });
    const v2 = readFileSync(join(FIXTURES, 'v2.review.json'), 'utf8');
    assert.deepEqual(checklist(report, findings, parseDecisions(v2).decisions).map((e) => e.state), ['dismissed', 'confirmed']);
  });

  it('is not rewritten when read, and is rewritten as version 2 when a decision is undone', async () => {
    const dir = temporary();
    const report = join(dir, 'report.txt');
    copyFileSync(join(FIXTURES, 'v1.review.json'), `${report}.review.json`);
    assert.equal(readDecisions(report).decisions.length, 3);
    assert.equal(readFileSync(`${report}.review.json`, 'utf8'), v1, 'reading leaves the bytes alone');
    await undoDecision(report, 'figure-conflict', '00000000000000aa');
    const written = JSON.parse(readFileSync(`${report}.review.json`, 'utf8'));
    assert.equal(written.version, 2);
    assert.deepEqual(written.decisions.map((d: { decision: string }) => d.decision), ['dismissed', 'confirmed', 'escalated']);
    assert.deepEqual(written.decisions[0].quote, { text: '1.2万人 ↔ 1.1万人', context: '' });
    assert.equal(written.decisions[0].reason, '口径不同');
    assert.deepEqual(written.decisions[2], { check: 'figure-conflict', fingerprint: '00000000000000bb', decision: 'escalated' }, 'an entry it does not understand is kept as it is');
  });

  it('records a decision over an older one on the same finding', () => {
    const file = parseDecisionFile(v1);
    assert.ok(file.ok);
    const confirmed: Decision = { check: 'figure-conflict', fingerprint: '816d4f465eecdbfa', quote: { text: '1.2万人 ↔ 1.1万人', context: '全区城镇新增就业1.2万人。' }, decision: 'confirmed', date: '2026-11-30' };
    const next = recordIn(file.value, confirmed);
    assert.equal(next.version, 2);
    assert.deepEqual(next.entries.at(-1), confirmed);
    assert.equal(next.entries.length, 4);
    assert.equal(removeFrom(next, 'figure-conflict', '816d4f465eecdbfa').entries.length, 3);
  });
});

describe('the checklist export', () => {
  const hostile: ChecklistRow = {
    state: 'dismissed', check: 'text-integrity', fingerprint: '0123456789abcdef', range: { start: { line: 4, character: 2 }, end: { line: 4, character: 6 } },
    message: '引号不成对', quote: '“A|B”', context: '见[链接](command:x)与<script>和`代码`\n第二行', decision: 'dismissed', reason: '=HYPERLINK("x"), 不是问题', date: '2026-11-30',
  };

  it('escapes report text in Markdown: no new cell, link, HTML, code span or row', () => {
    const md = checklistMarkdown([{ file: 'r.txt', rows: [hostile] }], 'en');
    const row = md.trim().split('\n').at(-1)!;
    assert.equal(row, '| r\\.txt | 5 | text\\-integrity | “A\\|B” | 见\\[链接\\]\\(command\\:x\\)与\\<script\\>和\\`代码\\` 第二行 | dismissed | \\=HYPERLINK\\(\\"x\\"\\)\\, 不是问题 | 2026\\-11\\-30 | 引号不成对 |');
    assert.equal(row.split(/(?<!\\)\|/).length - 2, 9, 'nine cells');
  });

  it('writes CSV per RFC 4180 with a BOM, and a formula as text', () => {
    const csv = checklistCsv([{ file: 'r.txt', rows: [hostile, { ...hostile, state: 'lapsed', range: undefined, reason: undefined, message: '' }] }], 'zh');
    assert.ok(csv.startsWith('\ufeff文件,行,检查项,原文,上下文,状态,理由,日期,说明\r\n'));
    assert.equal(csv.split('\r\n')[1], 'r.txt,5,text-integrity,“A|B”,"见[链接](command:x)与<script>和`代码`\n第二行",已驳回,"\'=HYPERLINK(""x""), 不是问题",2026-11-30,引号不成对');
    assert.equal(csv.split('\r\n')[2], 'r.txt,,text-integrity,“A|B”,"见[链接](command:x)与<script>和`代码`\n第二行",问题已不存在（原文已改或检查已关闭）,,2026-11-30,');
  });
});

describe('the checklist export, on any text a report may hold', () => {
  const text = fc.string({ unit: fc.constantFrom('|', '[', ']', '(', ')', '<', '>', '`', '\\', '\n', '\r', '"', ',', '=', '+', '-', '@', ' ', '甲', '“', '”', 'a', '1') });
  const row = (quote: string, context: string, reason: string): ChecklistRow => ({
    state: 'dismissed', check: 'figure-conflict', fingerprint: '0123456789abcdef', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
    message: quote, quote, context, decision: 'dismissed', reason, date: '2026-11-30',
  });

  it('keeps a Markdown cell one cell of one row, with no markup left unescaped', () => {
    fc.assert(fc.property(text, (t) => {
      const cell = markdownCell(t);
      assert.ok(!/[\r\n]/.test(cell));
      // Every ASCII punctuation mark is preceded by a backslash that is not itself escaped.
      assert.ok(!/(^|[^\\])(\\\\)*[|[\]<>`(]/.test(cell), cell);
    }));
  });

  it('reads back from CSV as written (a formula behind a quote mark)', () => {
    fc.assert(fc.property(text, text, text, (quote, context, reason) => {
      const csv = checklistCsv([{ file: 'r.txt', rows: [row(quote, context, reason)] }], 'en');
      const records = parseCsv(csv.slice(1), { relax_column_count: false }) as string[][];
      assert.equal(records.length, 2);
      const unformula = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
      assert.deepEqual(records[1], ['r.txt', '1', 'figure-conflict', unformula(quote), unformula(context), 'dismissed', unformula(reason), '2026-11-30', unformula(quote)]);
    }));
  });
});

describe('turning a check off for the workspace', () => {
  it('keeps every other key and creates the file when there is none', async () => {
    assert.deepEqual(withCheckOff({ glossaryFiles: ['a.md'], checks: { 'text-integrity': 'hint' } }, 'figure-conflict'),
      { glossaryFiles: ['a.md'], checks: { 'text-integrity': 'hint', 'figure-conflict': 'off' } });
    const dir = temporary();
    await turnOffCheck(dir, 'section-numbering');
    assert.equal(readFileSync(join(dir, '.reportreview.json'), 'utf8'), '{\n  "checks": {\n    "section-numbering": "off"\n  }\n}\n');
  });

  it('refuses a config that does not parse, or whose checks is not an object, and leaves it byte for byte', async () => {
    const dir = temporary();
    for (const text of ['{ "checks": { "a": "off", } }\n', '{ "checks": ["figure-conflict"] }\n']) {
      writeFileSync(join(dir, '.reportreview.json'), text);
      await assert.rejects(turnOffCheck(dir, 'figure-conflict'), /cannot be parsed/);
      assert.equal(readFileSync(join(dir, '.reportreview.json'), 'utf8'), text);
    }
  });
});

describe('recording and undoing in the sidecar', () => {
  it('undo removes the decision and leaves the others', async () => {
    const dir = temporary();
    const report = join(dir, 'report.txt');
    const base = { quote: { text: 'q', context: 'q。' }, date: '2026-11-30' };
    await recordDecision(report, { ...base, check: 'figure-conflict', fingerprint: '0123456789abcdef', decision: 'confirmed' });
    await recordDecision(report, { ...base, check: 'figure-conflict', fingerprint: 'fedcba9876543210', decision: 'dismissed', reason: '已核实' });
    await undoDecision(report, 'figure-conflict', '0123456789abcdef');
    assert.deepEqual(readDecisions(report).decisions.map((d) => [d.fingerprint, d.decision, d.reason]), [['fedcba9876543210', 'dismissed', '已核实']]);
  });
});

describe('the JSON Schema of *.review.json (the editor validates a sidecar opened by hand)', () => {
  const schema = JSON.parse(readFileSync(join(__dirname, '..', '..', 'schemas', 'review.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  const errorsOf = (file: unknown) => (validate(file) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

  it('accepts what this version writes, and the version 2 fixture', async () => {
    const dir = temporary();
    const report = join(dir, 'report.txt');
    const { report: model, findings } = findingsOf(REPORT);
    const [first, second] = findings;
    await recordDecision(report, { check: first.checkId, fingerprint: fingerprint(model, first), quote: quoteOf(model, first), decision: 'dismissed', reason: '口径不同', date: '2026-12-01' });
    await recordDecision(report, { check: second.checkId, fingerprint: fingerprint(model, second), quote: quoteOf(model, second), decision: 'confirmed', date: '2026-12-01' });
    assert.deepEqual(errorsOf(JSON.parse(readFileSync(`${report}.review.json`, 'utf8'))), []);
    assert.deepEqual(errorsOf(JSON.parse(readFileSync(join(FIXTURES, 'v2.review.json'), 'utf8'))), []);
  });

  it('reads version 1 as it was written, and points at what neither version knows', () => {
    // The fixture's fourth entry (escalated) is kept by the tool but is no decision of either version.
    assert.deepEqual(errorsOf(JSON.parse(readFileSync(join(FIXTURES, 'v1.review.json'), 'utf8'))), ['/decisions/3/decision must be equal to one of the allowed values', ' must match "else" schema']);
    assert.deepEqual(errorsOf({ version: 3, decisions: [] }), ['/version must be equal to one of the allowed values']);
    assert.deepEqual(errorsOf({ version: 2, decisions: [{ check: 'figure-conflict', fingerprint: '12', decision: 'ignored' }] }), [
      '/decisions/0/fingerprint must match pattern "^[0-9a-f]{16}$"',
      '/decisions/0/decision must be equal to one of the allowed values',
      ' must match "then" schema',
    ]);
  });
});
