/**
 * The review checklist (校对清单) of the active report: a view listing its open findings and every
 * decision (confirmed, dismissed, or no longer found when the quoted text changed or the check was
 * turned off), each going to its place; confirm and dismiss on an open finding, undo on a decision;
 * a status-bar item with the counts; export to Markdown or CSV; and the reason asked for when a
 * finding is dismissed. The server keeps the decisions; this only shows them and asks for changes.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Checklist, ChecklistRow } from '../../server/src/protocol/checklist';
import { csvFormat, exportActiveReport } from './export';

export const CHECKLIST_VIEW = 'reportReview.checklist';
const UNDO_DECISION = 'reportReview.undoDecision';
/** The server's command; VS Code runs it through the client's middleware, which asks a dismissal's reason. */
const RECORD_DECISION = 'reportReview.recordDecision';

type State = ChecklistRow['state'];
const ORDER: readonly State[] = ['open', 'confirmed', 'dismissed', 'lapsed'];

type Node = { state: State; rows: ChecklistRow[] } | { row: ChecklistRow };

function groupLabel(state: State, count: number): string {
  switch (state) {
    case 'open': return vscode.l10n.t('Open ({0})', count);
    case 'confirmed': return vscode.l10n.t('Confirmed, still to fix ({0})', count);
    case 'dismissed': return vscode.l10n.t('Dismissed ({0})', count);
    case 'lapsed': return vscode.l10n.t('No longer found ({0})', count);
  }
}

