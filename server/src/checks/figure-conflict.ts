/**
 * figure-conflict — one metric, one period, one modality, two values that cannot both be true.
 *
 * Flags: `新增城镇就业1.2万人` in the summary and `新增城镇就业1.1万人` in the detail for the same
 * year; a unit or scale slip (`18.18亿元` and `18.18万元`); `城镇新增就业` meets `新增城镇就业`.
 * Does not flag: rounding (`18.18亿元` / `18.2亿元`), a result and a target, different years, an
 * approximate figure within 5 % of an exact one, `以上`/`以内` bounds the other figure respects,
 * counts of generic things (`5个社区` and `53个社区` are different sets of communities).
 *
 * Why: the same figure stated twice is the commonest inconsistency in a long report — a late edit
 * reaches one mention and not the other.
 */
import type { Claim } from '../core/claims';
import type { Report } from '../core/model';
import { LineIndex } from '../core/text';
import type { Check, Finding } from './types';
import { compatible, lineOf } from './claim-math';
import { targetParagraph } from './target-restated';

/** Metrics too generic to identify one quantity: what is counted, not a statistic. */
const MIN_METRIC_LENGTH: Record<string, number> = { count: 4, amount: 4, percent: 4, growth: 4, points: 4, multiple: 4, rank: 5, fraction: 4 };

export const figureConflict: Check = {
  id: 'figure-conflict',
  defaultSeverity: 'warning',
  description: { zh: '同一指标、同一时期的数据前后不一致', en: 'The same metric for the same period stated with different values' },
  run(report: Report): Finding[] {
    const index = new LineIndex(report.text);
    const targets = targetParagraph(report);
    const groups = new Map<string, Claim[]>();
    for (const c of report.claims) {
      if (!c.period || [...c.metric].length < MIN_METRIC_LENGTH[c.kind]) continue;
      const key = `${c.metricKey}|${c.kind}|${c.unit}|${c.period}|${c.modality}`;
      const list = groups.get(key) ?? [];
      list.push(c);
      groups.set(key, list);
    }
    const findings: Finding[] = [];
    for (const list of groups.values()) {
      for (let i = 1; i < list.length; i++) {
        const later = list[i];
        const earlier = list.slice(0, i).find((c) => !compatible(c, later) && !sameSentence(report.text, c, later));
        if (!earlier) continue;
        // Targets restated against the 主要预期目标 paragraph are target-restated's to report.
        if (targets && (inside(targets, earlier) || inside(targets, later))) continue;
        const line = lineOf(index, earlier);
        findings.push({
          checkId: 'figure-conflict',
          span: later.span,
          message: {
            zh: `「${later.metric}」此处为${later.text}，第${line}行为${earlier.text}`,
            en: `“${later.metric}” is ${later.text} here but ${earlier.text} on line ${line}`,
          },
          related: [{ span: earlier.span, message: { zh: `「${earlier.metric}」${earlier.text}`, en: `“${earlier.metric}” ${earlier.text}` } }],
        });
      }
    }
    return findings;
  },
};

function inside(span: { start: number; end: number }, c: Claim): boolean {
  return span.start <= c.span.start && c.span.end <= span.end;
}

/** Two figures of one sentence are a from–to pair or a list (由45天压缩至20天), not two statements. */
function sameSentence(text: string, a: Claim, b: Claim): boolean {
  const between = text.slice(Math.min(a.span.end, b.span.end), Math.max(a.span.start, b.span.start));
  return !/[。；！？\n]/.test(between);
}
