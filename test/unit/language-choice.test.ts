/** A user's language choice for a file: told apart from a file that reopens, remembered per file. */
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { LanguageChanges, LanguageChoices } from '../../client/src/language-choice';

/** The little of a TextDocument and a Memento these classes read. */
const documentIn = (languageId: string) => ({ languageId }) as vscode.TextDocument;
function memento(): vscode.Memento {
  const values = new Map<string, unknown>();
  return {
    keys: () => [...values.keys()],
    get: <T>(key: string, fallback?: T) => (values.has(key) ? values.get(key) : fallback) as T,
    update: async (key: string, value: unknown) => void values.set(key, value),
  };
}

describe('language choices', () => {
  it('see a change of language when the same document closes and opens in another language', () => {
    const changes = new LanguageChanges();
    const document = documentIn('report');
    changes.closed(document);
    (document as { languageId: string }).languageId = 'plaintext';
    assert.equal(changes.changedFrom(document), 'report');
    assert.equal(changes.changedFrom(document), undefined, 'the next open is not a change any more');
  });

  it('see no change when a file reopens as a new document, or opens for the first time', () => {
    const changes = new LanguageChanges();
    changes.closed(documentIn('report'));
    assert.equal(changes.changedFrom(documentIn('plaintext')), undefined);
  });

  it('remember the language chosen for each file', async () => {
    const choices = new LanguageChoices(memento());
    const a = { toString: () => 'file:///a.txt' } as vscode.Uri;
    const b = { toString: () => 'file:///b.txt' } as vscode.Uri;
    await choices.remember(a, 'plaintext');
    await choices.remember(b, 'report');
    assert.equal(choices.get(a), 'plaintext');
    assert.equal(choices.get(b), 'report');
    assert.equal(choices.get({ toString: () => 'file:///c.txt' } as vscode.Uri), undefined);
  });
});
