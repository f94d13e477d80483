/**
 * count-mismatch — a stated count and the things it counts disagree.
 *
 * Flags: `重点做好十个方面工作：` — or `…十个方面工作。` ending its paragraph, as most reports write
 * it — followed by （一）…（九）; `从八个方面实现突破：一是…七是…`; `报告分六个部分：一、…；五、…`;
 * `推出3种服务模式（全员化服务、群体化服务）`; `京哈改扩建、本桓宽、凌绥、台黑5条高速`,
 * `改革、开放、创新四大动力`, `政治、经济、思想和组织这五个方面` (the name after 和 counts);
 * `“五个坚持”，即坚持…，坚持…，坚持…，坚持…` (four named).
 * Does not flag: a count followed by a list the report does not number, or numbered headings that
 * do not start right after the lead-in's paragraph; lists of two (often a pair of examples: `等`),
 * `等N个`, lists left open with `其他`/`若干`; `29个省（自治区、直辖市）` (the bracket names kinds of
 * the counted noun); `海南岛八所和…` (a count not followed by its noun is part of a name); names
 * qualified before `的` (`广东、福建两省的深圳、珠海、汕头、厦门四个地区` counts the four cities);
 * lists holding counts (`两个阶级、两条道路`) or a clause (`了`); coordinated verbs whose last item
 * carries the counted noun's modifier (`为实现、发展和保卫社会主义四个现代化`); a list broken over
 * lines, whose start cannot be seen; items the paragraph adds after an 一是… run (`还有两类`) count.
 *
 * Why: adding or dropping an item late in drafting leaves the count in the lead-in behind.
 */
import { parseChineseNumber } from '../core/numbers';
import type { Report, Section } from '../core/model';
import type { Check, CheckFinding } from './types';
import { endOfSentence } from '../core/sentences';
import { quoteText, quotesOf } from '../core/quotes';
import { paragraphAt } from '../core/sections';
import { SpanCover } from '../core/spans';
import { ITEMS_PER_STEP, type Steps } from '../core/steps';

