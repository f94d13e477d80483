/** The extension manifest: prose defaults for the report language, its views, and labels in both languages. */
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const read = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, string>;

describe('the extension manifest', () => {
  it('gives the report language prose defaults, as Markdown has: wrap on, no ambiguous-character boxes, no word popups', () => {
    const defaults = manifest.contributes.configurationDefaults['[report]'];
    assert.equal(defaults['editor.wordWrap'], 'on');
    assert.equal(defaults['editor.unicodeHighlight.ambiguousCharacters'], false);
    assert.equal(defaults['editor.unicodeHighlight.invisibleCharacters'], false);
    assert.equal(defaults['editor.wordBasedSuggestions'], 'off');
    assert.deepEqual(defaults['editor.quickSuggestions'], { comments: 'off', strings: 'off', other: 'off' });
  });

  it('puts the figures, the terms and the targets in a Report Review container of the activity bar', () => {
    const [container] = manifest.contributes.viewsContainers.activitybar;
    assert.equal(container.id, 'reportReview');
    assert.deepEqual(manifest.contributes.views.reportReview.map((v: { id: string }) => v.id), ['reportReview.figures', 'reportReview.terms', 'reportReview.targets']);
    assert.equal(manifest.contributes.views.explorer, undefined);
  });

  it('has every %label% of the manifest in English and in Chinese', () => {
    const keys = [...JSON.stringify(manifest).matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 20);
    for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const nls = read(file);
      for (const key of keys) assert.ok(nls[key], `${file} lacks ${key}`);
    }
  });

  it('has every l10n string of the client in the Chinese bundle', () => {
    const bundle = read('l10n/bundle.l10n.zh-cn.json');
    const dir = join(ROOT, 'client', 'src');
    let strings = 0;
    for (const file of readdirSync(dir)) {
      const source = readFileSync(join(dir, file), 'utf8');
      for (const m of source.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) {
        strings++;
        assert.ok(bundle[m[1].replace(/\\'/g, "'")], `${file}: “${m[1]}” has no Chinese`);
      }
    }
    assert.ok(strings > 20);
  });
});
