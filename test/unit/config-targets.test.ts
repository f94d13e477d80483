/**
 * The keys of `.reportreview.json` that pair reports and compare figures: `pairs`, `evidence`,
 * `metricSynonyms`, `metricPolarity`, read by the one config loader with positions for problems,
 * and evidence tables read with the same containment as glossary files.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evidenceTables, readConfig, resolvedPairs, targetVocabulary } from '../../server/src/config/config';
import { pathToFileURL } from 'node:url';
import { pairRequest, withPair } from '../../server/src/lsp/pairing';
import { FIXTURES } from './helpers';

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'report-review-config-targets-'));
}

function configIn(root: string, value: unknown): ReturnType<typeof readConfig> {
  writeFileSync(join(root, '.reportreview.json'), JSON.stringify(value, null, 2));
  return readConfig(join(root, '.reportreview.json'));
}

describe('.reportreview.json: pairs, evidence tables and the target vocabulary', () => {
  it('reads pairs relative to its folder, and says where an entry is ill-formed', () => {
    const root = folder();
    const loaded = configIn(root, { pairs: [['2022.txt', 'sub/2023.txt'], ['only-one.txt'], 'x.txt'] });
    assert.deepEqual(resolvedPairs(loaded), [[join(root, '2022.txt'), join(root, 'sub', '2023.txt')]]);
    // Line 1 is `{`, 2 is `"pairs": [`; the bad entries are on the lines where they start.
    assert.deepEqual(loaded.problems.map((p) => `${p.range.start.line + 1} ${p.message.en}`), [
      '7 pairs[1]: must have at least 2 items; ignored',
      '10 pairs[2]: must be of type array; ignored',
    ]);
  });

  it('extends the synonyms and the polarity, and ignores a polarity other than higher or lower with a problem', () => {
    const loaded = configIn(folder(), { metricSynonyms: [['居民消费价格涨幅', '物价总水平上涨']], metricPolarity: { 空置率: 'lower', 森林蓄积量: 'higher', 库存: 'sideways' } });
    const vocabulary = targetVocabulary(loaded.config);
    assert.deepEqual(vocabulary.synonyms[0], ['居民消费价格涨幅', '物价总水平上涨']);
    assert.ok(vocabulary.lower.includes('空置率'));
    assert.ok(vocabulary.higher.includes('森林蓄积量'));
    assert.ok(!vocabulary.lower.includes('库存') && !vocabulary.higher.includes('库存'));
    assert.deepEqual(loaded.problems.map((p) => p.message.en), ['metricPolarity.库存: must be one of higher, lower; ignored']);
  });

  it('reads the evidence tables it names, with links to each row', () => {
    const root = folder();
    copyFileSync(join(FIXTURES, 'evidence', 'statistics.csv'), join(root, '统计数据.csv'));
    const { tables, problems } = evidenceTables(configIn(root, { evidence: ['统计数据.csv'] }));
    assert.deepEqual(problems, []);
    assert.equal(tables.length, 1);
    assert.match(tables[0].uri, /^file:\/\/.*%E7%BB%9F%E8%AE%A1%E6%95%B0%E6%8D%AE\.csv$/);
    assert.deepEqual(tables[0].rows.map((r) => `${r.file}:${r.line} ${r.metric} ${r.period}`).slice(0, 2), ['统计数据.csv:2 地区生产总值 2021', '统计数据.csv:3 一般公共预算收入 2021']);
  });

  it('reads no evidence table outside its folder, through a symlink, or that is not a regular file, and names a bad CSV', () => {
    const root = folder();
    mkdirSync(join(root, 'workspace'));
    const workspace = join(root, 'workspace');
    writeFileSync(join(root, 'x.csv'), 'metric,period,value,unit\n地区生产总值增长率,2021,8.1,%\n');
    symlinkSync(join(root, 'x.csv'), join(workspace, 'out.csv'));
    execFileSync('mkfifo', [join(workspace, 'fifo.csv')]);
    copyFileSync(join(FIXTURES, 'evidence', 'unclosed-quote.csv'), join(workspace, 'unclosed.csv'));
    const loaded = configIn(workspace, { evidence: ['../x.csv', 'out.csv', 'fifo.csv', 'unclosed.csv', 'missing.csv'] });
    const { tables, problems } = evidenceTables(loaded);
    assert.deepEqual(tables, []);
    assert.deepEqual(problems.map((p) => `${p.range.start.line + 1} ${p.message.en.replace(/\(.*$/, '')}`), [
      '3 evidence[0]: "../x.csv": outside the workspace folder ',
      '4 evidence[1]: "out.csv": outside the workspace folder ',
      '5 evidence[2]: "fifo.csv": not a regular file ',
      '6 evidence[3]: unclosed.csv: not valid CSV ',
      '7 evidence[4]: "missing.csv": no such file',
    ]);
  });
});

describe('pairing two reports by hand', () => {
  it('takes two different files inside one workspace folder, relative to it, and refuses anything else', () => {
    const root = folder();
    mkdirSync(join(root, 'ws', 'sub'), { recursive: true });
    const ws = join(root, 'ws');
    for (const f of ['ws/2022.txt', 'ws/sub/2023.txt', 'outside.txt']) writeFileSync(join(root, f), '');
    const uri = (f: string) => pathToFileURL(join(root, f)).href;
    const context = { trusted: true, folders: [ws] };
    const ok = pairRequest({ previous: uri('ws/2022.txt'), next: uri('ws/sub/2023.txt') }, context);
    assert.deepEqual(ok, { ok: true, configPath: join(ws, '.reportreview.json'), pair: ['2022.txt', 'sub/2023.txt'] });
    const refused = (raw: unknown, c = context) => {
      const r = pairRequest(raw, c);
      return r.ok ? 'accepted' : r.reason.en;
    };
    assert.equal(refused({ previous: uri('outside.txt'), next: uri('ws/2022.txt') }), 'both reports must be inside one workspace folder.');
    assert.equal(refused({ previous: uri('ws/2022.txt'), next: uri('ws/2022.txt') }), 'a report cannot be paired with itself.');
    assert.equal(refused({ previous: 'command:rm', next: uri('ws/2022.txt') }), 'both reports must be files saved on disk.');
    assert.equal(refused({ previous: uri('ws/2022.txt'), next: uri('ws/sub/2023.txt') }, { trusted: false, folders: [ws] }), '.reportreview.json is not written in Restricted Mode (trust the workspace first).');
  });

  it('replaces the pair of the same next report and keeps every other setting', () => {
    const config = { checks: { 'figure-conflict': 'off' }, pairs: [['2021.txt', '2023.txt'], ['2020.txt', '2021.txt']] };
    assert.deepEqual(withPair(config, ['2022.txt', '2023.txt']), { checks: { 'figure-conflict': 'off' }, pairs: [['2020.txt', '2021.txt'], ['2022.txt', '2023.txt']] });
  });
});
