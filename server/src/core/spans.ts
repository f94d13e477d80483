/**
 * Which of many spans contain a given span, answered by binary search: checks ask this once per
 * candidate, and a long report has tens of thousands of figures and paragraphs.
 */
import type { Span } from './model';

export class SpanCover {
  private readonly starts: number[];
  /** The largest end among the spans sorted up to each index. */
  private readonly maxEnds: number[];

  constructor(spans: Iterable<Span>) {
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    this.starts = sorted.map((s) => s.start);
    this.maxEnds = [];
    let max = -Infinity;
    for (const s of sorted) this.maxEnds.push((max = Math.max(max, s.end)));
  }

  /** Whether some span starts at or before `span.start` and ends at or after `span.end`. */
  covers(span: Span): boolean {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] <= span.start) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && this.maxEnds[lo - 1] >= span.end;
  }
}
