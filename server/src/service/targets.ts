/**
 * Targets and results across the workspace's reports: which report an open report pairs with, the
 * context the cross-report checks read (previous report, vocabulary, evidence rows), the rows a
 * view shows, and what a figure at an offset answers or is answered by. Pure: the workspace hands
 * in the settings (`TargetSettings`, read by the node workspace) and the known reports.
 */
import type { CheckContext } from '../checks/types';
import type { ConfigProblem } from '../config/config';
import { compareEvidence, type EvidenceMatch, type EvidenceRow } from '../core/evidence';
import { pairReports, reportIdentity, sameGovernment, type ReportIdentity } from '../core/identity';
import type { Report } from '../core/model';
import { DEFAULT_VOCABULARY, matchTargets, rowAt, type TargetRow, type TargetVocabulary } from '../core/targets';
import type { LineIndex } from '../core/text';
import { say, type Language } from '../protocol/convert';
import { targetTableRows, type TargetTableRow } from '../protocol/targets';

/** A report the service knows: an open document, or one the workspace scan read. */
export interface KnownReport {
  readonly uri: string;
  readonly report: Report;
  readonly index: LineIndex;
}

/** What the workspace's configs say about targets. */
export interface TargetSettings {
  readonly vocabulary: TargetVocabulary;
  /** `pairs` entries as file URIs, previous first. */
  readonly pairs: readonly (readonly [string, string])[];
  /** Rows of every evidence table; each row's `file` is its table's URI. */
  readonly evidence: readonly EvidenceRow[];
  /** The tables by URI, for related locations and hover links; `name` as the config writes it. */
  readonly tables: Readonly<Record<string, { readonly uri: string; readonly index: LineIndex; readonly name: string }>>;
  readonly problems: readonly ConfigProblem[];
}

export const NO_TARGET_SETTINGS: TargetSettings = { vocabulary: DEFAULT_VOCABULARY, pairs: [], evidence: [], tables: {}, problems: [] };

/** How two reports were paired: by a `pairs` entry, or by what their text says. */
export type PairedBy = 'explicit' | 'identity';

export interface Partner extends KnownReport {
  readonly how: PairedBy;
}

const identities = new WeakMap<Report, ReportIdentity>();

export function identityOf(report: Report): ReportIdentity {
  let identity = identities.get(report);
  if (!identity) {
    identity = reportIdentity(report);
    identities.set(report, identity);
  }
  return identity;
}

/** Whether `report` could pair with one of `open`: another report of the same government. */
export function couldPair(report: KnownReport, open: readonly KnownReport[]): boolean {
  const identity = identityOf(report.report);
  return open.some((o) => !sameUri(o.uri, report.uri) && sameGovernment(identity, identityOf(o.report)));
}

/** A URI with its percent-encoding undone (as it is, when that encoding is malformed). */
export function decodedUri(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}

/** The same file, however its URI is spelled (clients percent-encode Chinese names differently). */
function sameUri(a: string, b: string): boolean {
  return a === b || decodedUri(a) === decodedUri(b);
}

/**
 * The reports `uri` pairs with: `previous` set the targets its review answers, `next` reviews the
 * year it plans. A `pairs` entry wins; otherwise the report of the same government whose plan year
 * is this one's review year (or the other way round), when there is exactly one.
 */
export function partnersOf(uri: string, reports: readonly KnownReport[], settings: TargetSettings): { self?: KnownReport; previous?: Partner; next?: Partner } {
  const self = reports.find((r) => sameUri(r.uri, uri));
  if (!self) return {};
  const own = identityOf(self.report);
  const explicit = settings.pairs.flatMap(([p, n]) => {
    const previous = reports.find((r) => sameUri(r.uri, p));
    const next = reports.find((r) => sameUri(r.uri, n));
    return previous && next ? [[previous.uri, next.uri] as [string, string]] : [];
  });
  const involved = new Set(explicit.flat());
  // Only reports that could pair with this one are weighed: its government's, and those paired by hand.
  const candidates = reports.filter((r) => r === self || involved.has(r.uri) || sameGovernment(own, identityOf(r.report)));
  const pairs = pairReports(candidates.map((r) => ({ id: r.uri, report: r.report, identity: identityOf(r.report) })), explicit);
  const byUri = new Map(candidates.map((r) => [r.uri, r]));
  // Not a spread: an open document's report and index are getters of its class.
  const partner = (uri: string, how: PairedBy): Partner => {
    const r = byUri.get(uri)!;
    return { uri: r.uri, report: r.report, index: r.index, how };
  };
  const asNext = pairs.find((p) => p.next === self.uri);
  const asPrevious = pairs.find((p) => p.previous === self.uri);
  return {
    self,
    previous: asNext ? partner(asNext.previous, asNext.how) : undefined,
    next: asPrevious ? partner(asPrevious.next, asPrevious.how) : undefined,
  };
}

/** Rows are computed once per pair of report versions and vocabulary. */
const rowCache = new WeakMap<Report, { previous: Report; vocabulary: TargetVocabulary; rows: TargetRow[] }>();

export function targetRows(previous: Report, next: Report, vocabulary: TargetVocabulary): TargetRow[] {
  const cached = rowCache.get(next);
  if (cached && cached.previous === previous && cached.vocabulary === vocabulary) return cached.rows;
  const rows = matchTargets(previous, next, vocabulary);
  rowCache.set(next, { previous, vocabulary, rows });
  return rows;
}

