/**
 * Targets and results across reports: each target year N's report set (the 主要预期目标 paragraph
 * first, other target figures of year N after it) against the figure the year-N+1 report gives
 * for year N in its review. Pure: two reports and a vocabulary in, one row per target out, with
 * both spans so an editor can link and hover them.
 */
import { metricKey, type Claim } from './claims';
import type { Report, Span } from './model';
import { reportIdentity, type Localized } from './identity';
import data from '../data/targets-vocabulary.json';

export type TargetStatus = 'met' | 'missed' | 'no-result' | 'not-comparable';

/**
 * Which side of the target is good: `floor` (以上, 增长…左右, more jobs), `ceiling` (以内, 控制在,
 * prices and unemployment), `cut` (降低…左右: at least that much lower).
 */
export type Direction = 'floor' | 'ceiling' | 'cut';

export interface TargetVocabulary {
  /** Wordings of one metric; the first is the one the others are read as. */
  readonly synonyms: readonly (readonly string[])[];
  /** Words of a metric's name that make a lower value better (失业率, 价格, 能耗). */
  readonly lower: readonly string[];
  /** Words of a metric's name that make a higher value better (就业, 产量, 收入). */
  readonly higher: readonly string[];
  /** What 左右 allows: percentage points for rates, a share of the target for amounts and counts. */
  readonly tolerance: { readonly points: number; readonly relative: number };
}

export const DEFAULT_VOCABULARY: TargetVocabulary = data;

/**
 * The built-in vocabulary with the user's additions from `.reportreview.json`:
 * `metricSynonyms: [["居民消费价格涨幅", "CPI"]]`, `metricPolarity: { "空置率": "lower" }`.
 * Ill-formed entries are reported, never fatal.
 */
export function extendVocabulary(metricSynonyms: unknown, metricPolarity: unknown, base: TargetVocabulary = DEFAULT_VOCABULARY): { vocabulary: TargetVocabulary; errors: Localized[] } {
  const errors: Localized[] = [];
  const synonyms = [...base.synonyms];
  const lower = [...base.lower];
  const higher = [...base.higher];
  if (metricSynonyms !== undefined) {
    if (!Array.isArray(metricSynonyms)) errors.push({ zh: '“metricSynonyms” 应为数组的数组，如 [["居民消费价格涨幅", "CPI"]]', en: '“metricSynonyms” must be an array of arrays such as [["居民消费价格涨幅", "CPI"]]' });
    else
      metricSynonyms.forEach((group, i) => {
        if (Array.isArray(group) && group.length >= 2 && group.every((w) => typeof w === 'string' && w.trim())) synonyms.unshift(group.map((w: string) => w.trim()));
        else errors.push({ zh: `metricSynonyms[${i}] 应为至少两个指标名称`, en: `metricSynonyms[${i}] must list at least two metric names` });
      });
  }
  if (metricPolarity !== undefined) {
    if (typeof metricPolarity !== 'object' || metricPolarity === null || Array.isArray(metricPolarity)) errors.push({ zh: '“metricPolarity” 应为对象，如 { "空置率": "lower" }', en: '“metricPolarity” must be an object such as { "空置率": "lower" }' });
    else
      for (const [word, way] of Object.entries(metricPolarity)) {
        if (way === 'lower') lower.push(word);
        else if (way === 'higher') higher.push(word);
        else errors.push({ zh: `metricPolarity 中「${word}」应为 "higher" 或 "lower"`, en: `metricPolarity “${word}” must be "higher" or "lower"` });
      }
  }
  return { vocabulary: { synonyms, lower, higher, tolerance: base.tolerance }, errors };
}

export interface TargetSide {
  /** The figure (`5.5%`), or for a target without a figure the whole wording. */
  readonly span: Span;
  /** The clause that states it: `国内生产总值增长5.5%左右`. */
  readonly clause: Span;
  readonly text: string;
  readonly claim?: Claim;
}

