import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { detectReport } from '../../server/src/core/detect';
import { CORPUS } from './helpers';

describe('detecting reports by content', () => {
  for (const file of readdirSync(CORPUS).filter((f) => f.endsWith('.txt'))) {
    it(`recognizes ${file} as a report`, () => {
      assert.ok(detectReport(readFileSync(join(CORPUS, file), 'utf8')).isReport);
    });
  }

  it('leaves a README, a log and Chinese prose alone', () => {
    const readme = readFileSync(join(CORPUS, 'README.md'), 'utf8');
    const log = '2026-01-01 12:00:00 INFO server started\n2026-01-01 12:00:01 WARN slow request\n'.repeat(50);
    const prose = '春天来了，小河里的冰化开了。燕子从南方飞回来，在屋檐下筑巢。孩子们在田野里放风筝，笑声传得很远。'.repeat(20);
    for (const text of [readme, log, prose, '']) assert.equal(detectReport(text).isReport, false);
  });
});
