/**
 * section-numbering — gaps, repeats and out-of-order numbers among sibling headings.
 *
 * Flags: `（一）（二）（四）` (a gap: （三） is missing), `（二）（二）` (a repeat), `三、` before `二、`,
 * and a level-2 numbering that does not restart under a new level-1 section.
 * Does not flag: a fragment that starts mid-report at `（四）` (what came before is simply not
 * there), numbers that restart under a new parent, or a different numbering style at the same
 * level (`1.` items beside `（一）` sections are a different list).
 *
 * Why: a skipped or repeated number is the most common trace of a paragraph moved or deleted late
 * in drafting, and the outline makes it visible; a reviewer wants it flagged where it is.
 */
import type { Report, Section } from '../core/model';
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
      checkSiblings(siblings, isRoot, findings);
      for (const s of siblings) visit(s.children, false);
    };
    visit(report.sections, true);
    return findings;
  },
};

function checkSiblings(siblings: readonly Section[], isRoot: boolean, findings: Finding[]): void {
  const byStyle = new Map<string, Section[]>();
  for (const s of siblings) {
    if (!s.numbering || s.kind === 'lead' && s.numbering.style !== 'ordinal-shi') continue;
    const list = byStyle.get(s.numbering.style) ?? [];
    list.push(s);
    byStyle.set(s.numbering.style, list);
  }
  for (const list of byStyle.values()) {
    for (let i = 0; i < list.length; i++) {
      const current = list[i].numbering!;
      const previous = list[i - 1]?.numbering;
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
