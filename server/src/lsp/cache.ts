/**
 * One report model per open document version: parsed on first use, replaced when the version
 * changes, dropped when the document closes. Every feature reads the model from here. Term uses
 * depend on the glossaries around the report too, so they are kept per version and per
 * glossary generation.
 */
import type { Report } from '../core/model';
import { parseReport } from '../core/report';
import { LineIndex } from '../core/text';
import type { TermIndex, TermUse } from '../core/terms';

export interface Analysis {
  readonly uri: string;
  readonly version: number;
  readonly report: Report;
  readonly index: LineIndex;
  glossary?: { readonly generation: number; readonly terms: TermIndex; readonly uses: readonly TermUse[] };
}

export class ReportCache {
  private readonly entries = new Map<string, Analysis>();

  get(uri: string, version: number, text: () => string): Analysis {
    const cached = this.entries.get(uri);
    if (cached && cached.version === version) return cached;
    const source = text();
    const analysis: Analysis = { uri, version, report: parseReport(source), index: new LineIndex(source) };
    this.entries.set(uri, analysis);
    return analysis;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
