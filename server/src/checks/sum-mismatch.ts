/**
 * sum-mismatch — parts that do not add up to their stated total.
 *
 * Flags: `以上共计28项指标，其中预期性指标19项、约束性指标8项` (19 + 8 ≠ 28);
 * `新建学校5所、改扩建学校4所，共计10所` (parts first, total after).
 * Does not flag: parts that add up within rounding; `其中` naming only one part, or parts the
 * report marks as a selection (`等`); parts with another unit than the total.
 *
 * Why: a total left unchanged when one of its parts is corrected is a classic late-edit error.
 */
import type { Claim } from '../core/claims';
import type { Report } from '../core/model';
import type { Check, Finding } from './types';
import { endOfSentence, startOfSentence } from './sentences';
import { halfStep } from './claim-math';

const TOTAL_BEFORE = /(共计|合计|总计|共有|总共|共|累计|设置|涉及)$/;

export const sumMismatch: Check = {
  id: 'sum-mismatch',
  defaultSeverity: 'warning',
  description: { zh: '分项之和与总数不符', en: 'Parts that do not add up to their stated total' },
  run(report: Report): Finding[] {
    const text = report.text;
    const findings: Finding[] = [];
    const claims = report.claims;
    for (let i = 0; i < claims.length; i++) {
      const total = claims[i];
      if (total.kind !== 'count' && total.kind !== 'amount') continue;
      if (total.qualifier !== 'exact' || total.max !== undefined) continue;
      const before = text.slice(Math.max(0, total.span.start - 4), total.span.start);
      let parts: Claim[] | undefined;
      if (TOTAL_BEFORE.test(before)) {
        // Total first: 共计28项指标，其中A19项、B9项。
        const sentenceEnd = endOfSentence(text, total.span.end);
        const after = text.slice(total.span.end, sentenceEnd);
        const at = after.indexOf('其中');
        if (at >= 0 && !/等/.test(after.slice(at))) {
          const from = total.span.end + at;
          parts = claims.filter((c) => c.span.start > from && c.span.end <= sentenceEnd && sameScale(c, total));
        }
        // Parts first: A5所、B4所，共计10所。
        if (!parts || parts.length < 2) {
          const sentenceStart = startOfSentence(text, total.span.start);
          const preceding = claims.filter((c) => c.span.start >= sentenceStart && c.span.end <= total.span.start && sameScale(c, total));
          const gap = preceding.length ? text.slice(preceding[preceding.length - 1].span.end, total.span.start) : '';
          const between = text.slice(sentenceStart, total.span.start);
          parts = preceding.length >= 2 && /^[，,、]?(共计|合计|总计|共|累计)$/.test(gap) && !/等|其中|分别/.test(between) ? preceding : undefined;
        }
      }
      if (!parts || parts.length < 2 || parts.some((p) => p.qualifier !== 'exact' || p.max !== undefined)) continue;
      const sum = parts.reduce((s, p) => s + p.value, 0);
      const tolerance = halfStep(total) + parts.reduce((s, p) => s + halfStep(p), 0);
      if (Math.abs(sum - total.value) <= tolerance + 1e-9) continue;
      const written = parts.map((p) => p.text).join(' + ');
      findings.push({
        checkId: 'sum-mismatch',
        span: total.span,
        message: {
          zh: `分项之和 ${written} = ${format(sum, total)}，与总数${total.text}不符`,
          en: `The parts ${written} add up to ${format(sum, total)}, not ${total.text}`,
        },
        related: parts.map((p) => ({ span: p.span, message: { zh: '分项', en: 'Part' } })),
      });
    }
    return findings;
  },
};

function sameScale(c: Claim, total: Claim): boolean {
  return c !== total && c.unit === total.unit && c.kind === total.kind;
}

function format(value: number, like: Claim): string {
  return `${Number(value.toPrecision(10)).toLocaleString('en-US')}${like.unit}`;
}


