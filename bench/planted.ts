/**
 * `npm run bench:planted`: plants errors of each family into the 61 reports of the development set
 * (test/corpus/*.txt and test/corpus/national/*.txt), runs the checks, and reports the recall per
 * family — and, for precision, the warnings and errors on the unmodified reports.
 *
 * Two kinds of plant: `real` changes one number of a real sentence of the report, found by a
 * general pattern (a count before its list, a total and its parts, a figure restated, a from–to
 * change, a share, a heading number); `constructed` adds a sentence built from the report's own
 * figures. Recall is reported for each kind, with the share of real plants.
 *
 * Sites are found by plain patterns on the text, not by the checks under test; each planted error
 * counts as found when a finding of its family covers the planted place (or points at it).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '../server/src/core/report';
import { runChecks, type RatedFinding } from '../server/src/checks';
import { startOfSentence } from '../server/src/core/sentences';
import type { Section } from '../server/src/core/model';
import type { Claim } from '../server/src/core/claims';

const ROOT = join(__dirname, '..');
const CORPUS = join(ROOT, 'test', 'corpus');
const PER_REPORT = Number(process.env.PLANTED_PER_REPORT ?? 12);

interface Planted {
  text: string;
  /** Where the error is, in the planted text. */
  at: { start: number; end: number };
  /** A real sentence with one number changed, rather than a sentence added. */
  real?: boolean;
}

type Planter = (text: string, random: () => number) => Planted[];

/** A small seeded generator, so every run plants the same errors. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sample<T>(items: T[], n: number, random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n);
}

function replace(text: string, start: number, end: number, by: string): Planted {
  return { text: text.slice(0, start) + by + text.slice(end), at: { start, end: start + by.length }, real: true };
}

/** Half the planted share from real sentences when there are enough, the rest constructed. */
function mix(real: Planted[], constructed: Planted[], random: () => number): Planted[] {
  const picked = sample(real, PER_REPORT, random);
  return [...picked, ...sample(constructed, Math.max(1, Math.min(picked.length, PER_REPORT - picked.length)), random)];
}

const DIGITS = /^[0-9]+(\.[0-9]+)?/;

/** A different number of the same shape: 18.18 → 19.27, 53 → 61. */
function otherNumber(written: string, random: () => number): string {
  const value = Number(written);
  const factor = 1.15 + random() * 0.3;
  const decimals = written.includes('.') ? written.split('.')[1].length : 0;
  const next = (value * factor + (decimals ? 0 : 1)).toFixed(decimals);
  return next === written ? `${next}1` : next;
}

const CHINESE = '零一二三四五六七八九十';

const PLANTERS: Record<string, Planter> = {
  /** Restate a figure of the report later in its paragraph, with another value: the second mention of a metric. */
  'figure-conflict': (text, random) => mix(restatedFigures(text, random), addedFigures(text, random), random),
  'sum-mismatch': (text, random) => mix(realBreakdowns(text, random), addedBreakdowns(text, random), random),
  'change-arithmetic': (text, random) => mix(realChanges(text, random), addedChanges(text, random), random),
  'count-mismatch': (text, random) => mix(realCounts(text, random), addedLeadIns(text, random), random),
  'target-restated': (text, random) => mix(restatedTargets(text, random), addedTargets(text, random), random),
};