/** What target-missed and evidence-mismatch read besides the report, and where their related locations lie. */
export interface CrossReportContext {
  readonly context: Pick<CheckContext, 'previous' | 'targetVocabulary' | 'evidence'>;
  readonly documents: Readonly<Record<string, { uri: string; index: LineIndex }>>;
  readonly previous?: Partner;
}

export function crossReportContext(uri: string, reports: readonly KnownReport[], settings: TargetSettings): CrossReportContext {
  const { previous } = partnersOf(uri, reports, settings);
  const documents: Record<string, { uri: string; index: LineIndex }> = { ...settings.tables };
  if (previous) documents.previous = { uri: previous.uri, index: previous.index };
  return { context: { previous: previous?.report, targetVocabulary: settings.vocabulary, evidence: settings.evidence }, documents, previous };
}

/** The answer to `reportReview/targets`: the rows of the active report's pair, or why there are none. */
export interface TargetsResponse {
  readonly uri: string;
  /** `next` when the active report reviews its partner's targets; `previous` when it set them. */
  readonly role: 'next' | 'previous' | null;
  readonly partner: { readonly uri: string; readonly how: PairedBy } | null;
  readonly year: number | null;
  readonly rows: readonly TargetTableRow[];
  /** Why there is no table, in the client's language. */
  readonly message: string | null;
}

export function targetsResponse(uri: string, reports: readonly KnownReport[], settings: TargetSettings, language: Language): TargetsResponse {
  const { self, previous, next } = partnersOf(uri, reports, settings);
  if (!self) return { uri, role: null, partner: null, year: null, rows: [], message: say(NOT_A_REPORT, language) };
  const pair = previous ? { role: 'next' as const, previous, next: self, partner: previous } : next ? { role: 'previous' as const, previous: self, next, partner: next } : undefined;
  if (!pair) return { uri, role: null, partner: null, year: null, rows: [], message: noPartner(identityOf(self.report), language) };
  const rows = targetTableRows(targetRows(pair.previous.report, pair.next.report, settings.vocabulary), pair.previous, pair.next, language);
  const year = identityOf(pair.next.report).reviewYear ?? identityOf(pair.previous.report).planYear ?? null;
  return { uri, role: pair.role, partner: { uri: pair.partner.uri, how: pair.partner.how }, year, rows, message: rows.length ? null : say(NO_TARGETS, language) };
}

const NOT_A_REPORT = { zh: '此文件不是已打开的报告。', en: 'This file is not an open report.' };
const NO_TARGETS = { zh: '上一年报告中没有找到预期目标。', en: 'No targets were found in the previous year’s report.' };

function noPartner(identity: ReportIdentity, language: Language): string {
  const zh = language === 'zh';
  const who = identity.government ?? (zh ? '同一政府' : 'the same government');
  const hint = zh ? '可用“报告审阅：与上一年报告配对…”手工配对。' : 'Use “Report Review: Pair with Previous Year’s Report…” to pair it by hand.';
  if (identity.reviewYear !== undefined) {
    return zh ? `工作区中没有${who}提出 ${identity.reviewYear} 年目标的报告。${hint}` : `The workspace has no report of ${who} that set the targets for ${identity.reviewYear}. ${hint}`;
  }
  return zh ? `未能从报告中读出它回顾的年份。${hint}` : `The report does not say which year it reviews. ${hint}`;
}

/** What a figure at an offset is to the pair and the evidence tables, for its hover. */
export interface FigureInPair {
  /** The figure is a result: the target it answers, in the previous report. */
  readonly answers?: { readonly row: TargetRow; readonly previous: Partner };
  /** The figure is a target: its result in the next report. */
  readonly answeredBy?: { readonly row: TargetRow; readonly next: Partner };
  /** An evidence table gives the same metric and period. */
  readonly evidence?: { readonly match: EvidenceMatch; readonly table?: { readonly uri: string; readonly name: string } };
}

export function figureInPair(self: KnownReport, offset: number, reports: readonly KnownReport[], settings: TargetSettings): FigureInPair {
  const { previous, next } = partnersOf(self.uri, reports, settings);
  // Only the figure itself, not the clause around it: the hover is a figure's.
  const onFigure = (row: TargetRow | undefined, side: 'target' | 'result') => {
    const place = row && (side === 'target' ? row.target : row.result);
    return place && place.span.start <= offset && offset <= place.span.end ? row : undefined;
  };
  const asResult = previous ? onFigure(rowAt(targetRows(previous.report, self.report, settings.vocabulary), 'result', offset), 'result') : undefined;
  const asTarget = next ? onFigure(rowAt(targetRows(self.report, next.report, settings.vocabulary), 'target', offset), 'target') : undefined;
  const match = settings.evidence.length ? compareEvidence(self.report, settings.evidence, settings.vocabulary).find((m) => m.claim.span.start <= offset && offset <= m.claim.span.end) : undefined;
  return {
    answers: asResult && previous ? { row: asResult, previous } : undefined,
    answeredBy: asTarget && next ? { row: asTarget, next } : undefined,
    evidence: match ? { match, table: match.row.file ? settings.tables[match.row.file] : undefined } : undefined,
  };
}