export const countMismatch: Check = {
  id: 'count-mismatch',
  defaultSeverity: 'warning',
  description: { zh: '所述数量与列举的项目数不符', en: 'A stated count that disagrees with the items listed' },
  // In steps: every counted figure may read the headings and lists after it.
  *run(report: Report): Steps<CheckFinding[]> {
    const findings: CheckFinding[] = [];
    const text = report.text;
    const numbered = numberedHeadings(report.sections);
    const flag = (c: { start: number; end: number }, stated: string, listed: number, related?: { start: number; end: number }) =>
      findings.push({
        span: c,
        message: { zh: `此处称「${stated}」，但后文列出 ${listed} 项`, en: `“${stated}” here, but ${listed} items are listed` },
        related: related ? [{ span: related, message: { zh: '列举的最后一项', en: 'The last item listed' } }] : undefined,
      });

    let read = 0;
    for (const c of report.claims) {
      if (++read % ITEMS_PER_STEP === 0) yield;
      if (c.kind !== 'count' || c.max !== undefined || c.qualifier !== 'exact' || !Number.isInteger(c.value) || c.value < 2 || c.value > 30) continue;
      const after = text.slice(c.span.end, c.span.end + 24);
      // 1. A lead-in (重点做好十个方面工作：, or with 。 at the end of its paragraph) and the numbered
      // headings or 一是… after it.
      const colon = /^[^。；，]{0,12}[：:]/.test(after) || /^[^。；，]{0,12}(以下|如下)/.test(after);
      const period = !colon && /^[^。；，：]{0,2}(方面|部分|领域|任务|工作)[^。；，：]{0,6}。/.test(after);
      if (colon || period) {
        const listed = leadIn(report, numbered, c.span.end, colon);
        if (listed) {
          if (listed.count !== c.value) flag(c.span, c.text, listed.count, listed.last);
          continue;
        }
      }
      // 2. Items named in brackets right after the counted noun: 3种服务模式（A、B、C）.
      const bracket = /^[^（(，。；]{1,10}[（(]([^）)]{2,80})[）)]/.exec(after + text.slice(c.span.end + 24, c.span.end + 100));
      // 29个省（自治区、直辖市）, 2133个县（市、区）: the bracket names kinds of the counted noun, not the items.
      if (bracket && /^[^（(]{0,3}[（(]/.test(after) && bracket[1].split(/[、，,]/).every((s) => [...s.trim()].length <= 4)) continue;
      if (bracket) {
        const items = bracket[1].split(/[、，,]/).filter((s) => s.trim().length >= 2);
        if (items.length >= 2 && !/等$/.test(bracket[1]) && items.length !== c.value) flag(c.span, c.text, items.length);
        continue;
      }
      // 3. Items named just before the count: 京哈改扩建、本桓宽、凌绥、台黑4条高速.
      const before = listBefore(text, c);
      if (before && before !== c.value) flag(c.span, c.text, before);
    }
    // 改革、开放、创新三大动力: N大 is not a figure, but names before it are counted all the same.
    const figures = new SpanCover(report.claims.map((c) => c.span));
    for (const m of text.matchAll(/(?<![第一二三四五六七八九十两])([一二三四五六七八九十两]+)大(?=[\u4e00-\u9fa5])/g)) {
      const value = parseChineseNumber(m[1]);
      if (!value || value < 3 || value > 30) continue;
      const span = { start: m.index, end: m.index + m[0].length };
      if (figures.covers(span)) continue;
      const before = listBefore(text, { span });
      if (before && before !== value) flag(span, m[0], before);
    }
    for (const f of quotedCounts(report)) findings.push(f);
    return findings;
  },
};


function paragraphEnd(report: Report, offset: number): number {
  return paragraphAt(report, offset)?.span.end ?? offset;
}

/**
 * What a lead-in ending at `from` announces: 一是…/一、… inline after a colon, or numbered headings
 * starting right after the lead-in's paragraph, which the lead-in ends.
 */
function leadIn(report: Report, numbered: readonly NumberedHeading[], from: number, colon: boolean): { count: number; last?: { start: number; end: number } } | undefined {
  const text = report.text;
  const end = paragraphEnd(report, from);
  if (colon) {
    const inline = ordinalsIn(text, from, end);
    if (inline.count >= 2) return inline;
  }
  const rest = text.slice(from, end);
  if (!/^[^。；：:\n]*[：:。]?[\s\u3000]*$/.test(rest)) return undefined;
  const list = numberedListAfter(numbered, from);
  if (!list || list.count < 2 || !/^[\s\u3000]*$/.test(text.slice(end, list.first.heading.start))) return undefined;
  return { count: list.count, last: list.last.heading };
}

/** 一是…；二是…；三是… in the same paragraph, after the lead-in. */
function ordinalsIn(text: string, from: number, to: number): { count: number; last?: { start: number; end: number } } {
  let expected = 1;
  let last: { start: number; end: number } | undefined;
  const body = text.slice(from, to);
  // 一是…二是…, or 一、…；二、… written inline after the lead-in.
  for (const m of body.matchAll(/(?:^|[：:；;。，,\s])([一二三四五六七八九十]+)、|([一二三四五六七八九十]+)(?:是|要)/g)) {
    if (parseChineseNumber(m[1] ?? m[2]) !== expected) continue;
    last = { start: from + m.index, end: from + m.index + m[0].length };
    expected++;
  }
  // 一是…二是…。在这两大类之间，还有两类…: items the paragraph adds after the run.
  const more = last ? /还有([一二三四五六七八九十两]+)(?:类|种|个|项|条)/.exec(text.slice(last.end, to)) : null;
  return { count: expected - 1 + (more ? parseChineseNumber(more[1]) ?? 0 : 0), last };
}

interface NumberedHeading {
  section: Section;
  depth: number;
}

function numberedHeadings(sections: readonly Section[]): NumberedHeading[] {
  const out: NumberedHeading[] = [];
  const visit = (s: Section, depth: number) => {
    if (s.numbering && s.kind !== 'glossaryEntry') out.push({ section: s, depth });
    s.children.forEach((c) => visit(c, depth + 1));
  };
  sections.forEach((s) => visit(s, 0));
  return out.sort((a, b) => a.section.heading.start - b.section.heading.start);
}

/** The numbered list that starts right after `offset` at 1, counted while its numbers run on. */
function numberedListAfter(headings: readonly NumberedHeading[], offset: number): { count: number; first: Section; last: Section } | undefined {
  const first = headings.find((h) => h.section.heading.start >= offset);
  if (!first || first.section.numbering!.value !== 1) return undefined;
  let count = 1;
  let last = first.section;
  for (const h of headings) {
    if (h.section.heading.start <= first.section.heading.start) continue;
    if (h.depth < first.depth) break;
    if (h.depth !== first.depth || h.section.numbering!.style !== first.section.numbering!.style) continue;
    if (h.section.numbering!.value !== count + 1) break;
    count++;
    last = h.section;
  }
  return { count, first: first.section, last };
}

/**
 * Names listed with 、 right before the count (京哈改扩建、本桓宽、凌绥、台黑4条高速; …服务全程监督办十项办法),
 * at least three of them, none long, and nothing between the last name and the count.
 */
function listBefore(text: string, c: { span: { start: number; end: number } }): number | undefined {
  let start = c.span.start;
  while (start > 0 && !/[，。；：！？,.;:!?\n（(“”]/.test(text[start - 1]) && c.span.start - start < 200) start--;
  // A line broken inside a sentence hides where the list starts.
  if (text[start - 1] === '\n' && start > 1 && /[^。；！？：\s]/.test(text[start - 2]) && start - 1 - text.lastIndexOf('\n', start - 2) > 40) return undefined;
  // 广东、福建两省的深圳、珠海、汕头、厦门四个地区: what stands before 的 qualifies the list.
  const segment = text.slice(start, c.span.start).replace(/^.*?(?:分别是指|是指|分别为|包括|即)/, '').replace(/^.*的/, '');
  // 等 marks examples, not the whole list; a figure or a count inside means it is not a list of
  // names (两个阶级、两条道路); 其他/若干 leave the list open; 了 makes it a clause.
  if (/等|[0-9０-９]|其他|其它|若干|了|[一二三四五六七八九十两][个条项大种类省市]/.test(segment)) return undefined;
  // 海南岛八所和安徽裕溪口等港口: a counted noun follows a count; 八所 followed by 和 is a name.
  if (/^[和及与或、，,。；]/.test(text.slice(c.span.end))) return undefined;
  const items = segment.split('、');
  // 政治、经济、思想和组织这四个方面: the last name is joined with 和, unless 和 is part of the names.
  const tail = items[items.length - 1].replace(/(这|这些)$/, '');
  const joined = tail.split(/以及|和|及|与/);
  items[items.length - 1] = tail;
  if (joined.length === 2 && joined.every((j) => j.length) && !items.slice(0, -1).some((i) => /和|及|与/.test(i))) items.splice(items.length - 1, 1, ...joined);
  const last = items[items.length - 1];
  if (items.length < 3 || items.some((i) => i.length === 0 || [...i].length > 14)) return undefined;
  // 为实现、发展和保卫社会主义四个现代化: a last "name" much longer than the others carries the
  // counted noun's modifier — the list is of verbs, not of the things counted.
  const lengths = items.slice(1, -1).map((i) => [...i].length).sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)];
  if ([...last].length > 4 && [...last].length > 2 * median) return undefined;
  if (/(达到|实现|均|之后|大类|为|共|计|有|是|在|到)$/.test(last)) return undefined;
  return items.length;
}

/** A quoted name that counts: `五个坚持`, `三大攻坚战`. */
const COUNTED_NAME = /^([^]{0,4}?)([一二三四五六七八九十两]+)(个|项|大|种|条|张|件|有)?([^]{1,8})$/;

/** “五个坚持”，即坚持…，坚持…: a quoted count named in the text right after it. */
function quotedCounts(report: Report): CheckFinding[] {
  const findings: CheckFinding[] = [];
  const text = report.text;
  for (const quote of quotesOf(report)) {
    const m = COUNTED_NAME.exec(quoteText(text, quote));
    const namedAfter = m && /^[，,]?即/.exec(text.slice(quote.span.end, quote.span.end + 2));
    if (!m || !namedAfter) continue;
    const stated = parseChineseNumber(m[2]);
    if (!stated || stated < 2 || stated > 20) continue;
    const written = text.slice(quote.span.start, quote.span.end);
    const from = quote.span.end + namedAfter[0].length;
    const end = endOfSentence(text, from);
    const list = text.slice(from, end);
    if (list.length < 4) continue;
    const separator = /[；;]/.test(list) ? /[；;]/ : /[，,]/.test(list) ? /[，,]/ : /、/;
    const items = list.split(separator).filter((s) => s.trim().length >= 2);
    if (items.length < 2 || items.length === stated || items.some((i) => [...i].length > 24)) continue;
    findings.push({
      span: { start: quote.span.start, end: from },
      message: { zh: `「${written}」列出了 ${items.length} 项`, en: `${written} lists ${items.length} items` },
    });
  }
  return findings;
}
