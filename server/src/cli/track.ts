/**
 * `report-review track PREVIOUS NEXT`: last year's targets against this year's review, and this
 * year's figures against evidence tables. Prints one row per target; exit 1 when a finding of the
 * cross-report checks (target-missed, evidence-mismatch) is at or above --fail-on.
 */
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runChecks, standaloneContext, type RatedFinding, type Severity } from '../checks';
import { evidenceTables, findConfig, targetVocabulary } from '../config/config';
import type { EvidenceRow } from '../core/evidence';
import { reportIdentity, sameGovernment, type ReportIdentity } from '../core/identity';
import type { Report } from '../core/model';
import { parseReport } from '../core/report';
import { matchTargets } from '../core/targets';
import { LineIndex } from '../core/text';
import { pickLanguage, say, toDiagnostic, type Language } from '../protocol/convert';
import { statusLabel, targetsCsv, targetsMarkdown, targetTableRows, type TargetTableRow } from '../protocol/targets';
import { decodeReport, ENCODINGS, type Encoding } from '../io/decode';
import { readEvidence } from '../config/evidence-table';
import { LIMITS, readRegularFile } from '../io/files';

const FORMATS = ['text', 'json', 'csv', 'md'] as const;
type Format = (typeof FORMATS)[number];
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];
/** The checks that read two reports or a table; the single-report checks belong to `check`. */
const TRACK_CHECKS = new Set(['target-missed', 'evidence-mismatch']);

export const TRACK_USAGE = `Usage: report-review track PREVIOUS NEXT [options]

  PREVIOUS   the report that set the targets of year N (e.g. 2022.txt)
  NEXT       the report that reviews year N (e.g. 2023.txt)

Options:
  --evidence FILE            an evidence table (CSV, UTF-8 or GBK): metric,period,value,unit[,source,note];
                             may be given more than once
  --format text|json|csv|md  output format (default: text)
  --encoding auto|utf-8|gb18030|gbk|utf-16le|utf-16be
  --fail-on error|warning|information|hint
                             lowest severity that makes the exit code 1 (default: warning)
  --lang zh|en               language of messages (default: from LANG)

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error or unreadable input.`;

