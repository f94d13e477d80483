/**
 * The number scanner: finds every figure in a text — Arabic, full-width and Chinese numerals, with
 * scales, units, qualifiers, ranges, percentages and fractions — and skips what only looks like one
 * (years, dates, list numbers, names with digits such as 5G, PM2.5, 12345, “1+13”, 十四五).
 *
 * It reports what is written; what a figure is a figure *of* is decided in claims.ts.
 */
import type { Span } from './model';
import {
  SCALES, SCALE_KEYS, UNITS, UNIT_KEYS, QUALIFIERS_AFTER, QUALIFIERS_BEFORE, RANK_SCOPES, RANK_VERBS, ORDINAL_COUNTERS, DURATION_BEFORE, DURATION_AFTER, NAMED_SET_NOUNS,
  type ClaimKind, type Qualifier,
} from './units';
import { foldWidth } from './numerals';
import { quoteAt, scanQuotes } from './quotes';

export interface Figure {
  /** The figure as written: number, scale, unit (and 余/多 between them). */
  readonly span: Span;
  readonly value: number;
  /** The upper end of a range (`6.5%-7%`). */
  readonly max?: number;
  readonly unit: string;
  readonly kind: ClaimKind;
  readonly qualifier: Qualifier;
  /** True when the number is written in Chinese numerals. */
  readonly chinese: boolean;
}

/** Whether `text[i]` is a digit, half- or full-width (false past the end): by code, as the scanner reads every character. */
function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}
const CHINESE_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CHINESE_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CHINESE_BIG: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Counter words that make a Chinese numeral a count (三个, 十项, 两家): common, unambiguous ones only. */
const CHINESE_COUNTERS = new Set([
  '个', '项', '件', '家', '所', '座', '名', '人', '户', '场', '条', '批', '种', '类', '方面', '倍', '位', '张', '部', '次', '大', '支', '台', '套',
  '万', '千', '百', '亿', '天', '小时', '年', '个月', '周', '处', '届', '轮', '批次', '座', '所', '对', '款',
]);

/** Lead-ins of ordinals and names where a numeral is not a quantity. */
const NOT_AFTER = /[第型届]$|^[A-Za-z]$/;

/** Characters that can start a figure: digits (1), Chinese numerals (2), and 第 首 前 翻 倍 of ranks and doublings (3). */
const STARTS = new Uint8Array(65536);
for (const ch of '0123456789０１２３４５６７８９') STARTS[ch.charCodeAt(0)] = 1;
for (const ch of '零〇一二两三四五六七八九十百千万亿') STARTS[ch.charCodeAt(0)] = 2;
for (const ch of '第首翻倍前') STARTS[ch.charCodeAt(0)] = 3;

/** Units by their first character, longest first, so a figure tries only the units that can follow it. */
const UNITS_BY_FIRST = new Map<string, string[]>();
for (const key of UNIT_KEYS) {
  const list = UNITS_BY_FIRST.get(key[0]) ?? [];
  list.push(key);
  UNITS_BY_FIRST.set(key[0], list);
}

