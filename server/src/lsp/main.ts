/**
 * The language server: the only layer that knows LSP. Its handlers are thin: the review service
 * (server/src/service) keeps one analysis per open document version and the workspace around it,
 * and every request is answered from there.
 *
 * Run on its own with `node dist/server.js --stdio`; it analyses every document a client opens
 * with it, whatever its language id.
 */
import {
  CodeActionKind, createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, TextDocuments, TextDocumentSyncKind,
  type CodeAction, type DocumentSymbol, type InitializeParams, type InitializeResult, type Location, type SymbolInformation,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckSettings } from '../checks';
import { pickLanguage, say, symbolKind, toDiagnostic, toDocumentSymbols, toFoldingRanges, toRange, type Language } from '../protocol/convert';
import type { Section } from '../core/model';
import { figureHover } from './figures';
import { formatProblem, type ConfigProblem } from '../config/config';
import { CHECKLIST_COMMANDS, checklistExport, checklistOf, executeChecklistCommand, reviewActions, reviewDiagnostics, shownFindings, type Review } from './checklist';
import { claimRows, claimsCsv } from '../protocol/claims';
import { checkPageUri, leftoverActions } from './check-actions';
import { targetHoverLines } from './targets';
import { pairReports } from './pairing';
import { glossaryDefinition, glossaryHover, glossaryList, highlights, keyAt, referencesIn, termCompletions, type GlossaryView } from './glossary';
import { LIMITS } from '../io/files';
import { findTermUses, LineIndex, NodeWorkspace, pathOf, ReviewService, type FileChange, type ReviewDocument, type TextChange } from '../service';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { sealItems, wireEncoder } from './wire';

/** On stdio (what the extension starts), with the encoder that resends unchanged outline symbols as bytes. */
const stdio = process.argv.includes('--stdio');
const connection = stdio
  ? createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout, { contentTypeEncoder: wireEncoder }))
  : createConnection(ProposedFeatures.all);
if (stdio) {
  // What the library does for a plain --stdio: standard output carries the protocol, so anything
  // logged goes to the client's log, and the server ends with its input (the editor went away).
  console.log = console.info = console.debug = (...args: unknown[]) => connection.console.log(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  let shutdown = false;
  connection.onShutdown(() => { shutdown = true; });
  for (const event of ['end', 'close']) process.stdin.on(event, () => process.exit(shutdown ? 0 : 1));
}

/**
 * A message for the user. Showing one is a request the client may answer with an error (a client
 * without message support does); that must not take the server down, so the message goes to the log.
 */
function show(kind: 'error' | 'warning' | 'information', message: string): void {
  const request = kind === 'error' ? connection.window.showErrorMessage(message) : kind === 'warning' ? connection.window.showWarningMessage(message) : connection.window.showInformationMessage(message);
  Promise.resolve(request).catch(() => connection.console.log(message));
}

// The last line of defence: a promise nobody awaited must not end the process (Node exits on an unhandled rejection).
process.on('unhandledRejection', (reason) => connection.console.error(`Report Review: unexpected error: ${String(reason)}`));
/**
 * The open documents. Each change a client sends is also told to the service in offsets, so that
 * parsing the new version need not compare the whole old and new texts to find the edit.
 */
const documents = new TextDocuments<TextDocument>({
  create: TextDocument.create,
  update(document, changes, version) {
    const from = document.version;
    let offsets: TextChange[] | undefined = [];
    for (const change of changes) {
      if ('range' in change && change.range) {
        const a = document.offsetAt(change.range.start);
        const b = document.offsetAt(change.range.end);
        offsets?.push({ start: Math.min(a, b), end: Math.max(a, b), length: change.text.length });
      } else {
        offsets = undefined;
      }
      // One change at a time: each change's range is in the text the ones before it left.
      TextDocument.update(document, [change as TextDocumentContentChangeEvent], version);
    }
    service.edited(document.uri, from, version, offsets);
    return document;
  },
});

let language: Language = 'en';
let supportsConfiguration = false;
let workspace = new NodeWorkspace([]);
/**
 * Restricted Mode: an untrusted workspace gets the report's own outline, built-in glossary and
 * checks, but nothing of the workspace is read (config, glossary files, other reports) and no
 * decision is written. Clients that say nothing are trusted, as before.
 */
let service = new ReviewService(workspace, { limits: LIMITS });
/** Config files that have diagnostics now, so they can be cleared. */
let configsWithProblems = new Set<string>();
/** The sidecar error last shown for each report, so a message is not repeated on every keystroke. */
const shownSidecarErrors = new Map<string, string>();

const PAIR_REPORTS = 'reportReview.pairReports';
/** For each open report, the report it is paired with as the next year's: edits there re-check it. */
const previousOf = new Map<string, string>();

/** Diagnostics wait for a pause in typing, so a burst of keystrokes is analysed once. */
const DIAGNOSTIC_DELAY_MS = 200;
/**
 * From this length (UTF-16 units; about 280 KB of Chinese) a report's first diagnostics come in two
 * publishes: the structural checks' once it is parsed, then the complete set once its figures and
 * terms are read (about half a second for 1 MB). A shorter report's complete set comes as fast.
 */
const EARLY_STRUCTURE_CHARS = 100_000;
const pending = new Map<string, NodeJS.Timeout>();
/** Open documents whose diagnostics were sent once: only they wait for a pause in typing. */
const published = new Set<string>();

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const options = (params.initializationOptions ?? {}) as { locale?: string; checks?: CheckSettings; trusted?: boolean };
  language = pickLanguage(options.locale ?? params.locale);
  supportsConfiguration = !!params.capabilities.workspace?.configuration;
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  workspace = NodeWorkspace.fromUris(folders);
  service = new ReviewService(workspace, { limits: LIMITS, trusted: options.trusted !== false, settings: options.checks ?? {} });
  service.readSettings();
  // Whatever the workspace changes (settings, glossaries, other reports, trust), open reports are checked again.
  service.onDidChange(() => documents.all().forEach((d) => scheduleDiagnostics(d)));
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      documentSymbolProvider: { label: '报告结构 / Report outline' },
      foldingRangeProvider: true,
      workspaceSymbolProvider: true,
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      completionProvider: { triggerCharacters: ['“'] },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
      executeCommandProvider: { commands: [...CHECKLIST_COMMANDS, PAIR_REPORTS] },
    },
    serverInfo: { name: 'report-review', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (supportsConfiguration) void refreshSettings();
  if (service.trusted) void loadWorkspace();
  else connection.console.info('Restricted Mode: the workspace config, glossary files and other reports are not read, and no review decision is written.');
});

