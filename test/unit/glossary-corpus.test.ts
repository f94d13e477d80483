/**
 * Every glossary entry and note of the corpus reports hovers with its own definition at every use
 * in the body. The uses are located by plain text search — the term as the glossary writes it, its
 * quoted form, its note marker — not by the matcher under test.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '../../server/src/core/report';
import { LineIndex } from '../../server/src/core/text';
import { TermIndex, findTermUses, reportDefinitions } from '../../server/src/core/terms';
import { glossaryHover, type GlossaryView } from '../../server/src/lsp/glossary';
import { escapeMarkdown } from '../../server/src/protocol/markdown';
import { glossarySpans, inside } from '../../server/src/checks/glossary-scope';
import { CORPUS } from './helpers';

const REPORTS = { '001_366748309c9ca2d8.txt': 14, 'guangdong-2026.txt': 13, 'hainan-2026.txt': 28, 'sichuan-2026.txt': 20 };

function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

describe('glossary hovers on the corpus', () => {
  for (const [file, count] of Object.entries(REPORTS)) {
    it(`hovers each of the ${count} entries of ${file} at every use in the body`, () => {
      const text = readFileSync(join(CORPUS, file), 'utf8');
      const report = parseReport(text);
      assert.equal(report.glossary.length, count);
      const uri = `file:///${file}`;
      const terms = new TermIndex(reportDefinitions(report, uri));
      const view: GlossaryView = { uri, report, index: new LineIndex(text), terms, uses: findTermUses(text, terms) };
      const glossaries = glossarySpans(report);
      let checked = 0;
      for (const entry of report.glossary) {
        const written = new Set([entry.term]);
        if (!entry.term.includes('“') && [...entry.key].length >= 3) written.add(entry.key);
        if (!entry.term.includes('“')) written.add(`“${entry.key}”`);
        const places = [...written].flatMap((w) => occurrences(text, w).map((at) => at + (w.startsWith('“') ? 1 : 0)));
        if (entry.numbering?.style === 'bracket-note') places.push(...occurrences(text, entry.numbering.text));
        for (const at of places) {
          if (inside(glossaries, at)) continue;
          const hover = glossaryHover(view, at, 'zh');
          const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
          assert.ok(value.includes(escapeMarkdown(entry.definition)), `${file}: no hover with the definition of ${entry.term} at ${view.index.lineAt(at) + 1}:${at - view.index.lines[view.index.lineAt(at)].start}`);
          checked++;
        }
      }
      assert.ok(checked >= count, `only ${checked} uses checked`);
    });
  }
});
