/**
 * section-numbering — gaps, repeats and out-of-order numbers among sibling headings.
 *
 * Flags: `（一）（二）（四）` (a gap: （三） is missing), `（二）（二）` (a repeat, also when the first
 * `四是` stands inside the paragraph before: `…三是…。四是…` ⏎ `四是…`), `三、` before `二、`,
 * and a level-2 numbering that does not restart under a new level-1 section.
 * Does not flag: a fragment that starts mid-report at `（四）` (what came before is simply not
 * there), numbers that restart under a new parent, or a different numbering style at the same
 * level (`1.` items beside `（一）` sections are a different list); items beside headings of the same
 * style (a `一、…五、` list before the `一、` chapters of a part); `一是…五是` and `一要…五要` runs,
 * which restart in each paragraph and may begin or go on inside the paragraph before
 * (`…：一是…。` ⏎ `二是…`); `第二，第三，` points after a `首先，`.
 *
 * Why: a skipped or repeated number is the most common trace of a paragraph moved or deleted late
 * in drafting, and the outline makes it visible; a reviewer wants it flagged where it is.
 */
import type { Numbering, Report, Section } from '../core/model';
import type { Check, CheckFinding } from './types';
import { parseChineseNumeral } from '../core/numerals';

export const sectionNumbering: Check = {
  id: 'section-numbering',
  defaultSeverity: 'warning',
  structural: true,
  description: {
    zh: '同级标题序号缺号、重号或顺序颠倒',
    en: 'Sibling headings with a missing, repeated or out-of-order number',
  },
  run(report: Report): CheckFinding[] {
    const findings: CheckFinding[] = [];
    const visit = (siblings: readonly Section[], isRoot: boolean) => {
      checkSiblings(report.text, siblings, isRoot, findings);
      for (const s of siblings) visit(s.children, false);
    };
    visit(report.sections, true);
    return findings.filter((f) => !runGoesOnInline(report.text, f));
  },
};

function checkSiblings(text: string, siblings: readonly Section[], isRoot: boolean, findings: CheckFinding[]): void {
  const byStyle = new Map<string, Section[]>();
  for (const s of siblings) {
    if (!s.numbering || s.kind === 'lead' && s.numbering.style !== 'ordinal-shi') continue;
    // Items and headings are separate lists; 一是… and 一要… are separate runs.
    const key = `${s.kind === 'item' ? 'item' : 'heading'} ${s.numbering.style} ${s.numbering.style === 'ordinal-shi' ? s.numbering.text.slice(-1) : ''}`;
    const list = byStyle.get(key) ?? [];
    list.push(s);
    byStyle.set(key, list);
  }
  for (const list of byStyle.values()) {
    for (let i = 0; i < list.length; i++) {
      const current = list[i].numbering!;
      const previous = list[i - 1]?.numbering;
      if (!previous) {
        // A list at the top of a fragment may start anywhere; below a heading it starts at 1
        // (第二，第三， after 首先， are a list of their own kind).
        if (current.value !== 1 && !isRoot && list[i].kind !== 'glossaryEntry' && !(list[i].kind === 'item' && current.style === 'chinese-ordinal')) {
          findings.push({
            span: current.span,
            message: {
              zh: `序号从「${current.text}」开始，应从 1 开始`,
              en: `Numbering starts at “${current.text}” instead of 1`,
            },
            severity: 'information',
          });
        }
        continue;
      }
      const expected = previous.value + 1;
      if (current.value === expected) {
        // …三是…。四是加强风险管理… ⏎ 四是加强风险管理…: the same item already written inside the paragraph before.
        const inline = current.style === 'ordinal-shi' ? inlineRepeat(text, previous, current) : undefined;
        if (inline !== undefined) {
          findings.push({
            span: current.span,
            message: { zh: `序号「${current.text}」重复`, en: `Number “${current.text}” is repeated` },
            related: [{ span: { start: inline, end: inline + current.text.length }, message: { zh: `上一个「${current.text}」`, en: `The other “${current.text}”` } }],
          });
        }
        continue;
      }
      // 一是 opens a new run in a new paragraph.
      if (current.style === 'ordinal-shi' && current.value === 1) continue;
      const related = [{ span: previous.span, message: { zh: `上一个序号「${previous.text}」`, en: `Previous number “${previous.text}”` } }];
      if (current.value === previous.value) {
        findings.push({
          span: current.span,
          message: { zh: `序号「${current.text}」重复`, en: `Number “${current.text}” is repeated` },
          related,
        });
      } else if (current.value > expected) {
        const missing = current.value - expected;
        findings.push({
          span: current.span,
          message: {
            zh: `序号「${previous.text}」之后是「${current.text}」，缺少 ${missing} 个序号`,
            en: `“${current.text}” follows “${previous.text}”: ${missing} number${missing > 1 ? 's are' : ' is'} missing`,
          },
          related,
        });
      } else {
        findings.push({
          span: current.span,
          message: {
            zh: `序号「${current.text}」出现在「${previous.text}」之后，顺序颠倒`,
            en: `“${current.text}” comes after “${previous.text}”: out of order`,
          },
          related,
        });
      }
    }
  }
}

/**
 * 一是…五是 runs and 第一，…第五， points live in the text as much as at the start of paragraphs: a
 * run that starts at 二是, or skips from 二是 to 四是, is whole when the numbers it lacks stand
 * inside the paragraphs before.
 */
function runGoesOnInline(text: string, finding: CheckFinding): boolean {
  const written = text.slice(finding.span.start, finding.span.end);
  const m = /^([一二三四五六七八九十]+)([是要])$/.exec(written) ?? /^第([一二三四五六七八九十]+)([，、])$/.exec(written);
  if (!m) return false;
  const stands = (between: string, v: number) =>
    written.startsWith('第')
      ? between.includes(`第${toChineseNumeral(v)}，`) || between.includes(`第${toChineseNumeral(v)}、`)
      : between.includes(`${toChineseNumeral(v)}${m[2]}`);
  const value = parseChineseNumeral(m[1]);
  if (value === undefined || value < 2) return false;
  const previous = finding.related?.[0]?.span;
  const from = previous ? previous.end : Math.max(0, finding.span.start - 600);
  const between = text.slice(from, finding.span.start);
  const previousValue = previous ? parseChineseNumeral(text.slice(previous.start, previous.end).replace(/^第|[是要，、]$/g, '')) ?? 0 : 0;
  // 二是 after 五是: a new run whose 一是 stands inside the paragraph before.
  const first = previousValue < value ? previousValue + 1 : 1;
  for (let v = first; v < value; v++) if (!stands(between, v)) return false;
  return true;
}

/** Where the same 四是 opens a clause inside the text between the previous lead and this one, if it does. */
function inlineRepeat(text: string, previous: Numbering, current: Numbering): number | undefined {
  const between = text.slice(previous.span.end, current.span.start);
  const m = new RegExp(`(?<=[。；！？])${current.text}`).exec(between);
  return m ? previous.span.end + m.index : undefined;
}

function toChineseNumeral(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n < 10) return digits[n];
  return `${n >= 20 ? digits[Math.floor(n / 10)] : ''}十${n % 10 ? digits[n % 10] : ''}`;
}
