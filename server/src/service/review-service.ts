/**
 * The review service: the one pipeline from a report's text to what a reviewer sees — parse, line
 * index, the terms known around the report, the checks' findings, the review decisions — for the
 * language server and the CLI alike. Everything is computed when first asked and cached by the
 * document's version and the workspace generation, which goes up whenever something the analysis
 * reads outside the document changes (settings, glossary files, the folder's other reports, trust).
 * Pure of LSP; the world is reached only through the `ReviewWorkspace`.
 */
import { checkSteps, finish, structuralCheckSteps, type CheckSettings, type RatedFinding } from '../checks';
import type { Localized } from '../checks/types';
import { applyDecisions } from '../checks/decisions';
import type { ConfigProblem } from '../config/config';
import { builtinDefinitions } from '../core/builtin-glossary';
import { detectReport } from '../core/detect';
import type { Report } from '../core/model';
import { parseReport, readClaims } from '../core/report';
import type { Steps } from '../core/steps';
import { parseEdited, type TextChange } from '../core/incremental';
import { LineIndex, lineIndexOf } from '../core/text';
import { TermIndex, TermUseMemo, reportDefinitions, type TermDefinition, type TermUse } from '../core/terms';
import { isReportFile, NO_SETTINGS, type FileChange, type ReviewWorkspace, type WorkspaceSettings } from './workspace';
import { couldPair, crossReportContext, decodedUri, figureInPair, NO_TARGET_SETTINGS, targetsResponse, type CrossReportContext, type FigureInPair, type KnownReport, type TargetSettings, type TargetsResponse } from './targets';
import type { Language } from '../protocol/convert';

/** The bounds of the scan of the folders' other reports (io/files.ts LIMITS has the product's). */
export interface ScanLimits {
  readonly scanFile: number;
  readonly scanTotal: number;
  readonly scanFiles: number;
}

export interface ReviewServiceOptions {
  /** The built-in glossary (default: the bundled one); called only when a term context is first needed. */
  readonly builtin?: () => readonly TermDefinition[];
  /** An untrusted workspace contributes nothing: no settings, glossary files or other reports. */
  readonly trusted?: boolean;
  /** The editor's per-check settings; `.reportreview.json` wins over them. */
  readonly settings?: CheckSettings;
  readonly limits: ScanLimits;
}

/** The terms known around a report and their uses in it. */
export interface TermContext {
  readonly terms: TermIndex;
  readonly uses: readonly TermUse[];
}

export interface Findings {
  /** Findings nobody decided on yet: what the reviewer sees. */
  readonly open: readonly RatedFinding[];
  /** Findings accepted or ignored in the review file beside the report. */
  readonly decided: readonly RatedFinding[];
  /** Set when the review file exists but cannot be used; its decisions do not apply then. */
  readonly sidecarError?: Localized;
}

/** A report of the workspace folders other than the open ones, read by the scan. */
export interface WorkspaceReport {
  readonly uri: string;
  readonly report: Report;
  readonly index: LineIndex;
}

/** What a report contributes to the terms of the others, comparable: its glossary entries and where they are (go to definition). */
function glossaryOf(r: WorkspaceReport | undefined): string {
  return r ? JSON.stringify(reportDefinitions(r.report, r.uri).map((d) => [d.term, d.definition, d.aliases, d.location?.span.start])) : '';
}

/** How long the steps of the checks run before they pause for what is waiting: a keystroke waits no longer than this. */
const SLICE_MS = 8;

/** Lets the event loop answer what is waiting (a request, a newer version) before the next step. */
function pause(): Promise<void> {
  // Twice: a message read while the last step ran is handed to its handler by an immediate queued
  // after ours, and the step after ours must come after that handler, not before it.
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}

/**
 * Every parse goes through here. An open document's new version is parsed from the model of its
 * last version (core/incremental.ts: only the lines and blocks the edit touched are read again),
 * with the editor's changes from that version's text to this one when they are known;
 * a first version, a CLI file or a scanned report gets a full parse and keeps no memo.
 */
export function parse(text: string, previous?: Report, changes?: readonly TextChange[]): Report {
  return previous ? parseEdited(text, previous, changes) : parseReport(text);
}

/** The changes of one document version to the next, as the editor sent them (`undefined`: the whole text was sent). */
interface VersionChanges {
  readonly from: number;
  readonly to: number;
  readonly changes: readonly TextChange[] | undefined;
}

/** Versions typed before the outline is asked for again are few; a longer log is not worth keeping. */
const CHANGE_LOG_LIMIT = 64;

