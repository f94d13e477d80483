/**
 * Review decisions: a reviewer accepts or ignores a finding, and the decision is kept beside the
 * report, never in it. A finding is known by its check and a fingerprint of the text it quotes —
 * its own span, the spans it relates to, and a few characters around — so the decision survives
 * edits elsewhere in the report and lapses when the quoted figures change.
 *
 * The sidecar file `<report>.review.json`:
 *   { "version": 1, "decisions": [ { "check": "figure-conflict", "fingerprint": "9f2c…",
 *     "quote": "18.2亿元 ↔ 18.18亿元", "decision": "accepted", "note": "", "date": "2026-11-23" } ] }
 */
import type { Report } from '../core/model';
import type { Finding } from './types';

export type DecisionKind = 'accepted' | 'ignored';

export interface Decision {
  readonly check: string;
  readonly fingerprint: string;
  readonly quote: string;
  readonly decision: DecisionKind;
  readonly note?: string;
  readonly date?: string;
}

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

export function quoteOf(report: Report, finding: Finding): string {
  const own = report.text.slice(finding.span.start, finding.span.end);
  const related = (finding.related ?? []).map((r) => report.text.slice(r.span.start, r.span.end));
  return [own, ...related].join(' ↔ ').slice(0, 200);
}

/** Reads a sidecar file's text; anything malformed is skipped, never thrown. */
export function parseDecisions(json: string): { decisions: Decision[]; error?: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(json.replace(/^\ufeff/, ''));
  } catch (error) {
    return { decisions: [], error: error instanceof Error ? error.message : String(error) };
  }
  const list = (raw as { decisions?: unknown })?.decisions;
  if (!Array.isArray(list)) return { decisions: [], error: 'no "decisions" array' };
  const decisions = list.filter(
    (d): d is Decision =>
      !!d && typeof d === 'object' && typeof (d as Decision).check === 'string' && typeof (d as Decision).fingerprint === 'string' &&
      ((d as Decision).decision === 'accepted' || (d as Decision).decision === 'ignored'),
  );
  return { decisions };
}

export const SIDECAR_VERSION = 1;

/**
 * The sidecar as stored, for updating it: every entry is kept as it is, also one this version does
 * not understand, so that recording a decision never drops what another tool or version wrote.
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
  const version = typeof o.version === 'number' ? o.version : SIDECAR_VERSION;
  // A newer format is left to the version that knows it, rather than rewritten in an older one.
  if (version > SIDECAR_VERSION) return { ok: false, error: `version ${version} is newer than this Report Review reads (${SIDECAR_VERSION})` };
  return { ok: true, value: { version, entries: o.decisions } };
}

/** The file with `decision` recorded: an entry on the same finding is replaced, every other entry kept. */
export function recordIn(file: DecisionFile, decision: Decision): DecisionFile {
  const same = (e: unknown) => !!e && typeof e === 'object' && (e as Decision).check === decision.check && (e as Decision).fingerprint === decision.fingerprint;
  return { version: SIDECAR_VERSION, entries: [...file.entries.filter((e) => !same(e)), decision] };
}

export function serializeDecisionFile(file: DecisionFile): string {
  return `${JSON.stringify({ version: file.version, decisions: file.entries }, null, 2)}\n`;
}

export function isDecisionKind(value: unknown): value is DecisionKind {
  return value === 'accepted' || value === 'ignored';
}

export function serializeDecisions(decisions: readonly Decision[]): string {
  return `${JSON.stringify({ version: 1, decisions }, null, 2)}\n`;
}

/** Splits findings into those still open and those a reviewer has decided. */
export function applyDecisions<F extends Finding>(report: Report, findings: readonly F[], decisions: readonly Decision[]): { open: F[]; decided: F[] } {
  if (decisions.length === 0) return { open: [...findings], decided: [] };
  const known = new Set(decisions.map((d) => `${d.check}\u0000${d.fingerprint}`));
  const open: F[] = [];
  const decided: F[] = [];
  for (const f of findings) (known.has(`${f.checkId}\u0000${fingerprint(report, f)}`) ? decided : open).push(f);
  return { open, decided };
}
