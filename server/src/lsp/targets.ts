/**
 * Targets and results in the editor: which report of the workspace an open report pairs with, the
 * context the cross-report checks read (previous report, vocabulary, evidence rows), the rows of
 * the `reportReview/targets` request, and the lines a figure hover gains from the pair and the
 * evidence tables. The server hands in what it knows (reports, configs); nothing here reads files.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CheckContext } from '../checks/types';
import { evidenceTables, resolvedPairs, type ConfigProblem, type LoadedConfig } from '../config/config';
import { compareEvidence, type EvidenceRow } from '../core/evidence';
import { pairReports, reportIdentity, sameGovernment, type ReportIdentity } from '../core/identity';
import type { Report } from '../core/model';
import { extendVocabulary, matchTargets, rowAt, DEFAULT_VOCABULARY, type TargetRow, type TargetVocabulary } from '../core/targets';
import type { LineIndex } from '../core/text';
import { escapeMarkdown, markdownLink } from '../protocol/markdown';
import { say, type Language } from '../protocol/convert';
import { statusLabel, targetTableRows, type TargetTableRow } from '../protocol/targets';

/** A report the server knows: an open document, or one the workspace scan read. */
export interface KnownReport {
  readonly uri: string;
  readonly report: Report;
  readonly index: LineIndex;
}

/** What the workspace's configs say about targets, read once per config load. */
export interface TargetSettings {
  readonly vocabulary: TargetVocabulary;
  /** `pairs` entries as file URIs, previous first. */
  readonly pairs: readonly (readonly [string, string])[];
  /** Rows of every evidence table; each row's `file` is its table's URI. */
  readonly evidence: readonly EvidenceRow[];
  /** The tables by URI, for related locations and hover links. */
  readonly tables: Readonly<Record<string, { uri: string; index: LineIndex; name: string }>>;
  readonly problems: readonly ConfigProblem[];
}

export const NO_TARGET_SETTINGS: TargetSettings = { vocabulary: DEFAULT_VOCABULARY, pairs: [], evidence: [], tables: {}, problems: [] };

export function loadTargetSettings(configs: readonly LoadedConfig[]): TargetSettings {
  const synonyms = configs.flatMap((c) => c.config.metricSynonyms);
  const polarity = Object.assign({}, ...configs.map((c) => c.config.metricPolarity)) as Record<string, string>;
  const vocabulary = configs.length ? extendVocabulary(synonyms, polarity).vocabulary : DEFAULT_VOCABULARY;
  const pairs = configs.flatMap(resolvedPairs).map(([p, n]) => [pathToFileURL(p).href, pathToFileURL(n).href] as const);
  const evidence: EvidenceRow[] = [];
  const tables: Record<string, { uri: string; index: LineIndex; name: string }> = {};
  const problems: ConfigProblem[] = [];
  for (const config of configs) {
    const read = evidenceTables(config);
    problems.push(...read.problems);
    for (const table of read.tables) {
      // Two folders may both name `统计数据.csv`: a row is known by its table's URI.
      tables[table.uri] = { uri: table.uri, index: table.index, name: table.name };
      for (const row of table.rows) evidence.push({ ...row, file: table.uri });
    }
  }
  return { vocabulary, pairs, evidence, tables, problems };
}

/** How two reports were paired: by a `pairs` entry, or by what their text says. */
export type PairedBy = 'explicit' | 'identity';

export interface Partner extends KnownReport {
  readonly how: PairedBy;
}

const identities = new WeakMap<Report, ReportIdentity>();

function identityOf(report: Report): ReportIdentity {
  let identity = identities.get(report);
  if (!identity) {
    identity = reportIdentity(report);
    identities.set(report, identity);
  }
  return identity;
}

/** The same file, however its URI is spelled (percent-encoding of Chinese names differs between clients). */
function samePath(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return a.startsWith('file:') && b.startsWith('file:') && fileURLToPath(a) === fileURLToPath(b);
  } catch {
    return false;
  }
}

