/** The README's table of checks and the settings schema are kept true to the registry. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKS } from '../../server/src/checks';

const ROOT = join(__dirname, '..', '..');

describe('documentation of the checks', () => {
  it('lists every check in the README with its default severity, and no other', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| `([a-z-]+)` \| (error|warning|information|hint) \|/gm)].map((m) => `${m[1]} ${m[2]}`);
    assert.deepEqual(rows.sort(), CHECKS.map((c) => `${c.id} ${c.defaultSeverity}`).sort());
  });

  it('offers every check in the reportReview.checks setting, described in both languages', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const properties = manifest.contributes.configuration.properties['reportReview.checks'].properties;
    assert.deepEqual(Object.keys(properties).sort(), CHECKS.map((c) => c.id).sort());
    for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const nls = JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
      for (const c of CHECKS) assert.ok(nls[`config.check.${c.id}`], `${file}: ${c.id}`);
    }
  });

  it('opens every check file with a comment that says what it flags, what it does not, and why', () => {
    for (const c of CHECKS) {
      const source = readFileSync(join(ROOT, 'server/src/checks', `${c.id}.ts`), 'utf8');
      assert.match(source, new RegExp(`^/\\*\\*\\n \\* ${c.id} — `), c.id);
      for (const part of ['Flags:', 'Does not flag:', 'Why:']) assert.ok(source.includes(part), `${c.id}: ${part}`);
    }
  });
});
