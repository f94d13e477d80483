/**
 * The review service over a workspace held in memory: the terms around a report come from its own
 * glossary, the workspace's, the folder's other reports and the built-in glossary; settings from
 * `.reportreview.json` win over the editor's; a change in the folder makes a new generation; and
 * nothing is computed before it is asked for.
 */
import * as assert from 'node:assert/strict';
import { MemoryWorkspace } from '../../server/src/service/memory-workspace';
import { ReviewService, type ReviewServiceOptions } from '../../server/src/service/review-service';
import type { TermDefinition } from '../../server/src/core/terms';
import { parseReport } from '../../server/src/core/report';
import { fingerprint, serializeDecisions } from '../../server/src/checks/decisions';

const LIMITS = { scanFile: 2 * 1024 * 1024, scanTotal: 32 * 1024 * 1024, scanFiles: 400 };

/** a.txt explains 店小二 in its 名词解释. */
const A = [
  '某市2024年政府工作报告',
  '一、2023年工作回顾',
  '全面推行“店小二”式服务。',
  '名词解释',
  '1.店小二：指政府部门像店小二一样主动服务企业。',
  '',
].join('\n');

/** b.txt quotes “店小二” twice and explains nothing. */
const B = [
  '某市2025年政府工作报告',
  '一、2024年工作回顾',
  '深化“店小二”服务，当好“店小二”。',
  '',
].join('\n');

function serviceOver(workspace: MemoryWorkspace, options: Partial<ReviewServiceOptions> = {}): ReviewService {
  return new ReviewService(workspace, { builtin: () => [], limits: LIMITS, ...options });
}

function checkIds(service: ReviewService, name: string, text: string, version = 1): string[] {
  return service.document(`file:///ws/${name}`, version, text).findings.open.map((f) => f.checkId);
}

