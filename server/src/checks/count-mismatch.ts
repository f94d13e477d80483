/**
 * count-mismatch — a stated count and the things it counts disagree.
 *
 * Flags: `重点做好十个方面工作：` followed by （一）…（九）; `从八个方面实现突破：一是…七是…`;
 * `推出3种服务模式（全员化服务、群体化服务）`; `京哈改扩建、本桓宽、凌绥、台黑5条高速`;
 * `“五个坚持”，即坚持…，坚持…，坚持…，坚持…` (four named).
 * Does not flag: a count followed by a list the report does not number, lists of two (often a
 * pair of examples: `等`), `等N个` (the list gives examples, not all).
 *
 * Why: adding or dropping an item late in drafting leaves the count in the lead-in behind.
 */
import type { Claim } from '../core/claims';
import { parseChineseNumber } from '../core/numbers';
import type { Report, Section } from '../core/model';
import type { Check, Finding } from './types';
import { endOfSentence } from './sentences';

export const countMismatch: Check = {
  id: 'count-mismatch',
  defaultSeverity: 'warning',
  description: { zh: '所述数量与列举的项目数不符', en: 'A stated count that disagrees with the items listed' },
  run(report: Report): Finding[] {
    const findings: Finding[] = [];
    const text = report.text;
    const numbered = numberedHeadings(report.sections);
    const flag = (c: { start: number; end: number }, stated: string, listed: number, related?: { start: number; end: number }) =>
      findings.push({
        checkId: 'count-mismatch',
        span: c,
        message: { zh: `此处称「${stated}」，但后文列出 ${listed} 项`, en: `“${stated}” here, but ${listed} items are listed` },
        related: related ? [{ span: related, message: { zh: '列举的最后一项', en: 'The last item listed' } }] : undefined,
      });

    for (const c of report.claims) {
      if (c.kind !== 'count' || c.max !== undefined || c.qualifier !== 'exact' || !Number.isInteger(c.value) || c.value < 2 || c.value > 30) continue;
      const after = text.slice(c.span.end, c.span.end + 24);
      // 1. A lead-in ending in ： (重点做好十个方面工作：) and the numbered headings or 一是… after it.
      if (/^[^。；，]{0,12}[：:]/.test(after) || /^[^。；，]{0,12}(以下|如下)/.test(after)) {
        const inline = ordinalsIn(text, c.span.end, paragraphEnd(report, c.span.end));
        if (inline.count >= 2) {
          if (inline.count !== c.value) flag(c.span, c.text, inline.count, inline.last);
          continue;
        }
        const list = numberedListAfter(numbered, c.span.end);
        if (list && list.count >= 2 && list.count !== c.value) flag(c.span, c.text, list.count, list.last.heading);
        continue;
      }
      // 2. Items named in brackets right after the counted noun: 3种服务模式（A、B、C）.
      const bracket = /^[^（(，。；]{1,10}[（(]([^）)]{2,80})[）)]/.exec(after + text.slice(c.span.end + 24, c.span.end + 100));
      if (bracket) {
        const items = bracket[1].split(/[、，,]/).filter((s) => s.trim().length >= 2);
        if (items.length >= 2 && !/等$/.test(bracket[1]) && items.length !== c.value) flag(c.span, c.text, items.length);
        continue;
      }
      // 3. Items named just before the count: 京哈改扩建、本桓宽、凌绥、台黑4条高速.
      const before = listBefore(text, c);
      if (before && before !== c.value) flag(c.span, c.text, before);
    }
    for (const f of quotedCounts(report)) findings.push(f);
    return findings;
  },
};


function paragraphEnd(report: Report, offset: number): number {
  const p = report.paragraphs.find((x) => x.span.start <= offset && offset < x.span.end);
  return p ? p.span.end : offset;
}

/** 一是…；二是…；三是… in the same paragraph, after the lead-in. */
function ordinalsIn(text: string, from: number, to: number): { count: number; last?: { start: number; end: number } } {
  let expected = 1;
  let last: { start: number; end: number } | undefined;
  for (const m of text.slice(from, to).matchAll(/([一二三四五六七八九十]+)(?:是|要)/g)) {
    if (parseChineseNumber(m[1]) !== expected) continue;
    last = { start: from + m.index, end: from + m.index + m[0].length };
    expected++;
  }
  return { count: expected - 1, last };
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
function numberedListAfter(headings: readonly NumberedHeading[], offset: number): { count: number; last: Section } | undefined {
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
  return { count, last };
}

/**
 * Names listed with 、 right before the count (京哈改扩建、本桓宽、凌绥、台黑4条高速; …服务全程监督办十项办法),
 * at least three of them, none long, and nothing between the last name and the count.
 */
function listBefore(text: string, c: Claim): number | undefined {
  let start = c.span.start;
  while (start > 0 && !/[，。；：！？,.;:!?\n（(“”]/.test(text[start - 1]) && c.span.start - start < 200) start--;
  const segment = text.slice(start, c.span.start).replace(/^.*?(?:分别是指|是指|分别为|包括|即)/, '');
  // 等 marks examples, not the whole list; a figure inside the list means it is not a list of names.
  if (/等|[0-9０-９]/.test(segment)) return undefined;
  const items = segment.split('、');
  const last = items[items.length - 1];
  if (items.length < 3 || items.some((i) => i.length === 0 || [...i].length > 14)) return undefined;
  if (/(达到|实现|均|之后|大类|为|共|计|有|是|在|到)/.test(last)) return undefined;
  return items.length;
}

/** “五个坚持”，即坚持…，坚持…: a quoted count named in the text right after it. */
function quotedCounts(report: Report): Finding[] {
  const findings: Finding[] = [];
  const text = report.text;
  const re = /“([^“”]{0,4}?)([一二三四五六七八九十两]+)(个|项|大|种|条|张|件|有)?([^“”]{1,8})”[，,]?即/g;
  for (const m of text.matchAll(re)) {
    const stated = parseChineseNumber(m[2]);
    if (!stated || stated < 2 || stated > 20) continue;
    const from = m.index + m[0].length;
    const end = endOfSentence(text, from);
    const list = text.slice(from, end);
    if (list.length < 4) continue;
    const separator = /[；;]/.test(list) ? /[；;]/ : /[，,]/.test(list) ? /[，,]/ : /、/;
    const items = list.split(separator).filter((s) => s.trim().length >= 2);
    if (items.length < 2 || items.length === stated || items.some((i) => [...i].length > 24)) continue;
    findings.push({
      checkId: 'count-mismatch',
      span: { start: m.index, end: m.index + m[0].length },
      message: { zh: `「${m[0].replace(/[，,]?即$/, '')}」列出了 ${items.length} 项`, en: `${m[0].replace(/[，,]?即$/, '')} lists ${items.length} items` },
    });
  }
  return findings;
}
