/**
 * Claims: every figure of the report with what it is a figure *of* (metric), when (period) and
 * whether it is a reported result or a target. Built from the scanner's figures, the clause each
 * figure stands in, and the section it belongs to.
 */
import type { Report, Section, Span } from './model';
import { scanFigures, type Figure } from './numbers';
import { GenerationalCache } from './generational-cache';
import type { Steps } from './steps';
import { parseChineseNumeral } from './numerals';
import { CHANGE_VERB, GROWTH_DOWN, GROWTH_UP, type ClaimKind, type Qualifier } from './units';
import { SENTENCE_MARKS } from './sentences';
import { CLAUSE_PLAN_WORDS, COMPARISON_MARKERS, DONE_WORDS, METRIC_LEADING_WORDS, METRIC_TRAILING_WORDS, NOT_COMPARISON_AFTER, PLAN_WORDS, TIME_WORDS } from './lexicon';

export type Modality = 'result' | 'target';

export interface Claim {
  /** The figure as written: `18.18亿元`, `10%`, `6000余名`, `6.5%-7%`. */
  readonly span: Span;
  readonly text: string;
  /** The value with its scale folded in: 18.18亿元 → 1,818,000,000; signed for declines. */
  readonly value: number;
  /** The upper end of a range. */
  readonly max?: number;
  readonly unit: string;
  readonly kind: ClaimKind;
  readonly qualifier: Qualifier;
  /** The thing measured, in the report's words: 一般公共预算收入. */
  readonly metric: string;
  /** What the figure is compared with, when it is a comparison: 全国 (高于全国1.2个百分点), 上年 (比上年增长8%). */
  readonly comparedWith?: string;
  /** A normalized form of the metric so that 新增城镇就业 and 城镇新增就业 meet; a comparison is part of it. */
  readonly metricKey: string;
  /** A year (`2020`) or a span (`2016-2020`); undefined when the report does not say. */
  readonly period?: string;
  readonly modality: Modality;
}

/** Character classes as tables by UTF-16 code unit: the scans below read every character once. */
function table(chars: string): Uint8Array {
  const t = new Uint8Array(65536);
  for (const ch of chars) t[ch.charCodeAt(0)] = 1;
  return t;
}
const CLAUSE_BREAK = table('，。；：！？,;:!?\n（(）)“”、');
const SENTENCE_BREAK = table(SENTENCE_MARKS + '\n\r');
const SUBJECT_BREAK = table('，。；：,;:\n');
const LIST_BREAK = table('，' + SENTENCE_MARKS + '\n\r');

/** Verbs, adverbs and time words around a metric that are not part of its name. */
const words = (list: readonly string[]) => [...list].sort((a, b) => b.length - a.length).join('|');
const TRAILING_NOISE = new RegExp(`(?:${words(METRIC_TRAILING_WORDS)}|${TIME_WORDS})+$`);
/** The verbs after what a figure is compared with: 比2020年增长 → 2020年. */
const TRAILING_VERBS = new RegExp(`(?:${words(METRIC_TRAILING_WORDS)})+$`);
const LEADING_NOISE = new RegExp(`^(?:${words(METRIC_LEADING_WORDS)}|${TIME_WORDS})+`);
/** A comparison before the figure: 比上年, 较2020年, 高于全国, 同比. What follows the marker is what it is compared with. */
const COMPARISON = new RegExp(`(?:${words(COMPARISON_MARKERS)})(?![${NOT_COMPARISON_AFTER}])`, 'g');
/** Between two figures of a clause, a short change that arrives at the second: 增加到, 优化整合为, 提高至. */
const ARRIVAL = /^[\u4e00-\u9fff]{0,6}?(?:到|为|至)(?:[\u4e00-\u9fff0-9０-９]{1,8}的)?$/;
/** 由86.9%提高到, 从1954年的: the start of a change from one level to another. */
const FROM_LEVEL = /(?:由|从|從)(?=$|[0-9０-９零〇一二两三四五六七八九十百千]|上年|去年|前年|原来|原定|原计划|过去|目前|现在|年初|每)/;
/** The verb after what a figure is compared with (比上年增长 → 上年). */
const CHANGE_AFTER_COMPARISON = new RegExp(`(?:${CHANGE_VERB}|多|少|了)+$`);
const GROWTH_CONTEXT = new RegExp(`(?:${CHANGE_VERB}|增速)(?:了|约|达|为|到)?$`);

const PLAN_PERIODS: Record<string, string> = { 十一五: '2006-2010', 十二五: '2011-2015', 十三五: '2016-2020', 十四五: '2021-2025', 十五五: '2026-2030' };

/**
 * The claims of each paragraph, by what they are made from: the paragraph's text with the few
 * characters around it that a figure's reading looks at, and what the paragraph inherits (the
 * period and modality of its section, the report's review year). An edited report's extraction
 * reads again only the paragraphs whose text or inheritance changed (as Harper caches lint
 * results per paragraph). Offsets are kept relative to the text the key was made from.
 */