export function scanFigures(text: string, from = 0, to = text.length): Figure[] {
  const out: Figure[] = [];
  for (let i = from; i < to; ) {
    // Most characters start no figure; a table lookup keeps the scan linear and cheap.
    const start = STARTS[text.charCodeAt(i)];
    if (!start) {
      i++;
      continue;
    }
    let figure: Figure | undefined;
    let next = i + 1;
    const special = start === 3 ? scanWord(text, i, to) : undefined;
    if (special) {
      figure = special;
      next = special.span.end;
    } else if (start === 1) {
      const r = scanArabic(text, i, to);
      next = r.next;
      figure = r.figure;
    } else if (start === 2) {
      const r = scanChinese(text, i, to);
      next = r.next;
      figure = r.figure;
    }
    if (figure) {
      const range = joinRange(text, figure, to);
      if (!isDescriptor(text, range.figure)) out.push(range.figure);
      next = Math.max(next, range.figure.span.end);
    }
    // Always move forward, whatever a sub-scanner answered.
    i = Math.max(next, i + 1);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

interface ScanResult {
  figure?: Figure;
  next: number;
}

function scanArabic(text: string, start: number, to: number): ScanResult {
  let i = start;
  while (i < to && isDigitAt(text, i)) i++;
  let digits = foldWidth(text.slice(start, i));
  // Thousands separators: 1,234,567. A full-width ， is a clause break (新建5，300户) except between
  // full-width digits (８５７，１８２，０００元) or before a group and a scale (1，120亿元), as older reports wrote them.
  for (;;) {
    if (i + 3 >= to + 1) break;
    const group = text.slice(i + 1, i + 5);
    const ascii = text[i] === ',' && /^[0-9]{3}(?![0-9])/.test(group);
    const wide = text[i] === '，' && ((/[０-９]/.test(text[i - 1]) && /^[０-９]{3}(?![０-９0-9])/.test(group)) || /^[0-9]{3}(?:\.[0-9]+)?[万亿]/.test(text.slice(i + 1, i + 12)));
    if (!ascii && !wide) break;
    digits += foldWidth(text.slice(i + 1, i + 4));
    i += 4;
  }
  let decimal = '';
  if ((text[i] === '.' || text[i] === '．') && isDigitAt(text, i + 1)) {
    const from = ++i;
    while (i < to && isDigitAt(text, i)) i++;
    decimal = foldWidth(text.slice(from, i));
  }
  const end = i;
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  // Names with digits: 5G, PM2.5, G225, 3D; dates and times: 7·22, 09:02, 2026-02-03, 2026.02.
  if (/[A-Za-z]/.test(before) || /[A-Za-z]/.test(after)) return { next: skipToken(text, end, to) };
  const ratio = ratioAt(text, start, end, digits, decimal);
  if (ratio) return { figure: ratio, next: ratio.span.end };
  if (/[·:：\-/.]/.test(after) && isDigitAt(text, end + 1) && !/[-]/.test(after)) return { next: skipToken(text, end + 1, to) };
  // 9成: a share in tenths.
  if (after === '成' && !decimal && digits.length === 1 && !/^成(为|立|果|效|绩|功|本|员|熟|交|就|了)/.test(text.slice(end, end + 2))) {
    return { figure: { span: { start, end: end + 1 }, value: Number(digits) * 10, unit: '%', kind: 'percent', qualifier: qualifierAround(text, start, end + 1), chinese: false }, next: end + 1 };
  }
  if (before === '·' || before === '.' || before === '．' || before === '/' || (before === ':' && isDigitAt(text, start - 2))) return { next: end };
  if (insideShortQuote(text, start)) return { next: end };
  const value = Number(decimal ? `${digits}.${decimal}` : digits);
  if (!Number.isFinite(value)) return { next: end };
  // Years and dates: 2021年, 2021年1月25日, 1月, 25日, 12号.
  if (/^(19|20)\d{2}$/.test(digits) && !decimal && /^(年(?!均|平均)|—|－|-)/.test(text.slice(end, end + 2)) && !/^年(以上|以下|以内|左右|时间)/.test(text.slice(end, end + 3))) {
    if (!/^(年)?[—－\-~～至到]\d/.test(text.slice(end, end + 3)) || /^(年)?[—－\-~～至到](19|20)\d{2}/.test(text.slice(end, end + 6))) return { next: end + 1 };
  }
  if (/^[月日号时]/.test(after) && !decimal) return { next: end + 1 };
  if (NOT_AFTER.test(before) && before !== '第') return { next: end };
  const result = finishFigure(text, start, end, value, to, false);
  // 第32届, 第31个世界…日: an ordinal numbers an event; only a rank (第78位, 第3名) is a figure after 第.
  if (before === '第') return result.figure?.kind === 'rank' ? result : { next: result.figure ? result.figure.span.end : end };
  if (result.figure) return result;
  // A bare lower end whose unit comes after the upper end: 6.5-7%, 2000—3000元.
  const joiner = RANGE_JOINERS.exec(text.slice(end, end + 2));
  if (joiner && isDigitAt(text, end + joiner[0].length)) {
    const upper = scanArabic(text, end + joiner[0].length, to).figure;
    if (upper && upper.max === undefined) {
      const factor = upper.value / Number(text.slice(end + joiner[0].length, upper.span.end).replace(/[^0-9.]/g, '') || NaN);
      const lower = Number.isFinite(factor) && factor > 0 ? exact(value * factor) : value;
      return { figure: { ...upper, span: { start, end: upper.span.end }, value: lower, max: upper.value }, next: upper.span.end };
    }
  }
  return result;
}

/**
 * A number inside a short quoted name (“1+13”, “45432”) is part of the name: a quote opened at most
 * 12 characters before the number, closed within 15 of its opening, with no clause mark inside. Only
 * that window is scanned, so an unclosed quote costs nothing and long lines stay linear.
 */
function insideShortQuote(text: string, at: number): boolean {
  const quote = quoteAt(scanQuotes(text, Math.max(0, at - 12), Math.min(text.length, at + 15)), at);
  return !!quote && quote.content.end < quote.span.start + 15 && !/[，。；]/.test(text.slice(quote.content.start, quote.content.end));
}

function skipToken(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && /[0-9A-Za-z０-９.·:\-]/.test(text[i])) i++;
  return i;
}

/**
 * After the number: a scale (万, 亿), 余/多, a unit, then qualifiers. A number with neither scale
 * nor unit is not reported: bare numbers in reports are names, hotlines and list numbers.
 */
function finishFigure(text: string, start: number, numberEnd: number, value: number, to: number, chinese: boolean): ScanResult {
  let i = numberEnd;
  let scale = 1;
  let qualifier: Qualifier = 'exact';
  // 余 and 多 stand before or after the scale: 1200余万元, 2万余名.
  if ((text[i] === '余' || text[i] === '多') && SCALE_KEYS.some((k) => text.startsWith(k, i + 1))) {
    qualifier = 'atLeast';
    i++;
  }
  // 6000千瓦, 50千米: a unit that starts like a scale is the unit.
  const unitFirst = (UNITS_BY_FIRST.get(text[i]) ?? []).some((u) => u.length > 1 && text.startsWith(u, i));
  for (const key of unitFirst ? [] : SCALE_KEYS) {
    if (text.startsWith(key, i)) {
      scale = SCALES[key];
      i += key.length;
      break;
    }
  }
  if (text[i] === '余' || text[i] === '多') {
    qualifier = 'atLeast';
    i++;
  }
  let unitKey: string | undefined;
  for (const key of UNITS_BY_FIRST.get(text[i]) ?? []) {
    if (text.startsWith(key, i)) {
      unitKey = key;
      break;
    }
  }
  if (chinese && unitKey && !CHINESE_COUNTERS.has(unitKey) && !['%', '个百分点', '百分点'].includes(unitKey)) unitKey = undefined;
  if (!unitKey && scale === 1) return { next: Math.max(i, numberEnd) };
  const info = unitKey ? UNITS[unitKey] : { unit: '', kind: 'amount' as ClaimKind, factor: 1 };
  if (unitKey) i += unitKey.length;
  // A unit that is really the start of a word: 3年时间 keeps 年, but 5个体 (个体工商户) is not 5个.
  if (unitKey === '个' && /^体|^人(?!次)/.test(text.slice(i, i + 1)) && text[i] === '体') return { next: i };
  const before = text.slice(Math.max(0, start - 4), start);
  // 达到38万余人: 余 after the number is not undone by 达到 before it.
  for (const [word, q] of QUALIFIERS_BEFORE) if (before.endsWith(word) && !(q === 'exact' && qualifier !== 'exact')) qualifier = q;
  for (const [word, q] of QUALIFIERS_AFTER) {
    if (text.startsWith(word, i)) {
      qualifier = q;
      break;
    }
  }
  let kind = info.kind;
  let unit = info.unit;
  if (text[start - 1] === '第' && (unitKey === '位' || unitKey === '名')) {
    kind = 'rank';
    unit = '位';
  }
  return {
    figure: { span: { start: before.endsWith('第') && kind === 'rank' ? start - 1 : start, end: i }, value: exact(value * scale * (info.factor ?? 1)), unit, kind, qualifier, chinese },
    next: i,
  };
}

// ---------------------------------------------------------------------------------------------
// Chinese numerals

/** Parses 三, 十二, 一百二十, 两千, 三万, 1.5万's Chinese part; undefined when malformed. */
export function parseChineseNumber(s: string): number | undefined {
  if (!s) return undefined;
  // 万亿 is one scale (10¹²), not 万 then 亿.
  if (s.includes('万亿')) {
    const [high, low] = s.split('万亿');
    const h = high ? parseChineseNumber(high) : 1;
    const l = low ? parseChineseNumber(low) : 0;
    return h === undefined || l === undefined ? undefined : h * 1e12 + l;
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of s) {
    if (ch in CHINESE_DIGITS) {
      digit = CHINESE_DIGITS[ch];
    } else if (ch in CHINESE_UNITS) {
      section += (digit ?? 1) * CHINESE_UNITS[ch];
      digit = undefined;
    } else if (ch in CHINESE_BIG) {
      section += digit ?? 0;
      if (section === 0) section = 1;
      total += section * CHINESE_BIG[ch];
      section = 0;
      digit = undefined;
    } else return undefined;
  }
  return total + section + (digit ?? 0);
}

function scanChinese(text: string, start: number, to: number): ScanResult {
  // 百分之五十, 六分之一: fractions written out.
  const fraction = /^(百|[零〇一二两三四五六七八九十百千]+)分之([零〇一二两三四五六七八九十百点]+)/.exec(text.slice(start, Math.min(to, start + 16)));
  if (fraction) {
    const denominator = fraction[1] === '百' ? 100 : parseChineseNumber(fraction[1]);
    const numerator = parseDecimalChinese(fraction[2]);
    const end = start + fraction[0].length;
    if (denominator && numerator !== undefined) {
      return {
        figure: { span: { start, end }, value: round((numerator / denominator) * 100), unit: '%', kind: 'percent', qualifier: qualifierBefore(text, start), chinese: true },
        next: end,
      };
    }
  }
  let i = start;
  while (i < to && /[零〇一二两三四五六七八九十百千万亿]/.test(text[i])) i++;
  let run = text.slice(start, i);
  const before = text[start - 1] ?? '';
  // 五点二倍, 百分之四十八点五: a decimal written out; the digits after 点 belong to this number.
  if (before === '点' && /[零〇一二两三四五六七八九]/.test(text[start - 2] ?? '')) return { next: i };
  let decimal: number | undefined;
  if (text[i] === '点' && /^[零〇一二三四五六七八九]/.test(text[i + 1] ?? '') && /^[零〇一二两三四五六七八九十]+$/.test(run)) {
    let j = i + 1;
    while (j < to && /[零〇一二三四五六七八九]/.test(text[j])) j++;
    decimal = parseDecimalChinese(text.slice(start, j));
    if (decimal !== undefined) {
      run = text.slice(start, j);
      i = j;
    }
  }
  // A numeral run inside a word: 一是, 十四五, 六稳, 三级包保, 第一, 统一, 唯一, 之一.
  if (/[第之统唯万千百]/.test(before) && before !== '近' && !/[0-9]/.test(before)) return { next: i };
  if (insideShortQuote(text, start)) return { next: i };
  if (/[一二三四五六七八九十]/.test(before)) return { next: i };
  // 四、五十亿元, 一、二千万亩: two neighbouring digits apart, an approximate range (40–50亿元), not 四 and 五十.
  if (text[i] === '、' && run.length === 1 && start > 0 && text[start - 1] !== '\n' && decimal === undefined) {
    const spread = spreadRange(text, start, i, to);
    if (spread) return spread;
  }
  // 三成: a share in tenths.
  if (text[i] === '成' && /^[一二三四五六七八九]$/.test(run) && !/^成(为|立|果|效|绩|功|本|员|熟|交|就|了)/.test(text.slice(i, i + 2))) {
    return {
      figure: { span: { start, end: i + 1 }, value: CHINESE_DIGITS[run] * 10, unit: '%', kind: 'percent', qualifier: qualifierBefore(text, start), chinese: true },
      next: i + 1,
    };
  }
  // 三四轮, 二三十个, 七八百人: two neighbouring digits give an approximate range, not 34 or 23.
  const approximate = decimal === undefined ? approximateRange(run) : undefined;
  const value = decimal ?? (approximate ? approximate[0] : parseChineseNumber(run));
  if (value === undefined || (value < 2 && !approximate)) return { next: i };
  // 五年来, 三年间: a span of time, not a figure.
  if (/^年(来|间|以来|内)/.test(text.slice(i, i + 3))) return { next: i + 1 };
  const scaled = /[百千万亿]/.test(run);
  const scaleOnly = /^[百千万亿]+$/.test(run);
  const threshold = /(超|突破|过|破|逾|近|达|上)$/.test(text.slice(Math.max(0, start - 2), start));
  // A scale alone (亿元以上项目, 千亩方) names a class of things unless a threshold is crossed (超百万).
  if (scaleOnly && !threshold) return { next: i };
  // Chinese years: 二〇三五年.
  if (/^[〇零一二三四五六七八九]{4}$/.test(run) && text[i] === '年') return { next: i + 1 };
  const result = finishFigure(text, start, i, value, to, !scaled);
  if (result.figure && approximate) {
    const factor = result.figure.value / value;
    return { figure: { ...result.figure, max: exact(approximate[1] * factor), qualifier: 'approx' }, next: result.next };
  }
  if (result.figure) return result;
  // 超百万, 突破千亿: a threshold crossed, written with the scale alone.
  if (scaleOnly && threshold) {
    return { figure: { span: { start, end: i }, value, unit: '', kind: 'amount', qualifier: qualifierBefore(text, start), chinese: true }, next: i };
  }
  return result;
}

function spreadRange(text: string, start: number, comma: number, to: number): ScanResult | undefined {
  const second = /^[零〇一二两三四五六七八九十百千万亿]+/.exec(text.slice(comma + 1, Math.min(to, comma + 12)))?.[0];
  if (!second || CHINESE_DIGITS[second[0]] !== CHINESE_DIGITS[text[start]] + 1) return undefined;
  const upper = scanChinese(text, comma + 1, to);
  const lower = parseChineseNumber(text[start] + second.slice(1));
  const upperValue = parseChineseNumber(second);
  if (!upper.figure || upper.figure.max !== undefined || lower === undefined || !upperValue) return undefined;
  const factor = upper.figure.value / upperValue;
  return { figure: { ...upper.figure, span: { start, end: upper.figure.span.end }, value: exact(lower * factor), max: upper.figure.value, qualifier: 'approx' }, next: upper.next };
}

const NEIGHBOURS = ['一两', '一二', '二三', '两三', '三四', '四五', '五六', '六七', '七八', '八九', '三五'];

/** `二三十` → [20, 30], `三四` → [3, 4]: the numeral read once without each of the two neighbouring digits. */
function approximateRange(run: string): [number, number] | undefined {
  // 十一五 … 十五五 are plan periods, not 11 to 15.
  if (/^十[一二三四五]五$/.test(run)) return undefined;
  const at = NEIGHBOURS.map((pair) => run.indexOf(pair)).filter((k) => k >= 0);
  if (at.length !== 1 || NEIGHBOURS.some((pair) => run.indexOf(pair) !== run.lastIndexOf(pair))) return undefined;
  const k = at[0];
  const lower = parseChineseNumber(run.slice(0, k + 1) + run.slice(k + 2));
  const upper = parseChineseNumber(run.slice(0, k) + run.slice(k + 1));
  return lower !== undefined && upper !== undefined && upper > lower ? [lower, upper] : undefined;
}

/**
 * Figures that describe a category rather than state a quantity: denominators (每万人), thresholds
 * that define a group (前10%, 千亿级, 超过10%的有44种), age bands (65岁以上老年人, 0—6岁儿童),
 * specifications (500千伏), meeting numbers (十四届, 十六次全会) and 三次产业.
 */
function isDescriptor(text: string, f: Figure): boolean {
  const before = text.slice(Math.max(0, f.span.start - 2), f.span.start);
  const after = text.slice(f.span.end, f.span.end + 4);
  if (/每$/.test(before)) return true;
  if (/^级|^伏|^的有/.test(after)) return true;
  if (f.kind === 'percent' && /[前后]$/.test(before)) return true;
  if (f.unit === '岁' && (f.max !== undefined || /^(及以上|以上|以下|以内|的|儿童|老人|老年|婴幼|人口|及以下)/.test(after))) return true;
  // 四项基本原则, 四个现代化: a small written-out count that names a fixed set.
  // Unless the report lists it right there (三条原则：一是…), where the count can be checked.
  if (f.chinese && f.value <= 10 && f.max === undefined && /^[个项大条]$/.test(text.slice(f.span.end - 1, f.span.end))) {
    const named = NAMED_SET.exec(text.slice(f.span.end, f.span.end + 5));
    if (named && !/^(?:[：:]|，?即)/.test(text.slice(f.span.end + named[0].length, f.span.end + named[0].length + 2))) return true;
  }
  if (f.unit === '年' && (DURATION.before.test(text.slice(Math.max(0, f.span.start - 3), f.span.start)) || DURATION.after.test(after))) return true;
  if (f.chinese && f.unit === '年' && !/(连续|用|历时|经过|花)$/.test(before) && !/^时间/.test(after)) return true;
  if (f.chinese && (f.unit === '届' || f.unit === '次') && (/^(全会|会议|常委|代表|中全|产业|党代)/.test(after) || f.value >= 10)) return true;
  return false;
}

/** Ranks (全国第一, 第78位, 全省第一名, 首位) and doublings (翻一番, 翻番, 倍增). */
const alternation = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).join('|');
const RANK_SCOPE = new RegExp(`(${alternation(RANK_SCOPES)})$`);
const RANK_VERB = new RegExp(`(${alternation(RANK_VERBS)})$`);
const ORDINAL_COUNTER = new RegExp(`^(${alternation(ORDINAL_COUNTERS)})`);
const NAMED_SET = new RegExp(`^(${alternation(NAMED_SET_NOUNS)})`);
const DURATION = { before: new RegExp(`(${alternation(DURATION_BEFORE)})$`), after: new RegExp(`^(${alternation(DURATION_AFTER)})`) };

