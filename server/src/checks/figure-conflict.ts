/**
 * figure-conflict — one metric, one period, one modality, two values that cannot both be true.
 *
 * Flags: `新增城镇就业1.2万人` in the summary and `新增城镇就业1.1万人` in the detail for the same
 * year; a unit or scale slip (`18.18亿元` and `18.18万元`); `城镇新增就业` meets `新增城镇就业`.
 * Does not flag: rounding (`18.18亿元` / `18.2亿元`), a result and a target, different years, an
 * approximate figure within 5 % of an exact one, `以上`/`以内` bounds the other figure respects,
 * counts of generic things (`5个社区` and `53个社区` are different sets of communities); figures
 * whose own sentence names another year (`1957年的工业总产值…603亿元`); counts named by the noun
 * after them under different verbs (`布局200个数字化车间`, `建成50个数字化车间`); a "metric"
 * that is not the name of a quantity — a comparison or a time fragment (`比上年`, `比1980年`,
 * `而1956年就`, `平均每年`, `高于全国`) or an allocation whose purpose follows the figure
 * (`中央财政安排27亿元…用于…`, `安排423亿元资金，支持…`); a year against a multi-year span
 * (`近三年累计`, `过去五年`, `年均`, `五年累计`: the claims carry the span as their period); parallel sentences about different subjects, where another
 * metric the two sentences share differs too (`1334万人参保，641万人领取养老金` for one pilot,
 * `3.58亿人参保，9880万人领取养老金` for another).
 *
 * Why: the same figure stated twice is the commonest inconsistency in a long report — a late edit
 * reaches one mention and not the other.
 */
import type { Claim } from '../core/claims';
import type { Report } from '../core/model';
import { itemsWithin, lineIndexOf } from '../core/text';
import type { Check, CheckFinding } from './types';
import { ITEMS_PER_STEP, type Steps } from '../core/steps';
import { compatible, interval, lineOf } from './claim-math';
import { targetsParagraph } from '../core/targets';
import { endOfSentence, startOfSentence } from '../core/sentences';

/** Metrics too generic to identify one quantity: what is counted, not a statistic. */
const MIN_METRIC_LENGTH: Record<string, number> = { count: 4, amount: 4, percent: 4, growth: 4, points: 4, multiple: 4, rank: 5, fraction: 4 };