/** A second mention of a metric, added later in its paragraph with another value. */
function addedFigures(text: string, random: () => number): Planted[] {
    const report = parseReport(text);
    // Bounds (超640万人, 5%以上) may both be true at different values; a contradiction needs a figure.
    // A metric a reader takes for a quantity — no year, comparison or allocation in its name — and
    // not in the 主要预期目标 paragraph, whose restatements are target-restated's family.
    const targets = report.paragraphs.find((p) => /主要预期目标(是|为|：|:)/.test(text.slice(Math.max(0, p.span.start - 40), Math.min(p.span.end, p.span.start + 200)).replace(/\s+/g, '')) && report.claims.filter((c) => c.span.start >= p.span.start && c.span.end <= p.span.end).length >= 2);
    const candidates = report.claims.filter(
      (c) => c.period && [...c.metric].length >= 4 && !/[0-9]|^(比|是|而|为|平均|年均|增加到|提高到)|(安排|投入|下达)$|年均/.test(c.metric) && !/[由从][^，。；]{0,20}$/.test(text.slice(Math.max(0, c.span.start - 20), c.span.start)) && !/^[^，。；]{0,4}(提高|增加|增长|上升|下降|减少|降低)?[到至]/.test(text.slice(c.span.end, c.span.end + 8)) && !(targets && c.span.start >= targets.span.start && c.span.end <= targets.span.end) && /^[0-9]+(\.[0-9]+)?[^成]*$/.test(c.text) && c.max === undefined && c.kind !== 'rank' && (c.qualifier === 'exact' || c.qualifier === 'approx' || /[余多]/.test(c.text)),
    );
    const out: Planted[] = [];
    for (const c of sample(candidates, PER_REPORT, random)) {
      const number = /^[0-9]+(\.[0-9]+)?/.exec(c.text)![0];
      const figure = `${otherNumber(number, random)}${c.text.slice(number.length)}`;
      const verb = c.kind === 'growth' ? (c.value < 0 ? '下降' : '增长') : c.kind === 'points' ? '提高' : '为';
      const when = c.period && /^[0-9]{4}$/.test(c.period) && text.slice(startOfSentence(text, c.span.start), c.span.start).includes(c.period) ? `${c.period}年` : '同期';
      const sentence = `${when}${c.metric}${c.comparedWith ? `比${c.comparedWith}` : ''}${verb}${figure}。`;
      const paragraph = report.paragraphs.find((p) => p.span.start <= c.span.start && c.span.end <= p.span.end);
      // Added after the paragraph's last sentence; a paragraph broken mid-sentence has none.
      if (!paragraph || !/[。！？；]\s*$/.test(text.slice(paragraph.span.start, paragraph.span.end))) continue;
      if (c.comparedWith && verb === '为') continue;
      const at = paragraph.span.end;
      const start = at + sentence.length - figure.length - 1;
      out.push({ text: `${text.slice(0, at)}${sentence}${text.slice(at)}`, at: { start, end: start + figure.length } });
    }
    return out;
}

/** A constructed 共计…其中… sentence about a count of the report, with one part changed. */
function addedBreakdowns(text: string, random: () => number): Planted[] {
    const report = parseReport(text);
    const counts = report.claims.filter((c) => c.kind === 'count' && /^[0-9]{2,4}[个项家所]$/.test(c.text) && c.metric.length >= 2);
    return sample(counts, PER_REPORT, random).map((c) => {
      const total = Math.round(c.value);
      const a = Math.max(1, Math.floor(total * (0.3 + random() * 0.4)));
      const unit = c.text.slice(-1);
      const sentence = `${c.metric}共计${total}${unit}，其中新建${a}${unit}、改扩建${total - a + 1}${unit}。`;
      const paragraph = report.paragraphs.find((p) => p.span.start <= c.span.start && c.span.end <= p.span.end)!;
      const at = paragraph.span.end;
      const start = at + sentence.indexOf('共计') + 2;
      return { text: `${text.slice(0, at)}${sentence}${text.slice(at)}`, at: { start, end: start + String(total).length + 1 } };
    });
}