export class ClaimsMemo {
  private readonly paragraphs = new GenerationalCache<readonly Claim[]>();
  private reading = false;

  /**
   * An extraction begins: what the last one did not read is dropped, so memory follows the current
   * text. An extraction left midway (its version was replaced while it paused) drops nothing, or
   * the next would read again every paragraph the abandoned one had not reached.
   */
  begin(): void {
    if (!this.reading) this.paragraphs.nextGeneration();
    this.reading = true;
  }

  /** The extraction read every paragraph. */
  end(): void {
    this.reading = false;
  }

  /** The claims `make` gives for `key` (its text starting at `at`), made only when not kept. */
  get(key: string, at: number, make: () => Claim[]): Claim[] {
    let made: Claim[] | undefined;
    const kept = this.paragraphs.get(key, () => (made = make()).map((c) => shifted(c, -at)));
    return made ?? kept.map((c) => shifted(c, at));
  }
}

function shifted(c: Claim, by: number): Claim {
  return { ...c, span: { start: c.span.start + by, end: c.span.end + by } };
}

/**
 * How far before a paragraph and after it (or after its first 40 characters) the reading of its
 * figures looks: a figure's context (`居…首位`, a quote around it, the noun after a counter word).
 * Generous on purpose: a longer key costs a little hashing, a short one a wrong claim.
 */
const LOOK_BEHIND = 32;
const LOOK_AHEAD = 64;

/** How many paragraphs are read between two points where the reading may pause. */
const PARAGRAPHS_PER_STEP = 32;

/** The figures of every paragraph, in steps (core/steps.ts). */
export function* claimSteps(report: Report, memo?: ClaimsMemo): Steps<Claim[]> {
  const text = report.text;
  const reviewYear = reviewYearOf(report);
  const context = sectionContext(report, reviewYear);
  const claims: Claim[] = [];
  memo?.begin();
  let running: { section: Inherited; period: string } | undefined;
  let read = 0;
  for (const paragraph of report.paragraphs) {
    if (++read % PARAGRAPHS_PER_STEP === 0) yield;
    const section = context(paragraph.span.start);
    if (running && running.section !== section && !sameChapter(running.section, section)) running = undefined;
    // Without a date, the year the section reviews stands in for the report's review year.
    const anchorYear = reviewYear ?? (section.modality === 'result' && section.period && /^\d{4}$/.test(section.period) ? Number(section.period) : undefined);
    const marker = runningPeriod(text.slice(paragraph.span.start, paragraph.span.start + 40), anchorYear);
    if (marker) running = { section, period: marker };
    const inherited: Inherited = running && section.modality === 'result' ? { ...section, period: running.period, explicit: true } : section;
    const { start, end } = paragraph.span;
    let made: Claim[];
    if (memo) {
      const from = Math.max(0, start - LOOK_BEHIND);
      const to = Math.min(text.length, Math.max(end, start + 40) + LOOK_AHEAD);
      const key = `${reviewYear ?? ''}|${inherited.period ?? ''}|${inherited.modality}|${inherited.explicit ? 1 : 0}|${start - from}|${end - from}|${text.slice(from, to)}`;
      made = memo.get(key, from, () => paragraphClaims(text, paragraph.span, inherited, reviewYear));
    } else {
      made = paragraphClaims(text, paragraph.span, inherited, reviewYear);
    }
    for (const c of made) claims.push(c);
  }
  memo?.end();
  return claims;
}

