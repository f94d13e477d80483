/**
 * Targets and results in the review service: an open report is checked against the report of the
 * folder that set the targets it reviews, and an edit to that report (open in the editor, so with
 * no new workspace generation) checks it again.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryWorkspace } from '../../server/src/service/memory-workspace';
import { ReviewService } from '../../server/src/service/review-service';

const LIMITS = { scanFile: 2 * 1024 * 1024, scanTotal: 32 * 1024 * 1024, scanFiles: 400 };
const NATIONAL = join(__dirname, '..', 'corpus', 'national');
const Y2022 = readFileSync(join(NATIONAL, '2022.txt'), 'utf8');
const Y2023 = readFileSync(join(NATIONAL, '2023.txt'), 'utf8');
const TARGET = '国内生产总值增长5.5%左右';

function ids(service: ReviewService, name: string, text: string, version = 1): string[] {
  return service.document(`file:///ws/${name}`, version, text).findings.open.map((f) => f.checkId).filter((id) => id === 'target-missed');
}

describe('targets and results in the review service', () => {
  it('checks 2023 against the 2022 report of the folder: growth of 5.5 % 左右 missed at 3 %', async () => {
    const service = new ReviewService(new MemoryWorkspace({ '2022.txt': Y2022, '2023.txt': Y2023 }), { builtin: () => [], limits: LIMITS });
    await service.load();
    assert.deepEqual(ids(service, '2023.txt', Y2023), ['target-missed']);
    const answer = service.targets('file:///ws/2023.txt', 'en');
    assert.deepEqual([answer.role, answer.partner, answer.year], ['next', { uri: 'file:///ws/2022.txt', how: 'identity' }, 2022]);
  });

  it('checks 2023 again when the open 2022 report changes its target, without a new generation', async () => {
    const service = new ReviewService(new MemoryWorkspace({ '2022.txt': Y2022, '2023.txt': Y2023 }), { builtin: () => [], limits: LIMITS });
    await service.load();
    service.document('file:///ws/2022.txt', 1, Y2022);
    assert.deepEqual(ids(service, '2023.txt', Y2023), ['target-missed']);
    const generation = service.generation;
    // The drafter lowers the target to 3%左右, which the review's 3% meets.
    assert.ok(Y2022.includes(TARGET));
    service.document('file:///ws/2022.txt', 2, Y2022.replace(TARGET, '国内生产总值增长3%左右'));
    assert.equal(service.generation, generation);
    assert.deepEqual(ids(service, '2023.txt', Y2023), []);
  });

  it('leaves a report without its previous year as it was, and says why in the targets answer', async () => {
    const service = new ReviewService(new MemoryWorkspace({ '2023.txt': Y2023 }), { builtin: () => [], limits: LIMITS });
    await service.load();
    assert.deepEqual(ids(service, '2023.txt', Y2023), []);
    const answer = service.targets('file:///ws/2023.txt', 'en');
    assert.deepEqual([answer.partner, answer.rows.length], [null, 0]);
    assert.match(answer.message ?? '', /^The workspace has no report of 全国 that set the targets for 2022\./);
  });
});

describe('a report open under another spelling of its URI', () => {
  it('still pairs: the open document and the scanned file are one report', async () => {
    const service = new ReviewService(new MemoryWorkspace({ '2022.txt': Y2022, '2023.txt': Y2023 }), { builtin: () => [], limits: LIMITS });
    await service.load();
    // An editor that percent-encodes the digits of the name: the same file as file:///ws/2022.txt.
    service.document('file:///ws/%32022.txt', 1, Y2022);
    assert.deepEqual(ids(service, '2023.txt', Y2023), ['target-missed']);
  });
});

describe('a previous year’s report saved on disk', () => {
  it('checks the open report of the next year again, though no glossary changed', async () => {
    const workspace = new MemoryWorkspace({ '2022.txt': Y2022, '2023.txt': Y2023 });
    const service = new ReviewService(workspace, { builtin: () => [], limits: LIMITS });
    await service.load();
    assert.deepEqual(ids(service, '2023.txt', Y2023), ['target-missed']);
    const generation = service.generation;
    workspace.write('2022.txt', Y2022.replace(TARGET, '国内生产总值增长3%左右'));
    assert.ok(service.generation > generation, 'the open 2023 report is checked again');
    assert.deepEqual(ids(service, '2023.txt', Y2023), []);
  });
});
