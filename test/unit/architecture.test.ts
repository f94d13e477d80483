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

/**
 * The layers run one way: core → service → lsp / cli. The front ends reach the core and the checks
 * through `service/` only; a type-only import is no dependency at run time and is allowed. The
 * protocol converters (`protocol/`) may read the model: they are pure formatting of it into LSP
 * shapes, used by both front ends. `cli/track.ts` predates the service and still wires its own
 * pipeline (issue 11 leaves it for later); it is the only exception, named here so that no other
 * file slips in.
 */
const FRONT_ENDS = ['server/src/lsp', 'server/src/cli'];
const NOT_YET_THROUGH_THE_SERVICE = new Set(['server/src/cli/track.ts']);
const CORE = /^\.\.\/(core|checks)(\/|$)/;
const LSP = /^vscode-languageserver.*$/;

/** Runtime imports of a file: `import type` and `export type` lines are left out. */
function runtimeImports(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^;]*?from\s+['"]([^'"]+)['"]/gms)) {
    if (m[2]) continue;
    out.push(m[3]);
  }
  for (const m of text.matchAll(/require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1] ?? m[2]);
  return out;
}

describe('layers', () => {
  for (const dir of FRONT_ENDS) {
    it(`let ${dir} use the core and the checks only through the service`, () => {
      const offending: string[] = [];
      for (const file of sources(join(ROOT, dir))) {
        const name = relative(ROOT, file);
        if (NOT_YET_THROUGH_THE_SERVICE.has(name)) continue;
        for (const target of runtimeImports(readFileSync(file, 'utf8'))) if (CORE.test(target)) offending.push(`${name} imports ${target}`);
      }
      assert.deepEqual(offending, []);
    });
  }

  it('keep server/src/service free of LSP, and of node:fs outside the node workspace', () => {
    const offending: string[] = [];
    for (const file of sources(join(ROOT, 'server/src/service'))) {
      const name = relative(ROOT, file);
      for (const target of runtimeImports(readFileSync(file, 'utf8'))) {
        if (LSP.test(target) || /^vscode/.test(target) || /^(\.\.\/)+lsp\//.test(target) || /^\.\.\/cli\//.test(target)) offending.push(`${name} imports ${target}`);
        if (/^(node:)?fs$/.test(target) && !name.endsWith('node-workspace.ts')) offending.push(`${name} imports ${target}`);
      }
    }
    assert.deepEqual(offending, []);
  });

  it('see a runtime import of the core in a front end, and let a type-only one pass', () => {
    const text = "import type { Report } from '../core/model';\nimport {\n  parseReport,\n} from '../core/report';\nexport type { Finding } from '../checks';\n";
    assert.deepEqual(runtimeImports(text).filter((t) => CORE.test(t)), ['../core/report']);
  });
});
