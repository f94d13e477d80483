/**
 * glossary-duplicate — the same term defined twice in the report's glossary, with different text.
 *
 * Flags: `2.“两新”：指大规模设备更新和消费品以旧换新。` and later `9.两新：新经济组织和新社会组织。`.
 * Does not flag: the same definition repeated word for word (harmless), or different terms that
 * share characters (两新 and 两新组织).
 *
 * Why: two definitions of one term leave the reader to guess which one the body means.
 */
import type { GlossaryEntry, Report } from '../core/model';
import type { Check, CheckFinding } from './types';

export const glossaryDuplicate: Check = {
  id: 'glossary-duplicate',
  defaultSeverity: 'information',
  structural: true,
  description: { zh: '同一术语在名词解释中有两种不同的释义', en: 'The same term defined twice with different text' },
  run(report: Report): CheckFinding[] {
    const first = new Map<string, GlossaryEntry>();
    const findings: CheckFinding[] = [];
    const normalized = (s: string) => s.replace(/[\s\u3000。；;]+$/g, '').replace(/\s+/g, '');
    for (const entry of report.glossary) {
      const earlier = first.get(entry.key);
      if (!earlier) {
        first.set(entry.key, entry);
        continue;
      }
      if (normalized(earlier.definition) === normalized(entry.definition)) continue;
      findings.push({
        span: entry.termSpan,
        message: {
          zh: `「${entry.term}」已在${earlier.numbering?.text ?? '前文'}解释过，两处释义不同`,
          en: `“${entry.term}” is already defined at ${earlier.numbering?.text ?? 'an earlier entry'}, with different text`,
        },
        related: [{ span: earlier.termSpan, message: { zh: '首次释义', en: 'First definition' } }],
      });
    }
    return findings;
  },
};
