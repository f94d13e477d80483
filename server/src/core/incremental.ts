/**
 * Parsing an edited report again without redoing what the edit did not touch. The model of each
 * version carries (out of sight, in a WeakMap) the per-line and per-block results of its parse,
 * and the claims of each paragraph once they were read; the next version reuses those whose text
 * is unchanged (an edit re-reads the lines and blocks it touched, and the block before them, whose
 * role reads the block after it; the paragraphs it touched, and those whose inheritance changed)
 * and re-assembles the model at the new offsets. The model equals `parseReport(text)`; test/unit/incremental.test.ts
 * holds it to that after random edits of the corpus reports.
 */
import type { Report } from './model';
import { ClaimsMemo } from './claims';
import { assembleReport } from './report';
import { keepLines } from './text';
import { parseStructure, shiftedStructure, StructureMemo, type TextChange } from './structure';

export type { TextChange } from './structure';

const memos = new WeakMap<Report, { structure: StructureMemo; claims: ClaimsMemo }>();

/**
 * The model of `text`, an edited version of the document `previous` was parsed from. The memo
 * passes from `previous` to the new model: parse each version from the one it replaced.
 * `changes`, when known (an editor's incremental sync), lead from `previous.text` to `text`, in
 * order; they only spare finding the edit by comparing the texts.
 */
export function parseEdited(text: string, previous: Report | undefined, changes?: readonly TextChange[]): Report {
  const memo = (previous && memos.get(previous)) ?? { structure: new StructureMemo(), claims: new ClaimsMemo() };
  if (previous) memos.delete(previous);
  // Letters typed inside a long paragraph: the old structure, moved (the line index splits afresh).
  const shifted = previous && changes?.length === 1 ? shiftedStructure(previous.text, previous, text, changes[0]) : undefined;
  if (shifted) {
    memo.structure.skip(changes![0]);
    const report = assembleReport(text, shifted, memo.claims);
    memos.set(report, memo);
    return report;
  }
  const report = assembleReport(text, parseStructure(text, memo.structure, changes), memo.claims);
  memos.set(report, memo);
  // Its line index reads the lines this parse split: a keystroke need not split a long text twice.
  keepLines(report, memo.structure.split);
  return report;
}

/** One per open document: `parse` each new version of its text. */
export class ReportParser {
  private last?: Report;

  parse(text: string, changes?: readonly TextChange[]): Report {
    this.last = parseEdited(text, this.last, changes);
    return this.last;
  }
}
