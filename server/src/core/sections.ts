/**
 * Where an offset stands in the report: its paragraph and the sections around it. The one
 * definition every check and the figures' export read, by binary search over the model instead of a
 * scan of every paragraph or section per question.
 */
import type { Paragraph, Report, Section } from './model';
import { itemAt } from './text';

/** The paragraph that holds `offset`, if any (headings on lines of their own are in none). */
export function paragraphAt(report: Pick<Report, 'paragraphs'>, offset: number): Paragraph | undefined {
  return itemAt(report.paragraphs, offset);
}

/**
 * The sections whose spans hold `offset`, outermost first. Siblings follow one another without
 * overlapping and a section lies within its parent, so one descent finds them.
 */
export function sectionPathAt(report: Pick<Report, 'sections'>, offset: number): Section[] {
  const path: Section[] = [];
  for (let s = itemAt(report.sections, offset); s; s = itemAt(s.children, offset)) path.push(s);
  return path;
}

/** Nodes inside a heading's text rather than headings of their own. */
const NOT_HEADINGS = new Set<Section['kind']>(['lead', 'item', 'glossaryEntry', 'metadataField']);

/**
 * The innermost heading that holds `offset`, past leads, items and entries: the section a
 * paragraph belongs to (`Paragraph.section`), also for an offset in a heading line.
 */
export function sectionAt(report: Report, offset: number): Section | undefined {
  const path = sectionPathAt(report, offset);
  for (let i = path.length - 1; i >= 0; i--) if (!NOT_HEADINGS.has(path[i].kind)) return path[i];
  return undefined;
}
