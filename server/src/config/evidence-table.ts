/**
 * Reads an evidence table (CSV, UTF-8 or GBK/GB18030, header row) into the core's rows. Splitting
 * is csv-parse's; what the columns mean is the core's (`core/evidence.ts`). A table that cannot be
 * read gives messages and no rows: it never takes the review down.
 */
import { parse } from 'csv-parse/sync';
import { evidenceRows, type EvidenceRecord, type EvidenceRow } from '../core/evidence';
import type { Localized } from '../core/identity';
import { LineIndex } from '../core/text';
import { decodeReport } from '../io/decode';

export interface EvidenceTable {
  readonly rows: EvidenceRow[];
  readonly errors: Localized[];
  /** The decoded text and its line index, for links to a row. */
  readonly text: string;
  readonly index: LineIndex;
}

export function readEvidence(bytes: Uint8Array, name: string): EvidenceTable {
  const decoded = decodeReport(bytes);
  if (!decoded.ok) return { rows: [], errors: [{ zh: `${name}：${decoded.reason.zh}`, en: `${name}: ${decoded.reason.en}` }], text: '', index: new LineIndex('') };
  const text = decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
  const index = new LineIndex(text);
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes with the line it ends on.
    parsed = parse(text, { info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as typeof parsed;
  } catch (error) {
    // csv-parse names the line and the problem (an unclosed quote, a stray quote in a field).
    const message = error instanceof Error ? error.message : String(error);
    return { rows: [], errors: [{ zh: `${name}：不是有效的 CSV（${message}）`, en: `${name}: not valid CSV (${message})` }], text, index };
  }
  const records: EvidenceRecord[] = parsed.map(({ record, info }) => {
    const line = index.lines[Math.min(info.lines, index.lineCount) - 1];
    return { fields: record, line: info.lines, span: { start: line.start, end: line.end } };
  });
  const { rows, errors } = evidenceRows(records, name);
  return { rows, errors, text, index };
}
