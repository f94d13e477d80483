/**
 * The targets-and-results table in the shapes its readers want: rows with LSP ranges and URIs (a
 * view, a hover, JSON), CSV for spreadsheets, Markdown for a review note, plain text for a terminal.
 */
import type { Range } from 'vscode-languageserver-types';
import type { TargetRow, TargetStatus } from '../core/targets';
import type { LineIndex } from '../core/text';
import { say, toRange, type Language } from './convert';
import { escapeMarkdown } from './markdown';

export interface TargetPlace {
  readonly uri: string;
  /** The figure (or a qualitative target's words), and the clause that states it. */
  readonly range: Range;
  readonly clauseRange: Range;
  readonly text: string;
  readonly figure: string | null;
}

export interface TargetTableRow {
  readonly metric: string;
  readonly main: boolean;
  readonly year: number | null;
  readonly status: TargetStatus;
  readonly direction: string | null;
  /** How the result's metric meets the target's: metric, synonym, short or part. */
  readonly match: string | null;
  readonly target: TargetPlace;
  readonly result: TargetPlace | null;
  readonly reason: string;
}

export interface TargetDocument {
  readonly uri: string;
  readonly index: LineIndex;
}

export function targetTableRows(rows: readonly TargetRow[], previous: TargetDocument, next: TargetDocument, language: Language): TargetTableRow[] {
  return rows.map((r) => ({
    metric: r.metric,
    main: r.main,
    year: r.year ?? null,
    status: r.status,
    direction: r.direction ?? null,
    match: r.match ?? null,
    target: { uri: previous.uri, range: toRange(previous.index, r.target.span), clauseRange: toRange(previous.index, r.target.clause), text: r.target.text, figure: r.target.claim?.text ?? null },
    result: r.result ? { uri: next.uri, range: toRange(next.index, r.result.span), clauseRange: toRange(next.index, r.result.clause), text: r.result.text, figure: r.result.claim?.text ?? null } : null,
    reason: say(r.reason, language),
  }));
}

const STATUS: Record<TargetStatus, { zh: string; en: string }> = {
  met: { zh: '已完成', en: 'met' },
  missed: { zh: '未完成', en: 'missed' },
  'no-result': { zh: '未报告结果', en: 'no result' },
  'not-comparable': { zh: '不可比', en: 'not comparable' },
};

export function statusLabel(status: TargetStatus, language: Language): string {
  return say(STATUS[status], language);
}

const CSV_COLUMNS = ['status', 'main', 'year', 'metric', 'target', 'target_line', 'result', 'result_line', 'direction', 'reason'] as const;

/** CSV with a BOM so spreadsheet programs read it as UTF-8; fields quoted where they need it. */
export function targetsCsv(rows: readonly TargetTableRow[]): string {
  const quote = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push([r.status, r.main, r.year, r.metric, r.target.text, r.target.range.start.line + 1, r.result?.text, r.result ? r.result.range.start.line + 1 : null, r.direction, r.reason].map(quote).join(','));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** A Markdown table; report text is escaped so it cannot inject markup. */
export function targetsMarkdown(rows: readonly TargetTableRow[], language: Language): string {
  const zh = language === 'zh';
  // escapeMarkdown already writes `|` as `\|`; escaping again would make `\\|`, an escaped backslash before a cell break.
  const cell = escapeMarkdown;
  const out = [zh ? '| 目标 | 结果 | 状态 | 说明 |' : '| Target | Result | Status | Reason |', '|---|---|---|---|'];
  for (const r of rows) {
    const target = `${cell(r.target.text)} (${zh ? '第' : 'line '}${r.target.range.start.line + 1}${zh ? '行' : ''})`;
    const result = r.result ? `${cell(r.result.text)} (${zh ? '第' : 'line '}${r.result.range.start.line + 1}${zh ? '行' : ''})` : '—';
    out.push(`| ${r.main ? '' : '· '}${target} | ${result} | ${statusLabel(r.status, language)} | ${cell(r.reason)} |`);
  }
  return `${out.join('\n')}\n`;
}
