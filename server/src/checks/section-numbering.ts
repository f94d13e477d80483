/**
 * section-numbering — gaps, repeats and out-of-order numbers among sibling headings.
 *
 * Flags: `（一）（二）（四）` (a gap: （三） is missing), `（二）（二）` (a repeat), `三、` before `二、`,
 * and a level-2 numbering that does not restart under a new level-1 section.
 * Does not flag: a fragment that starts mid-report at `（四）` (what came before is simply not
 * there), numbers that restart under a new parent, or a different numbering style at the same
 * level (`1.` items beside `（一）` sections are a different list). A run that starts again at 1
 * (`一、二、三、` … `一、二、`) is a new list under a parent the text does not number (`第一，…`,
 * a paragraph), not a number out of order; a number that continues an earlier run (`四、` after
 * `一、二、`, when that run stopped at `三、`) closes the inner lists — nobody writes 一 by mistake
 * after 三.
 *
 * Why: a skipped or repeated number is the most common trace of a paragraph moved or deleted late
 * in drafting, and the outline makes it visible; a reviewer wants it flagged where it is.
 */
import type { Numbering, Report, Section } from '../core/model';
import { parseChineseNumber } from '../core/numbers';
import type { Check, Finding } from './types';

export const sectionNumbering: Check = {
  id: 'section-numbering',
  defaultSeverity: 'warning',
  description: {
    zh: '同级标题序号缺号、重号或顺序颠倒',
    en: 'Sibling headings with a missing, repeated or out-of-order number',
  },
  run(report: Report): Finding[] {
    const findings: Finding[] = [];
    const visit = (siblings: readonly Section[], isRoot: boolean) => {
      checkSiblings(report.text, siblings, isRoot, findings);
      for (const s of siblings) visit(s.children, false);
    };
    visit(report.sections, true);
    return findings;
  },
};

function checkSiblings(text: string, siblings: readonly Section[], isRoot: boolean, findings: Finding[]): void {
  const byStyle = new Map<string, Section[]>();
  for (const s of siblings) {
    if (!s.numbering || s.kind === 'lead' && s.numbering.style !== 'ordinal-shi') continue;
    const list = byStyle.get(s.numbering.style) ?? [];
    list.push(s);
    byStyle.set(s.numbering.style, list);
  }
  for (const list of byStyle.values()) {
    // Runs open at the same level: 一、二、三、 then 一、二、 under a parent heading the text does
    // not number (第一，…), then 四、 again back in the outer run.
    const runs: Section[][] = [];
    for (let i = 0; i < list.length; i++) {
      const current = list[i].numbering!;
      if (i > 0 && current.value === 1) {
        runs.push([list[i]]);
        continue;
      }
      let outer = runs.length - 1;
      while (outer >= 0 && runs[outer][runs[outer].length - 1].numbering!.value + 1 !== current.value) outer--;
      if (outer >= 0 && outer < runs.length - 1) runs.splice(outer + 1);
      const run = runs[runs.length - 1];
      let previous: Numbering | undefined = run?.[run.length - 1].numbering;
      // 一是/一要 runs go on inside paragraphs too (…工作。一要…；二要…): the last one written
      // inline between two leads is the one this lead follows.
      if (previous && current.style === 'ordinal-shi') previous = lastInline(text, previous, current) ?? previous;
      if (run) run.push(list[i]);
      else runs.push([list[i]]);
      if (!previous) {
        // A list at the top of a fragment may start anywhere; below a heading it starts at 1.
        if (current.value !== 1 && !isRoot && list[i].kind !== 'glossaryEntry') {
          findings.push({
            checkId: 'section-numbering',
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
      if (current.value === expected) continue;
      const related = [{ span: previous.span, message: { zh: `上一个序号「${previous.text}」`, en: `Previous number “${previous.text}”` } }];
      if (current.value === previous.value) {
        findings.push({
          checkId: 'section-numbering',
          span: current.span,
          message: { zh: `序号「${current.text}」重复`, en: `Number “${current.text}” is repeated` },
          related,
        });
      } else if (current.value > expected) {
        const missing = current.value - expected;
        findings.push({
          checkId: 'section-numbering',
          span: current.span,
          message: {
            zh: `序号「${previous.text}」之后是「${current.text}」，缺少 ${missing} 个序号`,
            en: `“${current.text}” follows “${previous.text}”: ${missing} number${missing > 1 ? 's are' : ' is'} missing`,
          },
          related,
        });
      } else {
        findings.push({
          checkId: 'section-numbering',
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

/** The last 一是/二要… that opens a clause between two ordinal leads. */
function lastInline(text: string, previous: Numbering, current: Numbering): Numbering | undefined {
  const from = previous.span.end;
  let found: Numbering | undefined;
  for (const m of text.slice(from, current.span.start).matchAll(/(?<=[。；：:！？\s])([一二三四五六七八九十]+)(?:是|要)/g)) {
    const value = parseChineseNumber(m[1]);
    if (value === undefined) continue;
    found = { style: 'ordinal-shi', value, text: m[0], span: { start: from + m.index, end: from + m.index + m[0].length } };
  }
  return found;
}