const ICONS: Record<State, vscode.ThemeIcon> = {
  open: new vscode.ThemeIcon('circle-large-outline'),
  confirmed: new vscode.ThemeIcon('pass', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  dismissed: new vscode.ThemeIcon('circle-slash'),
  lapsed: new vscode.ThemeIcon('history'),
};

/** Report text shown as plain text: no Markdown, no icon syntax. */
const plain = (text: string) => text.replace(/\$\(/g, '$\u200b(');

export class ChecklistView implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private list: Checklist | undefined;
  private view: vscode.TreeView<Node> | undefined;
  private readonly status = vscode.window.createStatusBarItem('reportReview.checklistStatus', vscode.StatusBarAlignment.Left, 50);

  constructor(private readonly client: LanguageClient) {
    this.status.name = vscode.l10n.t('Review checklist');
    this.status.command = `${CHECKLIST_VIEW}.focus`;
  }

  register(context: vscode.ExtensionContext): void {
    this.view = vscode.window.createTreeView(CHECKLIST_VIEW, { treeDataProvider: this, showCollapseAll: true });
    context.subscriptions.push(this.view, this.status);
  }

  /**
   * Asks the server for the active report's checklist. The view keeps the last report while no
   * report is active; the status bar speaks of the active report only, so it goes with another file.
   */
  async refresh(editor: vscode.TextEditor | undefined): Promise<void> {
    if (!editor) return;
    if (editor.document.languageId !== 'report') {
      this.status.hide();
      return;
    }
    const uri = editor.document.uri.toString();
    const list = await this.client.sendRequest<Checklist | null>('reportReview/checklist', { uri });
    if (!list) return;
    this.list = list;
    if (this.view) {
      this.view.message = list.error;
      this.view.description = vscode.workspace.asRelativePath(editor.document.uri);
    }
    this.showCounts(list);
    this.changed.fire(undefined);
  }

  get current(): Checklist | undefined {
    return this.list;
  }

  private showCounts(list: Checklist): void {
    const count = (state: State) => list.rows.filter((r) => r.state === state).length;
    const [open, confirmed, dismissed] = [count('open'), count('confirmed'), count('dismissed')];
    this.status.text = `$(checklist) ${open} · ✓${confirmed} · ✗${dismissed}`;
    this.status.tooltip = vscode.l10n.t('Review checklist: {0} open, {1} confirmed (still to fix), {2} dismissed. Click to show the checklist.', open, confirmed, dismissed);
    this.status.show();
  }

  getChildren(node?: Node): Node[] {
    if (!this.list) return [];
    if (!node) {
      return ORDER.map((state) => ({ state, rows: this.list!.rows.filter((r) => r.state === state) })).filter((g) => g.rows.length > 0);
    }
    return 'rows' in node ? node.rows.map((row) => ({ row })) : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if ('rows' in node) {
      const item = new vscode.TreeItem(groupLabel(node.state, node.rows.length), vscode.TreeItemCollapsibleState.Expanded);
      item.iconPath = ICONS[node.state];
      item.contextValue = 'group';
      return item;
    }
    const r = node.row;
    const item = new vscode.TreeItem(rowLabel(r), vscode.TreeItemCollapsibleState.None);
    const line = r.range ? vscode.l10n.t('Line {0}', r.range.start.line + 1) : '';
    item.description = plain([line, r.check, r.reason ?? ''].filter(Boolean).join(' · '));
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(r.message || vscode.l10n.t('This decision matches no finding now: the quoted text changed, or its check is off.'));
    if (r.context) tooltip.appendMarkdown('\n\n').appendText(`“${r.context}”`);
    if (r.decision) tooltip.appendMarkdown('\n\n').appendText([decisionLabel(r.decision), r.date ?? '', r.reason ?? ''].filter(Boolean).join(' · '));
    item.tooltip = tooltip;
    item.iconPath = ICONS[r.state];
    // Undo is offered on decisions, confirm and dismiss on open findings, and only when decisions can be written.
    item.contextValue = this.list?.readOnly ? 'readOnly' : r.decision ? 'decision' : 'open';
    if (r.range && this.list) {
      const range = new vscode.Range(r.range.start.line, r.range.start.character, r.range.end.line, r.range.end.character);
      item.command = { command: 'vscode.open', title: vscode.l10n.t('Go to the finding'), arguments: [vscode.Uri.parse(this.list.uri), { selection: range }] };
    }
    return item;
  }

  /** Confirm or dismiss an open finding from the view, as its quick fix does (a dismissal asks why). */
  async decide(node: Node | undefined, decision: 'confirmed' | 'dismissed'): Promise<void> {
    if (!node || !('row' in node) || node.row.state !== 'open' || !this.list) return;
    const { check, fingerprint, quote, context } = node.row;
    await vscode.commands.executeCommand(RECORD_DECISION, { uri: this.list.uri, check, fingerprint, quote: { text: quote, context }, decision });
  }

  /** Undo: the decision leaves the sidecar and the finding is open again. */
  async undo(node: Node | undefined): Promise<void> {
    if (!node || !('row' in node) || !node.row.decision || !this.list) return;
    await this.client.sendRequest('workspace/executeCommand', {
      command: UNDO_DECISION,
      arguments: [{ uri: this.list.uri, check: node.row.check, fingerprint: node.row.fingerprint }],
    });
  }
}

const LEAD = 12;

/**
 * A row reads as the report does: its sentence from a little before the quoted text, which is
 * highlighted (a lone `“` means nothing without it); the quote alone when there is no sentence.
 */
function rowLabel(r: ChecklistRow): vscode.TreeItemLabel {
  const own = r.quote.split(' ↔ ')[0];
  const at = own ? r.context.indexOf(own) : -1;
  if (at < 0) return { label: plain(r.quote || r.check) };
  const from = Math.max(0, at - LEAD);
  const before = plain(`${from > 0 ? '…' : ''}${r.context.slice(from, at)}`);
  const quoted = plain(own);
  return { label: `${before}${quoted}${plain(r.context.slice(at + own.length))}`, highlights: [[before.length, before.length + quoted.length]] };
}

function decisionLabel(decision: 'confirmed' | 'dismissed'): string {
  return decision === 'confirmed' ? vscode.l10n.t('confirmed') : vscode.l10n.t('dismissed');
}

/**
 * Before a dismissal goes to the server, the reviewer may say why; an empty reason is fine,
 * Escape cancels the dismissal.
 */
export async function withReason(args: unknown[]): Promise<unknown[] | undefined> {
  const [first] = args as { decision?: string; reason?: string; quote?: { text?: string } }[];
  if (!first || first.decision !== 'dismissed' || first.reason !== undefined) return args;
  const reason = await vscode.window.showInputBox({
    title: vscode.l10n.t('Dismiss (not a problem)'),
    prompt: vscode.l10n.t('Why is “{0}” not a problem? (optional; Enter to dismiss, Escape to cancel)', first.quote?.text ?? ''),
    placeHolder: vscode.l10n.t('Reason (optional)'),
  });
  if (reason === undefined) return undefined;
  return [{ ...first, reason }, ...args.slice(1)];
}

/** Exports the active report's checklist as Markdown or CSV, and offers to open the file. */
export function exportChecklist(client: LanguageClient): Promise<void> {
  return exportActiveReport({
    formats: [
      { label: 'Markdown', description: vscode.l10n.t('a table for a review note'), extension: 'md' },
      csvFormat(),
    ],
    placeHolder: vscode.l10n.t('Export the review checklist as'),
    kind: 'checklist',
    render: async (uri, format) => ({
      content: await client.sendRequest<string>('reportReview/checklistExport', { uri: uri.toString(), format: format.extension, file: vscode.workspace.asRelativePath(uri) }),
      written: (path) => vscode.l10n.t('Exported the review checklist to {0}', path),
    }),
  });
}
