/**
 * A long report's first diagnostics come in two publishes: the structural checks' as soon as it is
 * parsed, then the complete set; a report of ordinary length gets the complete set at once.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ServerProcess } from './client';

const CORPUS = join(__dirname, '..', 'corpus');
const STRUCTURAL = new Set(['section-numbering', 'text-integrity', 'glossary-duplicate', 'parse-problem']);

/** Every publish for `uri` until none has come for `quietMs`. */
async function publishes(server: ServerProcess, uri: string, quietMs = 1500): Promise<PublishDiagnosticsParams[]> {
  const seen: PublishDiagnosticsParams[] = [];
  for (;;) {
    const next = await Promise.race([server.nextDiagnostics(uri), new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), quietMs))]);
    if (!next) return seen;
    seen.push(next);
  }
}

const key = (d: PublishDiagnosticsParams['diagnostics'][number]) => JSON.stringify([d.code, d.range, d.message]);

describe('first diagnostics', () => {
  it('of a long report: the structural findings first, then the complete set that holds them', async () => {
    // Seven national reports one after another: more than 100,000 characters.
    const text = ['2016', '2017', '2018', '2019', '2021', '2022', '2023'].map((y) => readFileSync(join(CORPUS, 'national', `${y}.txt`), 'utf8')).join('\n');
    assert.ok(text.length > 100_000);
    const s = new ServerProcess();
    await s.initialize('en');
    const uri = 'file:///reports/five-years.txt';
    const seen = publishes(s, uri);
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'report', version: 1, text } });
    const [first, complete, ...more] = await seen;
    assert.equal(more.length, 0);
    assert.ok(first.diagnostics.length > 0);
    assert.deepEqual(first.diagnostics.filter((d) => !STRUCTURAL.has(String(d.code))), [], 'the first publish holds structural findings only');
    assert.ok(complete.diagnostics.some((d) => !STRUCTURAL.has(String(d.code))), 'the complete set has findings on figures or terms too');
    const all = new Set(complete.diagnostics.map(key));
    assert.deepEqual(first.diagnostics.filter((d) => !all.has(key(d))), [], 'every early finding is in the complete set');
    assert.deepEqual(
      complete.diagnostics.filter((d) => STRUCTURAL.has(String(d.code))).map(key),
      first.diagnostics.map(key),
      'the complete set adds no structural finding',
    );
    assert.equal(first.version, 1);
    assert.equal(complete.version, 1);
    await s.stop();
  });

  it('of a report of ordinary length: the complete set in one publish', async () => {
    const text = readFileSync(join(CORPUS, 'national', '2023.txt'), 'utf8');
    const s = new ServerProcess();
    await s.initialize('en');
    const uri = 'file:///reports/2023.txt';
    const seen = publishes(s, uri);
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'report', version: 1, text } });
    const all = await seen;
    assert.equal(all.length, 1);
    assert.ok(all[0].diagnostics.some((d) => !STRUCTURAL.has(String(d.code))));
    await s.stop();
  });
});
