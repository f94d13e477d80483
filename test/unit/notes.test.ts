/** Note markers (［12］) as the core reads them: one definition for the outline, term uses, hovers, checks and the grammar. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { noteMarkerAt, noteMarkers } from '../../server/src/core/notes';
import { parseReport } from '../../server/src/core/report';
import { runChecks } from '../../server/src/checks';

const markers = (text: string) => noteMarkers(text).map((m) => `${text.slice(m.span.start, m.span.end)}→${m.value}`);

describe('note markers', () => {
  it('are one to three digits in a matching pair of ［］ [] 〔〕 or 【】', () => {
    assert.deepEqual(markers('“三名工程”［12］，“双减”[3]，“放管服”〔4〕，“一网通办”【5】'), ['［12］→12', '[3]→3', '〔4〕→4', '【5】→5']);
  });

  it('take full-width digits and blanks inside the brackets', () => {
    assert.deepEqual(markers('“三名工程”［１２］，“双减”［ 3 ］'), ['［１２］→12', '［ 3 ］→3']);
  });

  it('are not a year, a mixed pair or brackets without digits', () => {
    assert.deepEqual(markers('国办发〔2023〕12号，“双减”［3]，【字体：小 中 大】'), []);
  });

  it('are found where a term use ends', () => {
    const text = '深化“放管服”［2］改革';
    assert.equal(noteMarkerAt(text, text.indexOf('［'))?.value, 2);
    assert.equal(noteMarkerAt(text, text.indexOf('改')), undefined);
  });

  it('number the notes of 注释 and count as uses of them, in every form', () => {
    const report = parseReport('一、回顾\n深化“放管服”〔1〕改革，推进“最多跑一次”【2】。\n注释\n〔1〕放管服：简政放权、放管结合、优化服务。\n【2】最多跑一次：群众办一件事最多跑一次。\n');
    assert.deepEqual(report.glossary.map((e) => `${e.numbering?.value} ${e.term}`), ['1 放管服', '2 最多跑一次']);
    assert.deepEqual(runChecks(report).filter((f) => f.checkId === 'glossary-unused'), []);
  });

  it('are marked by the grammar exactly where the core finds them', () => {
    const grammar = JSON.parse(readFileSync(join(__dirname, '..', '..', 'syntaxes', 'report.tmLanguage.json'), 'utf8'));
    const note = new RegExp(grammar.repository.note.match, 'g');
    for (const text of ['“三名工程”［12］，“双减”[3]，“放管服”〔4〕，“一网通办”【5】', '［１２］［ 3 ］', '国办发〔2023〕12号，“双减”［3]，【字体：小 中 大】']) {
      assert.deepEqual([...text.matchAll(note)].map((m) => m[0]), noteMarkers(text).map((m) => text.slice(m.span.start, m.span.end)), text);
    }
  });
});