/**
 * The reports `uri` pairs with: `previous` set the targets its review answers, `next` reviews the
 * year it plans. A `pairs` entry wins; otherwise the report of the same government whose plan year
 * is this one's review year (or the other way round), when there is exactly one.
 */
export function partnersOf(uri: string, reports: readonly KnownReport[], settings: TargetSettings): { previous?: Partner; next?: Partner } {
  const self = reports.find((r) => samePath(r.uri, uri));
  if (!self) return {};
  const own = identityOf(self.report);
  const explicit = settings.pairs.flatMap(([p, n]) => {
    const previous = reports.find((r) => samePath(r.uri, p));
    const next = reports.find((r) => samePath(r.uri, n));
    return previous && next ? [[previous.uri, next.uri] as [string, string]] : [];
  });
  const involved = new Set(explicit.flat());
  // Only reports that could pair with this one are weighed: its government's, and those paired by hand.
  const candidates = reports.filter((r) => r === self || involved.has(r.uri) || sameGovernment(own, identityOf(r.report)));
  const pairs = pairReports(candidates.map((r) => ({ id: r.uri, report: r.report })), explicit);
  const byUri = new Map(candidates.map((r) => [r.uri, r]));
  const asNext = pairs.find((p) => p.next === self.uri);
  const asPrevious = pairs.find((p) => p.previous === self.uri);
  return {
    previous: asNext ? { ...byUri.get(asNext.previous)!, how: asNext.how } : undefined,
    next: asPrevious ? { ...byUri.get(asPrevious.next)!, how: asPrevious.how } : undefined,
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
export function targetContext(uri: string, reports: readonly KnownReport[], settings: TargetSettings): {
  context: Pick<CheckContext, 'previous' | 'targetVocabulary' | 'evidence'>;
  documents: Record<string, { uri: string; index: LineIndex }>;
  previousUri?: string;
} {
  const { previous } = partnersOf(uri, reports, settings);
  const documents: Record<string, { uri: string; index: LineIndex }> = { ...settings.tables };
  if (previous) documents.previous = { uri: previous.uri, index: previous.index };
  return {
    context: { previous: previous?.report, targetVocabulary: settings.vocabulary, evidence: settings.evidence },
    documents,
    previousUri: previous?.uri,
  };
}

/** The answer to `reportReview/targets`: the rows of the active report's pair, or why there are none. */
export interface TargetsResponse {
  readonly uri: string;
  /** `next` when the active report reviews the targets of its partner; `previous` when it set them. */
  readonly role: 'next' | 'previous' | null;
  readonly partner: { readonly uri: string; readonly how: PairedBy } | null;
  readonly year: number | null;
  readonly rows: readonly TargetTableRow[];
  /** Why there is no table, in the client's language. */
  readonly message: string | null;
}

export function targetsResponse(uri: string, reports: readonly KnownReport[], settings: TargetSettings, language: Language): TargetsResponse {
  const self = reports.find((r) => samePath(r.uri, uri));
  if (!self) return { uri, role: null, partner: null, year: null, rows: [], message: say(NOT_A_REPORT, language) };
  const { previous, next } = partnersOf(uri, reports, settings);
  const pair = previous ? { role: 'next' as const, previous, next: self, partner: previous } : next ? { role: 'previous' as const, previous: self, next, partner: next } : undefined;
  if (!pair) return { uri, role: null, partner: null, year: null, rows: [], message: noPartner(identityOf(self.report), language) };
  const rows = targetTableRows(targetRows(pair.previous.report, pair.next.report, settings.vocabulary), pair.previous, pair.next, language);
  const year = identityOf(pair.next.report).reviewYear ?? identityOf(pair.previous.report).planYear ?? null;
  return { uri, role: pair.role, partner: { uri: pair.partner.uri, how: pair.partner.how }, year, rows, message: rows.length ? null : say(NO_TARGETS, language) };
}

const NOT_A_REPORT = { zh: '此文件不是已打开的报告。', en: 'This file is not an open report.' };
const NO_TARGETS = { zh: '上一年报告中没有找到预期目标。', en: 'No targets were found in the previous year’s report.' };

function noPartner(identity: ReportIdentity, language: Language): string {
  const who = identity.government ?? (language === 'zh' ? '同一政府' : 'the same government');
  const hint = language === 'zh' ? '可用“报告审阅：与上一年报告配对…”手工配对。' : 'Use “Report Review: Pair with Previous Year’s Report…” to pair it by hand.';
  if (identity.reviewYear !== undefined) {
    return language === 'zh'
      ? `工作区中没有${who}提出 ${identity.reviewYear} 年目标的报告。${hint}`
      : `The workspace has no report of ${who} that set the targets for ${identity.reviewYear}. ${hint}`;
  }
  return language === 'zh' ? `未能从报告中读出它回顾的年份。${hint}` : `The report does not say which year it reviews. ${hint}`;
}

/**
 * Lines a figure hover gains: on a target figure, its result and status from the next report; on
 * a result figure, the target it answers; on a figure an evidence table also gives, the table's
 * value and source. Report text is escaped; links are to the other places. Each entry is a paragraph.
 */
export function targetHoverLines(self: KnownReport, offset: number, reports: readonly KnownReport[], settings: TargetSettings, language: Language): string[] {
  const zh = language === 'zh';
  const lineLink = (uri: string, index: LineIndex, start: number, label: { zh: string; en: string }) => {
    const line = index.lineAt(start) + 1;
    return markdownLink(zh ? `${label.zh}第${line}行` : `${label.en} line ${line}`, `${uri}#L${line}`);
  };
  const colon = zh ? '：' : ': ';
  const out: string[] = [];
  const { previous, next } = partnersOf(self.uri, reports, settings);
  const figureOnly = (row: TargetRow | undefined, side: 'target' | 'result') => {
    const place = row && (side === 'target' ? row.target : row.result);
    return place && place.span.start <= offset && offset <= place.span.end ? row : undefined;
  };
  if (previous) {
    const row = figureOnly(rowAt(targetRows(previous.report, self.report, settings.vocabulary), 'result', offset), 'result');
    if (row) {
      out.push(
        `**${zh ? '回应的上一年目标' : 'Answers last year’s target'}**${colon}${escapeMarkdown(row.target.text)} · ${escapeMarkdown(statusLabel(row.status, language))} · ${lineLink(previous.uri, previous.index, row.target.span.start, { zh: '上一年报告', en: 'previous report,' })}`,
        escapeMarkdown(say(row.reason, language)),
      );
    }
  }
  if (next) {
    const row = figureOnly(rowAt(targetRows(self.report, next.report, settings.vocabulary), 'target', offset), 'target');
    if (row) {
      const result = row.result
        ? `${escapeMarkdown(row.result.text)} · ${lineLink(next.uri, next.index, row.result.span.start, { zh: '下一年报告', en: 'next report,' })}`
        : escapeMarkdown(zh ? '（未报告结果）' : '(no result reported)');
      out.push(`**${zh ? '下一年报告的结果' : 'Result in the next report'}**${colon}${result} · ${escapeMarkdown(statusLabel(row.status, language))}`, escapeMarkdown(say(row.reason, language)));
    }
  }
  if (settings.evidence.length) {
    const match = compareEvidence(self.report, settings.evidence, settings.vocabulary).find((m) => m.claim.span.start <= offset && offset <= m.claim.span.end);
    if (match) {
      const table = match.row.file ? settings.tables[match.row.file] : undefined;
      const source = match.row.source ? ` · ${zh ? '来源' : 'source'}${colon}${escapeMarkdown(match.row.source)}` : '';
      const where = table && match.row.span ? ` · ${markdownLink(zh ? `${table.name} 第${match.row.line}行` : `${table.name} line ${match.row.line}`, `${table.uri}#L${match.row.line}`)}` : '';
      const verdict = match.agrees ? (zh ? '一致' : 'agrees') : zh ? '不一致' : 'differs';
      out.push(`**${zh ? '证据表' : 'Evidence table'}**${colon}${escapeMarkdown(`${match.row.metric} ${match.row.period} ${match.row.written}`)} · ${verdict}${source}${where}`);
    }
  }
  return out;
}
