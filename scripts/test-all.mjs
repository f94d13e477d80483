// `npm test`: builds, type-checks and runs every suite — unit, LSP over stdio, end-to-end in
// code-server, and the @vscode/test-electron suite where VS Code can be downloaded — even when an
// earlier one fails, then prints the totals as one line: `N passed, N failed[, N skipped]`.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);
const mocha = join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');

/** Each step: how to run it, and whether its output carries mocha's summary lines. */
const steps = [
  { name: 'build', cmd: [process.execPath, 'esbuild.mjs'] },
  { name: 'typecheck', cmd: [process.execPath, join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.', '--noEmit'] },
  { name: 'unit', cmd: [process.execPath, mocha], mocha: true },
  { name: 'lsp', cmd: [process.execPath, mocha, '--config', 'test/lsp/.mocharc.json'], mocha: true },
  { name: 'package', cmd: [process.execPath, join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--no-rewrite-relative-links', '-o', 'report-review.vsix'], needs: 'test/e2e/.mocharc.json' },
  { name: 'e2e', cmd: [process.execPath, mocha, '--config', 'test/e2e/.mocharc.json'], mocha: true, needs: 'test/e2e/.mocharc.json' },
  { name: 'electron', cmd: [process.execPath, 'test/electron/run.mjs'], mocha: true, needs: 'test/electron/run.mjs' },
].filter((s) => only.length === 0 || only.includes(s.name) || s.name === 'build');

function run(step) {
  return new Promise((resolve) => {
    const child = spawn(step.cmd[0], step.cmd.slice(1), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const forward = (stream, target) => stream.on('data', (d) => { output += d; target.write(d); });
    forward(child.stdout, process.stdout);
    forward(child.stderr, process.stderr);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
    child.on('error', (error) => resolve({ code: 1, output: String(error) }));
  });
}

const count = (output, word) => [...output.matchAll(new RegExp(`^\\s*(\\d+) ${word}\\b`, 'gm'))].reduce((n, m) => n + Number(m[1]), 0);

let passed = 0;
let failed = 0;
let skipped = 0;
const summary = [];
for (const step of steps) {
  if (step.needs && !existsSync(join(root, step.needs))) continue;
  process.stdout.write(`\n=== ${step.name}\n`);
  const { code, output } = await run(step);
  if (step.mocha) {
    const p = count(output, 'passing');
    const f = count(output, 'failing');
    // A suite that cannot run here says so on a `SKIPPED …` line; it counts as skipped, never as passed.
    const s = count(output, 'pending') + count(output, 'skipped') + (output.match(/^SKIPPED /gm) ?? []).length;
    passed += p;
    skipped += s;
    // A suite that exits non-zero without a failing test (a crash, a failed hook) still counts as one failure.
    failed += f > 0 ? f : code !== 0 ? 1 : 0;
    summary.push(`${step.name}: ${p} passed, ${f} failed${s ? `, ${s} skipped` : ''}${code !== 0 && f === 0 ? ' (exited with an error)' : ''}`);
  } else if (code === 0) {
    // Build steps are preconditions, not tests: they add no passes, only a failure when they fail.
    summary.push(`${step.name}: ok`);
  } else {
    failed += 1;
    summary.push(`${step.name}: FAILED`);
  }
}

mkdirSync(join(root, 'test-output'), { recursive: true });
writeFileSync(join(root, 'test-output', 'summary.txt'), `${summary.join('\n')}\n`);
process.stdout.write(`\n${summary.join('\n')}\n`);
const totals = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
writeFileSync(join(root, 'test-output', 'totals.txt'), `${totals}\n`);
process.stdout.write(`${totals}\n`);
process.exitCode = failed > 0 ? 1 : 0;