function scanWord(text: string, start: number, to: number): Figure | undefined {
  const rest = text.slice(start, Math.min(to, start + 8));
  const before = text.slice(Math.max(0, start - 8), start);
  const scope = RANK_SCOPE.exec(before);
  const spanStart = scope ? start - scope[1].length : start;
  if (insideShortQuote(text, start)) return undefined;
  const ordinal = /^第([一二三四五六七八九十]+|[0-9]+)(位|名(?!次)|大)?/.exec(rest);
  if (ordinal && (ordinal[2] || scope || RANK_VERB.test(before))) {
    const value = /^[0-9]+$/.test(ordinal[1]) ? Number(ordinal[1]) : parseChineseNumber(ordinal[1]);
    const next = text.slice(start + ordinal[0].length, start + ordinal[0].length + 2);
    // 全省第4个千万级机场 ranks; 第31个世界无烟日 numbers an event.
    if (value !== undefined && (!ORDINAL_COUNTER.test(next) || (scope && next[0] === '个'))) {
      const end = start + ordinal[0].length + (scope && next[0] === '个' && !ordinal[2] ? 1 : 0);
      return { span: { start: spanStart, end }, value, unit: '位', kind: 'rank', qualifier: 'exact', chinese: !/[0-9]/.test(ordinal[1]) };
    }
  }
  // 进入全国前六, 全国前10名: a rank at most N. 前10%, 前三季度 are not.
  const top = /^前([一二三四五六七八九十]+|[0-9]+)(位|名|强)?(?=$|[，。；、）)\n的])/.exec(rest);
  if (top && (scope || RANK_VERB.test(before))) {
    const value = /^[0-9]+$/.test(top[1]) ? Number(top[1]) : parseChineseNumber(top[1]);
    if (value !== undefined && value >= 2) return { span: { start: spanStart, end: start + top[0].length }, value, unit: '位', kind: 'rank', qualifier: 'atMost', chinese: !/[0-9]/.test(top[1]) };
  }
  if (/^首位/.test(rest) && (scope || RANK_VERB.test(before) || /(居|列)[^，。；]{0,10}$/.test(text.slice(Math.max(0, start - 14), start)))) {
    return { span: { start: spanStart, end: start + 2 }, value: 1, unit: '位', kind: 'rank', qualifier: 'exact', chinese: true };
  }
  const doubling = /^(翻一番|翻番|倍增)/.exec(rest);
  if (doubling && !/^(行动|计划|工程|战略)/.test(text.slice(start + doubling[0].length, start + doubling[0].length + 2))) {
    return { span: { start, end: start + doubling[0].length }, value: 2, unit: '倍', kind: 'multiple', qualifier: 'exact', chinese: true };
  }
  return undefined;
}

