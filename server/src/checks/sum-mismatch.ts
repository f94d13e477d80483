/**
 * sum-mismatch — parts that do not add up to their stated total.
 *
 * Flags: `以上共计28项指标，其中预期性指标19项、约束性指标8项` (19 + 8 ≠ 28);
 * `新建学校5所、改扩建学校4所，共计10所` (parts first, total after).
 * Without a total word, a `其中`/`包括` breakdown whose parts are named like the total
 * (`提出了28个主要指标，其中20个预期性指标、8个约束性指标`, `财政赤字2.18万亿元，其中中央财政赤字
 * 1.83万亿元，地方财政赤字3500亿元`): flagged when the parts exceed the total, or fall short of it
 * while they are the two sides of a known partition (预期性/约束性, 城镇/农村, 中央/地方 …, kept as
 * data in PARTITIONS).
 * Also flags a single part named after `其中` that is larger than its total
 * (`新安排保障性住房544万套，其中棚户区改造580万套`).
 * Does not flag: parts that add up within rounding; `其中` naming only one part, or parts the
 * report marks as a selection (`等`); parts with another unit than the total; sums of money that
 * fall short of their total (`五年共计12319亿元，其中用于A1777亿元，用于B1755亿元` names the main
 * uses, not all of them); breakdowns without a total word whose parts are not named like the total.
 *
 * Why: a total left unchanged when one of its parts is corrected is a classic late-edit error.
 */
import type { Claim } from '../core/claims';
import type { Report } from '../core/model';
import type { Check, CheckFinding } from './types';
import { endOfSentence, startOfSentence } from '../core/sentences';
import { halfStep } from './claim-math';
import { firstItemFrom, itemsWithin } from '../core/text';
import { CHANGE_VERB } from '../core/units';

/** Pairs of words that split a whole into two sides with nothing left over. */
const PARTITIONS: readonly (readonly [string, string])[] = [
  ['预期性', '约束性'], ['城镇', '农村'], ['城市', '农村'], ['中央', '地方'], ['男', '女'], ['公办', '民办'],
  ['境内', '境外'], ['国内', '国外'], ['新建', '续建'], ['新开工', '续建'], ['新建', '改扩建'], ['国有', '非国有'],
];

/** 等 leaves a list of parts open; 由40元提高到80元 are two levels of one part, not two parts. */
/** A comparison or a change in the clause of a part: the figure is a difference, not a part. */
const COMPARISON = new RegExp(`比|${CHANGE_VERB}|多`);
/** Words between a part's name and its figure that make it something else than a part. */
const NOT_A_PART = new RegExp(`[，,。；：、]|由|从|比|${CHANGE_VERB}|增至|超过|达到|占`);
const LIST_OPEN = new RegExp(`等|由|从|${CHANGE_VERB}|[到至][0-9０-９]`);

const TOTAL_BEFORE = /(共计|合计|总计|共有|总共|共|累计|设置|涉及)$/;

