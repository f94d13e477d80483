/**
 * A document edited version by version through the service — its structure moved or parsed from
 * the last one, its figures kept per paragraph, its term uses per line, its checks run in steps —
 * has the findings, term uses and figures of the same text read afresh.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { MemoryWorkspace } from '../../server/src/service/memory-workspace';
import { ReviewService, type ReviewDocument } from '../../server/src/service/review-service';
import { CORPUS } from './helpers';

const LIMITS = { scanFile: 2 * 1024 * 1024, scanTotal: 32 * 1024 * 1024, scanFiles: 400 };
const URI = 'file:///ws/report.txt';

/** What a reviewer types: letters inside paragraphs, figures, punctuation, headings, quoted terms. */
const typed = fc.constantFrom('改', '进一步', 'GDP', '12', '增长6.5%', '1.2万人', '。', '，', '\n', '“放管服”', '\n（三）扩大内需\n', '\n二、加快发展\n', '');
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), removed: fc.oneof(fc.constant(0), fc.nat(3), fc.nat(60)), text: typed });

function findingsOf(document: ReviewDocument): string[] {
  return document.findings.open.map((f) => `${f.checkId} ${f.span.start}-${f.span.end} ${f.severity} ${f.message.en}`);
}

describe('a document edited through the review service', () => {
  for (const name of ['hainan-2026.txt', '001_366748309c9ca2d8.txt']) {
    it(`has the findings, term uses and figures of its text read afresh: ${name}`, () => {
      const original = readFileSync(join(CORPUS, name), 'utf8');
      fc.assert(
        fc.property(fc.array(fc.record({ edit, read: fc.boolean() }), { minLength: 1, maxLength: 6 }), (versions) => {
          const service = new ReviewService(new MemoryWorkspace({}), { limits: LIMITS });
          let text = original;
          void service.document(URI, 1, text).findings;
          versions.forEach(({ edit: e, read }, i) => {
            const at = Math.floor(e.at * text.length);
            const end = Math.min(text.length, at + e.removed);
            text = text.slice(0, at) + e.text + text.slice(end);
            service.edited(URI, i + 1, i + 2, [{ start: at, end, length: e.text.length }]);
            const document = service.document(URI, i + 2, text);
            // Versions typed faster than they were read are skipped, as in the editor.
            if (!read && i + 1 < versions.length) return;
            const fresh = new ReviewService(new MemoryWorkspace({}), { limits: LIMITS }).document(URI, 1, text);
            assert.deepStrictEqual(findingsOf(document), findingsOf(fresh));
            assert.deepStrictEqual(document.terms.uses, fresh.terms.uses);
            assert.deepStrictEqual(document.report.claims, fresh.report.claims);
          });
        }),
        { numRuns: 8 },
      );
    });
  }
});
