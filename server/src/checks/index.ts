/**
 * The registry of checks: the one list the server, the CLI and the docs read.
 * Adding a check: write `checks/<id>.ts` and add it here.
 */
import type { Report } from '../core/model';
import { changeArithmetic } from './change-arithmetic';
import { countMismatch } from './count-mismatch';
import { sumMismatch } from './sum-mismatch';
import { figureConflict } from './figure-conflict';
import { glossaryDuplicate } from './glossary-duplicate';
import { targetRestated } from './target-restated';
import { glossaryUnused } from './glossary-unused';
import { outOfRange } from './out-of-range';
import { textIntegrity } from './text-integrity';
import { sectionNumbering } from './section-numbering';
import { termUndefined } from './term-undefined';
import { targetMissed } from './target-missed';
import { evidenceMismatch } from './evidence-mismatch';
import { parseProblem } from './parse-problem';
import type { Check, CheckContext, CheckFinding, Finding, Severity } from './types';
import { TermIndex, findTermUses, reportDefinitions, type TermDefinition } from '../core/terms';
import { finish, type Steps } from '../core/steps';

export const CHECKS: readonly Check[] = [figureConflict, targetRestated, countMismatch, sumMismatch, changeArithmetic, outOfRange, sectionNumbering, textIntegrity, glossaryUnused, glossaryDuplicate, termUndefined, targetMissed, evidenceMismatch, parseProblem];

/** Per-check settings: `off`, or a severity that replaces the check's default. */
export type CheckSetting = Severity | 'off';
export type CheckSettings = Readonly<Record<string, CheckSetting | undefined>>;

export interface RatedFinding extends Finding {
  readonly severity: Severity;
}

/** The context of a report read on its own, with `extraTerms` from the workspace or the built-in glossary. */
export function standaloneContext(report: Report, extraTerms: readonly TermDefinition[] = []): CheckContext {
  const terms = new TermIndex([...reportDefinitions(report, ''), ...extraTerms]);
  return { terms, uses: findTermUses(report.text, terms) };
}

const ORDER = new Map(CHECKS.map((c, i) => [c.id, i]));

/** Document order; at one place, the registry's order (one run over every check gives that order). */
function byPlace(a: RatedFinding, b: RatedFinding): number {
  return a.span.start - b.span.start || (ORDER.get(a.checkId) ?? 0) - (ORDER.get(b.checkId) ?? 0);
}

/** Nothing known around the report: what the structural checks run with. */
const NO_CONTEXT: CheckContext = { terms: new TermIndex([]), uses: [] };

const STRUCTURAL = CHECKS.filter((c) => c.structural);

/** The structural checks alone (`Check.structural`): what a long report shows before its figures are read. */
export function runStructuralChecks(report: Report, settings: CheckSettings = {}): RatedFinding[] {
  return finish(structuralCheckSteps(report, settings));
}

/** `runStructuralChecks` in steps. */
export function structuralCheckSteps(report: Report, settings: CheckSettings): Steps<RatedFinding[]> {
  return checkSteps(report, settings, NO_CONTEXT, undefined, STRUCTURAL);
}

/** Every check's findings, the structural ones given (a long report's early publish): the same as `runChecks`. */
export function runChecksAfterStructural(report: Report, settings: CheckSettings, context: CheckContext, structural: readonly RatedFinding[]): RatedFinding[] {
  return finish(checkSteps(report, settings, context, structural));
}

export function runChecks(report: Report, settings: CheckSettings = {}, context: CheckContext = standaloneContext(report), checks: readonly Check[] = CHECKS): RatedFinding[] {
  return finish(checkSteps(report, settings, context, undefined, checks));
}

/**
 * `runChecks` (or, with `structural`, `runChecksAfterStructural`) in steps (core/steps.ts): before
 * each check and wherever a check yields, so that a long report's checks do not hold up a request.
 */
export function* checkSteps(report: Report, settings: CheckSettings, context: CheckContext, structural?: readonly RatedFinding[], checks: readonly Check[] = CHECKS): Steps<RatedFinding[]> {
  const out: RatedFinding[] = structural ? [...structural] : [];
  for (const check of checks) {
    if (structural && check.structural) continue;
    yield;
    for (const f of yield* runCheck(check, report, settings, context)) out.push(f);
  }
  return out.sort(byPlace);
}

/** One check's findings, stamped with its id and rated by the settings. */
function* runCheck(check: Check, report: Report, settings: CheckSettings, context: CheckContext): Steps<RatedFinding[]> {
  const setting = settings[check.id];
  if (setting === 'off') return [];
  let findings: CheckFinding[];
  try {
    const run = check.run(report, context);
    findings = Array.isArray(run) ? run : yield* run;
  } catch (error) {
    // A failing check must not take the others down, nor fail silently.
    findings = [{
      span: { start: 0, end: 0 },
      severity: 'information',
      message: { zh: `检查 ${check.id} 内部出错：${String(error)}`, en: `Check ${check.id} failed internally: ${String(error)}` },
    }];
  }
  return findings.map((f) => ({ ...f, checkId: check.id, severity: setting ?? f.severity ?? check.defaultSeverity }));
}

export { finish } from '../core/steps';
export type { Check, CheckContext, CheckFinding, Finding, Severity } from './types';
