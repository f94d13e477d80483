/**
 * `report-review`: the analysis core on the command line, for CI and for reviewers without an editor.
 *
 *   report-review outline FILE…   the outline of each report
 *   report-review check FILE…     the findings of every check
 *   report-review review FILE…    both, as a reviewer reads them
 *
 * Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error, an unreadable input or an
 * output error (a full disk).
 */
import type { LineIndex } from '../core/text';
import type { Report, Section } from '../core/model';
import type { RatedFinding, Severity } from '../checks';
import { formatProblem } from '../config/config';
import { LIMITS, readRegularFile } from '../io/files';
import { dirname } from 'node:path';
import { applyDecisions, checklist, NodeWorkspace, ReviewService } from '../service';
import { pickLanguage, say, toDiagnostic, toDocumentSymbols, type Language } from '../protocol/convert';
import { decodeReport, ENCODINGS, type Encoding } from '../io/decode';
import { jsonChunks, Lazy, writeChunks } from '../io/json-chunks';
import { claimRows, claimsCsv, formatValue } from '../protocol/claims';
import { toSarif } from '../protocol/sarif';
import { reviewFileFor } from '../config/review-file';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { runTrack } from './track';
import { checklistCsv, checklistMarkdown, checklistRows, confirmedDiagnostic, CONFIRMED_PREFIX, type ChecklistRow } from '../protocol/checklist';

const COMMANDS = ['outline', 'check', 'review', 'claims'] as const;
const VERSION = '0.1.0';
type Command = (typeof COMMANDS)[number];
const FORMATS = ['text', 'json', 'csv', 'sarif', 'md'] as const;
type Format = (typeof FORMATS)[number];
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

interface Options {
  command: Command;
  files: string[];
  format: Format;
  encoding: Encoding;
  failOn: Severity;
  language: Language;
}

const USAGE = `Usage: report-review <outline|check|review> [options] FILE…

Commands:
  outline   print each report's outline (sections, glossary, front matter)
  check     print the findings of every check
  review    print the outline and the findings
  claims    print every figure with its value, unit, kind, metric, period and modality
  track     last year's targets against this year's review: report-review track PREVIOUS NEXT
            (see report-review track --help)

Options:
  --format text|json|csv|sarif|md
                             output format (json uses LSP shapes: DocumentSymbol, Diagnostic;
                             csv, for claims, is UTF-8 with a BOM for spreadsheet programs;
                             sarif, for check, is SARIF 2.1.0 for code-scanning dashboards;
                             md and csv, for review, are the review checklist: every finding
                             and decision with its line, quote, sentence, reason and date)
  --encoding auto|utf-8|gb18030|gbk|utf-16le|utf-16be
                             how the files are encoded (auto: UTF-8, else GB18030)
  --fail-on error|warning|information|hint
                             lowest severity that makes the exit code 1 (default: warning)
  --lang zh|en               language of messages (default: from LANG)
  -h, --help                 show this help
  --                         every argument after it is a FILE, even one that starts with -

Only regular files are read (not devices or pipes), up to ${LIMITS.cliReport / 1024 / 1024} MiB each.
.reportreview.json is looked for from each FILE's folder up to the repository root (the folder with .git).

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error, unreadable input or output error.`;

class UsageError extends Error {}

