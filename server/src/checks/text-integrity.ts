/**
 * text-integrity — damage a scrape or a late edit leaves in the text.
 *
 * Flags: an unbalanced quotation mark or bracket in a paragraph or a heading line
 * (`“社区便民服务站实现“全覆盖”`, `“六五’时期`), every one of them — an opening typed as a closing
 * mark (`一个”五讲四美”`) once; a character lost inside a quoted term, seen as a blank between two Chinese
 * characters (`“信易 金融”`). Quick fix for leftovers only: remove the line (certain); a lost
 * character is a guess, so it gets none.
 * Information only: website leftovers (导航菜单, 【字体：小 中 大】, 来源：, 本文地址, 上一篇, 分享到 …),
 * wherever they stand — they are the web page's, not the drafter's, and the outline already leaves
 * them out; a warning would put them beside real damage to the text.
 * Information only: a blank at the edge of a quote (`“体育 ”`, `“ 四人帮”`). Typesetting leaves
 * such blanks far more often than a lost character does (older reports have dozens), and the two
 * cannot be told apart from the text alone.
 * Does not flag: quotes that open in one paragraph of a multi-paragraph quotation when the next
 * paragraph opens with a quote again; blanks in quoted Latin text (“Hello World”); a blank beside a
 * digit, letter or sign (`“1+ N”`); a two-part slogan whose halves are parallel — same length of at
 * least three characters or the same last character (`“诚信X省 品质X省”`).
 *
 * Why: these are the traces of copy and paste that a careful reader notices first.
 */
import type { Report, Section } from '../core/model';
import type { Check, CheckFinding } from './types';
import { quoteText, quotesIn, quotesOf } from '../core/quotes';
import { paragraphAt } from '../core/sections';
import { ITEMS_PER_STEP, type Steps } from '../core/steps';

/** A blank between two short halves of a quote's content: `信易 金融`, ` 四人帮`. */
const BLANK_INSIDE = /^([^]{0,12}?)[ \u3000]+([^]{0,12}?)$/;

const PAIRS: readonly [string, string, string, string][] = [
  ['“', '”', '引号', 'quotation marks'],
  ['（', '）', '括号', 'brackets'],
  ['《', '》', '书名号', 'title marks'],
];

export const textIntegrity: Check = {
  id: 'text-integrity',
  defaultSeverity: 'warning',
  structural: true,
  description: { zh: '引号括号不配对、引号内缺字、网页残留文字', en: 'Unbalanced quotes or brackets, lost characters, website leftovers' },
  // In steps: it reads every block of the report, and a long report shows these findings first.
  *run(report: Report): Steps<CheckFinding[]> {
    const findings: CheckFinding[] = [];
    const text = report.text;
    const quotes = quotesOf(report);
    let read = 0;
    for (const p of blocks(report)) {
      if (++read % ITEMS_PER_STEP === 0) yield;
      const body = text.slice(p.span.start, p.span.end);
      for (const [open, close, name, nameEn] of PAIRS) {
        if (!body.includes(open) && !body.includes(close)) continue;
        for (const problem of unbalanced(body, open, close)) {
          const at = p.span.start + problem;
          findings.push({
            span: { start: at, end: at + 1 },
            message: {
              zh: `${name}不配对：此处的「${body[problem]}」没有对应的「${body[problem] === open ? close : open}」`,
              en: `Unbalanced ${nameEn}: this ${body[problem]} has no matching ${body[problem] === open ? close : open}`,
            },
          });
        }
      }
      for (const quote of quotesIn(quotes, p.span)) {
        const m = BLANK_INSIDE.exec(quoteText(text, quote));
        if (!m) continue;
        const written = text.slice(quote.span.start, quote.span.end);
        if (/^[\s\u3000]*$/.test(m[1] + m[2]) || besideSign(written) || parallelHalves(m[1], m[2])) continue;
        const edge = m[1].trim() === '' || m[2].trim() === '';
        findings.push({
          span: quote.span,
          severity: edge ? 'information' : undefined,
          message: { zh: `引号内的「${written}」有空白，可能缺字`, en: `A blank inside “${m[1]} ${m[2]}”: a character may be lost` },
        });
      }
    }
    for (const l of report.leftovers) {
      const lineStart = text.lastIndexOf('\n', l.span.start - 1) + 1;
      let lineEnd = text.indexOf('\n', l.span.end);
      lineEnd = lineEnd < 0 ? text.length : lineEnd + 1;
      findings.push({
        span: l.span,
        severity: 'information',
        message: { zh: `网页残留文字「${l.text}」，不属于报告正文`, en: `Website leftover “${l.text}” is not part of the report` },
        fixes: [{ title: { zh: '删除这一行网页残留', en: 'Remove this leftover line' }, edits: [{ span: { start: lineStart, end: lineEnd }, newText: '' }] }],
      });
    }
    return findings;
  },
};

/** A blank next to a digit, a Latin letter or a sign is spacing around it (`“1+ N”`), not a gap. */
function besideSign(quoted: string): boolean {
  return /[\x21-\x7e\uff01-\uff5e][ \u3000]|[ \u3000][\x21-\x7e\uff01-\uff5e]/.test(quoted);
}

/** `“诚信X省 品质X省”`: two halves of a slogan set apart by a blank mirror each other. */
function parallelHalves(a: string, b: string): boolean {
  const x = [...a.trim()];
  const y = [...b.trim()];
  if (!x.length || !y.length) return false;
  return (x.length === y.length && x.length >= 3) || (x.length >= 2 && y.length >= 2 && x[x.length - 1] === y[y.length - 1]);
}

/** The paragraphs and the heading lines that stand outside them (`（一）用改革的办法推进“三去一降一补”`). */
function blocks(report: Report): { span: { start: number; end: number } }[] {
  const out: { span: { start: number; end: number } }[] = [...report.paragraphs];
  const visit = (s: Section) => {
    const paragraph = paragraphAt(report, s.heading.start);
    if (!paragraph || s.heading.end > paragraph.span.end) out.push({ span: s.heading });
    s.children.forEach(visit);
  };
  report.sections.forEach(visit);
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** The offsets of the marks that have no partner, each once. */
function unbalanced(s: string, open: string, close: string): number[] {
  const out: number[] = [];
  const stack: number[] = [];
  // By code unit: each mark is one, and this reads every character of the report.
  const [openCode, closeCode] = [open.charCodeAt(0), close.charCodeAt(0)];
  // ”五讲四美三热爱”: an opening typed as a closing mark; the closing one after it is its partner.
  let orphanClose = false;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code === openCode) {
      // “…“…” : a second opening before the first closes means the first lost its partner.
      if (open === '“' && stack.length) out.push(stack.pop()!);
      stack.push(i);
      orphanClose = false;
    } else if (code === closeCode) {
      if (stack.length) stack.pop();
      else if (orphanClose) orphanClose = false;
      else {
        out.push(i);
        orphanClose = true;
      }
    }
  }
  return [...out, ...stack].sort((a, b) => a - b);
}
