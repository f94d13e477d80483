/**
 * glossary-unused — a glossary entry or note that the report never uses.
 *
 * Flags: `名词解释 … 7.光风意巷：…` when 光风意巷 appears nowhere in the body; a note `［12］…`
 * whose marker ［12］ appears nowhere in the body.
 * Does not flag: an entry used in the body quoted or unquoted (`“三名”工程`), through its quoted
 * core (`“六横六纵”` for `“六横六纵”现代化水网体系`), or through its note marker.
 *
 * Why: an entry that explains nothing in the text is usually left over from an earlier draft, or
 * the term was renamed in the body and not in the glossary.
 */
import type { Report } from '../core/model';
import type { Check, CheckContext, CheckFinding } from './types';
import { glossarySpans, inside } from './glossary-scope';
import { noteMarkersOf } from '../core/notes';

export const glossaryUnused: Check = {
  id: 'glossary-unused',
  defaultSeverity: 'information',
  description: { zh: '名词解释中的条目在正文中未被使用', en: 'A glossary entry that the report body never uses' },
  run(report: Report, context: CheckContext): CheckFinding[] {
    const glossaries = glossarySpans(report);
    const usedEntries = new Set<number>();
    for (const use of context.uses) {
      if (inside(glossaries, use.span.start)) continue;
      for (const d of use.definitions) if (d.source === 'report' && d.location) usedEntries.add(d.location.span.start);
    }
    const markers = new Set<number>();
    for (const marker of noteMarkersOf(report)) if (!inside(glossaries, marker.span.start)) markers.add(marker.value);
    const findings: CheckFinding[] = [];
    for (const entry of report.glossary) {
      if (usedEntries.has(entry.termSpan.start)) continue;
      if (entry.numbering?.style === 'bracket-note' && markers.has(entry.numbering.value)) continue;
      findings.push({
        span: entry.termSpan,
        message: {
          zh: `名词解释「${entry.term}」在正文中没有出现`,
          en: `Glossary term “${entry.term}” is not used in the body of the report`,
        },
      });
    }
    return findings;
  },
};