export const figureConflict: Check = {
  id: 'figure-conflict',
  defaultSeverity: 'warning',
  description: { zh: '同一指标、同一时期的数据前后不一致', en: 'The same metric for the same period stated with different values' },
  // In steps: a long report states one metric many times, and the comparisons grow faster than it.
  *run(report: Report): Steps<CheckFinding[]> {
    const index = lineIndexOf(report);
    const targets = targetsParagraph(report);
    const groups = new Map<string, Claim[]>();
    let work = 0;
    for (const c of report.claims) {
      if (++work % ITEMS_PER_STEP === 0) yield;
      if (!c.period || codePoints(c.metric) < MIN_METRIC_LENGTH[c.kind] || !namesQuantity(c.metric)) continue;
      const key = `${c.metricKey}|${c.kind}|${c.unit}|${statedYear(report.text, c) ?? c.period}|${c.modality}`;
      const list = groups.get(key) ?? [];
      list.push(c);
      groups.set(key, list);
    }
    const findings: CheckFinding[] = [];
    for (const list of groups.values()) {
      const earlierByValue = new ValueGroups();
      for (let i = 0; i < list.length; i++) {
        if (++work % ITEMS_PER_STEP === 0) yield;
        const later = list[i];
        const earlier = earlierByValue.firstIncompatible(later, (c) => !sameSentence(report.text, c, later) && !parallel(report, c, later) && !otherDeeds(report.text, c, later));
        earlierByValue.add(later, i);
        if (!earlier) continue;
        // Targets restated against the 主要预期目标 paragraph are target-restated's to report.
        if (targets && (inside(targets, earlier) || inside(targets, later))) continue;
        const line = lineOf(index, earlier);
        findings.push({
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

/**
 * The earlier figures of one metric, grouped by what `compatible` reads of them (the interval they
 * allow and the value): a long report states one figure many times, and a figure is compared with
 * each distinct earlier value once, not with every earlier mention.
 */
class ValueGroups {
  private readonly groups = new Map<string, { sample: Claim; members: { claim: Claim; order: number }[] }>();

  add(c: Claim, order: number): void {
    const [lo, hi] = interval(c);
    const key = `${lo}|${hi}|${c.value}`;
    const group = this.groups.get(key);
    if (group) group.members.push({ claim: c, order });
    else this.groups.set(key, { sample: c, members: [{ claim: c, order }] });
  }

  /** The first figure added, in order, that `later` is not compatible with and that `accept` takes. */
  firstIncompatible(later: Claim, accept: (c: Claim) => boolean): Claim | undefined {
    let first: { claim: Claim; order: number } | undefined;
    for (const group of this.groups.values()) {
      if (compatible(group.sample, later)) continue;
      for (const member of group.members) {
        if (first && member.order >= first.order) break;
        if (accept(member.claim)) {
          first = member;
          break;
        }
      }
    }
    return first?.claim;
  }
}

/** `[...s].length` without making the array (asked once per figure of the report). */
function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i + 1 < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

function inside(span: { start: number; end: number }, c: Claim): boolean {
  return span.start <= c.span.start && c.span.end <= span.end;
}

/** Two figures of one sentence are a from–to pair or a list (由45天压缩至20天), not two statements. */
function sameSentence(text: string, a: Claim, b: Claim): boolean {
  const between = text.slice(Math.min(a.span.end, b.span.end), Math.max(a.span.start, b.span.start));
  return !/[。；！？\n]/.test(between);
}

/**
 * Whether a metric names a quantity. Comparisons and time fragments (比上年, 比1980年, 而1956年就,
 * 平均每年, 高于全国, 是1997年的) say how a figure relates to another, not what it measures; an
 * allocation (中央财政安排) names who pays, and what for follows the figure.
 */
function namesQuantity(metric: string): boolean {
  if (/[0-9０-９]/.test(metric)) return false;
  if (/^(比|较|而|是|为|达|到|占|居|位居|平均|年均|同比|环比|高于|低于|快于|慢于|超过|相当于|分别|其中|又|再|共|累计)/.test(metric)) return false;
  if (/比(上年|去年|前年|同期|上年同期|去年同期)|同期$|(高于|低于|快于|慢于)(全国|全省|全市|平均)/.test(metric)) return false;
  return !/(安排|下达|拨付|投入|筹集|筹措)$/.test(metric);
}

/**
 * The year the figure's own sentence names before it (`1957年的工业总产值…达到603亿元`), not a
 * compared year (`比1956年`): it outranks the period the figure inherits.
 */
function statedYear(text: string, c: Claim): string | undefined {
  const before = text.slice(startOfSentence(text, c.span.start), c.span.start);
  let year: string | undefined;
  for (const m of before.matchAll(/(?<![比较于同是])((?:19|20)[0-9]{2})年(?![到至—-]|以来|起)/g)) year = m[1];
  return year;
}

/**
 * A count named by the noun after it (布局200个数字化车间, 建成50个数字化车间) is a count of what the
 * verb before it did: planned, built, certified are different sets of one thing.
 */
function countVerb(text: string, c: Claim): string {
  if (c.kind !== 'count' || !text.slice(c.span.end).startsWith(c.metric)) return '';
  const before = text.slice(Math.max(0, c.span.start - 6), c.span.start).replace(/(了|已|已经|共|累计|总共|新|约|近|超过|达到?)+$/, '');
  return [...before].slice(-2).join('');
}

/** Two counts named by the noun after them under different verbs. */
function otherDeeds(text: string, a: Claim, b: Claim): boolean {
  const [x, y] = [countVerb(text, a), countVerb(text, b)];
  return x !== '' && y !== '' && x !== y;
}

/** The claims of the sentence a claim stands in (a binary search: a long report repeats its metrics, and this runs per pair). */
function sentenceClaims(report: Report, c: Claim): Claim[] {
  return itemsWithin(report.claims, startOfSentence(report.text, c.span.start), endOfSentence(report.text, c.span.end));
}

/** Two sentences of the same build whose other shared metric also differs: the same report on different subjects. */
function parallel(report: Report, a: Claim, b: Claim): boolean {
  const others = sentenceClaims(report, b).filter((x) => x !== b);
  return sentenceClaims(report, a).some((x) => x !== a && others.some((y) => y.metricKey === x.metricKey && y.kind === x.kind && y.unit === x.unit && !compatible(x, y)));
}
