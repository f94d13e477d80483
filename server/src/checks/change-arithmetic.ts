/**
 * change-arithmetic — a stated change that does not follow from the stated levels.
 *
 * Flags: `审批时限由45天压缩至20天，压缩60%` (it is 55.6 %); `从11.37万亿元提高到14.58万亿元，增长
 * 35%` (28.2 %); `优良天数比率由86.9%提高到91.1%，提高4.7个百分点` (4.2).
 * Does not flag: changes within the rounding of the figures; a percentage-point change stated for
 * levels in percent, or a percent change stated for levels in other units, when it matches.
 *
 * Why: a level corrected late leaves its rate behind, or the other way round.
 */
import type { Report } from '../core/model';
import type { Check, CheckFinding } from './types';
import { halfStep } from './claim-math';
import { CHANGE_VERB, ENDS_IN_DECLINE } from '../core/units';

const FROM_TO = new RegExp(`^(?:[^，。；]{0,12}?)(?:${CHANGE_VERB}|增至|降至)?(?:至|到|为)$`);
/** The change right after the levels, of the same subject: `，压缩55.6%`, `，同比提高`. */
const CHANGE_GAP = new RegExp(`^[，,、]?(?:同比|累计|共|分别)?(?:${CHANGE_VERB})(?:了)?$`);
const ENDS_IN_CHANGE = new RegExp(`(?:${CHANGE_VERB})$`);

export const changeArithmetic: Check = {
  id: 'change-arithmetic',
  defaultSeverity: 'warning',
  description: { zh: '变化幅度与前后数值不符', en: 'A stated change that does not follow from the stated levels' },
  run(report: Report): CheckFinding[] {
    const text = report.text;
    const claims = report.claims;
    const findings: CheckFinding[] = [];
    for (let i = 0; i + 2 < claims.length; i++) {
      const from = claims[i];
      const to = claims[i + 1];
      const change = claims[i + 2];
      const lead = text.slice(Math.max(0, from.span.start - 2), from.span.start);
      if (!/[由从]$/.test(lead)) continue;
      if (!FROM_TO.test(text.slice(from.span.end, to.span.start))) continue;
      if (from.unit !== to.unit || from.qualifier !== 'exact' || to.qualifier !== 'exact' || from.value === 0) continue;
      const gap = text.slice(to.span.end, change.span.start);
      // The change must be the same subject's: 由45天压缩至20天，压缩55.6%, not another metric's rate.
      if (!CHANGE_GAP.test(gap)) continue;
      let expected: number;
      let derivedError: number;
      if (change.kind === 'points' && from.unit === '%') {
        expected = to.value - from.value;
        derivedError = halfStep(from) + halfStep(to);
      } else if (change.kind === 'growth' || (change.kind === 'percent' && ENDS_IN_CHANGE.test(gap))) {
        expected = ((to.value - from.value) / Math.abs(from.value)) * 100;
        derivedError = ((halfStep(from) + halfStep(to)) / Math.abs(from.value)) * 100 + (Math.abs(to.value) * halfStep(from)) / from.value ** 2 * 100;
      } else continue;
      const stated = change.kind === 'percent' && ENDS_IN_DECLINE.test(gap) ? -change.value : change.value;
      if (Math.abs(Math.abs(stated) - Math.abs(expected)) <= derivedError + halfStep(change) + 1e-9) continue;
      const unit = change.kind === 'points' ? '个百分点' : '%';
      findings.push({
        span: change.span,
        message: {
          zh: `由${from.text}到${to.text}，变化应为${Math.abs(expected).toFixed(1)}${unit}，此处为${change.text}`,
          en: `From ${from.text} to ${to.text} the change is ${Math.abs(expected).toFixed(1)}${unit === '%' ? '%' : ' percentage points'}, not ${change.text}`,
        },
        related: [
          { span: from.span, message: { zh: '原值', en: 'From' } },
          { span: to.span, message: { zh: '现值', en: 'To' } },
        ],
      });
    }
    return findings;
  },
};
