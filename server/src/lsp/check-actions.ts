/**
 * Actions around the checks that are not tied to one finding: the link from a diagnostic's code to
 * its check's page, and one fix that removes every website leftover of a report.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionKind, type CodeAction, type CodeActionContext, type Diagnostic } from 'vscode-languageserver/node';
import type { RatedFinding } from '../checks';
import type { Report, Span } from '../core/model';
import type { LineIndex } from '../core/text';
import { toRange, type Language } from '../protocol/convert';

/** The pages ship beside the bundle: dist/server.js → docs/checks/<id>.md. */
const PAGES = join(__dirname, '..', 'docs', 'checks');
const pagesShipped = existsSync(PAGES);

const pageUris = new Map<string, string>();

/**
 * The file URI of a check's page, or undefined when the pages are not installed. Made once per
 * check: a report's first diagnostics can number a thousand, and each asks.
 */
export function checkPageUri(checkId: string): string | undefined {
  if (!pagesShipped) return undefined;
  let uri = pageUris.get(checkId);
  if (uri === undefined) pageUris.set(checkId, (uri = pathToFileURL(join(PAGES, `${checkId}.md`)).href));
  return uri;
}

export const FIX_ALL_LEFTOVERS = `${CodeActionKind.SourceFixAll}.reportReview`;

const TITLE = {
  zh: (n: number) => `删除全部网页残留（${n} 处）`,
  en: (n: number) => `Remove all website leftovers (${n})`,
};

/** Leftover findings, known by the leftover span the report model gives them. */
function leftoverFindings(report: Report, findings: readonly RatedFinding[]): RatedFinding[] {
  const spans = new Set(report.leftovers.map((l) => `${l.span.start}:${l.span.end}`));
  return findings.filter((f) => f.checkId === 'text-integrity' && f.fixes?.length && spans.has(`${f.span.start}:${f.span.end}`));
}

/** Every leftover's removal, in order; two leftovers on one line remove that line once. */
export function leftoverRemovals(report: Report, findings: readonly RatedFinding[]): { span: Span; newText: string }[] {
  const edits = leftoverFindings(report, findings)
    .flatMap((f) => f.fixes!.flatMap((fix) => fix.edits))
    .sort((a, b) => a.span.start - b.span.start);
  const out: { span: Span; newText: string }[] = [];
  for (const edit of edits) {
    const last = out[out.length - 1];
    if (last && edit.span.start < last.span.end) continue;
    out.push(edit);
  }
  return out;
}

/**
 * “Remove all website leftovers” as `source.fixAll` (Source Action…, or on save), and as a quick
 * fix on each leftover when there is more than one.
 */
export function leftoverActions(
  uri: string, report: Report, index: LineIndex, findings: readonly RatedFinding[], context: CodeActionContext, language: Language,
): CodeAction[] {
  const edits = leftoverRemovals(report, findings);
  if (edits.length === 0) return [];
  const title = TITLE[language](leftoverFindings(report, findings).length);
  const edit = { changes: { [uri]: edits.map((e) => ({ range: toRange(index, e.span), newText: e.newText })) } };
  const wants = (kind: string) => !context.only || context.only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];
  if (wants(FIX_ALL_LEFTOVERS)) actions.push({ title, kind: FIX_ALL_LEFTOVERS, edit });
  const onLeftover: Diagnostic[] = context.diagnostics.filter((d) => d.code === 'text-integrity' && report.leftovers.some((l) => sameStart(index, l.span, d)));
  if (edits.length > 1 && onLeftover.length && wants(CodeActionKind.QuickFix)) {
    actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: onLeftover, edit });
  }
  return actions;
}

function sameStart(index: LineIndex, span: Span, d: Diagnostic): boolean {
  const p = index.position(span.start);
  return p.line === d.range.start.line && p.character === d.range.start.character;
}