/** One version of one document, analysed on demand. */
export class ReviewDocument {
  private parsed?: Report;
  private lines?: LineIndex;
  private termsAt?: { generation: number; context: TermContext };
  private checkedAt?: { generation: number; previous?: Report; findings: readonly RatedFinding[] };
  private structuralAt?: { generation: number; findings: readonly RatedFinding[] };

  constructor(
    private readonly service: ReviewService,
    readonly uri: string,
    readonly version: number,
    /** The text, or how to get it when first needed. */
    private input: string | (() => string),
    /** The model of the version this one replaced, for an incremental parse; dropped once parsed. */
    private previous?: Report,
    /** The version `previous` was parsed from. */
    private previousVersion?: number,
  ) {}

  /**
   * The latest model of the document, computing nothing: this version's if it was parsed, else the
   * one this version would be parsed from (versions typed faster than the outline was asked for
   * are skipped, and the next one still starts from the last model).
   */
  get parsedReport(): Report | undefined {
    return this.parsed ?? this.previous;
  }

  /** The version `parsedReport` was parsed from. */
  get parsedVersion(): number | undefined {
    return this.parsed ? this.version : this.previousVersion;
  }

  /** The document's text, read now if it was not yet. */
  source(): string {
    if (this.parsed) return this.parsed.text;
    if (typeof this.input !== 'string') this.input = this.input();
    return this.input;
  }

  /** Takes the model of the same text parsed elsewhere (the folder scan read the same file). */
  adopt(other: { report: Report; index: LineIndex }): void {
    this.parsed ??= other.report;
    this.lines ??= other.index;
  }

  /** The report model: the outline needs nothing more. */
  get report(): Report {
    if (!this.parsed) {
      const changes = this.previous && this.previousVersion !== undefined ? this.service.changesBetween(this.uri, this.previousVersion, this.version) : undefined;
      this.parsed = parse(this.source(), this.previous, changes);
      this.previous = undefined;
    }
    return this.parsed;
  }

  get index(): LineIndex {
    this.lines ??= lineIndexOf(this.report);
    return this.lines;
  }

  /** Report glossary, then workspace glossaries, then the folder's other reports, then the built-in glossary. */
  get terms(): TermContext {
    const generation = this.service.generation;
    if (this.termsAt?.generation !== generation) {
      const terms = this.service.termIndex(this.report, this.uri, true);
      this.termsAt = { generation, context: { terms, uses: this.service.termUses(this.uri, this.report.text, terms) } };
    }
    return this.termsAt.context;
  }

  /**
   * The findings of every enabled check, run once per version, generation and version of the paired
   * previous report (an open one changes without a new generation); decisions applied on every
   * call (the review file may change on its own).
   */
  get findings(): Findings {
    return finish(this.findingSteps());
  }

  /**
   * `findings` in steps (core/steps.ts): the figures a few dozen paragraphs at a time, the term
   * uses, then each check, and within the long ones a few dozen figures or blocks at a time. What
   * is computed is kept as the getter keeps it.
   */
  private *findingSteps(): Steps<Findings> {
    const generation = this.service.generation;
    const cross = this.service.crossReport(this.uri);
    if (this.checkedAt?.generation !== generation || this.checkedAt.previous !== cross.context.previous) {
      yield* readClaims(this.report);
      yield;
      const { terms, uses } = this.terms;
      const context = { terms, uses, ...cross.context };
      // The structural checks ran already when a long report showed their findings first.
      const structural = this.structuralAt?.generation === generation ? this.structuralAt.findings : undefined;
      const findings = yield* checkSteps(this.report, this.service.checkSettings(), context, structural);
      this.checkedAt = { generation, previous: cross.context.previous, findings };
    }
    return this.decide(this.checkedAt.findings);
  }

  /**
   * The findings of the structural checks alone (`Check.structural`): on a long report they are
   * ready once it is parsed, long before its figures and terms are read. A subset of `findings`.
   */
  get structuralFindings(): Findings {
    return finish(this.structuralSteps());
  }

  private *structuralSteps(): Steps<Findings> {
    const generation = this.service.generation;
    if (this.structuralAt?.generation !== generation) {
      const findings = yield* structuralCheckSteps(this.report, this.service.checkSettings());
      this.structuralAt = { generation, findings };
    }
    return this.decide(this.structuralAt.findings);
  }