/** The claims of one paragraph: what `extractClaims` reads of it, given what it inherits. */
function paragraphClaims(text: string, paragraph: Span, section: Inherited, reviewYear: number | undefined): Claim[] {
  const claims: Claim[] = [];
  const figures = scanFigures(text, paragraph.start, paragraph.end);
  let previousMetric = '';
  let previousSentenceEnd = -1;
  let facts: SentenceFacts | undefined;
  const breaks = new Breaks(text, paragraph.start);
  let inherited = section;
  let reviewScan = paragraph.start;
  // The 分别 list a figure belongs to, and how many figures of it came before.
  let listStart = -1;
  let listPosition = 0;
  let subjects: string[] = [];
  let pairIndex = 0;
  let pairParts: string[] = [];
  for (let f = 0; f < figures.length; f++) {
    const figure = figures[f];
    const sentenceStart = breaks.sentenceStart(figure.span.start);
    if (sentenceStart !== previousSentenceEnd) previousMetric = '';
    previousSentenceEnd = sentenceStart;
    if (!facts || sentenceStart !== facts.start) {
      const sentence = text.slice(sentenceStart, nextBreak(text, figure.span.end, paragraph.end, SENTENCE_BREAK));
      // 过去一年，我们的各项工作取得了很大成绩。国内生产总值增长10.3%…: the rest of the paragraph looks back.
      // Each sentence before this one is read once, whatever the paragraph's length.
      for (; reviewScan < sentenceStart; reviewScan = nextBreak(text, reviewScan, sentenceStart, SENTENCE_BREAK)) {
        if (reviewYear !== undefined && inherited.modality === 'target' && REVIEW_OPENING.test(text.slice(reviewScan, reviewScan + 12))) {
          inherited = { period: String(reviewYear), modality: 'result', explicit: true };
        }
      }
      facts = new SentenceFacts(sentenceStart, sentence, modalityOf(sentence, inherited.modality, !!inherited.explicit), reviewYear);
    }
    // In a list (增长4.3%、5.3%) each figure is what the first one is.
    const previous = claims[claims.length - 1];
    const listed = previous && figure.span.start - previous.span.end === 1 && /^[、和及]$/.test(text[previous.span.end]) && previous.unit === figure.unit;
    const kind = listed && (previous.kind === 'growth' || previous.kind === 'points') ? previous.kind : kindOf(text, figure);
    const sign = listed && previous.value < 0 && (kind === 'growth' || kind === 'points') ? -1 : 1;
    const value = kind === 'growth' || kind === 'points' ? (listed ? sign * figure.value : signed(text, figure)) : figure.value;
    const max = figure.max !== undefined && (kind === 'growth' || kind === 'points') && value < 0 ? -figure.max : figure.max;
    const clauseStart = breaks.clauseStart(figure.span.start);
    // Words before an earlier figure of the same clause belong to that figure (钢产量由2046万吨增加到3178万吨).
    const afterPrevious = previous && previous.span.end > clauseStart && previous.span.end <= figure.span.start;
    const from = afterPrevious ? previous.span.end : clauseStart;
    // 由71所优化整合为47所: the level a change arrives at is the same metric as the one it left.
    const arrival = afterPrevious && ARRIVAL.test(text.slice(from, figure.span.start));
    const words: MetricWords = arrival ? { metric: '' } : metricOf(text, figure, from);
    let metric = words.metric;
    if (ALLOCATION.test(metric)) metric = withPurpose(metric, facts.sentence, figure.span.end - facts.start);
    // 占本年预算支出的7.84%: the share of what the clause before named.
    if (/^[占佔]/.test(metric)) {
      const subject = previousMetric.replace(/（年均）$/, '') || subjectBefore(text, clauseStart, Math.max(sentenceStart, previous?.span.end ?? 0));
      if (subject) metric = `${subject}${metric}`;
    }
    const list = breaks.list(figure.span.start);
    if (list !== listStart) {
      listStart = list;
      listPosition = 0;
      subjects = list >= 0 ? listSubjects(text, list, sentenceStart) : [];
    }
    const distributed = list >= 0 ? subjects[listPosition++] : undefined;
    if (distributed) metric = distributed;
    // 城镇居民人均可支配收入和农村居民人均纯收入实际增长8.4％和11.4％: a pair of metrics and a pair of
    // figures without 分别 are matched in order, as 分别 would.
    const next = figures[f + 1];
    const pairedWithNext = !!next && next.span.start === figure.span.end + 1 && /[和、及]/.test(text[figure.span.end]) && next.unit === figure.unit;
    if (!distributed && listed && pairParts.length) {
      pairIndex++;
      metric = pairParts[pairIndex] ?? metric;
    } else if (!distributed && pairedWithNext && metric) {
      const parts = pairedMetrics(metric);
      pairParts = parts;
      pairIndex = 0;
      if (parts.length) metric = parts[0];
    } else if (!listed) pairParts = [];
    if (!metric && !previousMetric && /[：:]/.test(text[clauseStart - 1] ?? '')) metric = labelBefore(text, clauseStart - 1);
    if (!metric) metric = previousMetric.replace(/（年均）$/, '');
    else previousMetric = metric;
    // An average annual rate (年均增长) is another statistic than the year's rate.
    if (metric && kind === 'growth' && /年均|平均每年|每年平均/.test(text.slice(Math.max(paragraph.start, figure.span.start - 10), figure.span.start))) metric = `${metric}（年均）`;
    claims.push({
      span: figure.span,
      text: text.slice(figure.span.start, figure.span.end),
      value,
      max,
      unit: figure.unit,
      kind,
      qualifier: figure.qualifier,
      metric,
      comparedWith: words.comparedWith,
      // Compared with 全国 and with 上年 are two statistics, even of one metric.
      metricKey: words.comparedWith ? `${metricKey(metric)}|${words.comparedWith}` : metricKey(metric),
      period: sinceYear(facts.periodAt(figure.span.start, inherited.period, words.comparisonAt), words.comparedWith),
      modality: facts.modality === 'result' && inherited.explicit && governedByPlan(text.slice(Math.max(clauseStart, figure.span.start - 40), figure.span.start)) ? 'target' : facts.modality,
    });
  }
  return claims;
}

/** Sub-headings inside one review chapter share its running period (海南's 五年来… blocks). */
function sameChapter(a: Inherited, b: Inherited): boolean {
  // A heading with a year of its own (二、2019年…总体要求) starts afresh, whatever it is labelled.
  return a.modality === b.modality && a.modality === 'result' && a.period === b.period;
}

/**
 * Where the sentence and the clause around a figure begin. Figures come in document order, so one
 * forward scan per paragraph answers every figure (a backward scan per figure was quadratic in
 * long sentences).
 */