/** `2.50:1`, `2：1`: a ratio, valued by its left term; `1/10`: a fraction, as a percent. */
function ratioAt(text: string, start: number, end: number, digits: string, decimal: string): Figure | undefined {
  const m = /^([:：∶/])([0-9]{1,3}(?:\.[0-9]+)?)(?![0-9:：∶/.])/.exec(text.slice(end, end + 8));
  if (!m) return undefined;
  const left = Number(decimal ? `${digits}.${decimal}` : digits);
  const right = Number(m[2]);
  const stop = end + m[0].length;
  if (m[1] === '/') {
    if (decimal || right === 0 || digits.length > 2) return undefined;
    return { span: { start, end: stop }, value: round((left / right) * 100), unit: '%', kind: 'percent', qualifier: qualifierAround(text, start, stop), chinese: false };
  }
  // A time of day (09:02) has two digits on each side; a ratio does not need them.
  if (/^[0-9]{2}$/.test(digits) && /^[0-9]{2}$/.test(m[2])) return undefined;
  return { span: { start, end: stop }, value: left, unit: '', kind: 'fraction', qualifier: qualifierAround(text, start, stop), chinese: false };
}

function qualifierAround(text: string, start: number, end: number): Qualifier {
  for (const [word, q] of QUALIFIERS_AFTER) if (text.startsWith(word, end)) return q;
  return qualifierBefore(text, start);
}

