/**
 * Measures claim extraction against test/fixtures/claims/annotated.txt, a gold standard written by
 * reading the corpus: detection precision and recall, and the accuracy of each field on the
 * figures found. Used by the unit test (as a floor) and by `npm run eval` (as a report).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '../../server/src/core/report';
import type { Claim } from '../../server/src/core/claims';
import { LineIndex } from '../../server/src/core/text';

const ROOT = join(__dirname, '..', '..');

export interface Gold {
  file: string;
  line: number;
  text: string;
  value: number;
  max?: number;
  unit: string;
  kind: string;
  qualifier: string;
  metric: string;
  period: string;
  modality: string;
}

export function readGold(): { lines: { file: string; line: number }[]; claims: Gold[] } {
  const lines: { file: string; line: number }[] = [];
  const claims: Gold[] = [];
  let current: { file: string; line: number } | undefined;
  for (const raw of readFileSync(join(ROOT, 'test/fixtures/claims/annotated.txt'), 'utf8').split('\n')) {
    if (raw.startsWith('#') || !raw.trim()) continue;
    const at = /^@ (\S+):(\d+)$/.exec(raw);
    if (at) {
      current = { file: at[1], line: Number(at[2]) };
      lines.push(current);
      continue;
    }
    if (!current) continue;
    const cells = raw.trim().split(' | ').map((c) => c.trim());
    const [lo, hi] = cells[1].split('~').map(Number);
    claims.push({
      file: current.file, line: current.line, text: cells[0], value: lo, max: hi, unit: cells[2], kind: cells[3], qualifier: cells[4],
      metric: cells[5], period: cells[6], modality: cells[7],
    });
  }
  return { lines, claims };
}

/** The gold standard writes people counted with 名 or 位 as 人; so does the comparison. */
function unitOf(c: Claim): string {
  if (c.kind === 'count' && (c.unit === '名' || c.unit === '位')) return '人';
  return c.unit || '-';
}

const bigrams = (s: string) => {
  const out = new Set<string>();
  for (let i = 0; i < s.length - 1; i++) out.add(s.slice(i, i + 2));
  return out;
};

/** A metric is right when one names the other (containment) or they share most character pairs. */
export function metricMatches(predicted: string, gold: string): boolean {
  const p = predicted.replace(/[“”\s]/g, '');
  const g = gold.replace(/[“”\s]/g, '');
  if (!p || !g || g === '-') return p === g || g === '-';
  if (p.includes(g) || g.includes(p)) return Math.min(p.length, g.length) >= 2;
  const a = bigrams(p);
  const b = bigrams(g);
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size) >= 0.5;
}

/** The next occurrence of a figure that is not part of a longer number (`5%` is not inside `5.5%`). */
function findBounded(line: string, needle: string, from: number): number {
  for (let at = line.indexOf(needle, from); at >= 0; at = line.indexOf(needle, at + 1)) {
    const before = line[at - 1] ?? '';
    const after = line[at + needle.length] ?? '';
    const digitEdge = /^[0-9０-９]/.test(needle) && /[0-9０-９.．]/.test(before);
    const digitTail = /[0-9０-９]$/.test(needle) && /[0-9０-９.．%]/.test(after);
    if (!digitEdge && !digitTail) return at;
  }
  return -1;
}

export interface Evaluation {
  gold: number;
  predicted: number;
  matched: number;
  precision: number;
  recall: number;
  fields: Record<string, number>;
  misses: string[];
  extras: string[];
  wrong: Record<string, string[]>;
}

export function evaluate(): Evaluation {
  const { lines, claims: gold } = readGold();
  const byFile = new Map<string, { text: string; claims: Claim[]; index: LineIndex }>();
  const fieldsRight: Record<string, number> = { value: 0, unit: 0, kind: 0, qualifier: 0, metric: 0, period: 0, modality: 0 };
  const wrong: Record<string, string[]> = { value: [], unit: [], kind: [], qualifier: [], metric: [], period: [], modality: [] };
  const misses: string[] = [];
  const extras: string[] = [];
  let predictedCount = 0;
  let matched = 0;
  for (const { file, line } of lines) {
    let entry = byFile.get(file);
    if (!entry) {
      const text = readFileSync(join(ROOT, 'test/corpus', file), 'utf8');
      entry = { text, claims: [...parseReport(text).claims], index: new LineIndex(text) };
      byFile.set(file, entry);
    }
    const l = entry.index.lines[line - 1];
    const lineText = entry.text.slice(l.start, l.end);
    const predicted = entry.claims.filter((c) => c.span.start >= l.start && c.span.start < l.end);
    predictedCount += predicted.length;
    const used = new Set<Claim>();
    let searchFrom = 0;
    for (const g of gold.filter((x) => x.file === file && x.line === line)) {
      const at = findBounded(lineText, g.text, searchFrom);
      const start = at >= 0 ? l.start + at : -1;
      if (at >= 0) searchFrom = at + 1;
      const end = start + g.text.length;
      const p = predicted.find((c) => !used.has(c) && start >= 0 && c.span.start < end && c.span.end > start);
      if (!p) {
        misses.push(`${file}:${line} ${g.text}`);
        continue;
      }
      used.add(p);
      matched++;
      const checks: Record<string, boolean> = {
        value: Math.abs(p.value - g.value) <= Math.abs(g.value) * 1e-3 + 1e-9 && (g.max === undefined || (p.max !== undefined && Math.abs(p.max - g.max) <= Math.abs(g.max) * 1e-3)),
        unit: unitOf(p) === g.unit,
        kind: p.kind === g.kind,
        qualifier: p.qualifier === g.qualifier,
        metric: metricMatches(p.metric, g.metric),
        period: (p.period ?? '-') === g.period,
        modality: p.modality === g.modality,
      };
      for (const [field, ok] of Object.entries(checks)) {
        if (ok) fieldsRight[field]++;
        else wrong[field].push(`${file}:${line} ${g.text}: got ${field === 'value' ? `${p.value}${p.max !== undefined ? `~${p.max}` : ''}` : field === 'unit' ? unitOf(p) : String((p as unknown as Record<string, unknown>)[field] ?? '-')}, want ${field === 'value' ? `${g.value}${g.max !== undefined ? `~${g.max}` : ''}` : (g as unknown as Record<string, unknown>)[field]}`);
      }
    }
    for (const p of predicted) if (!used.has(p)) extras.push(`${file}:${line} ${p.text}`);
  }
  const fields: Record<string, number> = {};
  for (const [k, v] of Object.entries(fieldsRight)) fields[k] = matched ? v / matched : 0;
  return { gold: gold.length, predicted: predictedCount, matched, precision: predictedCount ? matched / predictedCount : 0, recall: gold.length ? matched / gold.length : 0, fields, misses, extras, wrong };
}