describe('the review service', () => {
  it('knows a term another report of the folder explains: b.txt’s “店小二” is defined in a.txt', async () => {
    const service = serviceOver(new MemoryWorkspace({ 'a.txt': A, 'b.txt': B }));
    await service.load();
    assert.deepEqual(checkIds(service, 'b.txt', B), []);
  });

  it('flags “店小二” in b.txt when no report of the folder explains it', async () => {
    const service = serviceOver(new MemoryWorkspace({ 'b.txt': B }));
    await service.load();
    assert.deepEqual(checkIds(service, 'b.txt', B), ['term-undefined']);
  });

  it('follows the folder: a.txt deleted, then written again', async () => {
    const workspace = new MemoryWorkspace({ 'a.txt': A, 'b.txt': B });
    const service = serviceOver(workspace);
    await service.load();
    const before = service.generation;
    workspace.delete('a.txt');
    assert.ok(service.generation > before);
    assert.deepEqual(checkIds(service, 'b.txt', B), ['term-undefined']);
    workspace.write('a.txt', A);
    assert.deepEqual(checkIds(service, 'b.txt', B), []);
  });

  it('reads a glossary file that .reportreview.json names, and a new one without a restart', async () => {
    const workspace = new MemoryWorkspace({
      '.reportreview.json': '{ "glossaryFiles": ["术语.md"] }',
      'b.txt': B,
    });
    const service = serviceOver(workspace);
    await service.load();
    assert.deepEqual(checkIds(service, 'b.txt', B), ['term-undefined']);
    assert.equal(service.problems.length, 1, 'the missing glossary file is a problem of the config');
    workspace.write('术语.md', '- **店小二**：主动服务企业的工作作风。\n');
    assert.deepEqual(checkIds(service, 'b.txt', B), []);
    assert.deepEqual(service.problems, []);
  });

  it('lets .reportreview.json win over the editor’s settings, and reads it again when it changes', async () => {
    const workspace = new MemoryWorkspace({ 'b.txt': B });
    // The editor says hint → warning; the team's file says off.
    const service = serviceOver(workspace, { settings: { 'term-undefined': 'warning' } });
    await service.load();
    assert.deepEqual(service.document('file:///ws/b.txt', 1, B).findings.open.map((f) => f.severity), ['warning']);
    workspace.write('.reportreview.json', '{ "checks": { "term-undefined": "off" } }');
    assert.deepEqual(checkIds(service, 'b.txt', B), []);
    workspace.write('.reportreview.json', '{ "checks": { "term-undefined": "information", "no-such-check": "off" } }');
    assert.deepEqual(service.document('file:///ws/b.txt', 1, B).findings.open.map((f) => f.severity), ['information']);
    assert.match(service.problems[0].message.en, /no check with id "no-such-check"/);
  });

  it('reads nothing of an untrusted workspace, and all of it once trust is granted', async () => {
    const workspace = new MemoryWorkspace({ 'a.txt': A, 'b.txt': B, '.reportreview.json': '{ "checks": { "term-undefined": "warning" } }' });
    const service = serviceOver(workspace, { trusted: false });
    await service.load();
    assert.equal(workspace.settingsReads, 0);
    assert.deepEqual(service.document('file:///ws/b.txt', 1, B).findings.open.map((f) => f.severity), ['hint']);
    await service.setTrusted(true);
    assert.deepEqual(checkIds(service, 'b.txt', B), []);
  });

  it('outlines without running checks or loading the built-in glossary', () => {
    let builtinLoads = 0;
    const builtin = (): TermDefinition[] => {
      builtinLoads++;
      return [];
    };
    const service = serviceOver(new MemoryWorkspace({}), { builtin });
    const document = service.document('file:///ws/b.txt', 1, B);
    assert.deepEqual(document.report.sections.map((s) => s.name), ['某市2025年政府工作报告', '2024年工作回顾']);
    assert.equal(document.checked, false);
    assert.equal(builtinLoads, 0);
    void document.findings;
    assert.equal(builtinLoads, 1);
  });

  it('runs the checks once per version and generation, however often findings are asked for', () => {
    const service = serviceOver(new MemoryWorkspace({}));
    const first = service.document('file:///ws/b.txt', 1, B);
    const findings = first.findings.open;
    assert.equal(service.document('file:///ws/b.txt', 1, B), first, 'the same version is the same analysis');
    assert.deepEqual(first.findings.open, findings);
    assert.equal(first.checked, true);
    const edited = B.replace('当好“店小二”', '当好服务员');
    const second = service.document('file:///ws/b.txt', 2, edited);
    assert.notEqual(second, first);
    assert.deepEqual(second.findings.open.map((f) => f.checkId), [], 'quoted once now: a figure of speech');
  });

  it('parses a version from the last one parsed with the changes the editor sent between them', () => {
    const service = serviceOver(new MemoryWorkspace({}));
    const uri = 'file:///ws/b.txt';
    service.document(uri, 1, B).report;
    // Two versions typed before the outline is asked for again: 店小二 → 服务员, then a chapter added at the end.
    const two = B.replace('当好“店小二”', '当好“服务员”');
    const three = `${two}二、2025年工作安排\n`;
    const at = B.indexOf('店小二”。');
    service.edited(uri, 1, 2, [{ start: at, end: at + 3, length: 3 }]);
    service.edited(uri, 2, 3, [{ start: two.length, end: two.length, length: '二、2025年工作安排\n'.length }]);
    assert.deepEqual(service.changesBetween(uri, 1, 3), [{ start: at, end: at + 3, length: 3 }, { start: two.length, end: two.length, length: 12 }]);
    assert.deepEqual(service.document(uri, 3, three).report, parseReport(three));
    // The whole text sent again: no changes lead across that version.
    service.edited(uri, 3, 4, undefined);
    service.edited(uri, 4, 5, [{ start: 0, end: 0, length: 1 }]);
    assert.equal(service.changesBetween(uri, 3, 5), undefined);
    assert.deepEqual(service.changesBetween(uri, 4, 5), [{ start: 0, end: 0, length: 1 }]);
    // Opened again without being closed, versions from 1 again: the old history is not used.
    service.edited(uri, 1, 2, [{ start: 5, end: 5, length: 2 }]);
    assert.deepEqual(service.changesBetween(uri, 1, 2), [{ start: 5, end: 5, length: 2 }]);
    assert.equal(service.changesBetween(uri, 4, 5), undefined);
    service.close(uri);
    assert.equal(service.changesBetween(uri, 1, 2), undefined);
  });

  it('reads the text of a document only when something needs it', () => {
    const service = serviceOver(new MemoryWorkspace({}));
    let reads = 0;
    const document = service.document('file:///ws/b.txt', 1, () => {
      reads++;
      return B;
    });
    assert.equal(reads, 0);
    void document.report;
    void document.index;
    void document.findings;
    assert.equal(reads, 1);
  });

  it('leaves out findings a reviewer dismissed in b.txt.review.json', async () => {
    const service = serviceOver(new MemoryWorkspace({ 'b.txt': B }));
    await service.load();
    const document = service.document('file:///ws/b.txt', 1, B);
    const [finding] = document.findings.open;
    const sidecar = serializeDecisions([{ check: finding.checkId, fingerprint: fingerprint(document.report, finding), quote: { text: '店小二', context: '' }, decision: 'dismissed' }]);
    const workspace = new MemoryWorkspace({ 'b.txt': B, 'b.txt.review.json': sidecar });
    const decided = serviceOver(workspace);
    await decided.load();
    const again = decided.document('file:///ws/b.txt', 1, B).findings;
    assert.deepEqual([again.open.length, again.decided.length], [0, 1]);
  });

  it('drops a version replaced while its findings were being computed', async () => {
    const service = serviceOver(new MemoryWorkspace({}));
    const first = service.document('file:///ws/b.txt', 1, B);
    let version = 1;
    const computing = first.findingsUnlessStale(() => version !== 1);
    // The reviewer types on: version 2 arrives before the checks of version 1 have run.
    version = 2;
    assert.equal(await computing, undefined);
    assert.equal(first.checked, false);
    const second = service.document('file:///ws/b.txt', 2, B);
    assert.deepEqual((await second.findingsUnlessStale(() => version !== 2))?.open.map((f) => f.checkId), ['term-undefined']);
  });

  it('scans the folder once for the CLI, whatever number of its files are checked', async () => {
    const workspace = new MemoryWorkspace({ 'a.txt': A, 'b.txt': B });
    const service = serviceOver(workspace);
    for (const [name, text] of [['a.txt', A], ['b.txt', B]]) {
      service.document(`file:///ws/${name}`, 0, text);
      await service.scanOnce();
    }
    assert.equal(workspace.listings, 1);
    assert.equal(service.get('file:///ws/a.txt')!.report, service.workspaceReports.get('file:///ws/a.txt')!.report, 'a.txt is parsed once');
    assert.deepEqual(checkIds(service, 'b.txt', B, 0), []);
  });

  it('scans again when a report of the folder changes during the scan', async () => {
    const workspace = new MemoryWorkspace({ 'b.txt': B, 'c.txt': A.replace('店小二', '店小三') });
    const service = serviceOver(workspace);
    const scanning = service.scan();
    // a.txt, which explains 店小二, arrives while c.txt and b.txt are being read.
    workspace.write('a.txt', A);
    await scanning;
    assert.equal(workspace.listings, 2);
    assert.deepEqual(checkIds(service, 'b.txt', B), []);
  });

  it('checks nothing again when a report is saved with its glossary unchanged, where it was', async () => {
    const workspace = new MemoryWorkspace({ 'a.txt': A, 'b.txt': B, 'README.md': '# 说明\n' });
    const service = serviceOver(workspace);
    await service.load();
    const generation = service.generation;
    workspace.write('a.txt', A.replace('全面推行', '继续推行'));
    workspace.write('README.md', '# 说明\n\n见 a.txt。\n');
    assert.equal(service.generation, generation, 'the body changed, the glossary did not; a README is no report');
    workspace.write('a.txt', A.replace('全面推行', '全面深入推行'));
    assert.ok(service.generation > generation, 'the glossary moved: go to definition must follow');
    workspace.write('a.txt', A.replace('主动服务企业', '上门服务企业'));
    assert.ok(service.generation > generation, 'the definition changed');
  });
});