/** Reads what the workspace contributes: config (with its problems as diagnostics), glossaries, other reports. */
async function loadWorkspace(): Promise<void> {
  const loading = service.load();
  publishConfigProblems();
  await loading;
  if (!service.trusted) return;
  for (const note of service.scanNotes) connection.console.info(`Workspace scan: ${note}`);
  connection.console.info(`Workspace scan: ${service.workspaceReports.size} report(s) read.`);
}

/** Each problem of a `.reportreview.json` is a diagnostic on that file, at its position. */
function publishConfigProblems(): void {
  const byFile = new Map<string, ConfigProblem[]>();
  for (const p of service.problems) {
    const list = byFile.get(p.file) ?? [];
    list.push(p);
    byFile.set(p.file, list);
  }
  const now = new Set<string>();
  for (const [file, problems] of byFile) {
    const uri = pathToFileURL(file).href;
    now.add(uri);
    void connection.sendDiagnostics({
      uri,
      diagnostics: problems.map((p) => ({ range: p.range, severity: 2, source: 'report-review', code: 'config', message: say(p.message, language) })),
    });
    for (const p of problems) connection.console.warn(formatProblem(p, language));
  }
  for (const uri of configsWithProblems) if (!now.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
  configsWithProblems = now;
}

const CHANGE_KINDS: Record<number, FileChange['kind']> = { 1: 'created', 2: 'changed', 3: 'deleted' };

/** Files the client watches changed: the service reads what they affect and open reports are checked again. */
connection.onDidChangeWatchedFiles((params) => {
  if (!service.trusted) return;
  workspace.fileChanged(params.changes.map((c) => ({ uri: c.uri, kind: CHANGE_KINDS[c.type] ?? 'changed' })));
  publishConfigProblems();
});

/** `reportReview/trust`: the client's workspace trust changed (VS Code: trust granted). */
connection.onNotification('reportReview/trust', (params: { trusted: boolean }) => {
  const now = params?.trusted === true;
  if (now === service.trusted) return;
  if (now) {
    void service.setTrusted(true).then(() => {
      for (const note of service.scanNotes) connection.console.info(`Workspace scan: ${note}`);
      connection.console.info(`Workspace scan: ${service.workspaceReports.size} report(s) read.`);
    });
  } else {
    void service.setTrusted(false);
  }
  publishConfigProblems();
});

connection.onDidChangeConfiguration(() => {
  if (supportsConfiguration) void refreshSettings();
});

async function refreshSettings(): Promise<void> {
  try {
    const config = (await connection.workspace.getConfiguration('reportReview')) as { checks?: CheckSettings } | null;
    service.setClientSettings(config?.checks ?? {});
  } catch {
    // A client that cannot answer keeps the defaults.
    documents.all().forEach((d) => scheduleDiagnostics(d));
  }
}

function analyse(document: TextDocument): ReviewDocument {
  return service.document(document.uri, document.version, () => document.getText());
}

function glossaryView(analysis: ReviewDocument): GlossaryView {
  const { terms, uses } = analysis.terms;
  return { uri: analysis.uri, report: analysis.report, index: analysis.index, terms, uses };
}

function viewOf(uri: string): GlossaryView | undefined {
  const document = documents.get(uri);
  return document ? glossaryView(analyse(document)) : undefined;
}

function lineIndexOf(uri: string): LineIndex | undefined {
  const document = documents.get(uri);
  if (document) return analyse(document).index;
  const other = service.workspaceReports.get(uri);
  if (other) return other.index;
  // Workspace glossary files: their entries point at the file's start.
  return new LineIndex('');
}

/**
 * Every finding of the report with the decisions recorded beside it (a confirmed finding stays
 * shown, a dismissed one is hidden); a review file that cannot be used is said once.
 */
function reviewOf(analysis: ReviewDocument, findings = analysis.findings): Review {
  const { open, decided, sidecarError } = findings;
  const path = pathOf(analysis.uri);
  const review = { uri: analysis.uri, report: analysis.report, index: analysis.index, findings: [...open, ...decided] };
  if (!path) return { ...review, decisions: [] };
  if (sidecarError) {
    const message = say(sidecarError, language);
    if (shownSidecarErrors.get(path) !== message) {
      shownSidecarErrors.set(path, message);
      show('warning', `${say(SIDECAR_UNREADABLE, language)} ${message}`);
    }
    return { ...review, decisions: [], error: sidecarError };
  }
  shownSidecarErrors.delete(path);
  return { ...review, decisions: workspace.readDecisions(analysis.uri).decisions };
}

const SIDECAR_UNREADABLE = {
  zh: '报告审阅：审阅记录无法使用，已记录的决定暂不生效，也不能记录新的决定。',
  en: 'Report Review: the review file cannot be used; its decisions do not apply and no new decision can be recorded.',
};

/**
 * Diagnostics wait for a pause in typing, then are computed in steps; a version replaced (or a
 * document closed) meanwhile is dropped, and the outline is answered between the steps.
 */
function scheduleDiagnostics(document: TextDocument, typing = false): void {
  // A report just opened is not being typed in: its first diagnostics need not wait. An edit waits
  // for a pause even before the first ones came, or every keystroke would start the checks anew.
  const delay = typing || published.has(document.uri) ? DIAGNOSTIC_DELAY_MS : 0;
  const timer = pending.get(document.uri);
  if (timer) clearTimeout(timer);
  pending.set(
    document.uri,
    setTimeout(() => {
      pending.delete(document.uri);
      const current = documents.get(document.uri);
      if (!current) return;
      const analysis = analyse(current);
      const stale = () => documents.get(current.uri)?.version !== current.version;
      void (async () => {
        // A long report shows what its structure says first; its figures and terms take longer.
        if (!published.has(current.uri) && current.getText().length >= EARLY_STRUCTURE_CHARS) {
          const structural = await analysis.structuralFindingsUnlessStale(stale);
          if (structural) void connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics: reviewDiagnostics(reviewOf(analysis, structural), language, checkPageUri) });
        }
        const findings = await analysis.findingsUnlessStale(stale);
        if (!findings) return;
        // Related locations may lie in the paired previous report or an evidence table.
        const cross = service.crossReport(current.uri);
        if (cross.previous) previousOf.set(current.uri, cross.previous.uri);
        else previousOf.delete(current.uri);
        const diagnostics = reviewDiagnostics(reviewOf(analysis), language, checkPageUri, cross.documents);
        void connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics });
        published.add(current.uri);
      })();
    }, delay),
  );
}

