/** The documentation page of every check is generated from the check's header and kept up to date. */
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKS } from '../../server/src/checks';
import { DOCS_DIR, checkPage, checkPages } from '../../scripts/check-docs';

describe('check documentation pages', () => {
  it('are up to date with the check headers (run `npm run docs:checks` after editing a header)', () => {
    for (const [file, content] of checkPages()) {
      assert.equal(readFileSync(join(DOCS_DIR, file), 'utf8'), content, `docs/checks/${file} is stale`);
    }
  });

  it('exist for every registered check and for no other', () => {
    assert.deepEqual(readdirSync(DOCS_DIR).sort(), CHECKS.map((c) => `${c.id}.md`).sort());
  });

  it('put what a check flags, what it does not and why under headings of their own', () => {
    const check = CHECKS.find((c) => c.id === 'figure-conflict')!;
    const source = [
      '/**',
      ' * figure-conflict — one metric, two values.',
      ' *',
      ' * Flags: `新增城镇就业1.2万人` here and `1.1万人` there.',
      ' * Does not flag: rounding (`18.18亿元` / `18.2亿元`).',
      ' *',
      ' * Why: a late edit reaches one mention and not the other.',
      ' */',
    ].join('\n');
    const page = checkPage(check, source);
    assert.match(page, /^# figure-conflict\n/);
    assert.match(page, /\nOne metric, two values\.\n/);
    assert.match(page, /## What it flags · 标记什么\n\n`新增城镇就业1\.2万人` here and `1\.1万人` there\.\n/);
    assert.match(page, /## What it does not flag · 不标记什么\n\nRounding/);
    assert.match(page, /## Why · 为什么\n\nA late edit reaches one mention and not the other\.\n/);
    assert.match(page, /"figure-conflict": "off"/);
  });
});
