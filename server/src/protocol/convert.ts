/**
 * The one place where core offsets and model nodes become LSP shapes.
 * Used by the language server and by the CLI's JSON output, so both speak the same protocol.
 */
import {
  DiagnosticSeverity, DocumentSymbol, FoldingRange, FoldingRangeKind, SymbolKind,
  type Diagnostic, type DiagnosticRelatedInformation, type Position, type Range,
} from 'vscode-languageserver-types';
import type { Report, Section, SectionKind, Span } from '../core/model';
import { LineIndex } from '../core/text';
import type { RatedFinding, Severity } from '../checks';
import type { Localized } from '../checks/types';

export type Language = 'zh' | 'en';

export function pickLanguage(locale: string | undefined): Language {
  return locale && /^zh/i.test(locale) ? 'zh' : 'en';
}

/** Why a command wrote nothing, as the editor shows it: `Report Review: <what was not done> <why>`. */
export function notDone(reason: Localized, language: Language, what?: Localized): string {
  return `${say({ zh: '报告审阅：', en: 'Report Review: ' }, language)}${what ? say(what, language) : ''}${say(reason, language)}`;
}

export function say(text: Localized, language: Language): string {
  return language === 'zh' ? text.zh : text.en;
}

export function toRange(index: LineIndex, span: Span): Range {
  return { start: index.position(span.start), end: index.position(span.end) };
}

/** Outline icons: the report's levels map to distinct symbol kinds so they are told apart at a glance. */
const SYMBOL_KIND: Record<SectionKind, SymbolKind> = {
  metadata: SymbolKind.Object,
  metadataField: SymbolKind.Property,
  title: SymbolKind.File,
  speechLine: SymbolKind.Event,
  speaker: SymbolKind.Constructor,
  salutation: SymbolKind.String,
  part: SymbolKind.Module,
  chapter: SymbolKind.Namespace,
  section: SymbolKind.Class,
  subsection: SymbolKind.Struct,
  subheading: SymbolKind.Method,
  lead: SymbolKind.Field,
  item: SymbolKind.EnumMember,
  appendix: SymbolKind.Package,
  glossary: SymbolKind.Interface,
  glossaryEntry: SymbolKind.Key,
};

export function symbolKind(kind: SectionKind): SymbolKind {
  return SYMBOL_KIND[kind];
}

/** Kinds whose `detail` is their number (`（一）`, `1.`); a metadata field's detail is its value. */
const NUMBERED = new Set<SectionKind>(['part', 'chapter', 'section', 'subheading', 'item', 'appendix', 'glossaryEntry']);

/** A lead sentence among numbered siblings belongs to the text around them, not beside them. */
const SUBORDINATE_MARK = '· ';

/**
 * The outline as a reviewer reads the report: the number leads (`（一） 稳住经济大盘`), and an
 * unnumbered lead sentence sitting among numbered sections is marked as subordinate to them.
 * `amongNumbered`: whether any of the section's siblings is numbered (asked once per list).
 */
function symbolName(s: Section, amongNumbered: boolean): string {
  if (s.detail && NUMBERED.has(s.kind)) return `${s.detail} ${s.name}`;
  if (s.kind === 'lead' && amongNumbered) return `${SUBORDINATE_MARK}${s.name}`;
  return s.name;
}

function anyNumbered(sections: readonly Section[]): boolean {
  return sections.some((o) => o.detail && NUMBERED.has(o.kind) && o.kind !== 'glossaryEntry');
}

/**
 * The outline. With the outline of the version before, a symbol whose name, kind, ranges and
 * children came out the same is that version's object: a keystroke leaves most of the outline as
 * it was, and the transport can send such a symbol as the bytes it sent before (lsp/wire.ts). A
 * symbol with no children has none listed (LSP lets them be left out), a shorter message.
 */
export function toDocumentSymbols(report: Report, index: LineIndex, previous?: readonly DocumentSymbol[]): DocumentSymbol[] {
  // The old range when the span falls on the same positions, so an unchanged symbol makes no objects.
  const rangeOf = (span: Span, old: Range | undefined): Range =>
    old && atPosition(index, span.start, old.start) && atPosition(index, span.end, old.end) ? old : toRange(index, span);
  const convert = (s: Section, amongNumbered: boolean, old: DocumentSymbol | undefined): DocumentSymbol => {
    const range = rangeOf(s.span, old?.range);
    const selectionRange = rangeOf(clampInside(s.heading, s.span), old?.selectionRange);
    const numbered = anyNumbered(s.children);
    const children = s.children.length === 0 ? undefined : s.children.map((c, i) => convert(c, numbered, old?.children?.[i]));
    const name = symbolName(s, amongNumbered);
    const detail = NUMBERED.has(s.kind) ? undefined : s.detail;
    const kind = SYMBOL_KIND[s.kind];
    if (old && old.name === name && old.detail === detail && old.kind === kind && old.range === range &&
      old.selectionRange === selectionRange && sameItems(old.children, children)) return old;
    const symbol: DocumentSymbol = { name, kind, range, selectionRange };
    if (detail !== undefined) symbol.detail = detail;
    if (children) symbol.children = children;
    return symbol;
  };
  const numbered = anyNumbered(report.sections);
  return report.sections.map((s, i) => convert(s, numbered, previous?.[i]));
}

function atPosition(index: LineIndex, offset: number, position: Position): boolean {
  const line = index.lines[position.line];
  return line !== undefined && line.start + position.character === offset && offset <= line.end;
}

function sameItems<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** LSP requires the selection range to lie inside the full range. */
function clampInside(inner: Span, outer: Span): Span {
  const start = Math.min(Math.max(inner.start, outer.start), outer.end);
  const end = Math.min(Math.max(inner.end, start), outer.end);
  return { start, end };
}

/** Folding follows the outline: every node that spans more than one line folds. */
export function toFoldingRanges(report: Report, index: LineIndex): FoldingRange[] {
  const out: FoldingRange[] = [];
  const visit = (s: Section) => {
    const startLine = index.lineAt(s.span.start);
    const endLine = index.lineAt(Math.max(s.span.start, s.span.end - 1));
    if (endLine > startLine) {
      out.push({ startLine, endLine, kind: s.kind === 'metadata' ? FoldingRangeKind.Imports : FoldingRangeKind.Region });
    }
    s.children.forEach(visit);
  };
  report.sections.forEach(visit);
  return out;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * A finding as an LSP diagnostic. `checkPage(id)` gives the URI of a check's documentation page
 * (docs/checks/<id>.md), to which the diagnostic's code links. Related locations in another document
 * (the previous report of a pair, an evidence table) need that document's URI and line index;
 * without them they are left out.
 */
export function toDiagnostic(
  finding: RatedFinding, index: LineIndex, language: Language, uri: string,
  checkPage?: (checkId: string) => string | undefined,
  documents: Readonly<Record<string, { uri: string; index: LineIndex }>> = {},
): Diagnostic {
  const related: DiagnosticRelatedInformation[] | undefined = finding.related?.flatMap((r) => {
    const where = r.document !== undefined ? documents[r.document] : { uri, index };
    return where ? [{ location: { uri: where.uri, range: toRange(where.index, r.span) }, message: say(r.message, language) }] : [];
  });
  const href = checkPage?.(finding.checkId);
  return {
    range: toRange(index, finding.span),
    severity: SEVERITY[finding.severity],
    code: finding.checkId,
    codeDescription: href ? { href } : undefined,
    source: 'report-review',
    message: say(finding.message, language),
    relatedInformation: related && related.length ? related : undefined,
  };
}
