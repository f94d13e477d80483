/**
 * evidence-mismatch — a result figure that the workspace's evidence table (official statistics)
 * gives for the same metric and period with another value, beyond the rounding of either.
 *
 * Flags: `国内生产总值增长8.4%` in the review of 2021 when the table has `国内生产总值增长率,2021,8.1,%`.
 * Does not flag: `增长8.1%` against 8.1 or 8.06 (rounding), a figure of another year, a figure in
 * another unit (1.37万亿斤 against a row in 万吨), a target, a report read without a table.
 *
 * Why: a reviewer checks the report's figures against the bureau's; a slip between drafts is
 * easy to make and hard to see.
 */
import type { Report } from '../core/model';
import { compareEvidence } from '../core/evidence';
import type { Check, CheckContext, CheckFinding } from './types';

export const evidenceMismatch: Check = {
  id: 'evidence-mismatch',
  defaultSeverity: 'warning',
  description: { zh: '数字与证据表（统计数据）中同一指标、同一时期的数值不符；需要证据表', en: 'A figure differs from the evidence table (official statistics) for the same metric and period; needs an evidence table' },
  run(report: Report, context: CheckContext): CheckFinding[] {
    if (!context.evidence?.length) return [];
    return compareEvidence(report, context.evidence, context.targetVocabulary)
      .filter((m) => !m.agrees)
      .map(({ claim, row }): CheckFinding => {
        const source = row.source ? { zh: `（来源：${row.source}）`, en: ` (source: ${row.source})` } : { zh: '', en: '' };
        const table = row.file ?? 'evidence';
        return {
          span: claim.span,
          message: {
            zh: `「${claim.metric}」${row.period}年此处为${claim.text}，证据表为${row.written}${source.zh}`,
            en: `“${claim.metric}” for ${row.period} is ${claim.text} here, ${row.written} in the evidence table${source.en}`,
          },
          related: [{ span: row.span ?? { start: 0, end: 0 }, document: table, message: { zh: `证据表第${row.line}行：${row.metric}，${row.period}，${row.written}${source.zh}`, en: `Evidence table line ${row.line}: ${row.metric}, ${row.period}, ${row.written}${source.en}` } }],
        };
      });
  },
};
