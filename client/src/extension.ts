/**
 * The VS Code side of Report Review: it starts the language server, switches plain-text documents
 * that read like a report to the report language (unless the user chose otherwise for the file),
 * and offers the commands and views. Everything else is the server's.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { detectReport } from '../../server/src/core/detect';
import { FiguresView, exportClaims, plain } from './figures';
import { LanguageChanges, LanguageChoices } from './language-choice';
import { TermsView, goToTermUse, type GlossaryListItem } from './terms';
import { ChecklistView, exportChecklist, withReason } from './checklist';
import { TargetsView, openTarget, pairWithPrevious } from './targets-view';

export const REPORT_LANGUAGE = 'report';
const DETECTABLE_LANGUAGES = new Set(['plaintext', 'markdown']);

let client: LanguageClient | undefined;
let figuresTimer: NodeJS.Timeout | undefined;
let figures: FiguresView | undefined;
let choices: LanguageChoices | undefined;
const changes = new LanguageChanges();
/** Documents whose language this extension is changing right now: not the user's choice. */
const switching = new Set<string>();

/** The extension's global storage folder on disk, created if need be; none where it is not a local folder. */
async function storageFolder(context: vscode.ExtensionContext): Promise<string | undefined> {
  if (context.globalStorageUri.scheme !== 'file') return undefined;
  try {
    await vscode.workspace.fs.createDirectory(context.globalStorageUri);
    return context.globalStorageUri.fsPath;
  } catch {
    return undefined;
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  // The server keeps a V8 code cache in this extension's own storage (the editor's Node rejects the one built with the extension).
  const cacheArgs = await storageFolder(context).then((folder) => (folder ? [`--code-cache-dir=${folder}`] : []));
  // Over stdio, where the server resends the unchanged part of an outline as the bytes it sent before (server/src/lsp/wire.ts).
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio, args: cacheArgs },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: REPORT_LANGUAGE }],
    // The server reads the workspace again when its files change: .reportreview.json (its problems
    // follow the edits), the glossary files it names (Markdown or CSV) and the folder's reports,
    // whose glossaries explain terms of the open ones. It ignores files that are neither.
    synchronize: {
      configurationSection: 'reportReview',
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/.reportreview.json'),
        vscode.workspace.createFileSystemWatcher('**/*.{txt,report,md,csv}'),
      ],
    },
    // Restricted Mode: the server reads nothing of the workspace and writes no decision until trust is granted.
    initializationOptions: { locale: vscode.env.language, trusted: vscode.workspace.isTrusted },
    middleware: {
      // A dismissal asks for its reason first; Escape cancels it.
      executeCommand: async (command, args, next) => {
        const withArgs = command === 'reportReview.recordDecision' ? await withReason(args) : args;
        return withArgs ? next(command, withArgs) : undefined;
      },
    },
  };
  client = new LanguageClient('reportReview', vscode.l10n.t('Report Review'), serverOptions, clientOptions);
  choices = new LanguageChoices(context.workspaceState);

  context.subscriptions.push(
    vscode.commands.registerCommand('reportReview.switchToReport', () => switchLanguage(REPORT_LANGUAGE)),
    vscode.commands.registerCommand('reportReview.switchToPlainText', () => switchLanguage('plaintext')),
    vscode.commands.registerCommand('reportReview.showGlossary', () => showGlossary()),
    vscode.commands.registerCommand('reportReview.goToTermUse', (item: GlossaryListItem, uri: string) => goToTermUse(item, uri)),
    vscode.workspace.onDidCloseTextDocument((document) => changes.closed(document)),
    vscode.workspace.onDidOpenTextDocument((document) => void opened(document)),
  );
  await client.start();
  const started = client;
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void started.sendNotification('reportReview/trust', { trusted: true })));
  const view = new FiguresView(client);
  figures = view;
  const terms = new TermsView(client);
  const languageClient = client;
  const checklist = new ChecklistView(client);
  checklist.register(context);
  const targets = new TargetsView(client);
  targets.view = vscode.window.createTreeView('reportReview.targets', { treeDataProvider: targets });
  context.subscriptions.push(
    targets.view,
    vscode.commands.registerCommand('reportReview.refreshTargets', () => targets.refresh(vscode.window.activeTextEditor)),
    vscode.commands.registerCommand('reportReview.openTarget', openTarget),
    vscode.commands.registerCommand('reportReview.pairWithPrevious', async () => {
      if (await pairWithPrevious()) await targets.refresh(vscode.window.activeTextEditor);
    }),
  );
  // The views follow the active report; those that show findings, terms or targets follow its diagnostics
  // too, which change after an edit, a review decision, a change of its pair or of an evidence table.
  const onReport = [terms, checklist, targets];
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      for (const v of [view, ...onReport]) void v.refresh(editor);
    }),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor;
      if (active && e.uris.some((u) => u.toString() === active.document.uri.toString())) for (const v of onReport) void v.refresh(active);
    }),
  );
  context.subscriptions.push(
    vscode.window.registerTreeDataProvider('reportReview.figures', view),
    vscode.window.registerTreeDataProvider('reportReview.terms', terms),
    vscode.commands.registerCommand('reportReview.refreshTerms', () => terms.refresh(vscode.window.activeTextEditor)),
    vscode.commands.registerCommand('reportReview.refreshChecklist', () => checklist.refresh(vscode.window.activeTextEditor)),
    vscode.commands.registerCommand('reportReview.undoDecisionInView', (node) => checklist.undo(node)),
    vscode.commands.registerCommand('reportReview.confirmInView', (node) => checklist.decide(node, 'confirmed')),
    vscode.commands.registerCommand('reportReview.dismissInView', (node) => checklist.decide(node, 'dismissed')),
    vscode.commands.registerCommand('reportReview.exportChecklist', () => exportChecklist(languageClient)),
    vscode.commands.registerCommand('reportReview.toggleFiguresGrouping', () => view.toggleGrouping()),
    vscode.commands.registerCommand('reportReview.refreshFigures', () => view.refresh(vscode.window.activeTextEditor)),
    vscode.commands.registerCommand('reportReview.exportFigures', () => exportClaims(languageClient)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document !== vscode.window.activeTextEditor?.document) return;
      // Typing changes figures; the view follows after a pause rather than on every keystroke.
      clearTimeout(figuresTimer);
      figuresTimer = setTimeout(() => void view.refresh(vscode.window.activeTextEditor), 600);
    }),
  );
  for (const document of vscode.workspace.textDocuments) await opened(document);
  for (const v of [view, ...onReport]) void v.refresh(vscode.window.activeTextEditor);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/**
 * A document opened, or its language changed. A change someone else made (VS Code's language
 * picker, another extension) is the user's choice for the file and is remembered; a file that
 * opens follows the choice remembered for it, else detection.
 */
async function opened(document: vscode.TextDocument): Promise<void> {
  const key = document.uri.toString();
  if (changes.changedFrom(document) !== undefined) {
    if (!switching.has(key)) await choices?.remember(document.uri, document.languageId);
    return;
  }
  const choice = choices?.get(document.uri);
  if (choice) {
    if (choice !== document.languageId) await setLanguage(document, choice);
    return;
  }
  await detect(document);
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
  const key = document.uri.toString();
  switching.add(key);
  let changed: vscode.TextDocument;
  try {
    changed = await vscode.languages.setTextDocumentLanguage(document, languageId);
  } finally {
    switching.delete(key);
  }
  const active = vscode.window.activeTextEditor?.document.uri.toString();
  if (languageId === REPORT_LANGUAGE && active === changed.uri.toString()) await figures?.show(changed.uri);
}

async function switchLanguage(languageId: string): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a report first.'));
    return;
  }
  await choices?.remember(editor.document.uri, languageId);
  await setLanguage(editor.document, languageId);
}

/**
 * Lists the terms of the current report with their sources; choosing one goes to its first use and
 * shows where else the report uses it (or to its definition when the report never uses it).
 */
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
  if (picked) await goToTermUse(picked.item, editor.document.uri.toString());
}
