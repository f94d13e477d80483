/**
 * Where a sentence ends: the one definition the core and every check read.
 *
 * A sentence ends at 。！？； and at their half-width forms (!?; typed in place of the full-width
 * marks — rare, and never a decimal point or a list separator inside a Chinese sentence), and at a
 * line break (a report's paragraphs are lines). Two older definitions disagreed: the checks' left
 * out !?, the claims' left out ;. `…` is not an end inside a line: `……` stands for "and so on" in the
 * middle of a sentence; only a line that ends in it reads as finished (`LINE_FINISHED` in text.ts).
 */

/** The marks that close a sentence for good; a semicolon closes one of a series. */
export const FULL_STOPS = '。！？!?';
export const SENTENCE_MARKS = FULL_STOPS + '；;';

const ENDS = new Uint8Array(65536);
for (const ch of SENTENCE_MARKS + '\n\r') ENDS[ch.charCodeAt(0)] = 1;

/** Whether the UTF-16 code unit ends a sentence. */
export function isSentenceEnd(code: number): boolean {
  return ENDS[code] === 1;
}

/** The offset of the mark that ends the sentence at `from` (or `ceiling`, the end of the text by default). */
export function endOfSentence(text: string, from: number, ceiling = text.length): number {
  for (let i = from; i < ceiling; i++) if (ENDS[text.charCodeAt(i)]) return i;
  return ceiling;
}

/** The offset just after the mark that ends the sentence before `from` (or `floor`, 0 by default). */
export function startOfSentence(text: string, from: number, floor = 0): number {
  for (let i = from - 1; i >= floor; i--) if (ENDS[text.charCodeAt(i)]) return i + 1;
  return floor;
}
