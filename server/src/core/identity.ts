/**
 * Report identity: which government gave a report, and which years it reviews and plans — read
 * from the report's own text (title, speech line, date, review heading, 过去一年), never from its
 * file name. Pairing reports of consecutive years builds on it.
 */
import type { Report, Section } from './model';
import { reportDate } from './claims';

/** A user-facing text in both languages. */
export interface Localized {
  readonly zh: string;
  readonly en: string;
}

export type GovernmentLevel = 'national' | 'province' | 'city' | 'district' | 'county';

export interface ReportIdentity {
  /** The government as the report names it: `全国`, `甘肃省`, `内蒙古自治区`, `大连市中山区`. */
  readonly government?: string;
  readonly level?: GovernmentLevel;
  /** When the report was given. */
  readonly given?: { readonly year: number; readonly month?: number };
  /** The year whose work the report reviews (一、2022年工作回顾, 过去一年). */
  readonly reviewYear?: number;
  /** The year whose targets the report sets (今年…主要预期目标). */
  readonly planYear?: number;
}

/** How far into a report its identity may be read: the front matter and the review's opening. */
const HEAD = 4000;

/**
 * A government's name before 人民代表大会 in the speech line (在甘肃省十四届人民代表大会,
 * 在中山区第十八届人民代表大会) or before 人民政府 in a title; the national congress is 全国人民代表大会.
 */
const CONGRESS = /在([\u4e00-\u9fff]{2,16}?)(?:第?[一二三四五六七八九十]{1,3}届)\s*(全国)?人民代表大会/;
const GOVERNMENT = /([\u4e00-\u9fff]{2,16}?(?:省|自治区|特别行政区|市|区|县|旗|州|盟))人民政府/;
const NATIONAL = /我代表国务院|国务院总理|全国人民代表大会/;
const LEVEL_SUFFIX: readonly [RegExp, GovernmentLevel][] = [
  [/(?:省|自治区|特别行政区)$/, 'province'],
  [/(?:北京|天津|上海|重庆)市$/, 'province'],
  [/(?:县|旗)$/, 'county'],
  [/区$/, 'district'],
  [/(?:市|州|盟)$/, 'city'],
];
/** A review heading with its year: 一、2022年工作回顾, 一、2025年和“十四五”时期工作回顾. */
const REVIEW_HEADING = /((?:19|20)\d{2})年.{0,16}?(?:工作)?回顾/;
/** A plan heading with its year: 二、2022年政府工作任务, 二、2026年工作安排. */
const PLAN_HEADING = /((?:19|20)\d{2})年.{0,8}?(?:工作(?:任务|安排|建议|总体要求)|主要任务|经济社会发展)/;
const PLANNED_TARGETS = /((?:19|20)\d{2})年[^。；\n]{0,16}?(?:主要预期目标|预期目标|主要目标)/;
/** A review's opening names the year it reviews: 刚刚过去的2025年, 过去一年… 2022年是…. */
const REVIEW_OPENING = /(?:刚刚过去的|过去的一年|过去一年)[^。]{0,12}?((?:19|20)\d{2})年/;
/** The first paragraph under a review heading: 2022年是…. */
const REVIEWED_YEAR = /^\s*(?:刚刚过去的)?((?:19|20)\d{2})年(?:是|，|,)/;

export function reportIdentity(report: Report): ReportIdentity {
  // Full-width digits (１９８４年) are read as ASCII; the length stays, so offsets do not matter here.
  const head = toAscii(report.text.slice(0, HEAD));
  const given = reportDate(report);
  const { government, level } = governmentOf(report, head);
  const reviewYear = reviewYearOf(report, head, given);
  const planYear = reviewYear !== undefined ? reviewYear + 1 : undefined;
  return { government, level, given, reviewYear, planYear };
}

function governmentOf(report: Report, head: string): { government?: string; level?: GovernmentLevel } {
  const congress = CONGRESS.exec(head);
  if (congress && (congress[2] || !congress[1] || /^全国$/.test(congress[1]))) return { government: '全国', level: 'national' };
  // A title naming the full chain (大连市中山区人民政府) says more than the speech line (中山区).
  const titled = GOVERNMENT.exec(frontMatter(report) || head.slice(0, 400));
  // A title that starts with its year (2026年四川省人民政府工作报告) does not name 年四川省, nor
  // 我代表省人民政府 a 我代表省.
  const fromTitle = titled?.[1].replace(/^[年月日]/, '').replace(/^.*代表/, '');
  const name = longest(fromTitle && [...fromTitle].length >= 2 ? fromTitle : undefined, congress?.[1]);
  if (name) return { government: name, level: LEVEL_SUFFIX.find(([pattern]) => pattern.test(name))?.[1] };
  if (NATIONAL.test(head)) return { government: '全国', level: 'national' };
  return {};
}

/** The text of the title, speech line, speaker and metadata, where a government names itself. */
function frontMatter(report: Report): string {
  const kinds = new Set<Section['kind']>(['title', 'speechLine', 'speaker', 'metadata']);
  return report.sections
    .filter((s) => kinds.has(s.kind))
    .map((s) => report.text.slice(s.span.start, Math.min(s.span.end, s.span.start + 400)))
    .join('\n');
}

function longest(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return a.endsWith(b) || a.length >= b.length ? a : b;
}

/**
 * The reviewed year: a review heading's own year first; else the year a review paragraph opens
 * with (2022年是…, 刚刚过去的2025年); else the year before the report was given, or the same year
 * for a report given late in the year (a district's report of 2022-12-23 reviews 2022).
 */
