/** The sidecar review file beside a report: where it is, reading it, recording a decision. */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { parseDecisions, serializeDecisions, type Decision } from '../checks/decisions';

export function reviewFileFor(reportPath: string): string {
  return `${reportPath}.review.json`;
}

const cache = new Map<string, { mtime: number; decisions: Decision[] }>();

/** The decisions recorded for a report; an absent or unreadable file means none. */
export function readDecisions(reportPath: string): { decisions: Decision[]; error?: string } {
  const path = reviewFileFor(reportPath);
  if (!existsSync(path)) return { decisions: [] };
  try {
    const mtime = statSync(path).mtimeMs;
    const cached = cache.get(path);
    if (cached && cached.mtime === mtime) return { decisions: cached.decisions };
    const parsed = parseDecisions(readFileSync(path, 'utf8'));
    cache.set(path, { mtime, decisions: parsed.decisions });
    return parsed.error ? { decisions: parsed.decisions, error: `${path}: ${parsed.error}` } : parsed;
  } catch (error) {
    return { decisions: [], error: `${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
}

/** Adds or replaces the decision for one finding, keeping the others. */
export function recordDecision(reportPath: string, decision: Decision): void {
  const { decisions } = readDecisions(reportPath);
  const others = decisions.filter((d) => !(d.check === decision.check && d.fingerprint === decision.fingerprint));
  writeFileSync(reviewFileFor(reportPath), serializeDecisions([...others, decision]));
  cache.delete(reviewFileFor(reportPath));
}