export const sumMismatch: Check = {
  id: 'sum-mismatch',
  defaultSeverity: 'warning',
  description: { zh: '分项之和与总数不符', en: 'Parts that do not add up to their stated total' },
  run(report: Report): CheckFinding[] {
    const text = report.text;
    const findings: CheckFinding[] = [];
    const claims = report.claims;
    for (let i = 0; i < claims.length; i++) {
      const total = claims[i];
      if (total.kind !== 'count' && total.kind !== 'amount') continue;
      if (total.qualifier !== 'exact' || total.max !== undefined) continue;
      const before = text.slice(Math.max(0, total.span.start - 4), total.span.start);
      const larger = partAboveTotal(text, claims, total);
      if (larger) {
        findings.push({
          span: total.span,
          message: { zh: `其中一项${larger.text}已超过总数${total.text}`, en: `The part ${larger.text} exceeds its total ${total.text}` },
          related: [{ span: larger.span, message: { zh: '分项', en: 'Part' } }],
        });
        continue;
      }
      let parts: Claim[] | undefined;
      if (TOTAL_BEFORE.test(before)) {
        // Total first: 共计28项指标，其中A19项、B9项。
        const sentenceEnd = endOfSentence(text, total.span.end);
        const after = text.slice(total.span.end, sentenceEnd);
        const at = after.indexOf('其中');
        if (at >= 0 && !LIST_OPEN.test(after.slice(at))) {
          const from = total.span.end + at;
          parts = itemsWithin(claims, from + 1, sentenceEnd).filter((c) => sameScale(c, total));
        }
        // Parts first: A5所、B4所，共计10所。
        if (!parts || parts.length < 2) {
          const sentenceStart = startOfSentence(text, total.span.start);
          const preceding = itemsWithin(claims, sentenceStart, total.span.start).filter((c) => sameScale(c, total));
          const gap = preceding.length ? text.slice(preceding[preceding.length - 1].span.end, total.span.start) : '';
          const between = text.slice(sentenceStart, total.span.start);
          parts = preceding.length >= 2 && /^[，,、]?(共计|合计|总计|共|累计)$/.test(gap) && !/等|其中|分别/.test(between) ? preceding : undefined;
        }
      }
      let named = false;
      if (!parts) {
        parts = breakdown(text, claims, total);
        named = parts !== undefined;
      }
      if (!parts || parts.length < 2 || parts.some((p) => p.qualifier !== 'exact' || p.max !== undefined)) continue;
      const sum = parts.reduce((s, p) => s + p.value, 0);
      const tolerance = halfStep(total) + parts.reduce((s, p) => s + halfStep(p), 0);
      if (Math.abs(sum - total.value) <= tolerance + 1e-9) continue;
      // Short of the total: money lists its main uses, and a breakdown without a total word may be a
      // selection too — unless the parts are the two sides of a partition (中央/地方).
      if (sum < total.value && (total.kind === 'amount' || named) && !partition(text, parts)) continue;
      const written = parts.map((p) => p.text).join(' + ');
      findings.push({
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

/**
 * 安排544万套，其中棚户区改造580万套: the first part named after 其中 is larger than its total.
 * Not when the part is a level of a change (其中高速公路由4771公里增加到…) or compared with something.
 */
function partAboveTotal(text: string, claims: readonly Claim[], total: Claim): Claim | undefined {
  const lead = /^[\u4e00-\u9fa5]{0,10}[，,]其中/.exec(text.slice(total.span.end));
  if (!lead) return undefined;
  // 比去年增加4000亿元，其中…, 年均超收2040亿元，其中去年…: a change or an average is not the whole that 其中 splits.
  // A change splits only when the part names the same change (比预算超收3183亿元，其中中央财政超收…).
  const clause = text.slice(Math.max(0, total.span.start - 30), total.span.start).split(/[，,。；：]/).pop()!;
  if (/年均|平均/.test(clause)) return undefined;
  const from = total.span.end + lead[0].length;
  const part = claims[firstItemFrom(claims, from)] as Claim | undefined;
  if (!part || !sameScale(part, total) || part.qualifier === 'atLeast' || part.max !== undefined) return undefined;
  if (COMPARISON.test(clause) && !text.slice(from, part.span.start).endsWith(clause.slice(-2))) return undefined;
  const between = text.slice(from, part.span.start);
  if (between.length > 16 || NOT_A_PART.test(between)) return undefined;
  return part.value > total.value + halfStep(total) + halfStep(part) ? part : undefined;
}

function format(value: number, like: Claim): string {
  return `${Number(value.toPrecision(10)).toLocaleString('en-US')}${like.unit}`;
}



/** The word a figure counts, right after it (28个主要指标 → 主要指标) or right before it (预期性指标19项). */
function noun(text: string, c: Claim): string {
  const after = /^[\u4e00-\u9fa5]{0,10}/.exec(text.slice(c.span.end))![0];
  const word = after.length >= 2 ? after : /[\u4e00-\u9fa5]{0,10}$/.exec(text.slice(Math.max(0, c.span.start - 10), c.span.start))![0];
  return word.replace(/^.*(其中|包括)/, '');
}

/**
 * 提出了28个主要指标，其中20个预期性指标、8个约束性指标: a total with no total word, broken down
 * after 其中/包括 into every part (no 等) of the same kind, each named with the total's head noun.
 */
function breakdown(text: string, claims: readonly Claim[], total: Claim): Claim[] | undefined {
  const lead = /^([\u4e00-\u9fa5]{0,10})[，,](其中|包括)/.exec(text.slice(total.span.end));
  if (!lead) return undefined;
  const head = [...noun(text, total)].slice(-2).join('');
  if (head.length < 2) return undefined;
  const from = total.span.end + lead[0].length;
  const end = endOfSentence(text, from);
  if (LIST_OPEN.test(text.slice(from, end))) return undefined;
  const parts = itemsWithin(claims, from, end).filter((c) => sameScale(c, total));
  if (parts.length < 2 || !parts.every((p) => noun(text, p).endsWith(head))) return undefined;
  return parts;
}

/** Whether the parts are the two sides of one of the PARTITIONS. */
function partition(text: string, parts: readonly Claim[]): boolean {
  if (parts.length !== 2) return false;
  const [a, b] = parts.map((p) => noun(text, p));
  return PARTITIONS.some(([x, y]) => (a.startsWith(x) && b.startsWith(y)) || (a.startsWith(y) && b.startsWith(x)));
}
