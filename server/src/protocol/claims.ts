/**
 * Claims as rows for export (CSV, JSON) and for the figures view. One shape for the CLI, the
 * server and the extension; the README documents it, since reviewers script against it.
 */
import type { Range } from 'vscode-languageserver-types';
import type { Claim } from '../core/claims';
import type { Report } from '../core/model';
import { sectionPathAt } from '../core/sections';
import type { LineIndex } from '../core/text';
import { toRange } from './convert';

export interface ClaimRow {
  readonly text: string;
  readonly range: Range;
  readonly value: number;
  readonly max: number | null;
  readonly unit: string;
  readonly kind: string;
  readonly qualifier: string;
  readonly metric: string;
  readonly metricKey: string;
  /** What the figure is compared with (高于全国 → 全国, 比上年 → 上年), else null. */
  readonly comparedWith: string | null;
  readonly period: string | null;
  readonly modality: string;
  /** The headings the figure stands under, outermost first. */
  readonly section: readonly string[];
}

const HEADINGS = new Set(['part', 'chapter', 'section', 'subsection', 'subheading', 'appendix', 'glossary']);

/** The headings a figure stands under, outermost first, as the outline names them. */
function sectionPath(report: Report, offset: number): string[] {
  return sectionPathAt(report, offset).filter((s) => HEADINGS.has(s.kind)).map((s) => `${s.detail ?? ''}${s.name}`);
}

export function claimRows(report: Report, index: LineIndex): ClaimRow[] {
  return report.claims.map((c: Claim) => ({
    text: c.text,
    range: toRange(index, c.span),
    value: c.value,
    max: c.max ?? null,
    unit: c.unit,
    kind: c.kind,
    qualifier: c.qualifier,
    metric: c.metric,
    metricKey: c.metricKey,
    comparedWith: c.comparedWith ?? null,
    period: c.period ?? null,
    modality: c.modality,
    section: sectionPath(report, c.span.start),
  }));
}

const CSV_COLUMNS = ['line', 'character', 'text', 'value', 'max', 'unit', 'kind', 'qualifier', 'metric', 'period', 'modality', 'section', 'comparedWith'] as const;

/** CSV with a BOM so spreadsheet programs read it as UTF-8; fields quoted where they need it. */
export function claimsCsv(rows: readonly ClaimRow[], file?: string): string {
  const quote = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const header = file ? ['file', ...CSV_COLUMNS] : [...CSV_COLUMNS];
  const lines = [header.join(',')];
  for (const r of rows) {
    const cells = [r.range.start.line + 1, r.range.start.character + 1, r.text, r.value, r.max, r.unit, r.kind, r.qualifier, r.metric, r.period, r.modality, r.section.join(' › '), r.comparedWith];
    lines.push((file ? [file, ...cells] : cells).map(quote).join(','));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** 18,180,000 元 — a value as a reviewer reads it. */
export function formatValue(value: number, unit: string): string {
  const digits = Math.abs(value) >= 1000 ? 0 : 4;
  const formatted = value.toLocaleString('en-US', { maximumFractionDigits: digits });
  return unit ? `${formatted} ${unit}` : formatted;
}