class Breaks {
  private position: number;
  private sentence: number;
  private clause: number;
  /** Where the open 分别 list starts (just after 分别), or -1 when a clause break closed it. */
  private listStart = -1;

  constructor(
    private readonly text: string,
    start: number,
  ) {
    this.position = start;
    this.sentence = start;
    this.clause = start;
  }

  private advance(to: number): void {
    for (; this.position < to; this.position++) {
      const code = this.text.charCodeAt(this.position);
      if (SENTENCE_BREAK[code]) this.sentence = this.position + 1;
      if (CLAUSE_BREAK[code]) this.clause = this.position + 1;
      if (LIST_BREAK[code]) this.listStart = -1;
      if (code === 0x522b && this.text.charCodeAt(this.position - 1) === 0x5206 && this.position - 1 >= this.sentence) this.listStart = this.position + 1;
    }
  }

  /** The start of the 分别 list the figure at `offset` stands in (城镇和农村…分别增长4.3%、5.3%), or -1. */
  list(offset: number): number {
    this.advance(offset);
    return this.listStart;
  }

  sentenceStart(offset: number): number {
    this.advance(offset);
    return this.sentence;
  }

  clauseStart(offset: number): number {
    this.advance(offset);
    return this.clause;
  }
}

function lastBreak(text: string, from: number, floor: number, breaks: Uint8Array): number {
  for (let i = from - 1; i >= floor; i--) if (breaks[text.charCodeAt(i)]) return i + 1;
  return floor;
}

function nextBreak(text: string, from: number, ceiling: number, breaks: Uint8Array): number {
  for (let i = from; i < ceiling; i++) if (breaks[text.charCodeAt(i)]) return i + 1;
  return ceiling;
}

function kindOf(text: string, figure: Figure): ClaimKind {
  if (figure.kind !== 'percent') return figure.kind;
  const before = text.slice(Math.max(0, figure.span.start - 8), figure.span.start).replace(/[约近超逾达为到了]$/, '');
  return GROWTH_CONTEXT.test(before) || /年均$|同比$/.test(before) ? 'growth' : 'percent';
}

function signed(text: string, figure: Figure): number {
  const before = text.slice(Math.max(0, figure.span.start - 8), figure.span.start).replace(/[约近超逾达为到了分别]+$/, '');
  if (GROWTH_DOWN.test(before)) return -figure.value;
  if (GROWTH_UP.test(before)) return figure.value;
  return figure.value;
}

interface MetricWords {
  metric: string;
  /** What the figure is compared with: 全国 (高于全国1.2个百分点), 上年 (比上年增长8%). */
  comparedWith?: string;
  /** Where the comparison starts: a year after it is the other side of the comparison, not the period. */
  comparisonAt?: number;
}

/**
 * The metric: the clause before the figure without verbs, time words, a comparison and a starting
 * level (`固定资产投资比上年增长10%` → 固定资产投资, compared with 上年; `钢产量由…增加到` → 钢产量);
 * for a count with nothing before it, the noun after the counter word (`组建22个商务楼宇服务小分队`).
 */
function metricOf(text: string, figure: Figure, from: number): MetricWords {
  const start = Math.max(from, figure.span.start - 40);
  let before = text.slice(start, figure.span.start);
  let comparedWith: string | undefined;
  let comparisonAt: number | undefined;
  let last: RegExpExecArray | undefined;
  for (const m of before.matchAll(COMPARISON)) if (!/[对相占环]$/.test(before.slice(0, m.index))) last = m as RegExpExecArray;
  if (last) {
    const marker = last[0];
    const raw = before.slice(last.index + marker.length).replace(/[\s\u3000]+/g, '');
    const other = raw.replace(TRAILING_VERBS, '');
    // 比原计划增加, 比上年末增加: a verb-like ending that leaves one character is part of the name.
    comparedWith = marker === '同比' ? '上年同期' : ([...other].length >= 2 ? other : raw.replace(CHANGE_AFTER_COMPARISON, '')) || undefined;
    comparisonAt = start + last.index;
    before = before.slice(0, last.index);
  }
  before = before.replace(/[\s\u3000]+/g, '');
  const level = FROM_LEVEL.exec(before);
  if (level) before = before.slice(0, level.index);
  const metric = clean(before);
  // A count names what it counts after the counter word: 组建22个商务楼宇服务小分队, 中海海港城等80个项目;
  // so does a number with a scale and no unit: 960多万贫困人口.
  if (figure.kind === 'count' || (figure.unit === '' && figure.kind === 'amount')) {
    const after = nounAfter(text, figure.span.end);
    if (after) return { metric: after, comparedWith, comparisonAt };
  }
  return { metric, comparedWith, comparisonAt };
}

