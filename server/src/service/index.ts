/**
 * What the front ends (the language server, the CLI) use of the analysis: the review service and
 * its workspaces, and the few query helpers of the model their handlers answer with. They reach
 * the core and the checks through here only (types excepted); the architecture test holds them to it.
 */
export { ReviewService, ReviewDocument, parse, type Findings, type ReviewServiceOptions, type ScanLimits, type TermContext, type WorkspaceReport } from './review-service';
export { NodeWorkspace, pathOf } from './node-workspace';
export type { FileChange, FileChangeKind, ReviewWorkspace, WorkspaceSettings } from './workspace';
export type { TextChange } from '../core/incremental';
export type { CrossReportContext, FigureInPair, KnownReport, PairedBy, Partner, TargetSettings, TargetsResponse } from './targets';
/** The registry, for validating a check id a client sends. */
export { CHECKS } from '../checks';
/** Review decisions: what identifies a finding across edits, and the review checklist they make. */
export { fingerprint, quoteOf, isDecisionKind, applyDecisions, checklist, QUOTE_LIMIT, REASON_LIMIT } from '../checks/decisions';
/** Positions and lookups the handlers answer with. */
export { LineIndex, itemAt } from '../core/text';
export { findTermUses, useAt } from '../core/terms';
export { noteMarkerAt, noteMarkersOf } from '../core/notes';
