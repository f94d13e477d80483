/**
 * The VS Code side of Report Review: it starts the language server, switches plain-text documents
 * that read like a report to the report language, and offers the commands. Everything else is the
 * server's.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { detectReport } from '../../server/src/core/detect';
import { FiguresView, exportClaims, plain } from './figures';

export const REPORT_LANGUAGE = 'report';
const DETECTABLE_LANGUAGES = new Set(['plaintext', 'markdown']);

let client: LanguageClient | undefined;
let figuresTimer: NodeJS.Timeout | undefined;
let figures: FiguresView | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: REPORT_LANGUAGE }],
    // The server reads .reportreview.json again when it changes, so its problems follow the edits.
    synchronize: { configurationSection: 'reportReview', fileEvents: vscode.workspace.createFileSystemWatcher('**/.reportreview.json') },
    // Restricted Mode: the server reads nothing of the workspace and writes no decision until trust is granted.
    initializationOptions: { locale: vscode.env.language, trusted: vscode.workspace.isTrusted },
  };
  client = new LanguageClient('reportReview', vscode.l10n.t('Report Review'), serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('reportReview.switchToReport', () => switchLanguage(REPORT_LANGUAGE)),
    vscode.commands.registerCommand('reportReview.switchToPlainText', () => switchLanguage('plaintext')),
    vscode.commands.registerCommand('reportReview.showGlossary', () => showGlossary()),
    vscode.workspace.onDidOpenTextDocument((document) => void detect(document)),
  );
  await client.start();
  const started = client;
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void started.sendNotification('reportReview/trust', { trusted: true })));
  const view = new FiguresView(client);
  figures = view;
  const languageClient = client;
  context.subscriptions.push(
    vscode.window.registerTreeDataProvider('reportReview.figures', view),
    vscode.commands.registerCommand('reportReview.toggleFiguresGrouping', () => view.toggleGrouping()),
    vscode.commands.registerCommand('reportReview.refreshFigures', () => view.refresh(vscode.window.activeTextEditor)),
    vscode.commands.registerCommand('reportReview.exportFigures', () => exportClaims(languageClient)),
    vscode.window.onDidChangeActiveTextEditor((editor) => void view.refresh(editor)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document !== vscode.window.activeTextEditor?.document) return;
      // Typing changes figures; the view follows after a pause rather than on every keystroke.
      clearTimeout(figuresTimer);
      figuresTimer = setTimeout(() => void view.refresh(vscode.window.activeTextEditor), 600);
    }),
  );
  for (const document of vscode.workspace.textDocuments) await detect(document);
  void view.refresh(vscode.window.activeTextEditor);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/** Switches a plain-text or Markdown document that reads like a report, unless the user turned it off. */
async function detect(document: vscode.TextDocument): Promise<void> {
  if (!DETECTABLE_LANGUAGES.has(document.languageId)) return;
  if (document.uri.scheme !== 'file' && document.uri.scheme !== 'untitled' && document.uri.scheme !== 'vscode-remote') return;
  const enabled = vscode.workspace.getConfiguration('reportReview', document.uri).get<boolean>('detectReports', true);
  if (!enabled) return;
  if (!detectReport(document.getText()).isReport) return;
  await setLanguage(document, REPORT_LANGUAGE);
}

/**
 * Changing a document's language reopens it without changing the active editor, so the figures
 * view is told about the report here rather than by an editor event.
 */
async function setLanguage(document: vscode.TextDocument, languageId: string): Promise<void> {
  const changed = await vscode.languages.setTextDocumentLanguage(document, languageId);
  const active = vscode.window.activeTextEditor?.document.uri.toString();
  if (languageId === REPORT_LANGUAGE && active === changed.uri.toString()) await figures?.show(changed.uri);
}

async function switchLanguage(languageId: string): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a report first.'));
    return;
  }
  await setLanguage(editor.document, languageId);
}

interface GlossaryListItem {
  term: string;
  definition: string;
  source: string;
  uses: number;
  location?: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } };
}


/** Lists the terms of the current report with their sources; choosing one goes to its definition. */
async function showGlossary(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !client || editor.document.languageId !== REPORT_LANGUAGE) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a report first.'));
    return;
  }
  const items = await client.sendRequest<GlossaryListItem[]>('reportReview/glossary', { uri: editor.document.uri.toString() });
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No glossary terms found in this report.'));
    return;
  }
  const picked = await vscode.window.showQuickPick(
    items.map((item) => ({
      label: plain(item.term),
      description: plain(`${item.source} · ${vscode.l10n.t('{0} uses', item.uses)}`),
      detail: plain(item.definition),
      item,
    })),
    { matchOnDescription: true, matchOnDetail: true, placeHolder: vscode.l10n.t('Terms of this report') },
  );
  const location = picked?.item.location;
  if (!location) return;
  const { start, end } = location.range;
  const range = new vscode.Range(start.line, start.character, end.line, end.character);
  await vscode.window.showTextDocument(vscode.Uri.parse(location.uri), { selection: range });
}
