/** Where a report's glossary sections are, so checks can tell the body from its definitions. */
import type { Report, Section, Span } from '../core/model';

export function glossarySpans(report: Report): Span[] {
  const out: Span[] = [];
  const visit = (s: Section) => {
    if (s.kind === 'glossary') out.push(s.span);
    else s.children.forEach(visit);
  };
  report.sections.forEach(visit);
  return out;
}

export function inside(spans: readonly Span[], offset: number): boolean {
  return spans.some((s) => s.start <= offset && offset < s.end);
}

/** The end of the report's last paragraph: where text is appended, before any page footer. */
export function endOfBody(report: Report): number {
  const last = report.paragraphs[report.paragraphs.length - 1];
  return last ? last.span.end : report.text.length;
}
