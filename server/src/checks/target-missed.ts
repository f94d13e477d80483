/**
 * target-missed — a main target of last year's report that this year's review missed without
 * saying so: the review passes over it in silence, or says the targets were completed.
 *
 * Flags: with last year's `主要预期目标是：地区生产总值增长6.5%左右…`, `地区生产总值增长5.8%` with no
 * word on the shortfall; `全年主要目标任务顺利完成` next to it (information when hedged: 基本完成,
 * 较好完成).
 * Does not flag: a missed target the review acknowledges (`低于预期`, `未完成`, `差距`), a target met
 * within the tolerance of 左右, a qualitative target, a report read without its previous year.
 *
 * Why: whether last year's promises were kept is the first question a reviewer asks, and the
 * answer a review most easily leaves out.
 */
import type { Report, Span } from '../core/model';
import { reportIdentity } from '../core/identity';
import { matchTargets, targetsParagraph, type TargetRow } from '../core/targets';
import { endOfSentence, startOfSentence } from '../core/sentences';
import { paragraphAt } from '../core/sections';
import type { Check, CheckContext, CheckFinding, RelatedLocation } from './types';

/**
 * A sentence saying the year's targets were completed (全年主要目标任务顺利完成, 完成了全年预期目标):
 * the targets of the year as a whole (全年, 主要, 各项…), not one goal (脱贫攻坚目标任务).
 */
const YEARS_TARGETS = '(?:全年|年度|主要|各项|预期)[^。；，]{0,6}?(?:目标任务|目标)';
const COMPLETED = new RegExp(`${YEARS_TARGETS}[^。；，]{0,6}?(顺利|圆满|全面|胜利|如期|较好|基本)?(?:完成|实现|达成)|(基本|较好|全面|顺利|圆满)?(?:完成|实现|达成)了?[^。；，]{0,8}?${YEARS_TARGETS}`);
/** Plans and five-year statements are not about the year under review. */
const NOT_THE_YEAR = /确保|力争|努力|必须|为(?:完成|实现)|五年|十[一二三四五]五|规划/;
/** Words by which a review owns up to a shortfall. */
const ACKNOWLEDGED = /未(?:能)?(?:完成|实现|达到|达成)|没有(?:完成|实现|达到)|低于(?:预期|目标|年初)|不及预期|未达预期|差距/;

export const targetMissed: Check = {
  id: 'target-missed',
  defaultSeverity: 'warning',
  description: { zh: '上一年主要预期目标未完成，回顾未作说明或称目标已完成；需要上一年的报告', en: 'A main target of last year missed, passed over in silence or called completed; needs the previous report' },
  run(report: Report, context: CheckContext): CheckFinding[] {
    if (!context.previous) return [];
    const missed = matchTargets(context.previous, report, context.targetVocabulary).filter((r) => r.main && r.status === 'missed' && r.result);
    if (!missed.length) return [];
    const text = report.text;
    // The review ends where the plan begins: the targets paragraph, or the first figure planned for
    // the coming year (为完成今年目标任务… is a plan, not a claim of completion).
    const planYear = reportIdentity(report).planYear;
    const firstPlanned = report.claims.find((c) => c.modality === 'target' && planYear !== undefined && c.period === String(planYear))?.span.start;
    const reviewEnd = Math.min(targetsParagraph(report)?.start ?? text.length, firstPlanned ?? text.length);
    const findings: CheckFinding[] = [];
    const completions = completionSentences(text, reviewEnd);
    for (const { span, hedged } of completions) {
      const names = missed.map((r) => r.target.text).join('；');
      findings.push({
        span,
        severity: hedged ? 'information' : undefined,
        message: {
          zh: `此处称目标任务完成，但上一年的预期目标未达到：${names}`,
          en: `This says the targets were completed, but last year's targets were missed: ${names}`,
        },
        related: missed.flatMap(related),
      });
    }
    if (completions.length) return findings;
    for (const row of missed) {
      const result = row.result!.span;
      const around = paragraphAt(report, result.start);
      const paragraph = around && result.end <= around.span.end ? around.span : { start: startOfSentence(text, result.start), end: endOfSentence(text, result.end) };
      if (ACKNOWLEDGED.test(text.slice(paragraph.start, paragraph.end))) continue;
      findings.push({
        span: result,
        message: { zh: `未达到上一年预期目标「${row.target.text}」，回顾未作说明`, en: `Misses last year's target “${row.target.text}”, and the review does not say so` },
        related: related(row).filter((r) => r.document === 'previous'),
      });
    }
    return findings;
  },
};

function related(row: TargetRow): RelatedLocation[] {
  return [
    { span: row.target.span, document: 'previous', message: { zh: `上一年预期目标：${row.target.text}`, en: `Last year's target: ${row.target.text}` } },
    { span: row.result!.span, message: { zh: `实际：${row.result!.text}`, en: `Result: ${row.result!.text}` } },
  ];
}

/** The review's sentences that call the year's targets completed; 基本/较好 hedge the claim. */
function completionSentences(text: string, reviewEnd: number): { span: Span; hedged: boolean }[] {
  const out: { span: Span; hedged: boolean }[] = [];
  const pattern = new RegExp(COMPLETED.source, 'g');
  for (const m of text.slice(0, reviewEnd).matchAll(pattern)) {
    const start = startOfSentence(text, m.index);
    const sentence = text.slice(start, endOfSentence(text, m.index));
    // 未能实现年初预期目标 owns up to a shortfall; it does not claim completion.
    if (NOT_THE_YEAR.test(sentence) || ACKNOWLEDGED.test(sentence) || /[未没不难]能?$/.test(text.slice(Math.max(0, m.index - 2), m.index))) continue;
    const hedge = m[1] ?? m[2];
    out.push({ span: { start: m.index, end: m.index + m[0].length }, hedged: hedge === '基本' || hedge === '较好' });
  }
  return out;
}
