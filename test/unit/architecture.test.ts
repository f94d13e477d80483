/**
 * Architecture invariants, checked on every test run: the analysis core and the checks are pure.
 * They import nothing that does IO or knows the editor or the protocol; only the server's LSP layer,
 * the protocol converters, the CLI and the client may.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const PURE = ['server/src/core', 'server/src/checks'];
const FORBIDDEN = /^(vscode|vscode-languageserver.*|vscode-languageclient.*|fs|node:.*|child_process|net|http|https|path|os)$/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('architecture', () => {
  for (const dir of PURE) {
    it(`keeps ${dir} free of IO, editor and protocol imports`, () => {
      const offending: string[] = [];
      for (const file of sources(join(ROOT, dir))) {
        const text = readFileSync(file, 'utf8');
        for (const m of text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
          const target = m[1] ?? m[2] ?? m[3];
          if (FORBIDDEN.test(target)) offending.push(`${relative(ROOT, file)} imports ${target}`);
        }
      }
      assert.deepEqual(offending, []);
    });
  }
});