interface Options {
  previous: string;
  next: string;
  evidence: string[];
  format: Format;
  encoding: Encoding;
  failOn: Severity;
  language: Language;
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Options | 'help' {
  const files: string[] = [];
  const evidence: string[] = [];
  let format: Format = 'text';
  let encoding: Encoding = 'auto';
  let failOn: Severity = 'warning';
  let language = pickLanguage(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (name: string): string => {
      if (arg.includes('=')) return arg.slice(arg.indexOf('=') + 1);
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${name} needs a value`);
      return next;
    };
    if (arg === '-h' || arg === '--help') return 'help';
    else if (arg.startsWith('--evidence')) evidence.push(value('--evidence'));
    else if (arg.startsWith('--format')) format = oneOf(value('--format'), FORMATS, '--format');
    else if (arg.startsWith('--encoding')) encoding = oneOf(value('--encoding'), ENCODINGS, '--encoding');
    else if (arg.startsWith('--fail-on')) failOn = oneOf(value('--fail-on'), SEVERITIES, '--fail-on');
    else if (arg.startsWith('--lang')) language = oneOf(value('--lang'), ['zh', 'en'] as const, '--lang');
    else if (arg.startsWith('--') && arg !== '--') throw new UsageError(`unknown option ${arg}`);
    else files.push(arg);
  }
  if (files.length !== 2) throw new UsageError(`track needs two reports, PREVIOUS and NEXT (got ${files.length})`);
  return { previous: files[0], next: files[1], evidence, format, encoding, failOn, language };
}

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${what} must be one of ${allowed.join(', ')} (got “${value}”)`);
}

interface Loaded {
  identity?: ReportIdentity;
  file: string;
  uri: string;
  report: Report;
  index: LineIndex;
}

export function runTrack(argv: readonly string[]): number {
  let options: Options | 'help';
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`report-review: ${error.message}\n\n${TRACK_USAGE}\n`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(`${TRACK_USAGE}\n`);
    return 0;
  }
  const language = options.language;
  const complain = (message: string) => process.stderr.write(`report-review: ${message}\n`);
  const load = (file: string): Loaded | undefined => {
    // The same guarded read as `check`: regular files only, within the CLI's size limit.
    const read = readRegularFile(file, LIMITS.cliReport);
    if (!read.ok) {
      complain(`${file}: ${say(read.reason, language)}`);
      return undefined;
    }
    const bytes = read.bytes;
    const decoded = decodeReport(bytes, options.encoding);
    if (!decoded.ok) {
      complain(`${file}: ${say(decoded.reason, language)}`);
      return undefined;
    }
    const text = decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
    return { file, uri: pathToFileURL(resolve(file)).href, report: parseReport(text), index: new LineIndex(text) };
  };
  const previous = load(options.previous);
  const next = load(options.next);
  if (!previous || !next) return 2;

  let unreadable = false;
  const loaded = findConfig(dirname(resolve(next.file)));
  for (const p of loaded.problems) complain(`${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1} ${say(p.message, language)}`);
  const vocabulary = targetVocabulary(loaded.config);

  // --evidence replaces the tables `.reportreview.json` names; those are read contained to its folder.
  const evidence: EvidenceRow[] = [];
  const tables: Record<string, { uri: string; index: LineIndex }> = {};
  if (options.evidence.length) {
    for (const file of options.evidence) {
      const read = readRegularFile(file, LIMITS.cliReport);
      if (!read.ok) {
        complain(`${file}: ${say(read.reason, language)}`);
        unreadable = true;
        continue;
      }
      const table = readEvidence(read.bytes, file);
      for (const e of table.errors) complain(say(e, language));
      if (table.errors.length && !table.rows.length) unreadable = true;
      evidence.push(...table.rows);
      tables[file] = { uri: pathToFileURL(resolve(file)).href, index: table.index };
    }
  } else {
    const named = evidenceTables(loaded);
    for (const p of named.problems) complain(`${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1} ${say(p.message, language)}`);
    if (named.tables.length < loaded.config.evidence.length) unreadable = true;
    for (const table of named.tables) {
      evidence.push(...table.rows);
      tables[table.name] = { uri: table.uri, index: table.index };
    }
  }

  const identities = { previous: reportIdentity(previous.report), next: reportIdentity(next.report) };
  if (identities.previous.planYear !== undefined && identities.next.reviewYear !== undefined && identities.previous.planYear !== identities.next.reviewYear) {
    complain(language === 'zh'
      ? `${previous.file} 为 ${identities.previous.planYear} 年的计划，${next.file} 回顾的是 ${identities.next.reviewYear} 年：不是相邻年份`
      : `${previous.file} plans ${identities.previous.planYear} but ${next.file} reviews ${identities.next.reviewYear}: not consecutive years`);
  }
  if (identities.previous.government && identities.next.government && !sameGovernment(identities.previous, identities.next)) {
    complain(language === 'zh'
      ? `${previous.file}（${identities.previous.government}）与 ${next.file}（${identities.next.government}）不是同一政府的报告`
      : `${previous.file} (${identities.previous.government}) and ${next.file} (${identities.next.government}) are reports of different governments`);
  }
  const rows = targetTableRows(matchTargets(previous.report, next.report, vocabulary), previous, next, language);
  const context = { ...standaloneContext(next.report), previous: previous.report, evidence, targetVocabulary: vocabulary };
  const findings = runChecks(next.report, loaded.config.checks, context).filter((f) => TRACK_CHECKS.has(f.checkId));

  process.stdout.write(render(options.format, rows, findings, { ...previous, identity: identities.previous }, { ...next, identity: identities.next }, tables, language));
  if (unreadable) return 2;
  const threshold = SEVERITIES.indexOf(options.failOn);
  return findings.some((f) => SEVERITIES.indexOf(f.severity) <= threshold) ? 1 : 0;
}

function render(format: Format, rows: TargetTableRow[], findings: RatedFinding[], previous: Loaded, next: Loaded, tables: Record<string, { uri: string; index: LineIndex }>, language: Language): string {
  const documents = { previous: { uri: previous.uri, index: previous.index }, ...tables };
  if (format === 'json') {
    return `${JSON.stringify({ previous: { file: previous.file, uri: previous.uri, ...previous.identity }, next: { file: next.file, uri: next.uri, ...next.identity }, rows, diagnostics: findings.map((f) => toDiagnostic(f, next.index, language, next.uri, undefined, documents)) }, null, 2)}\n`;
  }
  if (format === 'csv') return targetsCsv(rows);
  const findingLines = findings.map((f) => {
    const p = next.index.position(f.span.start);
    return `${next.file}:${p.line + 1}:${p.character + 1}: ${f.severity} [${f.checkId}] ${say(f.message, language)}`;
  });
  if (format === 'md') {
    const heading = language === 'zh' ? `## 目标与结果：${previous.file} → ${next.file}` : `## Targets and results: ${previous.file} → ${next.file}`;
    return `${heading}\n\n${targetsMarkdown(rows, language)}${findingLines.length ? `\n${findingLines.map((l) => `- ${l.replace(/[|*_`<>[\]]/g, (c) => `\\${c}`)}`).join('\n')}\n` : ''}`;
  }
  const zh = language === 'zh';
  const out = [`== ${previous.file} → ${next.file}`];
  for (const r of rows) {
    const target = `${previous.file}:${r.target.range.start.line + 1} ${r.target.text}`;
    const result = r.result ? `${next.file}:${r.result.range.start.line + 1} ${r.result.text}` : zh ? '（无）' : '(none)';
    out.push(`${r.main ? '' : '  '}[${statusLabel(r.status, language)}] ${target} → ${result} · ${r.reason}`);
  }
  out.push(...findingLines);
  const counts = (['met', 'missed', 'no-result', 'not-comparable'] as const).map((s) => `${statusLabel(s, language)} ${rows.filter((r) => r.status === s).length}`);
  out.push(zh ? `   ${counts.join('，')}；${findings.length} 个问题` : `   ${counts.join(', ')}; ${findings.length} finding${findings.length === 1 ? '' : 's'}`);
  return `${out.join('\n')}\n`;
}
