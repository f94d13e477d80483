/**
 * The terms view (术语 / Terms) and the jump from a term to its uses. The server knows the terms and
 * where the report uses them; terms the report quotes but defines nowhere come from the
 * term-undefined check's diagnostics, which are hints and so never reach the Problems panel.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

interface Position { line: number; character: number }
interface Range { start: Position; end: Position }

export interface GlossaryListItem {
  term: string;
  definition: string;
  source: string;
  uses: number;
  useRanges: Range[];
  location?: { uri: string; range: Range };
}

type Group = 'own' | 'elsewhere' | 'undefined';
type Node =
  | { group: Group; items: GlossaryListItem[] }
  | { item: GlossaryListItem }
  | { use: Range; item: GlossaryListItem };

const toRange = (r: Range) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

/**
 * Goes to the first use of a term in the report `uri` and, when there are more, shows them all in
 * a peek; a term the report never uses goes to its definition.
 */
export async function goToTermUse(item: GlossaryListItem, uri: string): Promise<void> {
  const [first] = item.useRanges;
  if (!first) {
    if (item.location) await vscode.window.showTextDocument(vscode.Uri.parse(item.location.uri), { selection: toRange(item.location.range) });
    return;
  }
  const target = vscode.Uri.parse(uri);
  const editor = await vscode.window.showTextDocument(target, { selection: toRange(first) });
  if (item.useRanges.length > 1) {
    const locations = item.useRanges.map((r) => new vscode.Location(target, toRange(r)));
    await vscode.commands.executeCommand('editor.action.peekLocations', target, editor.selection.active, locations, 'peek');
  }
}

export class TermsView implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private items: GlossaryListItem[] = [];
  private undefinedTerms: GlossaryListItem[] = [];
  private uri: vscode.Uri | undefined;
  private document: vscode.TextDocument | undefined;

  constructor(private readonly client: LanguageClient) {}

  async refresh(editor: vscode.TextEditor | undefined): Promise<void> {
    if (!editor || editor.document.languageId !== 'report') return;
    this.document = editor.document;
    this.uri = editor.document.uri;
    this.items = await this.client.sendRequest<GlossaryListItem[]>('reportReview/glossary', { uri: this.uri.toString() });
    this.undefinedTerms = undefinedTerms(editor.document);
    this.changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      const own = this.items.filter((i) => i.location?.uri === this.uri?.toString());
      const elsewhere = this.items.filter((i) => !own.includes(i) && i.uses > 0);
      // Terms defined nowhere are the reviewer's to act on: they come first.
      const groups: Node[] = [];
      if (this.undefinedTerms.length) groups.push({ group: 'undefined', items: this.undefinedTerms });
      if (own.length) groups.push({ group: 'own', items: own });
      if (elsewhere.length) groups.push({ group: 'elsewhere', items: elsewhere });
      return groups;
    }
    if ('group' in node) return node.items.map((item) => ({ item }));
    if ('use' in node) return [];
    return node.item.useRanges.length > 1 ? node.item.useRanges.map((use) => ({ use, item: node.item })) : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if ('group' in node) {
      const label = { own: vscode.l10n.t('Defined in this report'), elsewhere: vscode.l10n.t('Defined elsewhere'), undefined: vscode.l10n.t('Defined nowhere') }[node.group];
      // The built-in glossary's terms are many and familiar; they wait folded.
      const state = node.group === 'elsewhere' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded;
      const item = new vscode.TreeItem(label, state);
      item.id = `group:${node.group}`;
      item.description = vscode.l10n.t('{0} terms', node.items.length);
      return item;
    }
    const uri = this.uri?.toString() ?? '';
    if ('use' in node) {
      const line = node.use.start.line + 1;
      const item = new vscode.TreeItem(vscode.l10n.t('Line {0}', line), vscode.TreeItemCollapsibleState.None);
      item.description = this.document?.lineAt(node.use.start.line).text.trim().slice(0, 60) ?? '';
      item.command = { command: 'vscode.open', title: '', arguments: [this.uri, { selection: toRange(node.use) }] };
      return item;
    }
    const { item: term } = node;
    const item = new vscode.TreeItem(term.term, term.useRanges.length > 1 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.description = `${vscode.l10n.t('{0} uses', term.uses)} · ${term.source}`;
    item.tooltip = new vscode.MarkdownString().appendText(`${term.term}\n${term.definition}\n${term.source}`);
    item.command = { command: 'reportReview.goToTermUse', title: '', arguments: [term, uri] };
    return item;
  }
}

/** Terms the term-undefined check found: its diagnostic marks the first use, its related locations the others. */
function undefinedTerms(document: vscode.TextDocument): GlossaryListItem[] {
  const out = new Map<string, GlossaryListItem>();
  const plainRange = (r: vscode.Range): Range => ({ start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } });
  for (const d of vscode.languages.getDiagnostics(document.uri)) {
    const code = typeof d.code === 'object' ? d.code.value : d.code;
    if (code !== 'term-undefined') continue;
    const term = document.getText(d.range);
    if (!term || out.has(term)) continue;
    const others = (d.relatedInformation ?? []).filter((r) => r.location.uri.toString() === document.uri.toString()).map((r) => plainRange(r.location.range));
    const useRanges = [plainRange(d.range), ...others];
    out.set(term, {
      term,
      definition: vscode.l10n.t('Quoted {0} times and defined nowhere: add it to the glossary (名词解释)?', useRanges.length),
      source: vscode.l10n.t('not defined'),
      uses: useRanges.length,
      useRanges,
    });
  }
  return [...out.values()];
}