  /** The findings with the review decisions applied, read again on every call (the review file may change on its own). */
  private decide(findings: readonly RatedFinding[]): Findings {
    const recorded = this.service.workspace.readDecisions(this.uri);
    const { open, decided } = applyDecisions(this.report, findings, recorded.decisions);
    return { open, decided, sidecarError: recorded.error };
  }

  /**
   * The findings, computed in steps (parse, figures, term uses, each check) with a pause whenever
   * a slice of time is used up, so that other requests (the outline) are answered in between;
   * `undefined`, and nothing more computed, once `stale()` says a newer version has replaced this one.
   */
  async findingsUnlessStale(stale: () => boolean): Promise<Findings | undefined> {
    return this.unlessStale(this.findingSteps(), stale);
  }

  /** The structural findings once the report is parsed; `undefined` when stale. */
  async structuralFindingsUnlessStale(stale: () => boolean): Promise<Findings | undefined> {
    return this.unlessStale(this.structuralSteps(), stale);
  }

  /** Parses, then runs `steps`, pausing whenever a slice of time is used up; `undefined`, and nothing more computed, once stale. */
  private async unlessStale<T>(steps: Steps<T>, stale: () => boolean): Promise<T | undefined> {
    for (const step of [() => this.report, () => this.index]) {
      await pause();
      if (stale()) return undefined;
      step();
    }
    let since = -Infinity;
    for (;;) {
      // Steps are small (a check, a few dozen paragraphs or figures): pausing after each would cost more than they do.
      if (performance.now() - since >= SLICE_MS) {
        await pause();
        if (stale()) return undefined;
        since = performance.now();
      }
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /** True once the checks ran for the current generation: a caller can tell that findings were not computed again. */
  get checked(): boolean {
    return this.checkedAt?.generation === this.service.generation && this.checkedAt.previous === this.service.crossReport(this.uri).context.previous;
  }
}

export class ReviewService {
  /** Goes up whenever anything the analysis reads outside the documents changes. */
  generation = 0;
  private readonly documents = new Map<string, ReviewDocument>();
  /** Per open document, the changes of its recent versions, oldest first. */
  private readonly changeLogs = new Map<string, VersionChanges[]>();
  private settings: WorkspaceSettings = NO_SETTINGS;
  private reports = new Map<string, WorkspaceReport>();
  private notes: string[] = [];
  private clientSettings: CheckSettings;
  private isTrusted: boolean;
  private readonly listeners = new Set<() => void>();
  private scanning?: Promise<void>;
  private firstScan?: Promise<void>;
  private changedWhileScanning = false;

  constructor(readonly workspace: ReviewWorkspace, private readonly options: ReviewServiceOptions) {
    this.clientSettings = options.settings ?? {};
    this.isTrusted = options.trusted !== false;
    workspace.onDidChangeFiles((changes) => this.filesChanged(changes));
  }

  get trusted(): boolean {
    return this.isTrusted;
  }

  /** Problems of the config files, for diagnostics on them. */
  get problems(): readonly ConfigProblem[] {
    return this.settings.problems;
  }

  /** What the last scan left out because a limit was reached. */
  get scanNotes(): readonly string[] {
    return this.notes;
  }

  /** The reports of the workspace folders read by the scan. */
  get workspaceReports(): ReadonlyMap<string, WorkspaceReport> {
    return this.reports;
  }

  /** Called after every generation change: the host re-publishes what it shows. */
  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Editor settings first, then the team's `.reportreview.json`, which every reviewer shares. */
  checkSettings(): CheckSettings {
    return { ...this.clientSettings, ...this.settings.checks } as CheckSettings;
  }

  setClientSettings(settings: CheckSettings): void {
    this.clientSettings = settings;
    this.bump();
  }

  /** Trust granted reads the workspace; trust withdrawn forgets it. */
  async setTrusted(trusted: boolean): Promise<void> {
    if (trusted === this.isTrusted) return;
    this.isTrusted = trusted;
    if (trusted) return this.load();
    this.settings = NO_SETTINGS;
    this.reports = new Map();
    this.notes = [];
    this.bump();
  }

  /** Reads the settings now and the folders' reports in the background; resolves when both are read. */
  async load(): Promise<void> {
    this.readSettings();
    this.bump();
    await this.scan();
  }

  /** Reads the config files and the glossary files they name again. */
  readSettings(): void {
    this.settings = this.isTrusted ? this.workspace.readSettings() : NO_SETTINGS;
  }

  /** The folders' reports as read by the first scan; scans only if none was made (the CLI asks once per FILE). */
  scanOnce(): Promise<void> {
    this.firstScan ??= this.scan();
    return this.firstScan;
  }

  /** Reads the other reports of the workspace folders again, within the limits. */
  scan(): Promise<void> {
    this.scanning ??= (async () => {
      // A report that changed while the scan read the folder may have been read before the change.
      for (let pass = 0; pass < 3; pass++) {
        this.changedWhileScanning = false;
        await this.scanNow();
        if (!this.changedWhileScanning) break;
      }
    })().finally(() => (this.scanning = undefined));
    return this.scanning;
  }

  private async scanNow(): Promise<void> {
    if (!this.isTrusted) return;
    const limits = this.options.limits;
    const found = new Map<string, WorkspaceReport>();
    const notes: string[] = [];
    const files = this.workspace.listReportFiles(limits.scanFiles);
    if (files.length > limits.scanFiles) notes.push(`more than ${limits.scanFiles} candidate files; the others were not read`);
    let budget = limits.scanTotal;
    let large = 0;
    for (const uri of files.slice(0, limits.scanFiles)) {
      // A pause between files, so the server keeps answering.
      await pause();
      const max = Math.min(limits.scanFile, budget);
      const read = this.workspace.readFile(uri, max);
      if (!read.ok && read.problem === 'tooLarge' && max < limits.scanFile) {
        notes.push(`the ${limits.scanTotal / 1024 / 1024} MiB budget of the workspace scan is spent; the remaining files were not read`);
        break;
      }
      if (!read.ok) {
        if (read.problem === 'tooLarge') large++;
        continue;
      }
      budget -= read.bytes;
      // A file open as a document with the same text is parsed once (the CLI's FILEs are in the folder it scans).
      const report = this.readReport(uri, read.text, this.documents.get(uri));
      if (report) found.set(uri, report);
    }
    if (large) notes.push(`${large} file(s) larger than ${limits.scanFile / 1024 / 1024} MiB were not read`);
    if (!this.isTrusted) return;
    this.reports = found;
    this.notes = notes;
    this.bump();
  }

  private readReport(uri: string, text: string, open?: ReviewDocument): WorkspaceReport | undefined {
    if (text.includes('\u0000') || !detectReport(text).isReport) return undefined;
    if (open && open.source() === text) return { uri, report: open.report, index: open.index };
    return { uri, report: parse(text), index: new LineIndex(text) };
  }

  /**
   * Config, glossary and report files changed on disk: read what they affect again, and a new
   * generation when anything the analysis reads changed: a README saved is not a report, and a
   * report saved with its glossary unchanged, where it was, changes nothing the others read.
   */
  filesChanged(changes: readonly FileChange[]): void {
    if (!this.isTrusted || changes.length === 0) return;
    const sources = new Set(this.settings.sources);
    let settings = false;
    let reports = false;
    for (const change of changes) {
      if (sources.has(change.uri) || change.uri.endsWith('/.reportreview.json')) settings = true;
      if (!isReportFile(change.uri)) continue;
      if (this.scanning) this.changedWhileScanning = true;
      const before = this.reports.get(change.uri);
      this.reports.delete(change.uri);
      const read = change.kind === 'deleted' ? undefined : this.workspace.readFile(change.uri, this.options.limits.scanFile);
      const report = read?.ok ? this.readReport(change.uri, read.text) : undefined;
      if (report) this.reports.set(change.uri, report);
      // A report of an open report's government may be its previous or next year's: its targets and results count too.
      if (glossaryOf(before) !== glossaryOf(report) || this.mayPair(before) || this.mayPair(report)) reports = true;
    }
    if (settings) this.readSettings();
    if (settings || reports) this.bump();
  }

  /** The analysis of a document at a version; the text is read only when first needed. */
  document(uri: string, version: number, text: string | (() => string)): ReviewDocument {
    const cached = this.documents.get(uri);
    if (cached && cached.version === version) return cached;
    const document = new ReviewDocument(this, uri, version, text, cached?.parsedReport, cached?.parsedVersion);
    const scanned = this.reports.get(uri);
    if (scanned && typeof text === 'string' && scanned.report.text === text) document.adopt(scanned);
    this.documents.set(uri, document);
    return document;
  }

  /** The analysis of an open document, as last given. */
  get(uri: string): ReviewDocument | undefined {
    return this.documents.get(uri);
  }

  close(uri: string): void {
    this.documents.delete(uri);
    this.changeLogs.delete(uri);
    this.termUseMemos.delete(uri);
  }

  /** Per open document, the term uses of its lines as its last version had them. */
  private readonly termUseMemos = new Map<string, TermUseMemo>();

  /** The term uses of a document's text: the lines an edit did not reach are not read again. */
  termUses(uri: string, text: string, index: TermIndex): TermUse[] {
    let memo = this.termUseMemos.get(uri);
    if (!memo) this.termUseMemos.set(uri, (memo = new TermUseMemo()));
    return memo.uses(text, index);
  }

  /**
   * The editor changed an open document from version `from` to `to`: `changes` in order, each in
   * offsets of the text as the ones before it left it; `undefined` when it sent the whole text.
   * Kept so that the next parse need not compare the texts to find what changed.
   */
  edited(uri: string, from: number, to: number, changes: readonly TextChange[] | undefined): void {
    // Versions that do not follow on are another history (the document opened again): start over.
    const before = this.changeLogs.get(uri);
    const continues = !!before && before[before.length - 1]?.to === from;
    const log = continues ? before : [];
    log.push({ from, to, changes });
    // Only versions after the one last parsed can still be needed (of this history: versions of another may be higher).
    const parsed = continues ? this.documents.get(uri)?.parsedVersion : undefined;
    let drop = 0;
    while (drop < log.length && ((parsed !== undefined && log[drop].to <= parsed) || log.length - drop > CHANGE_LOG_LIMIT)) drop++;
    this.changeLogs.set(uri, drop ? log.slice(drop) : log);
  }

  /** The changes that lead from version `from` of a document to version `to`, when every step between is known. */
  changesBetween(uri: string, from: number, to: number): TextChange[] | undefined {
    const log = this.changeLogs.get(uri);
    if (!log) return undefined;
    const out: TextChange[] = [];
    let at = from;
    for (const step of log) {
      if (at === to) break;
      if (step.from !== at) continue;
      if (!step.changes) return undefined;
      out.push(...step.changes);
      at = step.to;
    }
    return at === to ? out : undefined;
  }

  /** The terms known around `report`: its own, the workspace's, the other reports' (when `withOthers`), the built-in ones. */
  termIndex(report: Report, uri: string, withOthers: boolean): TermIndex {
    const definitions: TermDefinition[] = [...reportDefinitions(report, uri), ...this.settings.definitions];
    if (withOthers) {
      for (const r of this.reports.values()) {
        if (r.uri === uri) continue;
        for (const d of reportDefinitions(r.report, r.uri)) definitions.push({ ...d, source: 'previousReport' });
      }
    }
    // An untrusted workspace cannot turn the built-in glossary off: its config is not read.
    if (this.settings.builtinGlossary) for (const d of (this.options.builtin ?? builtinDefinitions)()) definitions.push(d);
    return new TermIndex(definitions);
  }

  /** Pairs, evidence tables and the target vocabulary of the workspace's configs. */
  get targetSettings(): TargetSettings {
    return this.settings.targets ?? NO_TARGET_SETTINGS;
  }

  /** Whether a report of the folder could pair with an open report: the same government's. */
  private mayPair(r: WorkspaceReport | undefined): boolean {
    return !!r && couldPair(r, [...this.documents.values()]);
  }

  /** The open reports (their current version) and the workspace's other reports. */
  knownReports(): KnownReport[] {
    const open = [...this.documents.values()];
    // The editor may spell a file's URI otherwise than the scan (percent-encoding): one file counts once,
    // else a report open and scanned would be two candidates for one year, and pair with nothing.
    const openFiles = new Set(open.map((d) => decodedUri(d.uri)));
    return [...open, ...[...this.reports.values()].filter((r) => !openFiles.has(decodedUri(r.uri)))];
  }

  /** The previous report, vocabulary and evidence rows the checks of `uri` read, and where their related locations lie. */
  crossReport(uri: string): CrossReportContext {
    return crossReportContext(uri, this.knownReports(), this.targetSettings);
  }

  /** `reportReview/targets`: the rows of the report's pair, or why there are none. */
  targets(uri: string, language: Language): TargetsResponse {
    return targetsResponse(uri, this.knownReports(), this.targetSettings, language);
  }

  /** What the figure at `offset` answers, is answered by, or is given as in an evidence table. */
  figureInPair(uri: string, offset: number): FigureInPair {
    const self = this.documents.get(uri);
    return self ? figureInPair(self, offset, this.knownReports(), this.targetSettings) : {};
  }

  private bump(): void {
    this.generation++;
    for (const listener of this.listeners) listener();
  }
}
