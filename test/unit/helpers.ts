/**
 * One helper per feature, so tests read like the reports: a fixture's text and its expectation
 * sit in the same file.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '../../server/src/core/report';
import type { Report, Section } from '../../server/src/core/model';
import { LineIndex } from '../../server/src/core/text';
import { runChecks, standaloneContext } from '../../server/src/checks';
import type { Steps } from '../../server/src/core/steps';

export const FIXTURES = join(__dirname, '..', 'fixtures');
export const CORPUS = join(__dirname, '..', 'corpus');

export function fixtureFiles(dir: string): string[] {
  return readdirSync(join(FIXTURES, dir)).filter((f) => f.endsWith('.txt')).sort();
}

export function readFixture(dir: string, name: string): string {
  return readFileSync(join(FIXTURES, dir, name), 'utf8');
}

/** Renders an outline the way fixtures write it: `kind number name`, two spaces per level. */
export function renderOutline(report: Report, options: { leads?: boolean } = {}): string[] {
  const out: string[] = [];
  const visit = (s: Section, depth: number) => {
    if (s.kind === 'lead' && options.leads === false) return;
    out.push(`${'  '.repeat(depth)}${s.kind}${s.detail && s.kind !== 'metadataField' ? ` ${s.detail}` : ''} ${s.name}`.trimEnd());
    s.children.forEach((c) => visit(c, depth + 1));
  };
  report.sections.forEach((s) => visit(s, 0));
  return out;
}

const OUTLINE_MARKER = /^-{2,} outline -{2,}$/m;

/**
 * A fixture holds the report text, a `---- outline ----` line, then the expected outline.
 * Lines starting with `#` at the top are the fixture's description.
 */
export function checkOutline(fixture: string): void {
  const [rawText, expected] = fixture.split(OUTLINE_MARKER);
  assert.ok(expected !== undefined, 'fixture has no ---- outline ---- line');
  const text = rawText.replace(/^(#[^\n]*\n)+/, '').replace(/\n$/, '');
  const report = parseReport(text);
  const want = expected.split('\n').filter((l) => l.trim() && !l.startsWith('#'));
  assert.deepEqual(renderOutline(report), want);
}

const NEXT_REPORT = /^-{2,} next report -{2,}\n/m;
const MARKER = /[ \t]*\{([a-z-]+(?:,[a-z-]+)*)\}[ \t]*$/;

/**
 * A check across two reports puts the previous report first, then a `---- next report ----` line.
 * A check fixture marks each line that must carry a finding with `{check-id}` at its end; lines
 * without a marker must carry none. The markers are removed before the text is analysed.
 */
export function checkDiagnostics(fixture: string, checkId: string): void {
  // A check across two reports: the previous report, a `---- next report ----` line, then the report checked.
  const parts = fixture.replace(/^(#[^\n]*\n)+/, '').split(NEXT_REPORT);
  const previous = parts.length > 1 ? parseReport(parts[0]) : undefined;
  const lines = parts[parts.length - 1].split('\n');
  const expected: string[] = [];
  const clean = lines.map((line, i) => {
    const m = MARKER.exec(line);
    if (!m) return line;
    for (const id of m[1].split(',')) if (id === checkId) expected.push(`${i + 1} ${id}`);
    return line.slice(0, m.index);
  });
  const text = clean.join('\n');
  const report = parseReport(text);
  const index = new LineIndex(text);
  const actual = runChecks(report, {}, previous ? { ...standaloneContext(report), previous } : undefined)
    .filter((f) => f.checkId === checkId)
    .map((f) => `${index.lineAt(f.span.start) + 1} ${f.checkId}`);
  assert.deepEqual(actual, expected);
}

/** Runs steps to their end, counting the points where a caller could have paused. */
export function pausesOf<T>(steps: Steps<T>): { pauses: number; value: T } {
  let pauses = 0;
  let step = steps.next();
  while (!step.done) {
    pauses++;
    step = steps.next();
  }
  return { pauses, value: step.value };
}
