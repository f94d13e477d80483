/**
 * The review checklist (校对清单) as the view, the export and `report-review review --format md|csv`
 * show it: one row per finding or decision, with where it is, what it quotes and what was decided.
 * Report text never breaks a table or injects markup: Markdown cells are escaped (`|`, `[`, `]`,
 * `<`, backticks, line breaks…), CSV follows RFC 4180 with a BOM for spreadsheet programs, and a
 * text cell that a spreadsheet would run as a formula is prefixed with `'`.
 */
import type { RatedFinding } from '../checks';
import type { ChecklistEntry, ChecklistState, DecisionKind } from '../checks/decisions';
import type { LineIndex } from '../core/text';
import { escapeMarkdown } from './markdown';
import { say, toRange, type Language } from './convert';

interface Range { start: { line: number; character: number }; end: { line: number; character: number } }

/** What leads the message of a finding the reviewer confirmed, wherever it is shown (editor, CLI, SARIF). */
export const CONFIRMED_PREFIX = { zh: '【已确认】', en: '[Confirmed] ' };

/** A diagnostic of a confirmed finding: its message marked, and `data.decision` for tools that read it. */
export function confirmedDiagnostic<D extends { message: unknown }>(diagnostic: D, language: Language): D {
  return { ...diagnostic, message: `${say(CONFIRMED_PREFIX, language)}${String(diagnostic.message)}`, data: { decision: 'confirmed' } };
}

export interface ChecklistRow {
  readonly state: ChecklistState;
  readonly check: string;
  readonly fingerprint: string;
  /** Where the finding is; absent for a decision whose finding is gone. */
  readonly range?: Range;
  readonly severity?: string;
  /** The finding's message; a lapsed decision has none. */
  readonly message: string;
  readonly quote: string;
  readonly context: string;
  readonly decision?: DecisionKind;
  readonly reason?: string;
  readonly date?: string;
}

/** One report's checklist, as the server sends it to the view. */
export interface Checklist {
  readonly uri: string;
  /** Restricted Mode: decisions are shown but none can be recorded. */
  readonly readOnly: boolean;
  /** Why the sidecar cannot be used, when it cannot. */
  readonly error?: string;
  readonly rows: readonly ChecklistRow[];
}

export function checklistRows(entries: readonly ChecklistEntry<RatedFinding>[], index: LineIndex, language: Language): ChecklistRow[] {
  return entries.map((e) => ({
    state: e.state,
    check: e.check,
    fingerprint: e.fingerprint,
    ...(e.finding ? { range: toRange(index, e.finding.span), severity: e.finding.severity } : {}),
    message: e.finding ? say(e.finding.message, language) : '',
    quote: e.quote.text,
    context: e.quote.context,
    ...(e.decision ? { decision: e.decision.decision } : {}),
    ...(e.decision?.reason ? { reason: e.decision.reason } : {}),
    ...(e.decision?.date ? { date: e.decision.date } : {}),
  }));
}

const STATE: Record<ChecklistState, { zh: string; en: string }> = {
  open: { zh: '待处理', en: 'open' },
  confirmed: { zh: '已确认', en: 'confirmed' },
  dismissed: { zh: '已驳回', en: 'dismissed' },
  lapsed: { zh: '问题已不存在（原文已改或检查已关闭）', en: 'finding gone (text changed or check off)' },
};

export function stateLabel(state: ChecklistState, language: Language): string {
  return say(STATE[state], language);
}

const HEADERS = {
  zh: ['文件', '行', '检查项', '原文', '上下文', '状态', '理由', '日期', '说明'],
  en: ['file', 'line', 'check', 'quote', 'context', 'state', 'reason', 'date', 'message'],
};

function cells(file: string, r: ChecklistRow, language: Language): string[] {
  return [file, r.range ? String(r.range.start.line + 1) : '', r.check, r.quote, r.context, stateLabel(r.state, language), r.reason ?? '', r.date ?? '', r.message];
}

/** A Markdown table cell: every ASCII punctuation mark escaped (`\|` included), so no markup, link, HTML, code span, new row or column. */
export function markdownCell(text: string): string {
  return escapeMarkdown(text);
}

export function checklistMarkdown(files: readonly { file: string; rows: readonly ChecklistRow[] }[], language: Language): string {
  const header = HEADERS[language];
  const lines = [`# ${language === 'zh' ? '校对清单' : 'Review checklist'}`, '', `| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const { file, rows } of files) for (const r of rows) lines.push(`| ${cells(file, r, language).map(markdownCell).join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** An RFC 4180 field; a text cell a spreadsheet would evaluate (`=…`, `+…`, `@…`) starts with `'`. */
export function csvField(value: string, text = true): string {
  const s = text && FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function checklistCsv(files: readonly { file: string; rows: readonly ChecklistRow[] }[], language: Language): string {
  const lines = [HEADERS[language].map((h) => csvField(h)).join(',')];
  for (const { file, rows } of files) {
    for (const r of rows) lines.push(cells(file, r, language).map((c, i) => csvField(c, i !== 1)).join(','));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
