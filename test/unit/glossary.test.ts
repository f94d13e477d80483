import * as assert from 'node:assert/strict';
import { parseReport } from '../../server/src/core/report';
import { fixtureFiles, readFixture } from './helpers';

/** A glossary fixture: report text, a `---- entries ----` line, then `number | term | definition` rows. */
function checkEntries(fixture: string): void {
  const [raw, expected] = fixture.split(/^-{2,} entries -{2,}$/m);
  const text = raw.replace(/^(#[^\n]*\n)+/, '').replace(/\n$/, '');
  const actual = parseReport(text).glossary.map((e) => `${e.numbering?.text} | ${e.term} | ${e.definition}`);
  assert.deepEqual(actual, expected.split('\n').filter((l) => l.trim() && !l.startsWith('#')));
}

describe('glossary entries', () => {
  for (const name of fixtureFiles('glossary')) {
    it(`parses the entries of ${name}`, () => checkEntries(readFixture('glossary', name)));
  }
});
