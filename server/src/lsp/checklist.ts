/**
 * The review checklist over LSP: diagnostics that show the decisions (a confirmed finding stays,
 * marked; a dismissed one is hidden), the quick fixes that record them or turn a check off for the
 * workspace, the `reportReview/checklist` request behind the view and its export, and the commands
 * that write the sidecar and the config. main.ts only registers these.
 */
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver/node';
import type { RatedFinding } from '../checks';
import type { Decision, DecisionKind } from '../checks/decisions';
import { applyDecisions, checklist, fingerprint, quoteOf } from '../service';
import type { Localized } from '../checks/types';
import type { Report } from '../core/model';
import type { LineIndex } from '../core/text';
import { checklistCsv, checklistMarkdown, checklistRows, confirmedDiagnostic, type Checklist } from '../protocol/checklist';
import { notDone, say, toDiagnostic, type Language } from '../protocol/convert';
import {
  decisionRequest, removeDecision, saveCheckOff, saveDecision, turnOffRequest, undoRequest, type DecisionArguments, type DecisionContext,
} from './decisions';

export const RECORD_DECISION = 'reportReview.recordDecision';
export const UNDO_DECISION = 'reportReview.undoDecision';
export const TURN_OFF_CHECK = 'reportReview.turnOffCheck';
export const CHECKLIST_COMMANDS = [RECORD_DECISION, UNDO_DECISION, TURN_OFF_CHECK];

/** A report with every finding of its enabled checks and the decisions recorded beside it. */
export interface Review {
  readonly uri: string;
  readonly report: Report;
  readonly index: LineIndex;
  readonly findings: readonly RatedFinding[];
  readonly decisions: readonly Decision[];
  /** Why the sidecar cannot be used (its decisions do not apply then). */
  readonly error?: Localized;
}

/** The findings still shown — undecided and confirmed — with the confirmed ones marked in their message. */
export function reviewDiagnostics(review: Review, language: Language, checkPage?: (id: string) => string | undefined, documents?: Parameters<typeof toDiagnostic>[5]): Diagnostic[] {
  const { open, confirmed } = applyDecisions(review.report, review.findings, review.decisions);
  return open.map((f) => {
    const diagnostic = toDiagnostic(f, review.index, language, review.uri, checkPage, documents);
    return confirmed.has(f) ? confirmedDiagnostic(diagnostic, language) : diagnostic;
  });
}

/** The findings still shown, for the actions that need them (quick fixes, fix-all). */
export function shownFindings(review: Review): RatedFinding[] {
  return applyDecisions(review.report, review.findings, review.decisions).open;
}

const TITLES = {
  confirmed: { zh: '确认为问题', en: 'Confirm as a problem' },
  dismissed: { zh: '驳回（不是问题）', en: 'Dismiss (not a problem)' },
  undo: { zh: '撤销审阅决定', en: 'Undo the review decision' },
  turnOff: { zh: (id: string) => `在此工作区关闭此检查（${id}）`, en: (id: string) => `Turn off this check for this workspace (${id})` },
};

/**
 * The review actions on one shown finding: confirm (unless it is confirmed already, then undo),
 * dismiss, and turn its check off for the workspace (when a workspace folder can hold the config).
 * The caller offers none when nothing may be written (Restricted Mode, a report not saved on disk).
 */
export function reviewActions(review: Review, finding: RatedFinding, diagnostic: Diagnostic, language: Language, canTurnOff: boolean): CodeAction[] {
  const print = fingerprint(review.report, finding);
  const current = review.decisions.find((d) => d.check === finding.checkId && d.fingerprint === print);
  const quote = quoteOf(review.report, finding);
  const decide = (decision: DecisionKind): CodeAction => {
    const title = say(TITLES[decision], language);
    const args: DecisionArguments = { uri: review.uri, check: finding.checkId, fingerprint: print, quote, decision };
    return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: RECORD_DECISION, arguments: [args] } };
  };
  const actions: CodeAction[] = [];
  if (current?.decision === 'confirmed') {
    const title = say(TITLES.undo, language);
    actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: UNDO_DECISION, arguments: [{ uri: review.uri, check: finding.checkId, fingerprint: print }] } });
  } else {
    actions.push(decide('confirmed'));
  }
  actions.push(decide('dismissed'));
  if (!canTurnOff) return actions;
  const off = TITLES.turnOff[language](finding.checkId);
  actions.push({ title: off, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title: off, command: TURN_OFF_CHECK, arguments: [{ uri: review.uri, check: finding.checkId }] } });
  return actions;
}

const READ_ONLY = { zh: '受限模式：审阅决定只显示，不记录（请先信任此工作区）。', en: 'Restricted Mode: decisions are shown, none is recorded (trust the workspace first).' };

export function checklistOf(review: Review, language: Language, writable: boolean): Checklist {
  // A sidecar that cannot be read has no decisions that apply: the findings are all open.
  const entries = checklist(review.report, review.findings, review.error ? [] : review.decisions);
  return {
    uri: review.uri,
    readOnly: !writable,
    ...(review.error ? { error: say(review.error, language) } : !writable ? { error: say(READ_ONLY, language) } : {}),
    rows: checklistRows(entries, review.index, language),
  };
}

export function checklistExport(review: Review, format: 'md' | 'csv', file: string, language: Language): string {
  const rows = checklistOf(review, language, true).rows;
  return format === 'md' ? checklistMarkdown([{ file, rows }], language) : checklistCsv([{ file, rows }], language);
}

export interface CommandContext extends DecisionContext {
  readonly language: Language;
  readonly showError: (message: string) => void;
  readonly showInformation: (message: string) => void;
  /** Publish the report's diagnostics again (a decision changed). */
  readonly refresh: (uri: string) => void;
  /** Read the config of a workspace folder again (a check was turned off). */
  readonly reloadConfig: (folder: string) => void;
}

/** Runs one of the checklist commands; false when `command` is not one of them. */
export async function executeChecklistCommand(command: string, raw: unknown, context: CommandContext): Promise<boolean> {
  /** Says why nothing was written, after what was not done when the request itself was fine. */
  const fail = (reason: Localized, what?: Localized): true => {
    context.showError(notDone(reason, context.language, what));
    return true;
  };
  if (command === RECORD_DECISION) {
    const request = decisionRequest(raw, context);
    if (!request.ok) return fail(request.reason);
    const saved = await saveDecision(request.reportPath, request.decision);
    if (!saved.ok) return fail(saved.reason, { zh: '未记录此决定。', en: 'the decision was not recorded. ' });
    context.refresh(request.uri);
    return true;
  }
  if (command === UNDO_DECISION) {
    const request = undoRequest(raw, context);
    if (!request.ok) return fail(request.reason);
    const saved = await removeDecision(request.reportPath, request.check, request.fingerprint);
    if (!saved.ok) return fail(saved.reason, { zh: '未能撤销此决定。', en: 'the decision was not undone. ' });
    context.refresh(request.uri);
    return true;
  }
  if (command === TURN_OFF_CHECK) {
    const request = turnOffRequest(raw, context);
    if (!request.ok) return fail(request.reason);
    const saved = await saveCheckOff(request.folder, request.check);
    if (!saved.ok) return fail(saved.reason, { zh: '未关闭此检查。', en: 'the check was not turned off. ' });
    context.reloadConfig(request.folder);
    context.showInformation(say({ zh: `报告审阅：已在 .reportreview.json 中关闭检查 ${request.check}。`, en: `Report Review: ${request.check} is turned off in .reportreview.json.` }, context.language));
    return true;
  }
  return false;
}
