/**
 * Recording a reviewer's decision from `workspace/executeCommand`. The arguments come from the
 * client and are checked as untrusted input: the document must be open, a `file:` report inside a
 * workspace folder (when there are folders), the check id known, the decision one of the two kinds.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Decision, DecisionKind } from '../checks/decisions';
import { CHECKS, isDecisionKind } from '../service';
import type { Localized } from '../checks/types';
import { recordDecision } from '../config/review-file';
import { isInside } from '../io/files';
import { FileRefused } from '../io/locked-file';

export interface DecisionArguments {
  readonly uri: string;
  readonly check: string;
  readonly fingerprint: string;
  readonly quote: string;
  readonly decision: DecisionKind;
}

export interface DecisionContext {
  readonly trusted: boolean;
  readonly isOpen: (uri: string) => boolean;
  readonly folders: readonly string[];
}

type Refusal = { ok: false; reason: Localized };

function refuse(zh: string, en: string): Refusal {
  return { ok: false, reason: { zh, en } };
}

export function decisionRequest(raw: unknown, context: DecisionContext): { ok: true; uri: string; reportPath: string; decision: Decision } | Refusal {
  if (!context.trusted) return refuse('受限模式下不记录审阅决定（请先信任此工作区）。', 'review decisions are not recorded in Restricted Mode (trust the workspace first).');
  const a = raw as Partial<Record<keyof DecisionArguments, unknown>> | undefined;
  if (!a || typeof a !== 'object' || typeof a.uri !== 'string') return refuse('缺少报告。', 'no report given.');
  if (!context.isOpen(a.uri)) return refuse('只能为已打开的报告记录决定。', 'decisions are recorded only for an open report.');
  if (typeof a.check !== 'string' || !CHECKS.some((c) => c.id === a.check)) return refuse('未知的检查项。', 'unknown check id.');
  if (!isDecisionKind(a.decision)) return refuse('决定只能是 accepted 或 ignored。', 'the decision must be accepted or ignored.');
  if (typeof a.fingerprint !== 'string' || !/^[0-9a-f]{16}$/.test(a.fingerprint)) return refuse('指纹格式不正确。', 'malformed fingerprint.');
  const quote = typeof a.quote === 'string' ? a.quote.slice(0, 200) : '';
  let reportPath: string;
  try {
    if (!a.uri.startsWith('file:')) throw new Error('not a file');
    reportPath = fileURLToPath(a.uri);
  } catch {
    return refuse('只能为磁盘上的报告记录决定。', 'decisions are recorded only for a report saved on disk.');
  }
  if (context.folders.length) {
    let real: string;
    try {
      real = realpathSync(reportPath);
    } catch {
      return refuse('报告文件不存在。', 'the report file does not exist.');
    }
    const inside = context.folders.some((f) => {
      try {
        return isInside(realpathSync(f), real);
      } catch {
        return false;
      }
    });
    if (!inside) return refuse('报告不在工作区文件夹内。', 'the report is not inside a workspace folder.');
  }
  return {
    ok: true,
    uri: a.uri,
    reportPath,
    decision: { check: a.check, fingerprint: a.fingerprint, quote, decision: a.decision, date: new Date().toISOString().slice(0, 10) },
  };
}

export async function saveDecision(reportPath: string, decision: Decision): Promise<{ ok: true } | Refusal> {
  try {
    await recordDecision(reportPath, decision);
    return { ok: true };
  } catch (error) {
    if (error instanceof FileRefused) return { ok: false, reason: error.reason };
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return refuse(`写入失败（${code}）。`, `cannot write (${code}).`);
  }
}
