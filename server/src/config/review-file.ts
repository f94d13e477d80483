/**
 * The sidecar review file beside a report: where it is, reading it, recording a decision. Storage
 * (regular files only, lock, atomic replace, never overwriting what does not parse) is in
 * io/locked-file.ts; the format (parse, serialize, merge) is in checks/decisions.ts.
 */
import { lstatSync } from 'node:fs';
import type { Localized } from '../checks/types';
import { decisionsIn, parseDecisionFile, recordIn, removeFrom, serializeDecisionFile, SIDECAR_VERSION, type Decision, type DecisionFile } from '../checks/decisions';
import { LIMITS } from '../io/files';
import { FileRefused, readFormatted, updateFile, type FileFormat } from '../io/locked-file';

export function reviewFileFor(reportPath: string): string {
  return `${reportPath}.review.json`;
}

/** For updates: the file as stored, every entry kept. */
const FILE: FileFormat<DecisionFile> = {
  empty: () => ({ version: SIDECAR_VERSION, entries: [] }),
  parse: parseDecisionFile,
  serialize: serializeDecisionFile,
};

/** For reading: the decisions this version understands, version 1 read as version 2 (the file is not rewritten). */
const FORMAT: Pick<FileFormat<Decision[]>, 'empty' | 'parse'> = {
  empty: () => [],
  parse: (text) => {
    const file = parseDecisionFile(text);
    return file.ok ? { ok: true, value: decisionsIn(file.value) } : file;
  },
};

const cache = new Map<string, { stamp: string; decisions: Decision[]; error?: Localized }>();

/**
 * The decisions recorded for a report; an absent file means none. A file that is not a regular
 * file, is too large or does not parse gives no decisions and an error for the user.
 */
export function readDecisions(reportPath: string): { decisions: Decision[]; error?: Localized } {
  const path = reviewFileFor(reportPath);
  let stamp: string;
  try {
    const stat = lstatSync(path);
    stamp = `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
  } catch {
    return { decisions: [] };
  }
  const cached = cache.get(path);
  if (cached && cached.stamp === stamp) return cached;
  let entry: { stamp: string; decisions: Decision[]; error?: Localized };
  try {
    entry = { stamp, decisions: readFormatted(path, FORMAT, LIMITS.sidecar) };
  } catch (error) {
    entry = { stamp, decisions: [], error: error instanceof FileRefused ? error.reason : { zh: `${path}：无法读取（${(error as NodeJS.ErrnoException).code ?? String(error)}）`, en: `${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})` } };
  }
  cache.set(path, entry);
  return entry;
}

/**
 * Adds or replaces the decision for one finding, keeping every other decision — also those another
 * editor recorded a moment ago. Throws FileRefused when the sidecar cannot be safely updated.
 */
export async function recordDecision(reportPath: string, decision: Decision): Promise<void> {
  const path = reviewFileFor(reportPath);
  try {
    await updateFile(path, FILE, LIMITS.sidecar, (file) => recordIn(file, decision));
  } finally {
    cache.delete(path);
  }
}

/** Removes the decision on one finding (undo), keeping every other entry. Throws FileRefused as recordDecision does. */
export async function undoDecision(reportPath: string, check: string, fingerprint: string): Promise<void> {
  const path = reviewFileFor(reportPath);
  try {
    await updateFile(path, FILE, LIMITS.sidecar, (file) => removeFrom(file, check, fingerprint));
  } finally {
    cache.delete(path);
  }
}