export interface TargetRow {
  /** The metric in the target's words. */
  readonly metric: string;
  /** In the report that set the target (the previous report). */
  readonly target: TargetSide;
  /** In the report that reviews the year (the next report). */
  readonly result?: TargetSide;
  readonly status: TargetStatus;
  readonly direction?: Direction;
  /** A target of the 主要预期目标 paragraph. */
  readonly main: boolean;
  /** The year the target is for. */
  readonly year?: number;
  /**
   * How the result's metric meets the target's: `metric` (same key), `synonym` (the table, a rate
   * word), `short` (a shorter name: 调查失业率), `part` (a longer one that may name a part).
   */
  readonly match?: 'metric' | 'synonym' | 'short' | 'part';
  readonly reason: Localized;
}

const targetParagraphs = new WeakMap<Report, { span?: Span }>();

/**
 * The paragraph that states the year's main targets (…主要预期目标是：…): the first one that says so
 * and gives at least two target figures; 主要目标是 (a five-year plan's goals) only when no paragraph
 * names 预期目标. The one definition every check and the pairing of reports read. Of the two older
 * ones this keeps the check's: the lead may stand alone before its targets or be broken over lines,
 * and a bare 主要预期目标 (…五年主要预期目标基本实现) is not a statement of them — the other one took
 * a five-year plan's paragraph for the year's targets in the 2011 national report.
 */
export function targetsParagraph(report: Report): Span | undefined {
  let cached = targetParagraphs.get(report);
  if (!cached) targetParagraphs.set(report, (cached = { span: findTargetsParagraph(report) }));
  return cached.span;
}

