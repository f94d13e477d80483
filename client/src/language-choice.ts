/**
 * A user's choice of language for a file wins over detection: once someone picks Plain Text (with
 * our command or VS Code's language picker) for a report, detection leaves that file alone, and a
 * file they made a report opens as one again. The choice is remembered per file in the workspace.
 */
import type * as vscode from 'vscode';

const KEY = 'reportReview.languageChoices';

export class LanguageChoices {
  constructor(private readonly memento: vscode.Memento) {}

  get(uri: vscode.Uri): string | undefined {
    return this.memento.get<Record<string, string>>(KEY, {})[uri.toString()];
  }

  async remember(uri: vscode.Uri, languageId: string): Promise<void> {
    const all = { ...this.memento.get<Record<string, string>>(KEY, {}) };
    all[uri.toString()] = languageId;
    await this.memento.update(KEY, all);
  }
}

/**
 * Tells language changes apart from documents that open. VS Code changes a document's language by
 * closing it and opening the same document object again at once; a file that really reopens is a
 * new object.
 */
export class LanguageChanges {
  private readonly before = new WeakMap<vscode.TextDocument, string>();

  closed(document: vscode.TextDocument): void {
    this.before.set(document, document.languageId);
  }

  /** The language the document had before, when this open is a change of language. */
  changedFrom(document: vscode.TextDocument): string | undefined {
    const previous = this.before.get(document);
    this.before.delete(document);
    return previous !== undefined && previous !== document.languageId ? previous : undefined;
  }
}
