/**
 * parse-problem — a passage the outline could not read as the report means it.
 *
 * Flags: a 名词解释 entry with no colon between its term and its definition (`1.放管服简政放权、放管结合`):
 * the term cannot be told from the definition, so its first line is taken for the term — hovers,
 * go to definition and the glossary checks read that entry through the whole line.
 * Does not flag: entries written `术语：释义`, `术语:释义`, `术语是指…`, `术语指…` or `术语即…`.
 *
 * Why: parsing never fails; what it cannot make sense of it records in the model (`Report.problems`)
 * rather than guessing silently. The reviewer sees it as information, beside the place, and knows
 * why a hover or the outline reads that entry oddly; a missing colon is seldom what the reader of the
 * report would notice, so it is never a warning.
 */
import type { Report } from '../core/model';
import type { Check, CheckFinding } from './types';

export const parseProblem: Check = {
  id: 'parse-problem',
  defaultSeverity: 'information',
  structural: true,
  description: { zh: '报告中无法按原意解析的段落，如缺少冒号的名词解释条目', en: 'A passage the outline cannot read as meant, such as a glossary entry without a colon' },
  run(report: Report): CheckFinding[] {
    return report.problems.map((p) => ({ span: p.span, message: p.message }));
  },
};
