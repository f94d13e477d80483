/**
 * out-of-range — figures that cannot be: a share, rate or coverage above 100 %, a reversed range.
 *
 * Flags: `覆盖率达到105%`, `占全市比重为120%`, `占比提高到172.2%` (the level reached after
 * 提高到/上升至 is a share, not a growth rate), `增长7%-6.5%` (the range runs backwards).
 * Does not flag: growth rates above 100 % (`增长120%` is possible), completion of a plan or budget
 * above 100 % (`完成年度计划的120%`, `占预算数的106.48%`), percentages that are not shares.
 *
 * Why: such a figure is always a typing or unit error (a 10.5% that lost its point).
 */
import type { Report } from '../core/model';
import type { Check, CheckFinding } from './types';
import { CHANGE_VERB } from '../core/units';

/** Metrics that are parts of a whole: they cannot exceed the whole. */
const SHARE = /(率|比重|占比|比例|覆盖|普及|份额|达标|合格|优良|满意度|参保|入学|巩固)/;
/** A level reached by a change (`占比提高到`, `降至`): what follows is a level, not the change. */
const LEVEL_REACHED = new RegExp(`(?:${CHANGE_VERB}|降|升)(?:到|至)$`);
const NOT_SHARE = /(增长率|增速|完成|(计划|预算)数?的|超额)/;

export const outOfRange: Check = {
  id: 'out-of-range',
  defaultSeverity: 'error',
  description: { zh: '比率超过100%或区间上下限颠倒', en: 'A share above 100 % or a range that runs backwards' },
  run(report: Report): CheckFinding[] {
    const findings: CheckFinding[] = [];
    for (const c of report.claims) {
      // A range runs backwards when its upper end is smaller; for a decline (下降7%-6.5%) by magnitude.
      const signedRate = c.kind === 'growth' || c.kind === 'points';
      if (c.max !== undefined && (signedRate ? Math.abs(c.max) < Math.abs(c.value) : c.max < c.value)) {
        findings.push({
          span: c.span,
          message: { zh: `区间「${c.text}」的上限小于下限`, en: `The range “${c.text}” runs backwards` },
        });
        continue;
      }
      const context = report.text.slice(Math.max(0, c.span.start - 12), c.span.start);
      // 占比提高到72.2%: after 提高到/上升至 the figure is the level reached, not the growth.
      const level = c.kind === 'percent' || (c.kind === 'growth' && LEVEL_REACHED.test(context));
      if (level && Math.max(c.value, c.max ?? c.value) > 100 && SHARE.test(c.metric + context) && !NOT_SHARE.test(context)) {
        findings.push({
          span: c.span,
          message: {
            zh: `「${c.metric || '比率'}」为${c.text}，超过100%`,
            en: `“${c.metric || 'the share'}” is ${c.text}, above 100 %`,
          },
        });
      }
    }
    return findings;
  },
};
