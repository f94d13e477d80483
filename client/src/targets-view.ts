/**
 * The Targets and Results view (目标与结果): for the active report, one row per target of its pair —
 * last year's target, this year's result, the status — from the server's `reportReview/targets`.
 * A row opens the result (or the target, when there is no result); its children open each place.
 * Report text is shown only as tree labels and escaped tooltips, never as Markdown of its own.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

interface Position { line: number; character: number }
interface Range { start: Position; end: Position }
interface Place { uri: string; range: Range; text: string; figure: string | null }

export type TargetStatus = 'met' | 'missed' | 'no-result' | 'not-comparable';

export interface TargetRowView {
  metric: string;
  main: boolean;
  year: number | null;
  status: TargetStatus;
  target: Place;
  result: Place | null;
  reason: string;
}

export interface TargetsAnswer {
  uri: string;
  role: 'next' | 'previous' | null;
  partner: { uri: string; how: 'explicit' | 'identity' } | null;
  year: number | null;
  rows: TargetRowView[];
  message: string | null;
}

type Node =
  | { message: string }
  | { row: TargetRowView; index: number }
  | { place: Place; side: 'target' | 'result'; row: TargetRowView }
  | { reason: string; row: TargetRowView };

const toRange = (r: Range) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

/** The status as the view shows it: a label in the display language and a themed icon. */
export function statusLook(status: TargetStatus): { label: string; icon: vscode.ThemeIcon } {
  switch (status) {
    case 'met':
      return { label: vscode.l10n.t('met'), icon: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')) };
    case 'missed':
      return { label: vscode.l10n.t('missed'), icon: new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')) };
    case 'no-result':
      return { label: vscode.l10n.t('no result reported'), icon: new vscode.ThemeIcon('question') };
    default:
      return { label: vscode.l10n.t('not comparable'), icon: new vscode.ThemeIcon('dash') };
  }
}

/** The file's name, for "2021.txt line 122". */
function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

export class TargetsView implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private answer: TargetsAnswer | undefined;
  /** Set once the tree view exists, for its description (the pair's files). */
  view: vscode.TreeView<Node> | undefined;

  constructor(private readonly client: LanguageClient) {}

  async refresh(editor: vscode.TextEditor | undefined): Promise<void> {
    if (!editor || editor.document.languageId !== 'report') return;
    this.answer = await this.client.sendRequest<TargetsAnswer>('reportReview/targets', { uri: editor.document.uri.toString() });
    if (this.view) {
      const partner = this.answer.partner ? fileName(this.answer.partner.uri) : undefined;
      const self = fileName(editor.document.uri.toString());
      this.view.description = partner ? (this.answer.role === 'next' ? `${partner} → ${self}` : `${self} → ${partner}`) : '';
    }
    this.changed.fire(undefined);
  }

  /** The rows now shown, for tests and commands. */
  get rows(): readonly TargetRowView[] {
    return this.answer?.rows ?? [];
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      if (!this.answer) return [];
      if (!this.answer.rows.length) return this.answer.message ? [{ message: this.answer.message }] : [];
      return this.answer.rows.map((row, index) => ({ row, index }));
    }
    if ('row' in node && 'index' in node) {
      const children: Node[] = [{ place: node.row.target, side: 'target', row: node.row }];
      if (node.row.result) children.push({ place: node.row.result, side: 'result', row: node.row });
      children.push({ reason: node.row.reason, row: node.row });
      return children;
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if ('message' in node) {
      const item = new vscode.TreeItem(node.message, vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon('info');
      item.tooltip = new vscode.MarkdownString().appendText(node.message);
      return item;
    }
    if ('reason' in node) {
      const item = new vscode.TreeItem(node.reason, vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon('comment');
      item.tooltip = new vscode.MarkdownString().appendText(node.reason);
      return item;
    }
    if ('place' in node) {
      const line = node.place.range.start.line + 1;
      const label = node.side === 'target' ? vscode.l10n.t('Target: {0}', node.place.text) : vscode.l10n.t('Result: {0}', node.place.text);
      const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
      item.description = vscode.l10n.t('{0} line {1}', fileName(node.place.uri), line);
      item.iconPath = new vscode.ThemeIcon(node.side === 'target' ? 'target' : 'check');
      item.tooltip = new vscode.MarkdownString().appendText(`${node.place.text}\n${fileName(node.place.uri)}:${line}`);
      item.command = openCommand(node.place);
      return item;
    }
    const { row } = node;
    const look = statusLook(row.status);
    const item = new vscode.TreeItem(row.target.text, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `target:${node.index}:${row.target.range.start.line}:${row.target.range.start.character}`;
    const result = row.result ? row.result.figure ?? row.result.text : vscode.l10n.t('(none)');
    item.description = `→ ${result} · ${look.label}`;
    item.iconPath = look.icon;
    item.contextValue = row.result ? 'targetRowWithResult' : 'targetRow';
    item.tooltip = new vscode.MarkdownString().appendText(
      [
        `${row.metric} · ${look.label}`,
        vscode.l10n.t('Target: {0}', row.target.text),
        row.result ? vscode.l10n.t('Result: {0}', row.result.text) : vscode.l10n.t('Result: {0}', vscode.l10n.t('(none)')),
        row.reason,
      ].join('\n'),
    );
    // The reviewer of this year's report wants the result; a target without one opens the target.
    item.command = openCommand(row.result ?? row.target);
    return item;
  }
}

function openCommand(place: Place): vscode.Command {
  return { command: 'vscode.open', title: '', arguments: [vscode.Uri.parse(place.uri), { selection: toRange(place.range), preview: false }] };
}

/** The target of a row, from its context menu. */
export async function openTarget(node: { row?: TargetRowView } | undefined): Promise<void> {
  const place = node?.row?.target;
  if (place) await vscode.window.showTextDocument(vscode.Uri.parse(place.uri), { selection: toRange(place.range), preview: false });
}

/**
 * 报告审阅：与上一年报告配对… — the active report is this year's; the reviewer picks last year's,
 * and the server writes the pair into `.reportreview.json`.
 */
export async function pairWithPrevious(): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'report' || editor.document.uri.scheme !== 'file') {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a report first.'));
    return false;
  }
  const next = editor.document.uri;
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    defaultUri: vscode.Uri.joinPath(next, '..'),
    filters: { [vscode.l10n.t('Reports')]: ['txt', 'md', 'report'] },
    openLabel: vscode.l10n.t('Pair as the previous year’s report'),
    title: vscode.l10n.t('The report that set the targets this report reviews'),
  });
  if (!picked?.length) return false;
  const answer = await vscode.commands.executeCommand<{ ok: boolean; message?: string }>('reportReview.pairReports', { previous: picked[0].toString(), next: next.toString() });
  if (!answer?.ok) {
    void vscode.window.showErrorMessage(answer?.message ?? vscode.l10n.t('The reports were not paired.'));
    return false;
  }
  void vscode.window.showInformationMessage(vscode.l10n.t('Paired: {0} → {1} (written to .reportreview.json)', fileName(picked[0].toString()), fileName(next.toString())));
  return true;
}