/** A constructed 由X提高到Y，增长Z% sentence about a figure of the report, with Z off. */
function addedChanges(text: string, random: () => number): Planted[] {
    const report = parseReport(text);
    const levels = report.claims.filter((c) => (c.kind === 'amount' || c.kind === 'count') && /^[0-9]+(\.[0-9]+)?[^余多]*$/.test(c.text) && Number(/^[0-9]+/.exec(c.text)![0]) >= 10 && [...c.metric].length >= 3);
    return sample(levels, PER_REPORT, random).map((c) => {
      const number = /^[0-9]+(\.[0-9]+)?/.exec(c.text)![0];
      const unit = c.text.slice(number.length);
      const before = (Number(number) / (1.1 + random() * 0.3)).toFixed(number.includes('.') ? number.split('.')[1].length : 0);
      const rate = ((Number(number) - Number(before)) / Number(before)) * 100;
      const wrong = (rate * (1.3 + random() * 0.4)).toFixed(1);
      const sentence = `${c.metric}由${before}${unit}提高到${number}${unit}，增长${wrong}%。`;
      const paragraph = report.paragraphs.find((p) => p.span.start <= c.span.start && c.span.end <= p.span.end)!;
      const at = paragraph.span.end;
      const start = at + sentence.length - wrong.length - 2;
      return { text: `${text.slice(0, at)}${sentence}${text.slice(at)}`, at: { start, end: start + wrong.length + 1 } };
    });
}

/** Change the count of a real list: a lead-in before numbered sections, a bracketed list, names before the count. */
function realCounts(text: string, random: () => number): Planted[] {
    const sites: { index: number; length: number; chinese: boolean }[] = [
      ...[...text.matchAll(/(?<![“一二三四五六七八九十])([二三四五六七八九])(个方面|项重点|件)[^。\n”]{0,10}[：:]/g)].map((m) => ({ index: m.index, length: 1, chinese: true })),
      // A quoted count named right after it: “五个坚持”，即坚持…，坚持…
      ...[...text.matchAll(/“([^“”]{0,4}?)([二三四五六七八九])(个|项|大|种|条)?([^“”]{1,8})”[，,]?即([^。\n]*)/g)]
        .filter((m) => { const sep = /；/.test(m[5]) ? '；' : /，/.test(m[5]) ? '，' : '、'; const items = m[5].split(sep).filter((x) => x.trim().length >= 2); return items.length === CHINESE.indexOf(m[2]) && items.every((x) => [...x].length <= 24); })
        .map((m) => ({ index: m.index + 1 + m[1].length, length: 1, chinese: true })),
      ...[...text.matchAll(/(\d)(种|个|项|条)[^（(，。\n]{1,8}[（(]([^）)\n]{4,})[）)]/g)]
        .filter((m) => !/等/.test(m[3]) && m[3].split(/[、，,]/).length === Number(m[1]))
        .map((m) => ({ index: m.index, length: 1, chinese: false })),
      // A lead-in with a colon and its 一是…/一要… run in the same paragraph, as many as it says:
      // 重点抓好四件事：一是…二是…三是…四是….
      ...[...text.matchAll(/([二三四五六七八九])(?:个方面|方面|件事|件|项|条|点|个)[^。：\n]{0,10}[：:]([^\n]*)/g)]
        .filter((m) => inlineRun(m[2]) === CHINESE.indexOf(m[1]))
        .map((m) => ({ index: m.index, length: 1, chinese: true })),
      // A lead-in ending with 。 at the end of its paragraph, before （一）/一、 headings.
      ...[...text.matchAll(/([二三四五六七八九])个方面[^。：\n]{0,10}。[ \t\u3000]*\n\s*(?:（一）|一、)/g)].map((m) => ({ index: m.index, length: 1, chinese: true })),
      // Names before N大 or a Chinese count, as many as it says: 改革、开放、创新三大动力; 思想和组织四个方面.
      ...[...text.matchAll(/(?<=[，。：；,:\n])((?:[\u4e00-\u9fff]{2,6}、)+[\u4e00-\u9fff]{2,6}(?:和[\u4e00-\u9fff]{2,6})?)([三四五六七八九])(大|个方面|个|条|项|类|种|省|市|县|所|家|座)(?=[\u4e00-\u9fff])/g)]
        .filter((m) => m[1].split(/、|和/).length === CHINESE.indexOf(m[2]) && !/等|的|了/.test(m[1]))
        .map((m) => ({ index: m.index + m[1].length, length: 1, chinese: true })),
      // Names before a count, as many as it says, and no 等: 迭部、碌曲、玛曲、镇原4县.
      ...[...text.matchAll(/(?<=[，。：,:\n])((?:[\u4e00-\u9fff]{1,8}、){2,}[\u4e00-\u9fff]{1,8})(\d)(个|条|项|座|所|家|县|市)/g)]
        .filter((m) => m[1].split('、').length === Number(m[2]) && !/等/.test(m[1]))
        .map((m) => ({ index: m.index + m[1].length, length: 1, chinese: false })),
    ];
    return sample(sites, PER_REPORT, random).map((s) => {
      const written = text.slice(s.index, s.index + s.length);
      const value = s.chinese ? CHINESE.indexOf(written) : Number(written);
      const next = value + 1;
      return replace(text, s.index, s.index + s.length, s.chinese ? CHINESE[next] ?? '十一' : String(next));
    });
}

