/**
 * Review decisions, the reviewer's checklist (校对清单): a finding is *confirmed* (a real problem,
 * still to fix: it stays visible, marked, until its quoted text changes) or *dismissed* (not a
 * problem: hidden, with an optional reason). The decision is kept beside the report, never in it.
 * A finding is known by its check and a fingerprint of the text it quotes — its own span, the spans
 * it relates to, and a few characters around — so the decision survives edits elsewhere in the
 * report and lapses when the quoted text changes.
 *
 * The sidecar file `<report>.review.json`, version 2:
 *   { "version": 2, "decisions": [ { "check": "figure-conflict", "fingerprint": "9f2c…",
 *     "quote": { "text": "1.2万人 ↔ 1.1万人", "context": "全区城镇新增就业1.2万人。" },
 *     "decision": "dismissed", "reason": "口径不同", "date": "2026-11-30" } ] }
 *
 * Version 1 said `accepted` or `ignored`, and both hid the finding. It is read as version 2:
 * `accepted` → `confirmed`, `ignored` → `dismissed`, its `note` → `reason`, its string quote → the
 * quote's text (no context). The file is rewritten as version 2 only when a decision is recorded or
 * undone, never on read.
 */
import type { Report } from '../core/model';
import { endOfSentence, startOfSentence } from '../core/sentences';
import type { Finding } from './types';

export type DecisionKind = 'confirmed' | 'dismissed';

/** Where the finding was: the figures or marks it quotes, and the sentence around its own span. */
export interface Quote {
  readonly text: string;
  readonly context: string;
}

export interface Decision {
  readonly check: string;
  readonly fingerprint: string;
  readonly quote: Quote;
  readonly decision: DecisionKind;
  readonly reason?: string;
  readonly date?: string;
}

export const SIDECAR_VERSION = 2;
export const QUOTE_LIMIT = 200;
export const REASON_LIMIT = 500;
/** The context is the sentence, cut to this many characters on each side of the finding. */
const CONTEXT_REACH = 60;
const CONTEXT = 8;

/** FNV-1a, 64 bits as two 32-bit halves: stable across runs and platforms, no dependency. */
function fnv1a(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x01000193 ^ 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

function quoted(text: string, span: { start: number; end: number }): string {
  return text.slice(Math.max(0, span.start - CONTEXT), Math.min(text.length, span.end + CONTEXT));
}

export function fingerprint(report: Report, finding: Finding): string {
  const parts = [finding.checkId, quoted(report.text, finding.span), ...(finding.related ?? []).map((r) => quoted(report.text, r.span))];
  return fnv1a(parts.join('\u0000'));
}

/** The sentence around the finding's own span, bounded so that a paragraph without a full stop stays short. */
export function contextOf(text: string, span: { start: number; end: number }): string {
  const from = Math.max(startOfSentence(text, span.start), span.start - CONTEXT_REACH);
  const end = endOfSentence(text, span.end);
  const to = Math.min(end < text.length && text[end] !== '\n' ? end + 1 : end, span.end + CONTEXT_REACH);
  return text.slice(from, Math.max(to, span.end)).replace(/\s+/g, ' ').trim();
}

export function quoteOf(report: Report, finding: Finding): Quote {
  const own = report.text.slice(finding.span.start, finding.span.end);
  const related = (finding.related ?? []).filter((r) => r.document === undefined).map((r) => report.text.slice(r.span.start, r.span.end));
  // Other uses of the same term say nothing new: `“四方责任” ↔ “四方责任”` is `“四方责任”`.
  const pieces = [...new Set([own, ...related])];
  return { text: pieces.join(' ↔ ').slice(0, QUOTE_LIMIT), context: contextOf(report.text, finding.span).slice(0, QUOTE_LIMIT * 2) };
}

export function isDecisionKind(value: unknown): value is DecisionKind {
  return value === 'confirmed' || value === 'dismissed';
}

const V1_KINDS: Record<string, DecisionKind> = { accepted: 'confirmed', ignored: 'dismissed' };

/**
 * One stored entry as a decision of this version, or undefined when it is not one (kept as it is
 * on update). Version 1's `accepted` meant "yes, a problem" and is confirmed; its `ignored` is dismissed.
 */
export function decisionOfEntry(entry: unknown, version: number): Decision | undefined {
  if (!entry || typeof entry !== 'object') return undefined;
  const e = entry as Record<string, unknown>;
  if (typeof e.check !== 'string' || typeof e.fingerprint !== 'string') return undefined;
  const kind = version < 2 ? V1_KINDS[String(e.decision)] : isDecisionKind(e.decision) ? e.decision : undefined;
  if (!kind) return undefined;
  const q = e.quote as Partial<Quote> | string | undefined;
  const quote: Quote = typeof q === 'string'
    ? { text: q, context: '' }
    : { text: typeof q?.text === 'string' ? q.text : '', context: typeof q?.context === 'string' ? q.context : '' };
  const reason = version < 2 ? e.note : e.reason;
  return {
    check: e.check,
    fingerprint: e.fingerprint,
    quote,
    decision: kind,
    ...(typeof reason === 'string' && reason ? { reason } : {}),
    ...(typeof e.date === 'string' ? { date: e.date } : {}),
  };
}

/**
 * The sidecar as stored, for updating it: every entry is kept, also one this version does not
 * understand, so that recording a decision never drops what another tool or version wrote.
 */
export interface DecisionFile {
  readonly version: number;
  readonly entries: readonly unknown[];
}

export function parseDecisionFile(json: string): { ok: true; value: DecisionFile } | { ok: false; error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(json.replace(/^\ufeff/, ''));
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const o = raw as { version?: unknown; decisions?: unknown } | null;
  if (!o || typeof o !== 'object' || !Array.isArray(o.decisions)) return { ok: false, error: 'no "decisions" array' };
  const version = o.version === undefined ? 1 : o.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, error: `"version" must be 1 or 2, not ${JSON.stringify(version)}` };
  // A newer format is left to the version that knows it, rather than misread or rewritten in an older one.
  if (version > SIDECAR_VERSION) return { ok: false, error: `version ${version} is newer than this Report Review reads (${SIDECAR_VERSION})` };
  return { ok: true, value: { version, entries: o.decisions } };
}

