/** The extension manifest: prose defaults for the report language, its views, and labels in both languages. */
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKS, type Check } from '../../server/src/checks';
import { generateManifest, readManifestFile, type ManifestFile } from '../../scripts/manifest';

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

  it('puts the figures, the terms, the review checklist and the targets in a Report Review container of the activity bar', () => {
    const [container] = manifest.contributes.viewsContainers.activitybar;
    assert.equal(container.id, 'reportReview');
    assert.deepEqual(manifest.contributes.views.reportReview.map((v: { id: string }) => v.id), ['reportReview.figures', 'reportReview.terms', 'reportReview.checklist', 'reportReview.targets']);
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

  it('has the settings of every check as the registry gives them (run `npm run manifest` after adding a check)', () => {
    for (const [file, content] of generateManifest(readManifestFile)) {
      assert.equal(readManifestFile(file), content, `${file} is stale: run \`npm run manifest\``);
    }
  });

  it('generates a new check\'s setting, its labels with its default severity, and its schema id, and leaves the rest alone', () => {
    const check: Check = {
      id: 'quote-balance',
      defaultSeverity: 'information',
      description: { zh: '引号不配对', en: 'Unbalanced quotes' },
      run: () => [],
    };
    const files = generateManifest(readManifestFile, [...CHECKS.filter((c) => c.id !== 'term-undefined'), check]);
    const json = (file: ManifestFile) => JSON.parse(files.get(file)!);
    const settings = json('package.json').contributes.configuration.properties['reportReview.checks'].properties;
    assert.equal(settings['quote-balance'].markdownDescription, '%config.check.quote-balance%');
    assert.equal(settings['term-undefined'], undefined);
    assert.equal(json('package.nls.json')['config.check.quote-balance'], 'Unbalanced quotes (default: information)');
    assert.equal(json('package.nls.zh-cn.json')['config.check.quote-balance'], '引号不配对（默认：information）');
    assert.equal(json('package.nls.zh-cn.json')['config.check.term-undefined'], undefined);
    assert.deepEqual(Object.keys(json('schemas/reportreview.schema.json').properties.checks.properties).slice(-1), ['quote-balance']);
    assert.deepEqual(json('package.json').contributes.commands, manifest.contributes.commands);
    assert.equal(json('package.nls.json')['command.switchToReport'], read('package.nls.json')['command.switchToReport']);
  });
});