/** A lead-in with a wrong count, added before a numbered list of the report. */
function addedLeadIns(text: string, random: () => number): Planted[] {
    const lists: Section[] = [];
    const visit = (s: Section) => {
      const numbered = s.children.filter((c) => c.kind === 'section' && c.numbering);
      if (numbered.length >= 3 && numbered[0].numbering!.value === 1) lists.push(s);
      s.children.forEach(visit);
    };
    parseReport(text).sections.forEach(visit);
    const constructed = sample(lists, 3, random).map((s) => {
      const count = s.children.filter((c) => c.kind === 'section' && c.numbering).length;
      const wrong = count + (random() < 0.5 ? 1 : -1);
      const first = s.children.find((c) => c.kind === 'section')!;
      const sentence = `重点做好${toChinese(wrong)}个方面工作：\n`;
      const at = first.span.start;
      return { text: `${text.slice(0, at)}${sentence}${text.slice(at)}`, at: { start: at + 4, end: at + 4 + toChinese(wrong).length + 1 } };
    });
    return constructed;
}

/** A target of the 主要预期目标 paragraph restated in the plan section with another value. */
function addedTargets(text: string, random: () => number): Planted[] {
    const report = parseReport(text);
    const paragraph = report.paragraphs.find((p) => /主要预期目标/.test(text.slice(p.span.start, Math.min(p.span.end, p.span.start + 200))));
    if (!paragraph) return [];
    const targets = report.claims.filter((c) => c.span.start >= paragraph.span.start && c.span.end <= paragraph.span.end && c.kind === 'growth' && c.max === undefined && [...c.metric].length >= 4);
    // Restated where a report restates targets: later in the same plan chapter, not in its appendices.
    const chapter = report.sections.find((s) => s.span.start <= paragraph.span.start && paragraph.span.end <= s.span.end);
    const later = report.paragraphs.filter((p) => p.span.start > paragraph.span.end && (!chapter || p.span.end <= chapter.span.end) && /[。！？；]\s*$/.test(text.slice(p.span.start, p.span.end)));
    return sample(targets, PER_REPORT, random).flatMap((t) => {
      const where = later[Math.floor(random() * later.length)];
      if (!where) return [];
      const number = /^[0-9]+(\.[0-9]+)?/.exec(t.text)?.[0];
      if (!number) return [];
      const figure = `${(Number(number) + 1 + Math.round(random() * 2)).toFixed(number.includes('.') ? 1 : 0)}%`;
      const sentence = `确保${t.metric}增长${figure}。`;
      const at = where.span.end;
      const start = at + sentence.length - figure.length - 1;
      return [{ text: `${text.slice(0, at)}${sentence}${text.slice(at)}`, at: { start, end: start + figure.length } }];
    });
}

