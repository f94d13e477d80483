/**
 * term-undefined — a coined term the report quotes at least twice but defines nowhere.
 *
 * Flags: `推行“店小二”服务…做好“店小二”` when neither the report's glossary, the workspace glossary,
 * another report of the workspace nor the built-in glossary knows 店小二.
 * Does not flag: a term quoted once (a figure of speech), a term defined in any source, quoted
 * phrases with punctuation inside (slogans, citations), plan names like “十四五”.
 * Quick fix: append a stub entry to the report's glossary (创建 名词解释 if there is none), for the
 * drafter to fill in; the reviewer chooses it, the text is never changed otherwise.
 *
 * Why: readers outside the drafting office meet these coinages cold; reports that explain them in a
 * 名词解释 appendix are read correctly.
 */
import type { Report, Span } from '../core/model';
import { quoteText, quotesOf } from '../core/quotes';
import { itemAt } from '../core/text';
import type { Check, CheckContext, CheckFinding, Fix } from './types';
import { endOfBody, glossarySpans, inside } from './glossary-scope';

const MIN_USES = 2;
const PLAN_OR_NUMBER = /^(?:[一二三四五六七八九十]+五|[\d.%+\-]+|\d{4}.*)$/;

export const termUndefined: Check = {
  id: 'term-undefined',
  defaultSeverity: 'hint',
  description: { zh: '多次使用的引号术语没有任何释义', en: 'A quoted coined term used repeatedly with no definition anywhere' },
  run(report: Report, context: CheckContext): CheckFinding[] {
    const glossaries = glossarySpans(report);
    const occurrences = new Map<string, Span[]>();
    for (const quote of quotesOf(report)) {
      const term = quoteText(report.text, quote);
      if (term.length < 2 || term.length > 8) continue;
      if (/[\s，。、；：！？,.;:!?（）()《》]/.test(term) || PLAN_OR_NUMBER.test(term)) continue;
      if (inside(glossaries, quote.span.start)) continue;
      const list = occurrences.get(term) ?? [];
      list.push(quote.span);
      occurrences.set(term, list);
    }
    const defined = (term: string, at: number) =>
      context.terms.lookup(term).length > 0 || (itemAt(context.uses, at)?.definitions.length ?? 0) > 0;
    const findings: CheckFinding[] = [];
    for (const [term, spans] of occurrences) {
      if (spans.length < MIN_USES || defined(term, spans[0].start + 1)) continue;
      findings.push({
        span: spans[0],
        message: {
          zh: `「${term}」在报告中使用了 ${spans.length} 次，但没有释义`,
          en: `“${term}” is used ${spans.length} times but defined nowhere`,
        },
        related: spans.slice(1).map((span) => ({ span, message: { zh: '另一处使用', en: 'Another use' } })),
        fixes: [stubEntry(report, term)],
      });
    }
    return findings;
  },
};

/** Appends `N.术语：（待补充释义）` after the last glossary entry, or a new 名词解释 section. */
function stubEntry(report: Report, term: string): Fix {
  const title = { zh: `在名词解释中为「${term}」添加待补充条目`, en: `Add a stub entry for “${term}” to the glossary` };
  const entries = report.glossary.filter((e) => e.numbering?.style !== 'bracket-note');
  const last = entries[entries.length - 1];
  if (last?.numbering) {
    const next = last.numbering.value + 1;
    return { title, edits: [{ span: { start: last.span.end, end: last.span.end }, newText: `\n${next}.${term}：（待补充释义）` }] };
  }
  const at = endOfBody(report);
  return { title, edits: [{ span: { start: at, end: at }, newText: `\n名词解释\n1.${term}：（待补充释义）` }] };
}
