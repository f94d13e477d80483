/** Line bookkeeping and character classes shared by the core. Offsets are UTF-16 code units. */
import { SENTENCE_MARKS } from './sentences';

export interface Line {
  /** Offset of the first character. */
  readonly start: number;
  /** Offset just past the last character, before the line break. */
  readonly end: number;
}

/** Splits text into lines at \n, \r\n and lone \r, the three breaks LSP recognizes. */
export function splitLines(text: string): Line[] {
  // indexOf runs natively, many times faster than reading every character in a loop on long texts.
  const lines: Line[] = [];
  let start = 0;
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf >= 0 || cr >= 0) {
    const end = cr >= 0 && (lf < 0 || cr < lf) ? cr : lf;
    lines.push({ start, end });
    start = end === cr && lf === cr + 1 ? cr + 2 : end + 1;
    if (lf >= 0 && lf < start) lf = text.indexOf('\n', start);
    if (cr >= 0 && cr < start) cr = text.indexOf('\r', start);
  }
  lines.push({ start, end: text.length });
  return lines;
}

/** Converts between offsets and (line, character) positions. */
export class LineIndex {
  readonly lines: readonly Line[];

  /** `lines`, when the text was split already (a parse splits it too), must be `splitLines(text)`. */
  constructor(text: string, lines?: readonly Line[]) {
    this.lines = lines ?? splitLines(text);
  }

  get lineCount(): number {
    return this.lines.length;
  }

  /** The 0-based line that contains `offset` (a line break belongs to the line it ends). */
  lineAt(offset: number): number {
    const lines = this.lines;
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  position(offset: number): { line: number; character: number } {
    const line = this.lineAt(offset);
    const l = this.lines[line];
    return { line, character: Math.min(offset, l.end) - l.start };
  }

  offset(position: { line: number; character: number }): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lines.length) return this.lines[this.lines.length - 1].end;
    const l = this.lines[position.line];
    return Math.min(l.start + Math.max(0, position.character), l.end);
  }
}

/** White space a report uses: ASCII blanks, U+3000 (ideographic space), NBSP, BOM. */
export function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 0x3000 || code === 0xa0 || code === 0xfeff || code === 11 || code === 12;
}

/** The span of `text[start, end)` without surrounding blanks. */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/** Marks after which a line reads as finished: the sentence marks, and `…` at a line's end. */
export const LINE_FINISHED = new Set([...SENTENCE_MARKS, '…']);
/** Marks that end a clause or a lead-in; a line ending in one of these is not a title. */
export const CLAUSE_END = new Set(['，', ',', '：', ':', '、']);

export function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

/** Counts the characters a reader sees (surrogate pairs count once). */
export function visibleLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) i++;
    n++;
  }
  return n;
}

/** Shortens `s` to at most `max` visible characters, never splitting a surrogate pair. */
export function shorten(s: string, max: number): string {
  if (visibleLength(s) <= max) return s;
  let out = '';
  let n = 0;
  for (const ch of s) {
    if (n >= max - 1) break;
    out += ch;
    n++;
  }
  return out + '…';
}

/** The item whose span covers `offset`, by binary search over items sorted by start and not overlapping. */
export function itemAt<T extends { readonly span: { readonly start: number; readonly end: number } }>(
  items: readonly T[],
  offset: number,
  endOf: (item: T) => number = (item) => item.span.end,
): T | undefined {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const item = items[mid];
    if (offset < item.span.start) hi = mid - 1;
    else if (offset >= endOf(item)) lo = mid + 1;
    else return item;
  }
  return undefined;
}

/**
 * The index of the first item that starts at or after `offset`, by binary search over items sorted
 * by start: a check that asks this per figure stays linear in the length of the report.
 */
export function firstItemFrom(items: readonly { readonly span: { readonly start: number } }[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].span.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The items that lie wholly inside [from, to), of items sorted by start. */
export function itemsWithin<T extends { readonly span: { readonly start: number; readonly end: number } }>(items: readonly T[], from: number, to: number): T[] {
  const found: T[] = [];
  for (let i = firstItemFrom(items, from); i < items.length && items[i].span.start < to; i++) if (items[i].span.end <= to) found.push(items[i]);
  return found;
}

const lineIndexes = new WeakMap<object, LineIndex>();

/**
 * The line index of a report's text, built once per report: a model is never changed after parsing.
 * A parse that split the text already handed its lines over (`keepLines`), so it is not split twice.
 */
export function lineIndexOf(report: { readonly text: string }): LineIndex {
  let index = lineIndexes.get(report);
  if (!index) lineIndexes.set(report, (index = new LineIndex(report.text)));
  return index;
}

/** Hands over the lines a parse split `report.text` into (they must be `splitLines(report.text)`), for its line index. */
export function keepLines(report: { readonly text: string }, lines: readonly Line[]): void {
  if (!lineIndexes.has(report)) lineIndexes.set(report, new LineIndex(report.text, lines));
}
