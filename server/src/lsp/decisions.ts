/**
 * The reviewer's commands from `workspace/executeCommand`: record a decision, undo one, turn a check
 * off for the workspace. The arguments come from the client and are checked as untrusted input: the
 * document must be open, a `file:` report inside a workspace folder (when there are folders), the
 * check id known, the decision one of the two kinds.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Decision, DecisionKind, Quote } from '../checks/decisions';
import { CHECKS, isDecisionKind, QUOTE_LIMIT, REASON_LIMIT } from '../service';
import type { Localized } from '../checks/types';
import { recordDecision, undoDecision } from '../config/review-file';
import { turnOffCheck } from '../config/turn-off';
import { isInside } from '../io/files';
import { FileRefused } from '../io/locked-file';

export interface DecisionArguments {
  readonly uri: string;
  readonly check: string;
  readonly fingerprint: string;
  readonly quote: Quote;
  readonly decision: DecisionKind;
  /** Asked for when dismissing; empty is fine. */
  readonly reason?: string;
}

export interface DecisionContext {
  readonly trusted: boolean;
  readonly isOpen: (uri: string) => boolean;
  readonly folders: readonly string[];
}

/** Why a command wrote nothing, in both languages. */
export type Refusal = { ok: false; reason: Localized };

export function refuse(zh: string, en: string): Refusal {
  return { ok: false, reason: { zh, en } };
}

const RESTRICTED = refuse('受限模式下不记录审阅决定，也不修改配置（请先信任此工作区）。', 'review decisions and the workspace config are not written in Restricted Mode (trust the workspace first).');

/** An open report saved on disk inside a workspace folder, and the folder that holds it. */
function reportOf(a: Record<string, unknown> | undefined, context: DecisionContext): { ok: true; uri: string; reportPath: string; folder?: string } | Refusal {
  if (!context.trusted) return RESTRICTED;
  if (!a || typeof a !== 'object' || typeof a.uri !== 'string') return refuse('缺少报告。', 'no report given.');
  if (!context.isOpen(a.uri)) return refuse('只能为已打开的报告记录决定。', 'decisions are recorded only for an open report.');
  let reportPath: string;
  try {
    if (!a.uri.startsWith('file:')) throw new Error('not a file');
    reportPath = fileURLToPath(a.uri);
  } catch {
    return refuse('只能为磁盘上的报告记录决定。', 'decisions are recorded only for a report saved on disk.');
  }
  if (context.folders.length === 0) return { ok: true, uri: a.uri, reportPath };
  let real: string;
  try {
    real = realpathSync(reportPath);
  } catch {
    return refuse('报告文件不存在。', 'the report file does not exist.');
  }
  // The innermost folder holding the report: its config is the one that applies.
  const folder = context.folders
    .filter((f) => {
      try {
        return isInside(realpathSync(f), real);
      } catch {
        return false;
      }
    })
    .sort((x, y) => y.length - x.length)[0];
  if (!folder) return refuse('报告不在工作区文件夹内。', 'the report is not inside a workspace folder.');
  return { ok: true, uri: a.uri, reportPath, folder };
}

const knownCheck = (id: unknown): id is string => typeof id === 'string' && CHECKS.some((c) => c.id === id);
const validFingerprint = (f: unknown): f is string => typeof f === 'string' && /^[0-9a-f]{16}$/.test(f);
const text = (value: unknown, limit: number) => (typeof value === 'string' ? value.slice(0, limit) : '');

export function decisionRequest(raw: unknown, context: DecisionContext): { ok: true; uri: string; reportPath: string; decision: Decision } | Refusal {
  const a = raw as Record<string, unknown> | undefined;
  const report = reportOf(a, context);
  if (!report.ok) return report;
  if (!knownCheck(a!.check)) return refuse('未知的检查项。', 'unknown check id.');
  if (!isDecisionKind(a!.decision)) return refuse('决定只能是 confirmed（确认为问题）或 dismissed（驳回）。', 'the decision must be confirmed or dismissed.');
  if (!validFingerprint(a!.fingerprint)) return refuse('指纹格式不正确。', 'malformed fingerprint.');
  const q = (a!.quote ?? {}) as Record<string, unknown>;
  const quote: Quote = { text: text(q.text, QUOTE_LIMIT), context: text(q.context, QUOTE_LIMIT * 2) };
  const reason = text(a!.reason, REASON_LIMIT).trim();
  return {
    ok: true,
    uri: report.uri,
    reportPath: report.reportPath,
    decision: {
      check: a!.check, fingerprint: a!.fingerprint, quote, decision: a!.decision,
      ...(reason && a!.decision === 'dismissed' ? { reason } : {}),
      date: new Date().toISOString().slice(0, 10),
    },
  };
}

export function undoRequest(raw: unknown, context: DecisionContext): { ok: true; uri: string; reportPath: string; check: string; fingerprint: string } | Refusal {
  const a = raw as Record<string, unknown> | undefined;
  const report = reportOf(a, context);
  if (!report.ok) return report;
  // A lapsed decision may name a check a newer version had; the id only has to look like one.
  if (typeof a!.check !== 'string' || !/^[a-z][a-z0-9-]{0,63}$/.test(a!.check)) return refuse('未知的检查项。', 'unknown check id.');
  if (!validFingerprint(a!.fingerprint)) return refuse('指纹格式不正确。', 'malformed fingerprint.');
  return { ok: true, uri: report.uri, reportPath: report.reportPath, check: a!.check, fingerprint: a!.fingerprint };
}

export function turnOffRequest(raw: unknown, context: DecisionContext): { ok: true; uri: string; folder: string; check: string } | Refusal {
  const a = raw as Record<string, unknown> | undefined;
  const report = reportOf(a, context);
  if (!report.ok) return report;
  if (!report.folder) return refuse('没有打开工作区文件夹，无法写入 .reportreview.json。', 'no workspace folder is open to hold .reportreview.json.');
  if (!knownCheck(a!.check)) return refuse('未知的检查项。', 'unknown check id.');
  return { ok: true, uri: report.uri, folder: report.folder, check: a!.check };
}

/** Runs a write; a file refused (io/locked-file.ts) or an IO error becomes the refusal the user reads. */
export async function guarded(write: () => Promise<unknown>): Promise<{ ok: true } | Refusal> {
  try {
    await write();
    return { ok: true };
  } catch (error) {
    if (error instanceof FileRefused) return { ok: false, reason: error.reason };
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return refuse(`写入失败（${code}）。`, `cannot write (${code}).`);
  }
}

export const saveDecision = (reportPath: string, decision: Decision) => guarded(() => recordDecision(reportPath, decision));
export const removeDecision = (reportPath: string, check: string, fingerprint: string) => guarded(() => undoDecision(reportPath, check, fingerprint));
export const saveCheckOff = (folder: string, check: string) => guarded(() => turnOffCheck(folder, check));
