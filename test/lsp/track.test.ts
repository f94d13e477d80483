/** `report-review track` as a user runs it: the built CLI in its own process. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const NATIONAL = join('test', 'corpus', 'national');
const EVIDENCE = join('test', 'fixtures', 'evidence');

function track(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'track', '--lang', 'en', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('report-review track', () => {
  it('prints 2022’s targets against 2023’s review, and fails on the finding only from --fail-on information', () => {
    const out = track(join(NATIONAL, '2022.txt'), join(NATIONAL, '2023.txt'));
    assert.equal(out.status, 0, out.stderr);
    assert.match(out.stdout, /^\[missed\] test\/corpus\/national\/2022\.txt:89 国内生产总值增长5\.5%左右 → test\/corpus\/national\/2023\.txt:28 全年国内生产总值增长3%/m);
    assert.match(out.stdout, /information \[target-missed\]/);
    assert.match(out.stdout, /met 4, missed 1, no result 0, not comparable 7; 1 finding/);
    assert.equal(track('--fail-on', 'information', join(NATIONAL, '2022.txt'), join(NATIONAL, '2023.txt')).status, 1);
  });

  it('gives JSON rows with both places, and CSV with a header', () => {
    const json = JSON.parse(track('--format', 'json', join(NATIONAL, '2021.txt'), join(NATIONAL, '2022.txt')).stdout);
    const gdp = json.rows[0];
    assert.deepEqual([gdp.status, gdp.target.text, gdp.target.range.start.line, gdp.result.figure, gdp.result.range.start.line, gdp.result.uri.endsWith('2022.txt')], ['met', '国内生产总值增长6%以上', 121, '8.1%', 27, true]);
    const csv = track('--format', 'csv', join(NATIONAL, '2021.txt'), join(NATIONAL, '2022.txt')).stdout;
    assert.equal(csv.split('\r\n')[0], '\ufeffstatus,main,year,metric,target,target_line,result,result_line,direction,reason');
  });

  it('compares the review with an evidence table, and says what is wrong with a bad one without losing the table of targets', () => {
    const report = join(EVIDENCE, 'report.txt');
    const good = track('--evidence', join(EVIDENCE, 'statistics.csv'), report, report);
    assert.equal(good.status, 1);
    assert.match(good.stdout, /warning \[evidence-mismatch\] “地区生产总值” for 2021 is 8\.4% here, 8\.1% in the evidence table \(source: 省统计局/);
    const bad = track('--evidence', join(EVIDENCE, 'unclosed-quote.csv'), report, report);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /unclosed-quote\.csv: not valid CSV/);
    assert.match(bad.stdout, /^== /);
  });

  it('reads the evidence tables .reportreview.json names, and its synonyms', () => {
    const dir = mkdtempSync(join(tmpdir(), 'track-'));
    copyFileSync(join(ROOT, EVIDENCE, 'report.txt'), join(dir, 'report.txt'));
    copyFileSync(join(ROOT, EVIDENCE, 'statistics.csv'), join(dir, '统计数据.csv'));
    writeFileSync(join(dir, '.reportreview.json'), JSON.stringify({ evidence: ['统计数据.csv'], metricPolarity: { 空置率: 'sideways' } }));
    const out = track(join(dir, 'report.txt'), join(dir, 'report.txt'));
    assert.equal(out.status, 1);
    assert.match(out.stdout, /\[evidence-mismatch\]/);
    // The shared loader says what is wrong, at its position in the file.
    assert.match(out.stderr, /\.reportreview\.json:1:50 metricPolarity\.空置率: must be one of higher, lower; ignored/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('warns when the two reports are of different governments or years that do not follow, and still prints the table', () => {
    const out = track(join('test', 'corpus', 'hainan-2026.txt'), join('test', 'corpus', 'gansu-2026.txt'));
    assert.equal(out.status, 0);
    assert.match(out.stderr, /plans 2026 but .* reviews 2025: not consecutive years/);
    assert.match(out.stderr, /\(海南省\) and .* \(甘肃省\) are reports of different governments/);
    assert.match(out.stdout, /^== /);
  });

  it('lets check find the previous report beside the file, with the target as related information in JSON', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check', '--lang', 'en', '--format', 'json', join(NATIONAL, '2023.txt')], { cwd: ROOT, encoding: 'utf8' });
    const [row] = JSON.parse(run.stdout);
    const missed = row.diagnostics.filter((d: { code: string }) => d.code === 'target-missed');
    assert.equal(missed.length, 1);
    const first = missed[0].relatedInformation[0];
    assert.deepEqual([first.location.uri.endsWith('/national/2022.txt'), first.location.range.start.line + 1, first.message], [true, 89, "Last year's target: 国内生产总值增长5.5%左右"]);
  });

  it('wants exactly two reports', () => {
    const out = track(join(NATIONAL, '2022.txt'));
    assert.equal(out.status, 2);
    assert.match(out.stderr, /track needs two reports/);
  });
});