function reviewYearOf(report: Report, head: string, given: { year: number; month?: number } | undefined): number | undefined {
  const plausible = (year: number) => given === undefined || (year <= given.year && year >= given.year - 1);
  for (const s of report.sections) {
    if (s.kind !== 'chapter' && s.kind !== 'part') continue;
    const heading = toAscii(report.text.slice(s.heading.start, s.heading.end));
    const review = REVIEW_HEADING.exec(heading);
    if (review && plausible(Number(review[1]))) return Number(review[1]);
    if (/回顾/.test(heading)) {
      const opening = REVIEWED_YEAR.exec(toAscii(report.text.slice(s.heading.end, s.heading.end + 80)).replace(/^\s+/, ''));
      if (opening && plausible(Number(opening[1]))) return Number(opening[1]);
    }
    const plan = PLAN_HEADING.exec(heading);
    if (plan && !/回顾/.test(heading) && (given === undefined || Number(plan[1]) - 1 === given.year - 1 || Number(plan[1]) === given.year + 1)) return Number(plan[1]) - 1;
  }
  // The plan names its year where it sets the targets: 2005年经济社会发展的主要预期目标是….
  const planned = PLANNED_TARGETS.exec(toAscii(report.text));
  if (planned && (given === undefined || Number(planned[1]) === given.year || Number(planned[1]) === given.year + 1)) return Number(planned[1]) - 1;
  const opening = REVIEW_OPENING.exec(head);
  const year = opening ? Number(opening[1]) : undefined;
  if (year !== undefined && plausible(year)) return year;
  if (!given) return undefined;
  return given.month !== undefined && given.month >= 10 ? given.year : given.year - 1;
}

function toAscii(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** Two names of one government: equal, or one the tail of the other (大连市中山区 / 中山区). */
export function sameGovernment(a: ReportIdentity, b: ReportIdentity): boolean {
  if (!a.government || !b.government) return false;
  if (a.level === 'national' || b.level === 'national') return a.level === b.level;
  const [short, long] = a.government.length <= b.government.length ? [a.government, b.government] : [b.government, a.government];
  return long === short || (long.endsWith(short) && [...short].length >= 3);
}

// ---------------------------------------------------------------------------------------------
// Pairing

export interface PairCandidate {
  /** How the caller knows the report: a file name or URI. */
  readonly id: string;
  readonly report: Report;
  /** The report's identity when the caller has it already (it reads the report's head again otherwise). */
  readonly identity?: ReportIdentity;
}

export interface ReportPair {
  /** The report that set the targets of year N. */
  readonly previous: string;
  /** The report that reviews year N. */
  readonly next: string;
  readonly year?: number;
  readonly how: 'explicit' | 'identity';
}

/**
 * Pairs year N's plan with year N+1's review of the same government. An explicit pair wins over
 * what identity finds, and a report paired explicitly is not paired again in the same role.
 */
export function pairReports(candidates: readonly PairCandidate[], explicit: readonly (readonly [string, string])[] = []): ReportPair[] {
  const known = new Set(candidates.map((c) => c.id));
  const pairs: ReportPair[] = [];
  const asPrevious = new Set<string>();
  const asNext = new Set<string>();
  for (const [previous, next] of explicit) {
    if (!known.has(previous) || !known.has(next)) continue;
    pairs.push({ previous, next, how: 'explicit' });
    asPrevious.add(previous);
    asNext.add(next);
  }
  const identities = candidates.map((c) => ({ id: c.id, identity: c.identity ?? reportIdentity(c.report) }));
  for (const next of identities) {
    if (asNext.has(next.id) || next.identity.reviewYear === undefined) continue;
    const matches = identities.filter((p) => p.id !== next.id && !asPrevious.has(p.id) && p.identity.planYear === next.identity.reviewYear && sameGovernment(p.identity, next.identity));
    // Two candidates for one year (a draft and a final text) are for the user to pair by hand.
    if (matches.length !== 1) continue;
    pairs.push({ previous: matches[0].id, next: next.id, year: next.identity.reviewYear, how: 'identity' });
    asPrevious.add(matches[0].id);
    asNext.add(next.id);
  }
  return pairs;
}

/**
 * The `pairs` entry of `.reportreview.json`: `[["2022.txt", "2023.txt"], …]`, previous first.
 * Returns the well-formed pairs and a message for each entry that is not.
 */
export function parsePairs(value: unknown): { pairs: [string, string][]; errors: Localized[] } {
  const pairs: [string, string][] = [];
  const errors: Localized[] = [];
  if (value === undefined) return { pairs, errors };
  if (!Array.isArray(value)) {
    errors.push({ zh: '“pairs” 应为数组，如 [["2022.txt", "2023.txt"]]', en: '“pairs” must be an array such as [["2022.txt", "2023.txt"]]' });
    return { pairs, errors };
  }
  value.forEach((entry, i) => {
    if (!Array.isArray(entry) || entry.length !== 2 || !entry.every((f) => typeof f === 'string' && f.trim() !== '')) {
      errors.push({ zh: `pairs[${i}] 应为两个文件名：[上一年报告, 下一年报告]`, en: `pairs[${i}] must be two file names: [previous report, next report]` });
    } else if (entry[0] === entry[1]) {
      errors.push({ zh: `pairs[${i}] 的两个文件相同：${entry[0]}`, en: `pairs[${i}] names the same file twice: ${entry[0]}` });
    } else {
      pairs.push([entry[0], entry[1]]);
    }
  });
  return { pairs, errors };
}
