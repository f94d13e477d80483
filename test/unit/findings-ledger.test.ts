/**
 * The findings ledger: every warning and error the checks raise on the 61 reports of the
 * development set (test/corpus/*.txt, test/corpus/national/*.txt) is listed in
 * test/corpus/findings/<report>.tsv — line, check, the quoted text, a verdict and a reason written
 * by reading the report around it. A finding the ledger does not list, or a listed one that is
 * gone, fails the test; so does a verdict other than `true` (a false finding is fixed in its check,
 * not listed).
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '../../server/src/core/report';
import { runChecks } from '../../server/src/checks';
import { LineIndex } from '../../server/src/core/text';
import { CORPUS } from './helpers';

const LEDGER = join(CORPUS, 'findings');
const HEADER = 'line\tcheck\tquote\tverdict\treason';

/** The quoted text on one line of the ledger: tabs and line breaks written as \t and \n. */
function quote(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
}

function developmentSet(): string[] {
  const top = readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort();
  const national = readdirSync(join(CORPUS, 'national')).filter((f) => f.endsWith('.txt')).sort().map((f) => `national/${f}`);
  return [...top, ...national];
}

/** `line\tcheck\tquote` of every warning and error the checks raise on a report. */
function raised(file: string): string[] {
  const text = readFileSync(join(CORPUS, file), 'utf8');
  const index = new LineIndex(text);
  return runChecks(parseReport(text))
    .filter((f) => f.severity === 'warning' || f.severity === 'error')
    .map((f) => `${index.lineAt(f.span.start) + 1}\t${f.checkId}\t${quote(text.slice(f.span.start, f.span.end))}`)
    .sort();
}

/** The items of `a` left after taking out, one for one, the items of `b`. */
function without(a: readonly string[], b: readonly string[]): string[] {
  const left = [...b];
  return a.filter((x) => {
    const i = left.indexOf(x);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

describe('findings ledger', () => {
  const files = developmentSet();

  it('covers the 61 reports of the development set', () => {
    assert.equal(files.length, 61);
    const missing = files.filter((f) => !existsSync(join(LEDGER, f.replace(/\.txt$/, '.tsv'))));
    assert.deepEqual(missing, [], 'reports without a ledger file');
    const ledgers = [
      ...readdirSync(LEDGER).filter((f) => f.endsWith('.tsv')),
      ...readdirSync(join(LEDGER, 'national')).filter((f) => f.endsWith('.tsv')).map((f) => `national/${f}`),
    ];
    assert.deepEqual(ledgers.filter((l) => !files.includes(l.replace(/\.tsv$/, '.txt'))), [], 'ledger files without a report');
  });

  for (const file of files) {
    it(`lists exactly the findings on ${file}`, () => {
      const path = join(LEDGER, file.replace(/\.txt$/, '.tsv'));
      const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim());
      assert.equal(lines[0], HEADER, `${path}: the first line is the header`);
      const rows = lines.slice(1).map((l) => l.split('\t'));
      for (const r of rows) {
        assert.equal(r.length, 5, `${path}: five tab-separated fields in “${r.join('\\t')}”`);
        assert.equal(r[3], 'true', `${path}: “${r.join(' | ')}” — a false finding is fixed in its check, not listed`);
        assert.ok(r[4].trim().length >= 10, `${path}: a reason written by reading, for “${r.slice(0, 3).join(' | ')}”`);
      }
      const listed = rows.map((r) => r.slice(0, 3).join('\t'));
      const actual = raised(file);
      const unlisted = without(actual, listed);
      const gone = without(listed, actual);
      assert.deepEqual({ new: unlisted, gone }, { new: [], gone: [] }, `${file}: findings the ledger does not list (new) and listed findings no longer raised (gone)`);
    });
  }
});
