/**
 * `report-review` as CI runs it on a pull request: devices and pipes among the files, a report too
 * large to analyse, a file named like an option, a full disk, a config above the repository.
 * Each case spawns `node dist/cli.js` (`npm run build` first).
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHECKS } from '../../server/src/checks';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
/** One warning: （二） is missing. */
const REPORT = '（一）深化改革\n（三）扩大开放\n';

function checkout(): { dir: string; good: string } {
  const dir = mkdtempSync(join(tmpdir(), 'report-review-cli-hostile-'));
  const good = join(dir, 'good.txt');
  writeFileSync(good, REPORT);
  return { dir, good };
}

function run(args: string[], options: { cwd?: string; stdout?: number } = {}) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 20_000, cwd: options.cwd, env: { ...process.env, LANG: 'en_US.UTF-8' } });
}

describe('report-review on a hostile checkout', () => {
  it('refuses /dev/zero and /dev/urandom in one line each, exits 2, and checks the other files', () => {
    const { good } = checkout();
    const result = run(['check', '/dev/zero', '/dev/urandom', good]);
    assert.equal(result.error, undefined, 'it ends');
    assert.equal(result.status, 2);
    assert.equal(result.stderr, [
      'report-review: /dev/zero: not a regular file (a device, pipe or directory); not read',
      'report-review: /dev/urandom: not a regular file (a device, pipe or directory); not read',
      '',
    ].join('\n'));
    assert.match(result.stdout, /good\.txt:2:1: warning \[section-numbering\]/);
  });

  it('refuses a FIFO instead of waiting on it for ever', () => {
    const { dir, good } = checkout();
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    const result = run(['check', join(dir, 'pipe.txt'), good]);
    assert.equal(result.error, undefined, 'it ends');
    assert.equal(result.status, 2);
    assert.match(result.stderr, /pipe\.txt: not a regular file/);
    assert.match(result.stdout, /good\.txt:2:1/);
  });

  it('refuses a 500 MB report with the limit, and checks the other files', () => {
    const { dir, good } = checkout();
    const big = join(dir, 'big.txt');
    writeFileSync(big, '');
    truncateSync(big, 500 * 1024 * 1024);
    const result = run(['check', big, good]);
    assert.equal(result.status, 2);
    assert.equal(result.stderr, `report-review: ${big}: 500 MiB, larger than the limit of 64 MiB\n`);
    assert.match(result.stdout, /good\.txt:2:1/);
  });

  it('takes every argument after -- as a file', () => {
    const { dir } = checkout();
    writeFileSync(join(dir, '-draft.txt'), REPORT);
    assert.equal(run(['check', '-draft.txt'], { cwd: dir }).status, 2, 'an unknown option without --');
    const result = run(['check', '--', '-draft.txt'], { cwd: dir });
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /^-draft\.txt:2:1: warning \[section-numbering\]/);
  });

  it('turns an output error into one line and exit code 2', function () {
    if (!existsSync('/dev/full')) this.skip();
    const { good } = checkout();
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" outline "${good}" > /dev/full`], { encoding: 'utf8', timeout: 20_000 });
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'report-review: cannot write the output (ENOSPC)\n');
  });

  it('does not read a .reportreview.json above the repository root', () => {
    const { dir } = checkout();
    writeFileSync(join(dir, '.reportreview.json'), JSON.stringify({ checks: { 'section-numbering': 'off' } }));
    mkdirSync(join(dir, 'repo', '.git'), { recursive: true });
    writeFileSync(join(dir, 'repo', 'report.txt'), REPORT);
    const result = run(['check', join(dir, 'repo', 'report.txt')]);
    assert.equal(result.status, 1, 'the check above the repository stays on');
    assert.match(result.stdout, /\[section-numbering\]/);
  });

  it('warns about each mistake of the config with its position, and applies the rest', () => {
    const { dir, good } = checkout();
    writeFileSync(join(dir, '.reportreview.json'), '{\n  "checks": { "section-numbring": "off", "text-integrity": "off" },\n  "glossary": [null]\n}\n');
    const result = run(['check', good]);
    assert.equal(result.status, 1, 'no crash, and the misspelt id turns nothing off');
    assert.equal(result.stderr, [
      `report-review: warning: ${join(dir, '.reportreview.json')}:2:15: checks: there is no check with id "section-numbring" (known: ${CHECKS.map((c) => c.id).join(', ')}); ignored`,
      `report-review: warning: ${join(dir, '.reportreview.json')}:3:16: glossary[0]: must be of type object; ignored`,
      '',
    ].join('\n'));
  });
});