function clean(s: string): string {
  // A metric is a short noun phrase; the tail of a long clause is enough to find it.
  let out = (s.length > 40 ? s.slice(-40) : s).replace(/[\s\u3000]+/g, '');
  for (let i = 0; i < 4; i++) {
    const next = out.replace(TRAILING_NOISE, '').replace(LEADING_NOISE, '');
    if (next === out) break;
    out = next;
  }
  // A share written without its noun: 民生支出占 → 民生支出占比. (占预算数的106% is a ratio, not a share: no 比重 added.)
  if (/[占佔]$/.test(out)) out = `${out}比`;
  // A single character left over (对, 在) names nothing.
  if ([...out].length < 2) return '';
  return out.length > 24 ? out.slice(-24) : out;
}

const CHANGE_AFTER_COUNT = new RegExp(`^(?:${CHANGE_VERB}|增至|降至|达到|以上|以下)|^[\\u4e00-\\u9fff]{0,6}?(?:到|为|至)(?:[0-9０-９]|[零〇一二两三四五六七八九十百千]+[个所家项座万亿千百])`);

/** Money someone allocates (中央财政安排, 国家投入): the figure is the money for a purpose, written around it. */
const ALLOCATION = /(安排|投入|下达|拨付|筹集|补助|拟安排|将安排|新增安排)$/;

/**
 * 为加快社会保障体系建设，今年中央财政将安排2762亿元 / 中央财政安排832亿元，支持卫生事业改革和发展:
 * two allocations are two metrics, named by their purposes.
 */
function withPurpose(metric: string, sentence: string, figureEnd: number): string {
  const after = /^[^。；]*?[，,](?:主要|重点)?(?:用于|支持)([^，。；、]{2,16})/.exec(sentence.slice(figureEnd, figureEnd + 60));
  const before = /为([^，。；]{2,16})[，,]/.exec(sentence.slice(0, Math.max(0, figureEnd)));
  const purpose = after?.[1] ?? before?.[1];
  return purpose ? `${metric}（${purpose}）` : metric;
}

/** The noun after a counter word: up to a break, a verb or a particle, at most 10 characters. */
function nounAfter(text: string, at: number): string {
  let i = at;
  while (i < text.length && i - at < 20 && !CLAUSE_BREAK[text.charCodeAt(i)] && !/[的等和及与在以将已均全被]/.test(text[i])) i++;
  // 由二十个增加到三十三个: a change after the counter word names nothing.
  if (CHANGE_AFTER_COUNT.test(text.slice(at, at + 10))) return '';
  const noun = text
    .slice(at, i)
    .replace(/(?:以上|以下|左右|全部|积极|共同|主动|实现|得到|参与|完成|获得|达到|投入|建成|开工|通过|入选|纳入|配备|新增|累计|提供|覆盖|开展|正式|顺利|成功|获评|荣获|落地|签约|上线|竣工).*$/, '')
    .slice(0, 12);
  return /^[\u4e00-\u9fffA-Za-z“”]{1,12}$/.test(noun) ? noun : '';
}

/**
 * 分别: `城镇和农村居民人均可支配收入分别增长4.3%、5.3%` gives each figure its own metric —
 * 城镇居民人均可支配收入 and 农村居民人均可支配收入. The subject is split once per list.
 */
function listSubjects(text: string, listStart: number, sentenceStart: number): string[] {
  const at = listStart - 2;
  return pairedMetrics(clean(text.slice(lastBreak(text, at, Math.max(sentenceStart, at - 80), SUBJECT_BREAK), at)));
}

/**
 * `用于经济建设方面的支出，共占本年支出的46.89%`: the clause before a share is its subject, when it
 * holds no figure of its own (`floor` is the sentence start or the end of the last figure).
 */
function subjectBefore(text: string, clauseStart: number, floor: number): string {
  if (clauseStart - 1 <= floor || !/[，,]/.test(text[clauseStart - 1])) return '';
  const start = lastBreak(text, clauseStart - 1, Math.max(floor, clauseStart - 41), CLAUSE_BREAK);
  if (start === Math.max(floor, clauseStart - 41) && start !== floor) return '';
  const clause = text.slice(start, clauseStart - 1);
  if (/^(?:在|由于|随着|为了|为|经过|通过|根据|按照|其中)/.test(clause)) return '';
  const subject = clean(clause);
  return [...subject].length <= 20 ? subject : '';
}

/** `水泥：从286万吨增加到600万吨`: a short label before a colon names the figures after it. */
function labelBefore(text: string, colon: number): string {
  const start = lastBreak(text, colon, Math.max(0, colon - 12), CLAUSE_BREAK);
  if (start === Math.max(0, colon - 12) && start > 0 && !CLAUSE_BREAK[text.charCodeAt(start - 1)]) return '';
  const label = text.slice(start, colon).trim();
  // 主要指标是：, 包括： introduce a list; they name nothing.
  if (/(是|为|有|如下|包括|如|即)$/.test(label)) return '';
  return clean(label.replace(/^(?:在|关于|至于)/, '').replace(/(?:方面|上|中)$/, ''));
}

/**
 * `城镇居民人均可支配收入和农村居民人均纯收入` → both names. The shared tail: 城镇 / 农村居民人均可支配收入
 * share 居民人均可支配收入; only a short modifier shares one (化学需氧量、二氧化硫排放量 are two whole names).
 */