function parseDecimalChinese(s: string): number | undefined {
  const [whole, fractionPart] = s.split('点');
  const w = parseChineseNumber(whole);
  if (w === undefined) return undefined;
  if (!fractionPart) return w;
  const digits = [...fractionPart].map((c) => CHINESE_DIGITS[c]);
  if (digits.some((d) => d === undefined)) return undefined;
  return Number(`${w}.${digits.join('')}`);
}

function qualifierBefore(text: string, at: number): Qualifier {
  const before = text.slice(Math.max(0, at - 4), at);
  let q: Qualifier = 'exact';
  for (const [word, value] of QUALIFIERS_BEFORE) if (before.endsWith(word)) q = value;
  return q;
}

/** Scales multiply decimals (148.7 × 10⁸); twelve significant digits drop the binary noise. */
function exact(x: number): number {
  return Number.isInteger(x) ? x : Number(x.toPrecision(12));
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

// ---------------------------------------------------------------------------------------------
// Ranges

const RANGE_JOINERS = /^[-—–~～－]{1,2}|^至|^到/;

/** `6.5%-7%`, `4.5%—5%`, `6.5-7%`, `1亿元至4亿元`, `0—6岁`: one figure with a lower and upper end. */
function joinRange(text: string, first: Figure, to: number): { figure: Figure } {
  const joiner = RANGE_JOINERS.exec(text.slice(first.span.end, first.span.end + 2));
  if (!joiner) return { figure: first };
  const at = first.span.end + joiner[0].length;
  if (!isDigitAt(text, at)) return { figure: first };
  const second = scanArabic(text, at, to).figure;
  if (!second) return { figure: first };
  if (first.unit && second.unit && first.unit !== second.unit) return { figure: first };
  return {
    figure: {
      span: { start: first.span.start, end: second.span.end },
      value: first.value,
      max: second.value,
      unit: second.unit || first.unit,
      kind: second.kind,
      qualifier: second.qualifier !== 'exact' ? second.qualifier : first.qualifier,
      chinese: false,
    },
  };
}