const REAL_ONLY: Record<string, Planter> = {
  /** Swap the ends of a range, or push a share over 100 %. */
  'out-of-range': (text, random) => {
    const ranges = [...text.matchAll(/(\d+(?:\.\d+)?)(%?)([-—～~至])(\d+(?:\.\d+)?)%/g)]
      .filter((m) => Number(m[1]) < Number(m[4]))
      .map((m) => ({ index: m.index, end: m.index + m[0].length, by: `${m[4]}${m[2]}${m[3]}${m[1]}%` }));
    const shares = [...text.matchAll(/(率|比重|占比|覆盖率|普及率)(?:达到|达|为|保持在|提高到|稳定在)?(\d{2}(?:\.\d+)?)%/g)]
      .map((m) => ({ index: m.index + m[0].length - m[2].length - 1, end: m.index + m[0].length - 1, by: String((Number(m[2]) + 100).toFixed(1)) }));
    return sample([...ranges, ...shares], PER_REPORT, random).map((s) => replace(text, s.index, s.end, s.by));
  },
  /** Skip or repeat a level-1 or level-2 number. */
  'section-numbering': (text, random) => {
    const headings: Section[] = [];
    const visit = (s: Section) => {
      if ((s.kind === 'chapter' || s.kind === 'section') && s.numbering && s.numbering.value > 1) headings.push(s);
      s.children.forEach(visit);
    };
    parseReport(text).sections.forEach(visit);
    return sample(headings, PER_REPORT, random).map((s, i) => {
      const n = s.numbering!;
      const value = i % 2 === 0 ? n.value + 1 : n.value - 1;
      const digits = n.text.replace(/[一二三四五六七八九十百]+/, toChinese(value));
      return replace(text, n.span.start, n.span.end, digits);
    });
  },
  /** Drop the closing mark of a quoted term. */
  'text-integrity': (text, random) => {
    const quotes = [...text.matchAll(/“[^“”\n]{2,10}”/g)];
    return sample(quotes, PER_REPORT, random).map((m) => {
      const close = m.index + m[0].length - 1;
      return { text: text.slice(0, close) + text.slice(close + 1), at: { start: m.index, end: close }, real: true };
    });
  },
};

/** How long the run 一是, 二是 … (or 一要 …, or 一、 after a stop) that a paragraph writes inline is. */
function inlineRun(paragraph: string): number {
  let n = 0;
  for (const m of paragraph.matchAll(/([一二三四五六七八九十])(?:是|要)|(?<=^|[：；。])([一二三四五六七八九十])、/g)) if (CHINESE.indexOf(m[1] ?? m[2]) === n + 1) n++;
  return n;
}

/** Sentences apart: the text between two spans holds a sentence end. */
function apart(text: string, a: Claim, b: Claim): boolean {
  return /[。；！？\n]/.test(text.slice(a.span.end, b.span.start));
}

/** A figure the report states twice, same metric and the same value (a restatement): one of them changed. */
function restatedFigures(text: string, random: () => number): Planted[] {
  const claims = parseReport(text).claims.filter((c) => c.period && [...c.metric].length >= 4 && DIGITS.test(c.text) && c.qualifier === 'exact' && c.max === undefined && c.kind !== 'rank');
  const out: Planted[] = [];
  const used = new Set<Claim>();
  for (const [i, a] of claims.entries()) {
    const b = claims.slice(i + 1).find((x) => x.metricKey === a.metricKey && x.kind === a.kind && x.unit === a.unit && x.value === a.value && x.modality === a.modality && x.period === a.period && apart(text, a, x));
    if (!b || used.has(b)) continue;
    used.add(b);
    const number = DIGITS.exec(b.text)![0];
    out.push(replace(text, b.span.start, b.span.start + number.length, otherNumber(number, random)));
    // Or the first mention changed, the later one left as it was.
    const first = DIGITS.exec(a.text)![0];
    out.push(replace(text, a.span.start, a.span.start + first.length, otherNumber(first, random)));
  }
  return out;
}

/**
 * A total with its parts (共计28项，其中19项、9项; 28个指标，包括…): the total lowered below the sum of
 * the parts; where the parts add up exactly, also one part raised.
 */