function findTargetsParagraph(report: Report): Span | undefined {
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

const RATE_WORD = /(?:涨幅|增幅|增速|上涨|上升|增长率|增长)$/;
const FIVE_YEAR_REVIEW = /过去五年|五年来|这五年|五年间|十[一二三四五]五”?时期/;
const CLAUSE_BREAK = /[，,；;。：:\n！？]/;
/** A clause that carries on the one before (…统筹考核，并留有适当弹性). */
const CONTINUATION = /^(?:并|且|同时|并且|以及)/;

/** The clause around a span: from the break before to the break after. */
function clauseAround(text: string, span: Span, floor: number, ceiling: number): Span {
  let start = span.start;
  while (start > floor && !CLAUSE_BREAK.test(text[start - 1])) start--;
  let end = span.end;
  while (end < ceiling && !CLAUSE_BREAK.test(text[end])) end++;
  return { start, end };
}

/** A rate of change written as a share (涨幅3%, 增速5%) is a growth rate. */
export function effectiveKind(claim: Claim): Claim['kind'] {
  return claim.kind === 'percent' && /(?:涨幅|增幅|增速|降幅|上涨|上升)$/.test(claim.metric) ? 'growth' : claim.kind;
}

/** Metric names read through the vocabulary: synonyms, and which way is better. */
export class Metrics {
  private readonly phrases: { phrase: string; canonical: string }[];

  constructor(private readonly vocabulary: TargetVocabulary) {
    this.phrases = vocabulary.synonyms.flatMap((group) => group.map((phrase) => ({ phrase, canonical: group[0] }))).sort((a, b) => b.phrase.length - a.phrase.length);
  }

  /** The metric read through the synonym table: 居民消费价格上涨 → 居民消费价格涨幅. */
  canonical(metric: string): string {
    const hit = this.phrases.find((p) => metric.includes(p.phrase));
    return hit ? metric.replace(hit.phrase, hit.canonical) : metric;
  }

  /**
   * How two metric names meet: 0 the same metric key (新增城镇就业 / 城镇新增就业); 1 the same through
   * the synonym table or a rate word (居民消费价格涨幅 / 居民消费价格上涨); 2 `b` is the tail of `a`, a
   * shorter name (调查失业率 for 城镇调查失业率); 3 `a` is the tail of `b`, which may name a part
   * (农村转移劳动力城镇新增就业); -1 not at all.
   */
  affinity(a: string, b: string): number {
    if (metricKey(a) === metricKey(b)) return 0;
    // The rise of X is X涨幅, X上涨, X增速 alike; unit and kind keep a level apart from its change.
    const ca = this.canonical(a).replace(RATE_WORD, '');
    const cb = this.canonical(b).replace(RATE_WORD, '');
    if (metricKey(ca) === metricKey(cb)) return 1;
    if ([...cb].length >= 4 && ca.length > cb.length && ca.endsWith(cb)) return 2;
    if ([...ca].length >= 4 && cb.length > ca.length && cb.endsWith(ca)) return 3;
    return -1;
  }

  /** Which way is better: the polarity word that ends latest in the name decides (单位国内生产总值能耗 → 能耗). */
  polarity(metric: string): 'lower' | 'higher' | undefined {
    const name = this.canonical(metric);
    let best: { end: number; way: 'lower' | 'higher' } | undefined;
    for (const [words, way] of [[this.vocabulary.lower, 'lower'], [this.vocabulary.higher, 'higher']] as const) {
      for (const word of words) {
        const at = name.lastIndexOf(word);
        if (at >= 0 && (!best || at + word.length > best.end)) best = { end: at + word.length, way };
      }
    }
    return best?.way;
  }
}

/**
 * Every target of `previous` for the year `next` reviews, with its result and status.
 * Main targets come first in the paragraph's order, each once; qualitative ones are rows too
 * (not comparable). Other target figures of the year are rows when the review gives a result.
 */
export function matchTargets(previous: Report, next: Report, vocabulary: TargetVocabulary = DEFAULT_VOCABULARY): TargetRow[] {
  const metrics = new Metrics(vocabulary);
  const planned = reportIdentity(previous).planYear;
  const reviewed = reportIdentity(next).reviewYear;
  const year = planned ?? reviewed;
  // An undated report's claims carry no period; its review (before its own targets) still speaks
  // of the year the report's text says it reviews — unless it reviews five years, whose totals
  // (城镇新增就业6600万人) are no year's result.
  const reviewEnd = targetsParagraph(next)?.start ?? next.text.length;
  const yearOnly = reviewed === year && !FIVE_YEAR_REVIEW.test(next.text.slice(0, Math.min(reviewEnd, 3000)));
  const ofYear = (c: Claim) => year === undefined || c.period === String(year) || (c.period === undefined && yearOnly && c.span.start < reviewEnd && !/（年均）$/.test(c.metric));
  const results = next.claims.filter((c) => c.modality === 'result' && c.metric && ofYear(c) && !restatesTarget(next.text, c));
  const rows: TargetRow[] = [];
  const paragraph = targetsParagraph(previous);
  const inParagraph = (c: Claim) => paragraph !== undefined && c.span.start >= paragraph.start && c.span.end <= paragraph.end;
  if (paragraph) {
    const text = previous.text;
    const colon = text.slice(paragraph.start, paragraph.end).search(/[：:]/);
    const start = colon >= 0 ? paragraph.start + colon + 1 : paragraph.start;
    const claims = previous.claims.filter((c) => c.span.start >= start && inParagraph(c) && c.metric);
    // One row per clause: a range or a second figure of one clause (增长6%以上，力争7%) is the same
    // target. Claims come in document order, so one pointer walks them beside the clauses.
    let nextClaim = 0;
    let qualitative: Span | undefined;
    const flush = () => {
      if (qualitative) rows.push(qualitativeRow(text, qualitative, year));
      qualitative = undefined;
    };
    for (let at = start; at < paragraph.end; ) {
      let end = at;
      while (end < paragraph.end && !CLAUSE_BREAK.test(text[end])) end++;
      while (nextClaim < claims.length && claims[nextClaim].span.start < at) nextClaim++;
      const figure = nextClaim < claims.length && claims[nextClaim].span.end <= end ? claims[nextClaim] : undefined;
      const lead = text.slice(at, end).length - text.slice(at, end).trimStart().length;
      const words = text.slice(at + lead, end).trimEnd();
      if (figure) {
        flush();
        rows.push(matchOne(previous, next, figure, { start: at, end }, results, metrics, vocabulary, year, true));
      } else if ([...words].length >= 4) {
        if (qualitative && CONTINUATION.test(words)) qualitative = { start: qualitative.start, end };
        else {
          flush();
          qualitative = { start: at + lead, end };
        }
      }
      at = end + 1;
    }
    flush();
  }
  for (const claim of previous.claims) {
    if (claim.modality !== 'target' || inParagraph(claim) || !claim.metric || [...claim.metric].length < 4) continue;
    if (year !== undefined && claim.period !== String(year)) continue;
    // A main target restated in a later section (提出国内生产总值增长8%左右) is already a row.
    if (rows.some((r) => r.target.claim && effectiveKind(r.target.claim) === effectiveKind(claim) && metrics.affinity(r.metric, claim.metric) >= 0)) continue;
    const clause = clauseAround(previous.text, claim.span, 0, previous.text.length);
    const row = matchOne(previous, next, claim, clause, results, metrics, vocabulary, year, false);
    // A plan names hundreds of figures; those the review does not answer would bury the main rows.
    if ((row.status === 'met' || row.status === 'missed' || row.result?.claim?.unit !== claim.unit) && row.status !== 'no-result' && !rows.some((r) => r.target.claim && r.target.claim.span.start === claim.span.start)) rows.push(row);
  }
  return rows;
}

/**
 * The row a hover at `offset` speaks of: on a target's clause in the previous report, or on a
 * result's clause in the next one. The figure itself wins over a clause that merely contains it.
 */
export function rowAt(rows: readonly TargetRow[], side: 'target' | 'result', offset: number): TargetRow | undefined {
  const place = (r: TargetRow) => (side === 'target' ? r.target : r.result);
  const covers = (r: TargetRow, part: 'span' | 'clause') => {
    const p = place(r);
    return p !== undefined && p[part].start <= offset && offset <= p[part].end;
  };
  return rows.find((r) => covers(r, 'span')) ?? rows.find((r) => covers(r, 'clause'));
}

/**
 * A review that quotes the target it speaks of (没有实现年初确定的…降低4%左右…的目标) gives the
 * target again, not a result.
 */
function restatesTarget(text: string, claim: Claim): boolean {
  const clause = clauseAround(text, claim.span, Math.max(0, claim.span.start - 40), Math.min(text.length, claim.span.end + 40));
  const after = text.slice(claim.span.end, Math.min(text.length, claim.span.end + 40)).split(/[。；]/)[0];
  return /的(?:预期|主要)?目标|目标(?:没有|未|已)/.test(after) || /(?:年初|预期|确定的|提出的?)[^，。；]{0,20}$/.test(text.slice(clause.start, claim.span.start));
}

function qualitativeRow(text: string, clause: Span, year: number | undefined): TargetRow {
  const words = text.slice(clause.start, clause.end);
  return {
    metric: words,
    target: { span: clause, clause, text: words },
    status: 'not-comparable',
    main: true,
    year,
    reason: { zh: '定性目标，无数值可比', en: 'A qualitative target: no figure to compare' },
  };
}

function matchOne(previous: Report, next: Report, target: Claim, clause: Span, results: readonly Claim[], metrics: Metrics, vocabulary: TargetVocabulary, year: number | undefined, main: boolean): TargetRow {
  const targetSide: TargetSide = { span: target.span, clause, text: previous.text.slice(clause.start, clause.end), claim: target };
  const base = { metric: target.metric, target: targetSide, main, year };
  // The closest wording first (same key before a tail match), then the review's order.
  const candidates = results
    .map((r) => ({ r, affinity: metrics.affinity(target.metric, r.metric) }))
    .filter((c) => c.affinity >= 0)
    .sort((a, b) => a.affinity - b.affinity || a.r.span.start - b.r.span.start);
  if (!candidates.length) {
    return { ...base, status: 'no-result', reason: { zh: `下一年报告的回顾中未见「${target.metric}」的${year ?? ''}年数据`, en: `The next report's review gives no ${year ?? ''} figure for “${target.metric}”`.replace('  ', ' ') } };
  }
  const comparable = candidates.find((c) => c.r.unit === target.unit && effectiveKind(c.r) === effectiveKind(target));
  const chosen = comparable ?? candidates[0];
  const result = chosen.r;
  const match = (['metric', 'synonym', 'short', 'part'] as const)[chosen.affinity];
  const clauseOfResult = resultClause(next.text, result);
  const resultSide: TargetSide = { span: result.span, clause: clauseOfResult, text: next.text.slice(clauseOfResult.start, clauseOfResult.end), claim: result };
  if (!comparable) {
    return { ...base, result: resultSide, match, status: 'not-comparable', reason: { zh: `结果「${result.text}」与目标「${target.text}」单位或口径不同`, en: `The result “${result.text}” is in another unit or kind than the target “${target.text}”` } };
  }
  if (match === 'part') {
    return { ...base, result: resultSide, match, status: 'not-comparable', reason: { zh: `回顾给出的是「${result.metric}」，可能只是「${target.metric}」的一部分`, en: `The review gives “${result.metric}”, which may be only part of “${target.metric}”` } };
  }
  const direction = directionOf(target, targetSide.text, metrics);
  if (!direction) {
    return { ...base, result: resultSide, match, status: 'not-comparable', reason: { zh: `无法判断「${target.metric}」越高越好还是越低越好（可在 metricPolarity 中补充）`, en: `Cannot tell whether more or less “${target.metric}” is better (add it to metricPolarity)` } };
  }
  const tolerance = target.qualifier === 'approx' ? toleranceOf(target, vocabulary) : 0;
  const wanted = direction === 'ceiling' ? (target.max ?? target.value) : target.value;
  const got = direction === 'ceiling' ? (result.max ?? result.value) : result.value;
  const met = direction === 'floor' ? got >= wanted - tolerance - 1e-9 : direction === 'ceiling' ? got <= wanted + tolerance + 1e-9 : -got >= -wanted - tolerance - 1e-9;
  const bound = { floor: { zh: '下限', en: 'a floor' }, ceiling: { zh: '上限', en: 'a ceiling' }, cut: { zh: '降幅下限', en: 'a minimum cut' } }[direction];
  const allowance = tolerance ? { zh: `，“左右”容差${formatTolerance(target, tolerance, 'zh')}`, en: `, 左右 allows ${formatTolerance(target, tolerance, 'en')}` } : { zh: '', en: '' };
  return {
    ...base,
    result: resultSide,
    match,
    status: met ? 'met' : 'missed',
    direction,
    reason: met
      ? { zh: `${result.text}达到目标${target.text}（${bound.zh}${allowance.zh}）`, en: `${result.text} meets the target ${target.text} (${bound.en}${allowance.en})` }
      : { zh: `${result.text}未达到目标${target.text}（${bound.zh}${allowance.zh}）`, en: `${result.text} misses the target ${target.text} (${bound.en}${allowance.en})` },
  };
}

/** The result's clause, reaching back one clause when its own does not name the metric (…114万亿元，增长8.1%). */
function resultClause(text: string, claim: Claim): Span {
  const own = clauseAround(text, claim.span, 0, text.length);
  if (text.slice(own.start, own.end).includes(claim.metric) || own.start === 0 || !/[，,]/.test(text[own.start - 1])) return own;
  const before = clauseAround(text, { start: own.start - 1, end: own.start - 1 }, 0, text.length);
  return text.slice(before.start, own.end).includes(claim.metric) ? { start: before.start, end: own.end } : own;
}

/**
 * The wording decides first (降低…: a cut; 以上: floor; 以内, 控制在, 不超过: ceiling), then the
 * metric's polarity, then 增长…左右 reads as a floor. Otherwise the direction is unknown.
 */
function directionOf(target: Claim, clause: string, metrics: Metrics): Direction | undefined {
  const kind = effectiveKind(target);
  if ((kind === 'growth' || kind === 'points') && target.value < 0) return 'cut';
  if (target.qualifier === 'atLeast') return 'floor';
  if (target.qualifier === 'atMost' || /控制在|不超过|不高于/.test(clause)) return 'ceiling';
  const polarity = metrics.polarity(target.metric);
  if (polarity) return polarity === 'lower' ? 'ceiling' : 'floor';
  if (kind === 'growth') return 'floor';
  return undefined;
}

function toleranceOf(target: Claim, vocabulary: TargetVocabulary): number {
  return target.unit === '%' || target.unit === '个百分点' ? vocabulary.tolerance.points : Math.abs(target.value) * vocabulary.tolerance.relative;
}

function formatTolerance(target: Claim, tolerance: number, language: 'zh' | 'en'): string {
  if (target.unit === '%' || target.unit === '个百分点') return language === 'zh' ? `${tolerance}个百分点` : `${tolerance} percentage points`;
  return `${+((tolerance / Math.abs(target.value)) * 100).toFixed(1)}%`;
}