function pairedMetrics(metric: string): string[] {
  const parts = metric.split(/[和与及、]/).filter(Boolean);
  if (parts.length < 2) return [];
  const last = parts[parts.length - 1];
  const head = parts[0];
  let tail = last.length > head.length && head.length <= 3 ? last.slice(head.length) : '';
  // 水泥和化肥（折纯）: a note in brackets belongs to the last name only.
  if (/^[（(]/.test(tail) || tail.length < 2) tail = '';
  return parts.map((part, i) => (i === parts.length - 1 ? part : `${part}${tail}`));
}

const metricKeys = new Map<string, string>();

/** Normalized metric: scope words and generic tails dropped, characters sorted, so word order does not matter. */
export function metricKey(metric: string): string {
  let key = metricKeys.get(metric);
  if (key === undefined) {
    key = computeMetricKey(metric);
    if (metricKeys.size > 50_000) metricKeys.clear();
    metricKeys.set(metric, key);
  }
  return key;
}

function computeMetricKey(metric: string): string {
  const core = metric.replace(/(人员|人数|总量|总额|规模|数量|总数|金额|水平)$/, '').replace(/^(全区|全市|全省|全县|全国|我区|我市|我省)/, '');
  return [...core].sort().join('');
}

// ---------------------------------------------------------------------------------------------
// Period and modality

/** When the report was given, from its title, speech line or metadata. */
export function reportDate(report: Report): { year: number; month?: number } | undefined {
  for (const s of report.sections) {
    if (s.kind === 'title' || s.kind === 'speechLine' || s.kind === 'metadata') {
      const text = report.text.slice(s.span.start, s.span.end);
      const arabic = /((?:19|20)\d{2})年(?:(\d{1,2})月)?/.exec(text) ?? /((?:19|20)\d{2})-(\d{2})-\d{2}/.exec(text);
      if (arabic) return { year: Number(arabic[1]), month: arabic[2] ? Number(arabic[2]) : undefined };
      const chinese = /([〇零一二三四五六七八九]{4})年(?:([一二三四五六七八九十]{1,3})月)?/.exec(text);
      if (chinese) {
        const year = Number([...chinese[1]].map((c) => '〇一二三四五六七八九'.indexOf(c === '零' ? '〇' : c)).join(''));
        const month = chinese[2] ? '一二三四五六七八九十'.indexOf(chinese[2]) + 1 || (chinese[2] === '十一' ? 11 : chinese[2] === '十二' ? 12 : undefined) : undefined;
        return { year, month };
      }
    }
  }
  return undefined;
}

/**
 * The year a report reviews: the year before it is given, or the same year for a report given late
 * in the year (a district report of 2022-12-23 reviews 2022 and plans 2023).
 */
function reviewYearOf(report: Report): number | undefined {
  const date = reportDate(report);
  if (date) return date.month !== undefined && date.month >= 10 ? date.year : date.year - 1;
  // Undated (a report copied without its title lines): the latest year a chapter heading names is
  // the year planned (三、2011年的工作), unless that heading reviews it (一、2015年工作回顾).
  let latest: { year: number; review: boolean } | undefined;
  for (const s of report.sections) {
    if (s.kind !== 'chapter' && s.kind !== 'part') continue;
    const heading = report.text.slice(s.heading.start, s.heading.end);
    for (const m of heading.matchAll(/((?:19|20)\d{2})年/g)) {
      const year = Number(m[1]);
      if (!latest || year > latest.year) latest = { year, review: RESULT_WORDS.test(heading) };
    }
  }
  if (!latest) return undefined;
  return latest.review ? latest.year : latest.year - 1;
}

interface Inherited {
  period?: string;
  modality: Modality;
  /** A heading (回顾, a past year) or a paragraph (五年来…) says this is a review, not the default. */
  explicit?: boolean;
}

const RESULT_WORDS = /(回顾|成就|成绩|总结|过去)/;
const TARGET_WORDS = /(安排|目标|任务|重点工作|计划|展望|思路|考虑|部署|主要工作|实事|建议|今年|明年)/;
const FIVE_YEARS = /^(?:各位代表[！!，,]?)?(?:[—─]+)?(?:五年来|这五年|过去五年|五年间|这是.{2,24}的五年)/;
const PLAN_OPENING = /^(?:[—─]+)?“?(十[一二三四五]五)”?(?:时期|期间|以来)/;
const ONE_YEAR = /^(?:各位代表[！!，,]?)?(?:[—─]+)?(?:过去一年|这一年|一年来|刚刚过去的|过去的一年|(?:19|20)\d{2}年(?:是|，|,))/;

/** What each section's heading says about period and modality, looked up by offset. */
function sectionContext(report: Report, reviewYear: number | undefined): (offset: number) => Inherited {
  const ranges: { span: Span; inherited: Inherited }[] = [];
  const visit = (s: Section, parent: Inherited) => {
    let own = parent;
    if (s.kind === 'part' || s.kind === 'chapter' || s.kind === 'section' || s.kind === 'subsection' || s.kind === 'subheading' || s.kind === 'appendix') {
      // An appendix's title may stand on the line after its label (附件1 ⏎ 2026年省十件民生实事): the name has both.
      const heading = `${report.text.slice(s.heading.start, s.heading.end)} ${s.name}`;
      const years = [...heading.matchAll(/((?:19|20)\d{2})年/g)].map((m) => Number(m[1]));
      const plan = /“?(十[一二三四五]五)”?/.exec(heading);
      let modality: Modality = RESULT_WORDS.test(heading) ? 'result' : TARGET_WORDS.test(heading) ? 'target' : parent.modality;
      let explicit = RESULT_WORDS.test(heading) || (modality === parent.modality && !!parent.explicit);
      // A heading's own year settles it: before the report's year is a review, from it on a plan.
      if (years.length && reviewYear !== undefined && !RESULT_WORDS.test(heading)) {
        modality = years[0] > reviewYear ? 'target' : modality;
        explicit ||= years[0] <= reviewYear && modality === 'result';
      }
      let period = years.length ? String(years[0]) : plan ? PLAN_PERIODS[plan[1]] : parent.period;
      if (FIVE_YEARS.test(heading) && reviewYear !== undefined) period = `${reviewYear - 4}-${reviewYear}`;
      if (!years.length && !plan && modality === 'target' && parent.modality === 'result' && reviewYear !== undefined) period = String(reviewYear + 1);
      own = { period, modality, explicit: explicit && modality === 'result' };
      ranges.push({ span: s.span, inherited: own });
    }
    s.children.forEach((c) => visit(c, own));
  };
  const base: Inherited = { period: reviewYear !== undefined ? String(reviewYear) : undefined, modality: 'result' };
  report.sections.forEach((s) => visit(s, base));
  // Sections nest, and paragraphs are asked for in document order: a sweep with a stack of the
  // open sections answers each in amortized constant time.
  ranges.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const open: { span: Span; inherited: Inherited }[] = [];
  let nextRange = 0;
  let lastOffset = -1;
  return (offset) => {
    if (offset < lastOffset) {
      open.length = 0;
      nextRange = 0;
    }
    lastOffset = offset;
    while (nextRange < ranges.length && ranges[nextRange].span.start <= offset) {
      const r = ranges[nextRange++];
      while (open.length && open[open.length - 1].span.end <= r.span.start) open.pop();
      open.push(r);
    }
    while (open.length && open[open.length - 1].span.end <= offset) open.pop();
    return open[open.length - 1]?.inherited ?? base;
  };
}

/** The period a paragraph sets for those after it: 五年来… opens a five-year span, 过去一年… or 2025年… a year. */
function runningPeriod(paragraph: string, reviewYear: number | undefined): string | undefined {
  if (reviewYear === undefined) return undefined;
  // 五年来… opens the paragraph, or follows a first short sentence (2015年是“十二五”收官之年。过去五年，…).
  if (FIVE_YEARS.test(paragraph) || /[。！!]\s*(?:五年来|这五年|过去五年|五年间)/.test(paragraph)) return `${reviewYear - 4}-${reviewYear}`;
  const plan = PLAN_OPENING.exec(paragraph);
  if (plan && PLAN_PERIODS[plan[1]]) return PLAN_PERIODS[plan[1]];
  if (ONE_YEAR.test(paragraph)) {
    const year = /((?:19|20)\d{2})年/.exec(paragraph.slice(0, 18));
    return year ? year[1] : String(reviewYear);
  }
  return undefined;
}

const PLAN_MENTION = /“?(十[一二三四五]五)”?(?:时期|期间|以来|规划)?/g;
const YEAR_MENTION = /((?:19|20)\d{2})年(?![底末]?[-—至到]\d)/g;
/** 2006—2008年, 2006年至2008年, 一九七八年到一九八五年: a span of years. */
const SPAN_MENTION = /((?:19|20)\d{2}|[一二][九〇零][〇零一二三四五六七八九]{2})年?(?:[底末])?(?:[-—－~～至到])((?:19|20)\d{2}|[一二][九〇零][〇零一二三四五六七八九]{2})年/g;
/** 近三年累计, 五年来, 三年间, 今后五年: a span of N years up to the year reviewed, or after it in a plan. */
const YEARS_MENTION = /(近|过去|这|今后|未来)?([两二三四五六七八九十]|[2-9]|1\d)年(?:来|间|累计|合计|共|内|中|里)/g;
const THIS_YEAR = /(今年|本年)/g;

function yearOf(written: string): number {
  if (/^\d{4}$/.test(written)) return Number(written);
  return Number([...written].map((c) => '〇一二三四五六七八九'.indexOf(c === '零' ? '〇' : c)).join(''));
}

/**
 * What one sentence says about the period of its figures, read once: a figure's period comes from
 * the words before it in its sentence, so the mentions are kept by where they end and each figure
 * looks them up — reading the sentence again for every figure was quadratic in long sentences.
 */
class SentenceFacts {
  private readonly plans: { end: number; period: string }[] = [];
  /** Years and spans of years, by where they end. */
  private readonly mentions: { end: number; period: string; compared?: boolean }[] = [];
  private readonly thisYear: number;
  private readonly fiveYears: boolean;

  constructor(
    readonly start: number,
    readonly sentence: string,
    readonly modality: Modality,
    private readonly reviewYear: number | undefined,
  ) {
    for (const m of sentence.matchAll(PLAN_MENTION)) if (PLAN_PERIODS[m[1]]) this.plans.push({ end: start + m.index + m[0].length, period: PLAN_PERIODS[m[1]] });
    for (const m of sentence.matchAll(YEAR_MENTION)) this.mentions.push({ end: start + m.index + m[0].length, period: m[1] });
    for (const m of sentence.matchAll(SPAN_MENTION)) {
      const [from, to] = [yearOf(m[1]), yearOf(m[2])];
      if (from > 1900 && to > from && to - from < 50) this.mentions.push({ end: start + m.index + m[0].length, period: `${from}-${to}` });
    }
    if (reviewYear !== undefined) {
      const lastYear = REVIEW_OPENING.exec(sentence);
      if (lastYear) this.mentions.push({ end: start + lastYear[0].length, period: String(reviewYear) });
      for (const m of sentence.matchAll(YEARS_MENTION)) {
        const n = /\d/.test(m[2]) ? Number(m[2]) : (parseChineseNumeral(m[2]) ?? 0);
        if (n < 2) continue;
        const ahead = m[1] === '今后' || m[1] === '未来' || (modality === 'target' && m[1] === undefined);
        this.mentions.push({ end: start + m.index + m[0].length, period: ahead ? `${reviewYear + 1}-${reviewYear + n}` : `${reviewYear - n + 1}-${reviewYear}` });
      }
    }
    this.mentions.sort((a, b) => a.end - b.end);
    const thisYear = THIS_YEAR.exec(sentence);
    THIS_YEAR.lastIndex = 0;
    this.thisYear = thisYear ? start + thisYear.index + thisYear[0].length : Infinity;
    this.fiveYears = /(五年来|这五年|过去五年|五年间)/.test(sentence);
  }

  /**
   * The period of a figure at `offset`: the last year or span written before it — before `limit`
   * when the figure is a comparison, whose year (比1954年) is the other side, not the period.
   */
  periodAt(offset: number, inherited: string | undefined, limit = offset): string | undefined {
    if (this.plans.length && this.plans[0].end <= offset) return this.plans[0].period;
    const last = this.lastMention(limit, offset);
    if (last && last.includes('-')) return last;
    if (this.fiveYears && this.reviewYear !== undefined) return `${this.reviewYear - 4}-${this.reviewYear}`;
    if (last) return last;
    if (this.thisYear <= offset && this.reviewYear !== undefined) return String(this.reviewYear + 1);
    return inherited;
  }

  private lastMention(limit: number, offset: number): string | undefined {
    const upTo = (at: number) => {
      let lo = 0;
      let hi = this.mentions.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.mentions[mid].end <= at) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    // Years inside a comparison (比1956年) stay the other side for the figures after it too.
    for (let k = upTo(limit); k < upTo(offset); k++) this.mentions[k].compared = true;
    for (let k = upTo(limit) - 1; k >= 0; k--) if (!this.mentions[k].compared) return this.mentions[k].period;
    return undefined;
  }
}

/** 2025年…较2020年提高14个百分点: a change since a year covers the years after it, up to the period's year. */
function sinceYear(period: string | undefined, comparedWith: string | undefined): string | undefined {
  const since = comparedWith && /^((?:19|20)\d{2})年/.exec(comparedWith);
  if (!since || !period || !/^\d{4}$/.test(period) || Number(period) <= Number(since[1]) + 1) return period;
  return `${Number(since[1]) + 1}-${period}`;
}

const REVIEW_OPENING = /^\s*(?:各位代表[！!，,]?)?(?:过去一年|一年来|过去的一年)/;

const PLAN_WORD = new RegExp(`(${PLAN_WORDS.join('|')})`);
const DONE_WORD = new RegExp(`(${DONE_WORDS.join('|')})`);

/**
 * A plan section's figures are targets. In a review section (or where the headings do not say) a
 * sentence with a plan word is a target; in a review section only when the plan word governs the
 * figure — stands in its clause before it without a word of what was done (超额完成计划).
 */
function modalityOf(sentence: string, inherited: Modality, explicit: boolean): Modality {
  // 过去一年，…: a plan chapter looks back before it looks ahead.
  if (REVIEW_OPENING.test(sentence)) return 'result';
  if (inherited === 'target' || /预计/.test(sentence)) return inherited;
  if (explicit) return 'result';
  return PLAN_WORD.test(sentence) || /控制在.{0,12}以[内下]/.test(sentence) ? 'target' : inherited;
}

const CLAUSE_PLAN_WORD = new RegExp(`(${[...PLAN_WORDS, ...CLAUSE_PLAN_WORDS].join('|')})`);

function governedByPlan(clause: string): boolean {
  return CLAUSE_PLAN_WORD.test(clause) && !DONE_WORD.test(clause);
}
