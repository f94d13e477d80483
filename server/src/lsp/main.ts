/**
 * The language server: the only layer that knows LSP. It keeps one report model per open
 * document version and answers every request from that model.
 *
 * Run on its own with `node dist/server.js --stdio`; it analyses every document a client opens
 * with it, whatever its language id.
 */
import {
  createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind,
  type InitializeParams, type InitializeResult, type SymbolInformation,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { runChecks, type CheckSettings } from '../checks';
import { pickLanguage, symbolKind, toDiagnostic, toDocumentSymbols, toFoldingRanges, toRange, type Language } from '../protocol/convert';
import type { Section } from '../core/model';
import { ReportCache, type Analysis } from './cache';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const cache = new ReportCache();

let language: Language = 'en';
let checkSettings: CheckSettings = {};
let supportsConfiguration = false;

/** Diagnostics wait for a pause in typing, so a burst of keystrokes is analysed once. */
const DIAGNOSTIC_DELAY_MS = 200;
const pending = new Map<string, NodeJS.Timeout>();

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const options = (params.initializationOptions ?? {}) as { locale?: string; checks?: CheckSettings };
  language = pickLanguage(options.locale ?? params.locale);
  checkSettings = options.checks ?? {};
  supportsConfiguration = !!params.capabilities.workspace?.configuration;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      documentSymbolProvider: { label: '报告结构 / Report outline' },
      foldingRangeProvider: true,
      workspaceSymbolProvider: true,
    },
    serverInfo: { name: 'report-review', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (supportsConfiguration) void refreshSettings();
});

connection.onDidChangeConfiguration(() => {
  if (supportsConfiguration) void refreshSettings();
});

async function refreshSettings(): Promise<void> {
  try {
    const config = (await connection.workspace.getConfiguration('reportReview')) as { checks?: CheckSettings } | null;
    checkSettings = config?.checks ?? {};
  } catch {
    // A client that cannot answer keeps the defaults.
  }
  documents.all().forEach(scheduleDiagnostics);
}

function analyse(document: TextDocument): Analysis {
  return cache.get(document.uri, document.version, () => document.getText());
}

function scheduleDiagnostics(document: TextDocument): void {
  const timer = pending.get(document.uri);
  if (timer) clearTimeout(timer);
  pending.set(
    document.uri,
    setTimeout(() => {
      pending.delete(document.uri);
      const current = documents.get(document.uri);
      if (!current) return;
      const analysis = analyse(current);
      const diagnostics = runChecks(analysis.report, checkSettings).map((f) => toDiagnostic(f, analysis.index, language, current.uri));
      void connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics });
    }, DIAGNOSTIC_DELAY_MS),
  );
}

documents.onDidOpen((e) => scheduleDiagnostics(e.document));
documents.onDidChangeContent((e) => scheduleDiagnostics(e.document));
documents.onDidClose((e) => {
  const timer = pending.get(e.document.uri);
  if (timer) clearTimeout(timer);
  pending.delete(e.document.uri);
  cache.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onDocumentSymbol((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  const analysis = analyse(document);
  return toDocumentSymbols(analysis.report, analysis.index);
});

connection.onFoldingRanges((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  const analysis = analyse(document);
  return toFoldingRanges(analysis.report, analysis.index);
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
