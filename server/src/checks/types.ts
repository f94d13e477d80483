/** What every check is and returns. Pure: checks read the report model and nothing else. */
import type { Report, Span } from '../core/model';
import type { TermIndex, TermUse } from '../core/terms';
import type { TargetVocabulary } from '../core/targets';
import type { EvidenceRow } from '../core/evidence';
import type { Steps } from '../core/steps';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A user-facing text in both languages the product speaks. */
export interface Localized {
  readonly zh: string;
  readonly en: string;
}

export interface RelatedLocation {
  readonly span: Span;
  /**
   * Where the span lies when not in this report: `previous` (the previous report of a pair), or an
   * evidence table's name as the caller gave it (`EvidenceRow.file`).
   */
  readonly document?: string;
  readonly message: Localized;
}

/** A safe, certain repair: replace `span` with `newText`. */
export interface Fix {
  readonly title: Localized;
  readonly edits: readonly { readonly span: Span; readonly newText: string }[];
}

export interface Finding {
  /** The id of the check that found it; `runChecks` sets it, a check never writes it. */
  readonly checkId: string;
  readonly span: Span;
  readonly message: Localized;
  /** Overrides the check's default severity when one finding is more certain than another. */
  readonly severity?: Severity;
  readonly related?: readonly RelatedLocation[];
  readonly fixes?: readonly Fix[];
}

/** What a check returns: a finding before `runChecks` stamps the check's id on it. */
export type CheckFinding = Omit<Finding, 'checkId'>;

/** What a check may read besides the report: the terms known around it and their uses in it. */
export interface CheckContext {
  readonly terms: TermIndex;
  readonly uses: readonly TermUse[];
  /** The report that set the targets this report reviews, when it is paired with one. */
  readonly previous?: Report;
  /** How targets meet results: the built-in vocabulary unless the workspace extends it. */
  readonly targetVocabulary?: TargetVocabulary;
  /** Official figures from the workspace's evidence tables. */
  readonly evidence?: readonly EvidenceRow[];
}

export interface Check {
  /** Stable id: the Diagnostic code, the key in settings and in `.reportreview.json`. */
  readonly id: string;
  readonly defaultSeverity: Severity;
  readonly description: Localized;
  /**
   * Reads only the report's structure and text — not its figures (`report.claims`), not the
   * context — so a long report can show its findings before the figures are read. A unit test
   * holds every check that says so to it.
   */
  readonly structural?: true;
  /**
   * The findings. A check whose work grows faster than the report may return them in steps
   * (core/steps.ts: a generator method, `*run`), yielding now and then while it works, so that
   * the server can answer a keystroke in between.
   */
  run(report: Report, context: CheckContext): CheckFinding[] | Steps<CheckFinding[]>;
}