function realBreakdowns(text: string, random: () => number): Planted[] {
  const claims = parseReport(text).claims;
  const out: Planted[] = [];
  for (const total of claims) {
    if ((total.kind !== 'count' && total.kind !== 'amount') || total.qualifier !== 'exact' || total.max !== undefined || !DIGITS.test(total.text)) continue;
    const after = text.slice(total.span.end, total.span.end + 16);
    const lead = /^[^，。；]{0,12}[，,](其中|包括)/.exec(after);
    if (!lead) continue;
    const end = text.slice(total.span.end).search(/[。；\n]/) + total.span.end;
    // The parts run on after 其中, each set apart from the one before by a comma or 、 and its name only.
    const parts: Claim[] = [];
    for (const c of claims.filter((x) => x.span.start > total.span.end && x.span.end <= end)) {
      const gap = text.slice(parts.length ? parts[parts.length - 1].span.end : total.span.end + lead[0].length, c.span.start);
      if (c.unit !== total.unit || c.kind !== total.kind || !/^[，、,]?[\u4e00-\u9fa5“”]{0,12}$/.test(parts.length ? gap : `，${gap}`) || /由|从|增加|提高|到|达|总|累计/.test(gap)) break;
      parts.push(c);
    }
    if (parts.length < 1 || parts.some((p) => p.qualifier !== 'exact' || p.max !== undefined) || /等|由|从/.test(text.slice(total.span.end, end))) continue;
    // Parts that add up, or a selection of parts (其中 A、B) that stays below its total: either way a
    // total lowered below the sum of its parts is wrong.
    const sum = parts.reduce((x, p) => x + p.value, 0);
    if (sum > total.value * (1 + 1e-6)) continue;
    const number = DIGITS.exec(total.text)![0];
    const decimals = number.includes('.') ? number.split('.')[1].length : 0;
    const lower = ((sum / total.value) * Number(number) * (0.7 + random() * 0.15)).toFixed(decimals);
    if (Number(lower) <= 0 || Number(lower) === Number(number)) continue;
    out.push(replace(text, total.span.start, total.span.start + number.length, lower));
    // Parts that add up exactly: raising one part is the other real slip.
    const first = parts[0];
    const digits = DIGITS.exec(first.text)?.[0];
    if (parts.length >= 2 && Math.abs(sum - total.value) <= 1e-6 * Math.max(1, total.value) && digits) {
      out.push(replace(text, first.span.start, first.span.start + digits.length, otherNumber(digits, random)));
    }
  }
  return out;
}

/** 由X提高到Y，提高Z% (or Z个百分点) whose arithmetic holds: Z changed. */
function realChanges(text: string, random: () => number): Planted[] {
  const re = /[由从]([0-9]+(?:\.[0-9]+)?)(%|[^0-9，。；%]{0,4}?)(?:提高|增长|增加|上升|提升|下降|减少|降低|压缩|缩短)?(?:至|到)([0-9]+(?:\.[0-9]+)?)\2[，,](?:提高|增长|增加|上升|提升|下降|减少|降低|压缩|缩短)了?([0-9]+(?:\.[0-9]+)?)(%|个百分点)/g;
  const out: Planted[] = [];
  for (const m of text.matchAll(re)) {
    const [from, to, change] = [Number(m[1]), Number(m[3]), Number(m[4])];
    if (from === 0) continue;
    const expected = m[5] === '个百分点' ? Math.abs(to - from) : Math.abs((to - from) / from) * 100;
    if (Math.abs(expected - change) > Math.max(0.15, expected * 0.02)) continue;
    const decimals = m[4].includes('.') ? m[4].split('.')[1].length : 0;
    const wrong = (change * (1.3 + random() * 0.4) + (decimals ? 0 : 1)).toFixed(decimals);
    const start = m.index + m[0].length - m[5].length - m[4].length;
    out.push(replace(text, start, start + m[4].length, wrong));
  }
  return out;
}