/** Opened, with the content event that follows an open still to come: that one is no edit. */
const justOpened = new Set<string>();
documents.onDidOpen((e) => {
  justOpened.add(e.document.uri);
  // A report that opens may be the partner of another open report.
  documents.all().forEach((d) => scheduleDiagnostics(d));
});
documents.onDidChangeContent((e) => {
  const typing = !justOpened.delete(e.document.uri);
  scheduleDiagnostics(e.document, typing);
  for (const [next, previous] of previousOf) {
    const dependent = previous === e.document.uri ? documents.get(next) : undefined;
    if (dependent) scheduleDiagnostics(dependent, typing);
  }
});
documents.onDidClose((e) => {
  const timer = pending.get(e.document.uri);
  if (timer) clearTimeout(timer);
  pending.delete(e.document.uri);
  published.delete(e.document.uri);
  service.close(e.document.uri);
  previousOf.delete(e.document.uri);
  outlines.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

/** The outline last sent per document: its unchanged symbols are sent again as they were. */
const outlines = new Map<string, readonly DocumentSymbol[]>();
connection.onDocumentSymbol((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  const analysis = analyse(document);
  const symbols = sealItems(toDocumentSymbols(analysis.report, analysis.index, outlines.get(document.uri)));
  outlines.set(document.uri, symbols);
  return symbols as DocumentSymbol[];
});

connection.onFoldingRanges((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  const analysis = analyse(document);
  return toFoldingRanges(analysis.report, analysis.index);
});

/** A figure first (it is the more specific thing under the cursor), then a term or a note marker. */
connection.onHover((params) => {
  const view = viewOf(params.textDocument.uri);
  if (!view) return null;
  const offset = view.index.offset(params.position);
  const figure = figureHover(view.uri, view.report, view.index, offset, language);
  if (!figure) return glossaryHover(view, offset, language);
  // After what the figure is: its target or result in the paired report, and the evidence table's value.
  const extra = targetHoverLines(service.figureInPair(view.uri, offset), language);
  if (extra.length && typeof figure.contents === 'object' && 'value' in figure.contents) figure.contents.value += `\n\n---\n\n${extra.join('\n\n')}`;
  return figure;
});

/** `reportReview/targets`: the targets-and-results rows of the report's pair, for the view. */
connection.onRequest('reportReview/targets', (params: { uri: string }) => {
  const document = documents.get(params.uri);
  if (document) analyse(document);
  return service.targets(params.uri, language);
});

/** `reportReview/claims`: every figure of a report as export rows, for the figures view and export. */
connection.onRequest('reportReview/claims', (params: { uri: string }) => {
  const document = documents.get(params.uri);
  if (!document) return [];
  const analysis = analyse(document);
  return claimRows(analysis.report, analysis.index);
});

connection.onDefinition((params) => {
  const view = viewOf(params.textDocument.uri);
  return view ? glossaryDefinition(view, view.index.offset(params.position), lineIndexOf) : null;
});

connection.onDocumentHighlight((params) => {
  const view = viewOf(params.textDocument.uri);
  return view ? highlights(view, view.index.offset(params.position)) : null;
});

/** Every use of the term under the cursor, in the open reports and the workspace's other reports. */
connection.onReferences((params) => {
  const view = viewOf(params.textDocument.uri);
  if (!view) return null;
  const key = keyAt(view, view.index.offset(params.position));
  if (!key) return null;
  const out: Location[] = [];
  const open = new Set<string>();
  for (const document of documents.all()) {
    open.add(document.uri);
    const other = glossaryView(analyse(document));
    for (const location of referencesIn(other, other.terms.lookup(key))) out.push(location);
  }
  for (const r of service.workspaceReports.values()) {
    if (open.has(r.uri)) continue;
    const terms = service.termIndex(r.report, r.uri, false);
    const other: GlossaryView = { uri: r.uri, report: r.report, index: r.index, terms, uses: findTermUses(r.report.text, terms) };
    for (const location of referencesIn(other, terms.lookup(key))) out.push(location);
  }
  return out;
});

connection.onCompletion((params) => {
  const view = viewOf(params.textDocument.uri);
  if (!view) return null;
  const offset = view.index.offset(params.position);
  if (view.report.text[offset - 1] !== '“') return null;
  return termCompletions(view.terms, language);
});

connection.onRequest('reportReview/claimsCsv', (params: { uri: string }) => {
  const document = documents.get(params.uri);
  if (!document) return '';
  const analysis = analyse(document);
  return claimsCsv(claimRows(analysis.report, analysis.index));
});

/** Quick fixes: the repairs a check marked as certain, offered on the diagnostic they repair. */
connection.onCodeAction((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  const analysis = analyse(document);
  const wanted = params.context.diagnostics;
  const actions: CodeAction[] = [];
  const review = reviewOf(analysis);
  const findings = shownFindings(review);
  for (const finding of findings) {
    const diagnostic = toDiagnostic(finding, analysis.index, language, document.uri);
    const match = wanted.find((d) => d.code === diagnostic.code && sameRange(d.range, diagnostic.range));
    if (!match) continue;
    if (pathOf(document.uri) && service.trusted) actions.push(...reviewActions(review, finding, match, language, workspace.folders.length > 0));
    for (const fix of finding.fixes ?? []) {
      actions.push({
        title: say(fix.title, language),
        kind: CodeActionKind.QuickFix,
        diagnostics: [match],
        edit: { changes: { [document.uri]: fix.edits.map((e) => ({ range: toRange(analysis.index, e.span), newText: e.newText })) } },
      });
    }
  }
  actions.push(...leftoverActions(document.uri, analysis.report, analysis.index, [...findings], params.context, language));
  return actions;
});

/** Records or undoes a reviewer's decision in `<report>.review.json`, turns a check off or pairs two reports in `.reportreview.json`; the report itself is never touched. */
connection.onExecuteCommand(async (params): Promise<{ ok: boolean; message?: string } | undefined> => {
  if (params.command === PAIR_REPORTS) {
    return pairReports(params.arguments?.[0], {
      trusted: service.trusted,
      folders: workspace.folders,
      language,
      // The client's watcher would tell too, but the view asks again at once.
      written: (configPath) => {
        workspace.fileChanged([{ uri: pathToFileURL(configPath).href, kind: 'changed' }]);
        publishConfigProblems();
      },
    });
  }
  await executeChecklistCommand(params.command, params.arguments?.[0], {
    trusted: service.trusted,
    isOpen: (uri) => documents.get(uri) !== undefined,
    folders: workspace.folders,
    language,
    showError: (message) => show('error', message),
    showInformation: (message) => show('information', message),
    refresh: (uri) => {
      const document = documents.get(uri);
      if (document) scheduleDiagnostics(document);
    },
    // The client's watcher reports the change too; reading it now turns the check off without waiting for it.
    reloadConfig: (folder) => {
      workspace.fileChanged([{ uri: pathToFileURL(join(folder, '.reportreview.json')).href, kind: 'changed' }]);
      publishConfigProblems();
    },
  });
  return undefined;
});

/** `reportReview/checklist`: the review checklist of one report, for the view and the status bar. */
connection.onRequest('reportReview/checklist', (params: { uri: string }) => {
  const document = documents.get(params.uri);
  if (!document) return null;
  return checklistOf(reviewOf(analyse(document)), language, service.trusted && pathOf(document.uri) !== undefined);
});

/** `reportReview/checklistExport`: the checklist as Markdown or CSV, `file` naming the report in its rows. */
connection.onRequest('reportReview/checklistExport', (params: { uri: string; format: 'md' | 'csv'; file: string }) => {
  const document = documents.get(params.uri);
  if (!document) return '';
  return checklistExport(reviewOf(analyse(document)), params.format === 'md' ? 'md' : 'csv', String(params.file ?? ''), language);
});

function sameRange(a: { start: { line: number; character: number }; end: { line: number; character: number } }, b: typeof a): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** `reportReview/glossary`: the terms of one report with their definitions and sources, for the glossary list. */
connection.onRequest('reportReview/glossary', (params: { uri: string }) => {
  const view = viewOf(params.uri);
  return view ? glossaryList(view, language, lineIndexOf) : [];
});

/** Ctrl+T across the open reports: headings whose name contains the query's characters in order. */
connection.onWorkspaceSymbol((params) => {
  const query = params.query.replace(/\s+/g, '');
  const out: SymbolInformation[] = [];
  for (const document of documents.all()) {
    const analysis = analyse(document);
    const visit = (s: Section, container?: string) => {
      if (s.kind !== 'metadataField' && matchesInOrder(s.name, query)) {
        out.push({ name: s.name, kind: symbolKind(s.kind), location: { uri: document.uri, range: toRange(analysis.index, s.heading) }, containerName: container });
      }
      s.children.forEach((c) => visit(c, s.name));
    };
    analysis.report.sections.forEach((s) => visit(s));
    if (out.length > 1000) break;
  }
  return out;
});

function matchesInOrder(name: string, query: string): boolean {
  let i = 0;
  for (const ch of name) if (i < query.length && ch.toLowerCase() === query[i].toLowerCase()) i++;
  return i === query.length;
}

documents.listen(connection);
connection.listen();
