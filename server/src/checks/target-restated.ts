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
import type { Report, Span } from '../core/model';
import { lineIndexOf } from '../core/text';
import type { Check, CheckFinding } from './types';
import { compatible, lineOf } from './claim-math';

/**
 * The paragraph that states the year's main targets (…主要预期目标是：…): the first one that says so
 * and gives at least two target figures. 主要目标是 (a five-year plan's goals) only when no
 * paragraph names 预期目标.
 */
export function targetParagraph(report: Report): Span | undefined {
  const figures = (p: Span) => report.claims.filter((c) => c.span.start >= p.start && c.span.end <= p.end).length;
  for (const pattern of [/主要预期目标(是|为|：|:)/, /预期目标为|预期目标是/, /主要目标是/]) {
    for (const p of report.paragraphs) {
      // The lead may stand alone before its targets (今年…的主要预期目标是：⏎…), or be broken over
      // lines (主要预期目标⏎是：…): read the end of the text before the paragraph with its head.
      const head = report.text.slice(Math.max(0, p.span.start - 40), Math.min(p.span.end, p.span.start + 200)).replace(/[\s\u3000]+/g, '');
      if (pattern.test(head) && figures(p.span) >= 2) return p.span;
    }
  }
  return undefined;
}

export const targetRestated: Check = {
  id: 'target-restated',
  defaultSeverity: 'warning',
  description: { zh: '主要预期目标在后文中被不同地重述', en: 'A main target restated differently later in the report' },
  run(report: Report): CheckFinding[] {
    const span = targetParagraph(report);
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