/** A target of the 主要预期目标 paragraph that the plan restates with the same value: one of the two changed. */
function restatedTargets(text: string, random: () => number): Planted[] {
  const report = parseReport(text);
  const paragraph = report.paragraphs.find((p) => /主要预期目标/.test(text.slice(p.span.start, Math.min(p.span.end, p.span.start + 200))));
  if (!paragraph) return [];
  const inside = (c: Claim) => c.span.start >= paragraph.span.start && c.span.end <= paragraph.span.end;
  const targets = report.claims.filter((c) => inside(c) && [...c.metric].length >= 4 && DIGITS.test(c.text));
  const out: Planted[] = [];
  for (const later of report.claims) {
    if (later.span.start < paragraph.span.end || later.modality !== 'target' || !DIGITS.test(later.text)) continue;
    const t = targets.find((x) => x.metricKey === later.metricKey && x.kind === later.kind && x.unit === later.unit && x.value === later.value);
    if (!t) continue;
    const number = DIGITS.exec(later.text)![0];
    out.push(replace(text, later.span.start, later.span.start + number.length, otherNumber(number, random)));
    // The slip may as well be in the targets paragraph, the restatement left as it was.
    const first = DIGITS.exec(t.text)![0];
    out.push(replace(text, t.span.start, t.span.start + first.length, otherNumber(first, random)));
  }
  return out;
}

function toChinese(n: number): string {
  if (n <= 10) return CHINESE[n];
  if (n < 20) return `十${CHINESE[n - 10]}`;
  return `${CHINESE[Math.floor(n / 10)]}十${n % 10 ? CHINESE[n % 10] : ''}`;
}

function found(findings: RatedFinding[], family: string, at: { start: number; end: number }): boolean {
  const near = (s: { start: number; end: number }) => s.start <= at.end + 2 && at.start - 2 <= s.end;
  return findings.some((f) => f.checkId === family && (near(f.span) || (f.related ?? []).some((r) => near(r.span))));
}

Object.assign(PLANTERS, REAL_ONLY);

const files = [
  ...readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort(),
  ...readdirSync(join(CORPUS, 'national')).filter((f) => f.endsWith('.txt')).sort().map((f) => `national/${f}`),
];
interface Tally { planted: number; found: number }
const totals: Record<string, { real: Tally; constructed: Tally }> = {};
const baseline: string[] = [];
for (const file of files) {
  const text = readFileSync(join(CORPUS, file), 'utf8');
  const clean = runChecks(parseReport(text));
  for (const f of clean) if (f.severity === 'warning' || f.severity === 'error') baseline.push(`${file} ${f.checkId}: ${f.message.zh}`);
  for (const [family, plant] of Object.entries(PLANTERS)) {
    const random = mulberry32(file.length * 7919 + family.length);
    for (const p of plant(text, random)) {
      const t = (totals[family] ??= { real: { planted: 0, found: 0 }, constructed: { planted: 0, found: 0 } })[p.real ? 'real' : 'constructed'];
      t.planted++;
      if (found(runChecks(parseReport(p.text)), family, p.at)) t.found++;
      else if (process.argv.includes('--misses')) console.log(`missed ${family}${p.real ? '' : ' (constructed)'} in ${file}: …${p.text.slice(Math.max(0, p.at.start - 30), p.at.end + 20).replace(/\n/g, '⏎')}…`);
    }
  }
}

const pct = (t: Tally) => (t.planted ? `${((t.found / t.planted) * 100).toFixed(1)}%` : '-');
console.log(`Planted errors in the ${files.length} reports of the development set, found by their check family:`);
console.log(`  ${'family'.padEnd(20)} ${'recall'.padStart(16)}   ${'real sentences'.padStart(22)}   ${'constructed'.padStart(20)}   real share`);
for (const [family, { real, constructed }] of Object.entries(totals)) {
  const all = { planted: real.planted + constructed.planted, found: real.found + constructed.found };
  const cell = (t: Tally) => `${t.found}/${t.planted} ${pct(t)}`;
  console.log(`  ${family.padEnd(20)} ${cell(all).padStart(16)}   ${cell(real).padStart(22)}   ${cell(constructed).padStart(20)}   ${all.planted ? ((real.planted / all.planted) * 100).toFixed(0) : '-'}%`);
}
console.log(`\nWarnings and errors on the ${files.length} unmodified reports: ${baseline.length}`);
for (const line of baseline) console.log(`  ${line}`);
