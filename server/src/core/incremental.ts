/**
 * Parsing an edited report again without redoing what the edit did not touch: one `ReportParser`
 * per open document keeps the per-line and per-block results of its last parse, keyed by their
 * text, and the next version reuses those whose text is unchanged (an edit re-reads the lines and
 * blocks it touched, and the block before them, whose role reads the block after it). The model
 * is re-assembled from those pieces at the new offsets and equals `parseReport(text)`.
 */
import type { Report } from './model';
import { assembleReport } from './report';
import { parseStructure, StructureMemo } from './structure';

export class ReportParser {
  private readonly memo = new StructureMemo();

  parse(text: string): Report {
    return assembleReport(text, parseStructure(text, this.memo));
  }
}
