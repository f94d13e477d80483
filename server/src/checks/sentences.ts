/** Sentence bounds that several checks read: a figure's statement ends at 。；！？ or a line break. */

const SENTENCE_END = new Set(['。', '；', '！', '？', '\n']);

/** The offset of the mark that ends the sentence at `from` (or the end of the text). */
export function endOfSentence(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (SENTENCE_END.has(text[i])) return i;
  return text.length;
}

/** The offset just after the mark that ends the sentence before `from` (or 0). */
export function startOfSentence(text: string, from: number): number {
  for (let i = from - 1; i >= 0; i--) if (SENTENCE_END.has(text[i])) return i + 1;
  return 0;
}
