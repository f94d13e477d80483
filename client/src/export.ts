/**
 * Exporting something of the active report to a file the user picks: a format from a quick pick,
 * a save dialog that proposes `<report>.<kind>.<extension>` beside it, the file written, and an
 * offer to open it. The figures and the review checklist are exported this way.
 */
import * as vscode from 'vscode';

export interface ExportFormat {
  readonly label: string;
  readonly description: string;
  readonly extension: string;
}

/** CSV as every export writes it: UTF-8 with a byte order mark, so that spreadsheets read the Chinese. */
export function csvFormat(): ExportFormat {
  return { label: 'CSV', description: vscode.l10n.t('for spreadsheets (UTF-8 with BOM)'), extension: 'csv' };
}

export interface ExportOptions<F extends ExportFormat> {
  readonly formats: readonly F[];
  readonly placeHolder: string;
  /** The middle of the proposed file name: `figures` gives `report.figures.csv`. */
  readonly kind: string;
  /** The file's content, and the message that says it was written (given the file's relative path). */
  render(report: vscode.Uri, format: F): Promise<{ content: string; written: (path: string) => string }>;
}

export async function exportActiveReport<F extends ExportFormat>(options: ExportOptions<F>): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'report') {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a report first.'));
    return;
  }
  const format = await vscode.window.showQuickPick(options.formats, { placeHolder: options.placeHolder });
  if (!format) return;
  const uri = editor.document.uri;
  const base = uri.with({ path: `${uri.path.replace(/\.[^./]*$/, '')}.${options.kind}.${format.extension}` });
  const target = await vscode.window.showSaveDialog({ defaultUri: base, filters: { [format.label]: [format.extension] } });
  if (!target) return;
  const { content, written } = await options.render(uri, format);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
  const open = vscode.l10n.t('Open');
  const answer = await vscode.window.showInformationMessage(written(vscode.workspace.asRelativePath(target)), open);
  if (answer === open) await vscode.window.showTextDocument(target);
}
