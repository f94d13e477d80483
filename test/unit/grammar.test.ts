/**
 * The TextMate grammar, tokenized with the same engine VS Code uses (vscode-textmate + Oniguruma),
 * so a broken pattern fails here instead of silently in the editor.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';

const ROOT = join(__dirname, '..', '..');

async function loadGrammar(): Promise<IGrammar> {
  const wasm = readFileSync(join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async () => parseRawGrammar(readFileSync(join(ROOT, 'syntaxes', 'report.tmLanguage.json'), 'utf8'), 'report.tmLanguage.json'),
  });
  const grammar = await registry.loadGrammar('text.report');
  assert.ok(grammar);
  return grammar;
}

/** The scopes of the token that covers `needle` in `line`. */
function scopesOf(grammar: IGrammar, line: string, needle: string): string[] {
  const at = line.indexOf(needle);
  const { tokens } = grammar.tokenizeLine(line, INITIAL);
  const token = tokens.find((t) => t.startIndex <= at && at < t.endIndex);
  return token?.scopes ?? [];
}

describe('report grammar', () => {
  let grammar: IGrammar;
  before(async () => {
    grammar = await loadGrammar();
  });

  it('marks level-1 and level-2 headings, up to their lead sentence', () => {
    assert.ok(scopesOf(grammar, '一、2020年工作回顾', '工作回顾').some((s) => s.startsWith('markup.heading.1')));
    const line = '（三）深化改革，营商环境持续优化。扎实推进六大专项行动';
    assert.ok(scopesOf(grammar, line, '深化改革').some((s) => s.startsWith('markup.heading.2')));
    assert.ok(!scopesOf(grammar, line, '扎实推进').some((s) => s.startsWith('markup.heading')));
  });

  it('marks figures with their units but not years', () => {
    const line = '2020年一般公共预算收入18.18亿元，增长10%，提高4.2个百分点。';
    assert.ok(scopesOf(grammar, line, '18.18亿元').includes('constant.numeric.figure.report'));
    assert.ok(scopesOf(grammar, line, '10%').includes('constant.numeric.figure.report'));
    assert.ok(scopesOf(grammar, line, '4.2个百分点').includes('constant.numeric.figure.report'));
    assert.ok(!scopesOf(grammar, line, '2020年').includes('constant.numeric.figure.report'));
  });

  it('marks quoted terms, note markers and the glossary heading', () => {
    assert.ok(scopesOf(grammar, '深化“放管服”改革', '放管服').includes('string.quoted.double.term.report'));
    assert.ok(scopesOf(grammar, '“45432”发展架构［12］', '［12］').includes('markup.underline.link.note.report'));
    assert.ok(scopesOf(grammar, '深化“放管服”〔 ３ 〕改革', '〔').includes('markup.underline.link.note.report'));
    assert.ok(scopesOf(grammar, '名 词 解 释', '名').some((s) => s.startsWith('markup.heading.glossary')));
  });
});
