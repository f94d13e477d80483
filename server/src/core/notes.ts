/**
 * Note markers: `三名工程［12］` points to note 12 of the report's 注释. The one definition the
 * outline (a note's own number), term uses, hovers, glossary-unused and the grammar read.
 *
 * Accepted: one to three digits (ASCII or full-width) in a matching pair of brackets — ［12］ (what
 * the reports write), [12], 〔12〕 (the brackets of official document numbers) and 【12】 — with
 * blanks allowed inside. A pair whose halves differ (［12]) is not a marker: it is a typo for
 * text-integrity to see, not a reference to resolve. The older definitions disagreed: the outline
 * took 【12】 and blanks, the body ［12］ and [12] only, the grammar ［12］ only; none took 〔12〕.
 * Four digits in brackets are a year (〔2023〕), never a note.
 */
import type { Span } from './model';
import { foldWidth } from './numerals';

const BRACKETS: readonly (readonly [string, string])[] = [['［', '］'], ['[', ']'], ['〔', '〕'], ['【', '】']];
const escape = (ch: string) => ch.replace(/[[\]]/g, '\\$&');

/** The pattern of one marker, for the outline's numbering and the grammar (no flags, no anchors). */
export const NOTE_MARKER_SOURCE = BRACKETS.map(([open, close]) => `${escape(open)}[ \\t\\u3000]*[0-9０-９]{1,3}[ \\t\\u3000]*${escape(close)}`).join('|');

const MARKER = new RegExp(NOTE_MARKER_SOURCE, 'g');
const MARKER_HERE = new RegExp(NOTE_MARKER_SOURCE, 'y');

export interface NoteMarker {
  readonly span: Span;
  /** The note it points to: ［12］ → 12. */
  readonly value: number;
}

/** The note number of a marker as written: `［ １２ ］` → 12. */
export function noteValue(marker: string): number {
  return Number(foldWidth(marker).replace(/[^0-9]/g, ''));
}

/** Every note marker of `text`, in document order. */
export function noteMarkers(text: string): NoteMarker[] {
  return [...text.matchAll(MARKER)].map((m) => ({ span: { start: m.index, end: m.index + m[0].length }, value: noteValue(m[0]) }));
}

/** The marker that starts exactly at `at`, if any. */
export function noteMarkerAt(text: string, at: number): NoteMarker | undefined {
  MARKER_HERE.lastIndex = at;
  const m = MARKER_HERE.exec(text);
  return m ? { span: { start: at, end: at + m[0].length }, value: noteValue(m[0]) } : undefined;
}

const reportMarkers = new WeakMap<object, readonly NoteMarker[]>();

/** The note markers of a report's text, found once per report. */
export function noteMarkersOf(report: { readonly text: string }): readonly NoteMarker[] {
  let markers = reportMarkers.get(report);
  if (!markers) reportMarkers.set(report, (markers = noteMarkers(report.text)));
  return markers;
}