/** Reads a sidecar file's text as decisions of this version; malformed entries are skipped, never thrown. */
export function parseDecisions(json: string): { decisions: Decision[]; error?: string } {
  const file = parseDecisionFile(json);
  if (!file.ok) return { decisions: [], error: file.error };
  return { decisions: decisionsIn(file.value) };
}

export function decisionsIn(file: DecisionFile): Decision[] {
  return file.entries.flatMap((e) => decisionOfEntry(e, file.version) ?? []);
}

const sameFinding = (check: string, fingerprint: string) => (e: unknown) =>
  !!e && typeof e === 'object' && (e as Decision).check === check && (e as Decision).fingerprint === fingerprint;

/** Every entry as version 2 writes it: decisions migrated, entries this version does not understand kept as they are. */
function migrated(file: DecisionFile): unknown[] {
  return file.entries.map((e) => decisionOfEntry(e, file.version) ?? e);
}

/** The file with `decision` recorded: an entry on the same finding is replaced, every other entry kept. */
export function recordIn(file: DecisionFile, decision: Decision): DecisionFile {
  return { version: SIDECAR_VERSION, entries: [...migrated(file).filter((e) => !sameFinding(decision.check, decision.fingerprint)(e)), decision] };
}

/** The file without the decision on one finding (undo): the finding is open again. */
export function removeFrom(file: DecisionFile, check: string, fingerprint: string): DecisionFile {
  return { version: SIDECAR_VERSION, entries: migrated(file).filter((e) => !sameFinding(check, fingerprint)(e)) };
}

export function serializeDecisionFile(file: DecisionFile): string {
  return `${JSON.stringify({ version: file.version, decisions: file.entries }, null, 2)}\n`;
}

export function serializeDecisions(decisions: readonly Decision[]): string {
  return serializeDecisionFile({ version: SIDECAR_VERSION, entries: decisions });
}

const keyOf = (check: string, fingerprint: string) => `${check}\u0000${fingerprint}`;

/**
 * Splits findings by their decisions: `open` are those still shown (undecided and confirmed),
 * `decided` those dismissed (hidden); `confirmed` holds the confirmed ones among `open`.
 */
export function applyDecisions<F extends Finding>(report: Report, findings: readonly F[], decisions: readonly Decision[]): { open: F[]; decided: F[]; confirmed: Map<F, Decision> } {
  const confirmed = new Map<F, Decision>();
  if (decisions.length === 0) return { open: [...findings], decided: [], confirmed };
  const known = new Map(decisions.map((d) => [keyOf(d.check, d.fingerprint), d]));
  const open: F[] = [];
  const decided: F[] = [];
  for (const f of findings) {
    const d = known.get(keyOf(f.checkId, fingerprint(report, f)));
    if (d?.decision === 'dismissed') decided.push(f);
    else {
      open.push(f);
      if (d) confirmed.set(f, d);
    }
  }
  return { open, decided, confirmed };
}

/** `open`: no decision yet; `lapsed`: a decision whose finding is no longer there (its text changed). */
export type ChecklistState = 'open' | DecisionKind | 'lapsed';

export interface ChecklistEntry<F extends Finding = Finding> {
  readonly state: ChecklistState;
  readonly check: string;
  readonly fingerprint: string;
  readonly quote: Quote;
  /** Absent when the decision lapsed. */
  readonly finding?: F;
  readonly decision?: Decision;
}

/** The review checklist of a report: every finding in the order of the text, then the decisions that lapsed. */
export function checklist<F extends Finding>(report: Report, findings: readonly F[], decisions: readonly Decision[]): ChecklistEntry<F>[] {
  const known = new Map(decisions.map((d) => [keyOf(d.check, d.fingerprint), d]));
  const seen = new Set<string>();
  const entries: ChecklistEntry<F>[] = [...findings]
    .sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end)
    .map((finding) => {
      const print = fingerprint(report, finding);
      const key = keyOf(finding.checkId, print);
      seen.add(key);
      const decision = known.get(key);
      return { state: decision?.decision ?? 'open', check: finding.checkId, fingerprint: print, quote: quoteOf(report, finding), finding, decision };
    });
  for (const d of decisions) {
    if (!seen.has(keyOf(d.check, d.fingerprint))) entries.push({ state: 'lapsed', check: d.check, fingerprint: d.fingerprint, quote: d.quote, decision: d });
  }
  return entries;
}

export function checklistCounts(entries: readonly ChecklistEntry[]): Record<ChecklistState, number> {
  const counts: Record<ChecklistState, number> = { open: 0, confirmed: 0, dismissed: 0, lapsed: 0 };
  for (const e of entries) counts[e.state]++;
  return counts;
}
