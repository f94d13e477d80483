/**
 * One report model per open document version: parsed on first use, replaced when the version
 * changes, dropped when the document closes. Every feature reads the model from here.
 */
import type { Report } from '../core/model';
import { parseReport } from '../core/report';
import { LineIndex } from '../core/text';

export interface Analysis {
  readonly uri: string;
  readonly version: number;
  readonly report: Report;
  readonly index: LineIndex;
}

export class ReportCache {
  private readonly entries = new Map<string, Analysis>();

  get(uri: string, version: number, text: () => string): Analysis {
    const cached = this.entries.get(uri);
    if (cached && cached.version === version) return cached;
    const source = text();
    const analysis = { uri, version, report: parseReport(source), index: new LineIndex(source) };
    this.entries.set(uri, analysis);
    return analysis;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  all(): Analysis[] {
    return [...this.entries.values()];
  }
}
