// Runs inside VS Code: opens a corpus report as plain text and checks, through the real API, that
// the extension switches it to the `report` language and provides the report's sections as symbols.
const assert = require('node:assert/strict');
const path = require('node:path');
const vscode = require('vscode');

const { publisher, name } = require(path.resolve(__dirname, '..', '..', '..', 'package.json'));

const FILE = process.env.REPORT_REVIEW_E2E_FILE;
// From test/corpus/expected/001_366748309c9ca2d8.outline.
const LEVEL1 = ['2020年和“十三五”时期政府工作回顾', '“十四五”时期发展思路、总体目标及主攻方向', '2021年工作安排'];
const FIRST_CHILD = '精准施策战疫情,交出大考高分答卷';
const WAIT = 30_000;

/** Resolves with the document for `uri` once it is open with `languageId`, or rejects after `timeout`. */
function documentWithLanguage(uri, languageId, timeout) {
  const matches = (doc) => doc.uri.toString() === uri.toString() && doc.languageId === languageId;
  const open = vscode.workspace.textDocuments.find(matches);
  if (open) return Promise.resolve(open);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      const current = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === uri.toString());
      reject(new Error(`language of ${uri.fsPath} is "${current?.languageId}", expected "${languageId}" within ${timeout} ms`));
    }, timeout);
    // setTextDocumentLanguage closes the document and opens it again with the new language.
    const subscription = vscode.workspace.onDidOpenTextDocument((doc) => {
      if (!matches(doc)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(doc);
    });
  });
}

describe('Report Review in VS Code (Electron)', function () {
  let uri;

  before(async function () {
    assert.ok(FILE, 'REPORT_REVIEW_E2E_FILE is not set');
    uri = vscode.Uri.file(FILE);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  });

  it('switches a plain-text report to the report language', async function () {
    const doc = await documentWithLanguage(uri, 'report', WAIT);
    assert.equal(doc.languageId, 'report');
  });

  it('provides the report sections as document symbols', async function () {
    await documentWithLanguage(uri, 'report', WAIT);
    // activate() resolves once the language client has started, so the server can answer.
    const extension = vscode.extensions.getExtension(`${publisher}.${name}`);
    assert.ok(extension, `extension ${publisher}.${name} is not loaded`);
    await extension.activate();
    const symbols = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
    assert.ok(symbols?.length, `no document symbols for ${uri.fsPath}`);
    const names = symbols.map((symbol) => symbol.name);
    const found = LEVEL1.map((title) => names.findIndex((name) => name.includes(title)));
    assert.ok(found.every((i) => i >= 0), `top-level symbols ${JSON.stringify(names)} lack one of ${JSON.stringify(LEVEL1)}`);
    assert.deepEqual([...found].sort((a, b) => a - b), found, `sections out of order: ${JSON.stringify(names)}`);
    const first = symbols[found[0]];
    assert.ok(first.children?.[0]?.name.includes(FIRST_CHILD),
      `first child of "${first.name}" is ${JSON.stringify(first.children?.[0]?.name)}, expected "${FIRST_CHILD}"`);
  });
});