function parseArgs(argv: string[]): Options | 'help' {
  const files: string[] = [];
  let command: Command | undefined;
  let format: Format = 'text';
  let encoding: Encoding = 'auto';
  let failOn: Severity = 'warning';
  let language = pickLanguage(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG);
  let optionsEnded = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (optionsEnded || arg === '-') {
      if (!command) command = oneOf(arg, COMMANDS, 'command');
      else files.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    const value = (name: string): string => {
      const inline = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : undefined;
      if (inline !== undefined) return inline;
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${name} needs a value`);
      return next;
    };
    if (arg === '-h' || arg === '--help') return 'help';
    else if (arg.startsWith('--format')) format = oneOf(value('--format'), FORMATS, '--format');
    else if (arg.startsWith('--encoding')) encoding = oneOf(value('--encoding'), ENCODINGS, '--encoding');
    else if (arg.startsWith('--fail-on')) failOn = oneOf(value('--fail-on'), SEVERITIES, '--fail-on');
    else if (arg.startsWith('--lang')) language = oneOf(value('--lang'), ['zh', 'en'] as const, '--lang');
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else if (!command) command = oneOf(arg, COMMANDS, 'command');
    else files.push(arg);
  }
  if (!command) throw new UsageError('no command given');
  if (files.length === 0) throw new UsageError('no FILE given');
  if (format === 'csv' && command !== 'claims' && command !== 'review') throw new UsageError('--format csv is for the claims and review commands');
  if (format === 'md' && command !== 'review') throw new UsageError('--format md is for the review command');
  if (format === 'sarif' && command !== 'check' && command !== 'review') throw new UsageError('--format sarif is for the check and review commands');
  return { command, files, format, encoding, failOn, language };
}

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${what} must be one of ${allowed.join(', ')} (got “${value}”)`);
}

interface Result {
  file: string;
  report: Report;
  index: LineIndex;
  findings: readonly RatedFinding[];
  /** Findings a reviewer dismissed in the sidecar review file. */
  decided: number;
  /** The review checklist (review --format md|csv): every finding and decision. */
  checklist?: ChecklistRow[];
  /** Findings confirmed in the sidecar: shown, and marked. */
  confirmed?: ReadonlySet<RatedFinding>;
  /** Where related locations outside the report lie: the paired previous report, evidence tables. */
  documents?: Readonly<Record<string, { uri: string; index: LineIndex }>>;
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'track') return runTrack(argv.slice(1));
  let options: Options | 'help';
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`report-review: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const results: Result[] = [];
  let unreadable = false;
  for (const file of options.files) {
    const read = readText(file, options);
    if (read === undefined) {
      unreadable = true;
      continue;
    }
    const path = resolve(file);
    const uri = pathToFileURL(path).href;
    const { service, workspace } = serviceFor(path, options.language);
    // The folder's scan finds this file too: it takes the text read here, once, as decoded here.
    workspace.remember(uri, read.text, read.bytes);
    const document = service.document(uri, 0, read.text);
    if (options.command === 'outline' || options.command === 'claims') {
      // No checks: only a review file that cannot be used is said, as for every command.
      const recorded = service.workspace.readDecisions(document.uri);
      if (recorded.error) process.stderr.write(`report-review: ${say(recorded.error, options.language)}\n`);
      results.push({ file, report: document.report, index: document.index, findings: [], decided: 0 });
      continue;
    }
    // The folder's other reports define terms this one uses, as in the editor.
    await service.scanOnce();
    const { open, decided, sidecarError } = document.findings;
    if (sidecarError) process.stderr.write(`report-review: ${say(sidecarError, options.language)}\n`);
    const decisions = sidecarError ? [] : service.workspace.readDecisions(document.uri).decisions;
    const rows = options.command === 'review' && (options.format === 'md' || options.format === 'csv')
      ? checklistRows(checklist(document.report, [...open, ...decided], decisions), document.index, options.language)
      : undefined;
    const confirmed = new Set(applyDecisions(document.report, open, decisions).confirmed.keys());
    results.push({ file, report: document.report, index: document.index, findings: open, decided: decided.length, checklist: rows, confirmed, documents: service.crossReport(document.uri).documents });
  }
  if (options.command !== 'claims' && options.format === 'json') {
    // In pieces: the JSON of a long report's findings is many times the report's size.
    writeChunks(jsonChunks(jsonRows(results, options), 3), (text) => process.stdout.write(text));
    process.stdout.write('\n');
  } else {
    process.stdout.write(
      options.command === 'claims'
        ? renderClaims(results, options)
        : options.format === 'md' || options.format === 'csv'
          ? (options.format === 'md' ? checklistMarkdown : checklistCsv)(results.map((r) => ({ file: r.file, rows: r.checklist ?? [] })), options.language)
        : options.format === 'sarif'
          ? `${JSON.stringify(toSarif(results.map((r) => ({ uri: pathToFileURL(resolve(r.file)).href, report: r.report, index: r.index, findings: r.findings, confirmed: r.confirmed })), options.language, VERSION), null, 2)}\n`
          : renderText(results, options),
    );
  }
  if (unreadable) return 2;
  const threshold = SEVERITIES.indexOf(options.failOn);
  return results.some((r) => r.findings.some((f) => SEVERITIES.indexOf(f.severity) <= threshold)) ? 1 : 0;
}

/**
 * The report's text without its byte order mark, or undefined (said on stderr) when it cannot be
 * read. A function of its own so that the file's bytes are garbage once it returns, not held
 * through the analysis (10 MB for a 10 MB report).
 */
function readText(file: string, options: Options): { text: string; bytes: number } | undefined {
  const read = readRegularFile(file, LIMITS.cliReport);
  if (!read.ok) {
    process.stderr.write(`report-review: ${file}: ${say(read.reason, options.language)}\n`);
    return undefined;
  }
  const decoded = decodeReport(read.bytes, options.encoding);
  if (!decoded.ok) {
    process.stderr.write(`report-review: ${file}: ${say(decoded.reason, options.language)}\n`);
    return undefined;
  }
  return { text: decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text, bytes: read.bytes.length };
}

const reported = new Set<string>();
const services = new Map<string, { service: ReviewService; workspace: NodeWorkspace }>();

/**
 * The review service over the folder of `path`: the nearest `.reportreview.json` (up to the
 * repository root), the glossary files it names and the other reports beside the file. The
 * config's problems are printed once.
 */
function serviceFor(path: string, language: Language): { service: ReviewService; workspace: NodeWorkspace } {
  const directory = dirname(path);
  let known = services.get(directory);
  if (!known) {
    const workspace = new NodeWorkspace([directory], { config: 'nearest', depth: 0 });
    const service = new ReviewService(workspace, { limits: LIMITS });
    service.readSettings();
    for (const problem of service.problems) {
      const line = formatProblem(problem, language);
      if (!reported.has(line)) process.stderr.write(`report-review: warning: ${line}\n`);
      reported.add(line);
    }
    services.set(directory, (known = { service, workspace }));
  }
  return known;
}

function renderClaims(results: Result[], options: Options): string {
  if (options.format === 'json') {
    return `${JSON.stringify(results.map((r) => ({ file: r.file, uri: pathToFileURL(resolve(r.file)).href, claims: claimRows(r.report, r.index) })), null, 2)}\n`;
  }
  if (options.format === 'csv') {
    const parts = results.map((r, i) => {
      const csv = claimsCsv(claimRows(r.report, r.index), r.file);
      // One BOM and one header for the whole output.
      return i === 0 ? csv : csv.slice(csv.indexOf('\r\n') + 2);
    });
    return parts.join('');
  }
  const out: string[] = [];
  for (const r of results) {
    for (const c of claimRows(r.report, r.index)) {
      const value = `${formatValue(c.value, c.unit)}${c.max !== null ? ` – ${formatValue(c.max, c.unit)}` : ''}`;
      out.push(`${r.file}:${c.range.start.line + 1}:${c.range.start.character + 1}: ${c.text} = ${value} · ${c.kind} · ${c.qualifier} · ${c.metric || '-'} · ${c.period ?? '-'} · ${c.modality}`);
    }
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

/** One row per FILE, in LSP shapes: DocumentSymbol, Diagnostic. */
function jsonRows(results: Result[], options: Options): Record<string, unknown>[] {
  return results.map((r) => {
    const uri = pathToFileURL(resolve(r.file)).href;
    const row: Record<string, unknown> = { file: r.file, uri };
    if (options.command !== 'check') row.symbols = toDocumentSymbols(r.report, r.index);
    if (options.command !== 'outline') {
      // Made one at a time as they are written: a long report has tens of thousands.
      row.diagnostics = new Lazy(function* () {
        for (const f of r.findings) {
          const diagnostic = toDiagnostic(f, r.index, options.language, uri, undefined, r.documents);
          yield r.confirmed?.has(f) ? confirmedDiagnostic(diagnostic, options.language) : diagnostic;
        }
      });
    }
    return row;
  });
}

function renderText(results: Result[], options: Options): string {
  const out: string[] = [];
  const zh = options.language === 'zh';
  for (const r of results) {
    if (options.command !== 'check') {
      out.push(`== ${r.file}`);
      const visit = (s: Section, depth: number) => {
        if (s.kind === 'metadataField' || s.kind === 'lead') return;
        const line = r.index.lineAt(s.heading.start) + 1;
        out.push(`${String(line).padStart(5)}  ${'  '.repeat(depth)}${s.detail && s.kind !== 'glossaryEntry' ? s.detail : ''}${s.name}`);
        s.children.forEach((c) => visit(c, depth + 1));
      };
      r.report.sections.forEach((s) => visit(s, 0));
    }
    if (options.command !== 'outline') {
      for (const f of r.findings) {
        const p = r.index.position(f.span.start);
        const mark = r.confirmed?.has(f) ? say(CONFIRMED_PREFIX, options.language) : '';
        out.push(`${r.file}:${p.line + 1}:${p.character + 1}: ${f.severity} [${f.checkId}] ${mark}${say(f.message, options.language)}`);
      }
      if (options.command === 'review' || r.findings.length || r.decided) {
        const decided = r.decided ? (zh ? `，另有 ${r.decided} 个已在 ${reviewFileFor(r.file)} 中驳回` : `, ${r.decided} more dismissed in ${reviewFileFor(r.file)}`) : '';
        out.push(zh ? `   ${r.findings.length} 个问题${decided}` : `   ${r.findings.length} finding${r.findings.length === 1 ? '' : 's'}${decided}`);
      }
    }
    if (options.command !== 'check') out.push('');
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

// `report-review claims … | head` closes the pipe early: that is the reader's choice, not an error.
// Any other write error (a full disk) is one line and exit code 2, not a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`report-review: cannot write the output (${error.code ?? error.message})\n`);
  process.exit(2);
});

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
