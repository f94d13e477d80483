/**
 * target-restated — a target of the 主要预期目标 paragraph stated differently later in the report.
 *
 * Flags: `城镇登记失业率控制在3.5%以下` in the targets paragraph and `城镇登记失业率控制在4%以内`
 * in a later section; `增长6.5%左右` restated as `增长7%`. The targets paragraph is found also when
 * its lead stands alone (`今年…的主要预期目标是：` ⏎ the targets) or is broken over lines, and
 * every figure in it is a target, whatever its sentence says.
 * Does not flag: the same target restated (`6.5%左右` and `6.5%`), a figure for another year, a
 * result of the year under review; a five-year `预期目标是` earlier in the report does not take the
 * place of the year's targets.
 *
 * Why: the targets paragraph is what the congress votes on; a section that restates a target must
 * restate the same one.
 */
import type { Claim } from '../core/claims';
import type { Report } from '../core/model';
import { targetsParagraph } from '../core/targets';
import { lineIndexOf } from '../core/text';
import type { Check, CheckFinding } from './types';
import { compatible, lineOf } from './claim-math';

export const targetRestated: Check = {
  id: 'target-restated',
  defaultSeverity: 'warning',
  description: { zh: '主要预期目标在后文中被不同地重述', en: 'A main target restated differently later in the report' },
  run(report: Report): CheckFinding[] {
    const span = targetsParagraph(report);
    if (!span) return [];
    const index = lineIndexOf(report);
    // Every figure of the 主要预期目标 paragraph is a target, whatever the sentence says.
    const targets = report.claims.filter((c) => c.span.start >= span.start && c.span.end <= span.end && c.metric);
    const findings: CheckFinding[] = [];
    for (const later of report.claims) {
      if (later.span.start < span.end || later.modality !== 'target') continue;
      const target = targets.find((t: Claim) => t.metricKey === later.metricKey && t.kind === later.kind && t.unit === later.unit && t.period === later.period && [...t.metric].length >= 4);
      if (!target || (compatible(target, later, true) && boundKind(target) === boundKind(later))) continue;
      findings.push({
        span: later.span,
        message: {
          zh: `「${later.metric}」预期目标为${qualified(target)}，此处为${qualified(later)}`,
          en: `The target for “${later.metric}” is ${qualified(target)}, but ${qualified(later)} here`,
        },
        related: [{ span: target.span, message: { zh: `主要预期目标（第${lineOf(index, target)}行）`, en: `Main target (line ${lineOf(index, target)})` } }],
      });
    }
    return findings;
  },
};

function qualified(c: Claim): string {
  const suffix = c.qualifier === 'atLeast' ? '以上' : c.qualifier === 'atMost' ? '以内' : c.qualifier === 'approx' ? '左右' : '';
  return `${c.text}${suffix && !c.text.endsWith(suffix) ? suffix : ''}`;
}

/** 以上 and 以内 state different targets even at the same value. */
function boundKind(c: Claim): string {
  return c.qualifier === 'atLeast' || c.qualifier === 'atMost' ? c.qualifier : 'value';
}
