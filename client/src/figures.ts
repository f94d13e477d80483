/**
 * The figures view (报告数据 / Report figures) and the export command. The server extracts the
 * claims; this file only shows them and writes the file the user chose.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { figureDescription, figureLabel, figureValue } from './figure-labels';
import { sectionTree, type Group } from './section-tree';
import { csvFormat, exportActiveReport } from './export';

interface Position { line: number; character: number }
export interface ClaimRow {
  text: string;
  range: { start: Position; end: Position };
  value: number;
  max: number | null;
  unit: string;
  kind: string;
  qualifier: string;
  metric: string;
  metricKey: string;
  period: string | null;
  modality: string;
  section: string[];
}

type Node = Group<ClaimRow> | { row: ClaimRow };

function count(group: Group<ClaimRow>): number {
  return group.rows.length + group.children.reduce((n, c) => n + count(c), 0);
}

/** Codicon syntax `$(name)` in a report's text must show as text, not as an icon, where codicons render (quick picks). */
export function plain(text: string): string {
  return text.replace(/\$\(/g, '\\$(');
}

function modalityLabel(modality: string): string {
  return modality === 'target' ? vscode.l10n.t('target') : vscode.l10n.t('result');
}

export class FiguresView implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private rows: ClaimRow[] = [];
  private uri: vscode.Uri | undefined;
  groupBy: 'section' | 'metric' = 'section';

  constructor(private readonly client: LanguageClient) {}

  async refresh(editor: vscode.TextEditor | undefined): Promise<void> {
    if (!editor || editor.document.languageId !== 'report') return;
    await this.show(editor.document.uri);
  }

  /** Shows the figures of `uri`; used when a document turns into a report without a change of editor. */
  async show(uri: vscode.Uri): Promise<void> {
    this.uri = uri;
    this.rows = await this.client.sendRequest<ClaimRow[]>('reportReview/claims', { uri: uri.toString() });
    this.changed.fire(undefined);
  }

  toggleGrouping(): void {
    this.groupBy = this.groupBy === 'section' ? 'metric' : 'section';
    void vscode.commands.executeCommand('setContext', 'reportReview.figuresGroupedByMetric', this.groupBy === 'metric');
    this.changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    if (node && 'rows' in node) return [...node.rows.map((row) => ({ row })), ...node.children];
    if (node) return [];
    if (this.groupBy === 'section') return sectionTree(this.rows, vscode.l10n.t('(no section)'));
    const groups = new Map<string, Group<ClaimRow>>();
    for (const row of this.rows) {
      const label = row.metric || vscode.l10n.t('(metric not recognized)');
      const group = groups.get(label) ?? { key: `metric:${label}`, label, rows: [], children: [] };
      group.rows.push(row);
      groups.set(label, group);
    }
    return [...groups.values()];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if ('rows' in node) {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `${this.groupBy}:${node.key}`;
      item.description = vscode.l10n.t('{0} figures', count(node));
      item.tooltip = node.key.split('\u0000').join(' › ');
      return item;
    }
    const r = node.row;
    const value = figureValue(r);
    const item = new vscode.TreeItem(figureLabel(r), vscode.TreeItemCollapsibleState.None);
    item.description = figureDescription(r, modalityLabel(r.modality));
    item.tooltip = new vscode.MarkdownString().appendText(`${r.text} = ${value}\n${r.kind} · ${r.qualifier} · ${r.metric} · ${r.period ?? '?'} · ${modalityLabel(r.modality)}`);
    if (this.uri) {
      const range = new vscode.Range(r.range.start.line, r.range.start.character, r.range.end.line, r.range.end.character);
      item.command = { command: 'vscode.open', title: '', arguments: [this.uri, { selection: range }] };
    }
    return item;
  }
}

/** Writes every claim of the current report to a CSV (UTF-8 with BOM) or JSON file the user picks. */
export function exportClaims(client: LanguageClient): Promise<void> {
  return exportActiveReport({
    formats: [
      csvFormat(),
      { label: 'JSON', description: vscode.l10n.t('for scripts: the rows of report-review claims --format json'), extension: 'json' },
    ],
    placeHolder: vscode.l10n.t('Export the figures as'),
    kind: 'figures',
    render: async (uri, format) => {
      const rows = await client.sendRequest<ClaimRow[]>('reportReview/claims', { uri: uri.toString() });
      const content = format.extension === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : await client.sendRequest<string>('reportReview/claimsCsv', { uri: uri.toString() });
      return { content, written: (path) => vscode.l10n.t('Exported {0} figures to {1}', rows.length, path) };
    },
  });
}
