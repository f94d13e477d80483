/**
 * A hostile checkout: files that point outside the workspace, devices and pipes where files should
 * be, sidecars that are symlinks or do not parse, configs with every kind of mistake, and inputs
 * large enough to break code that spreads arrays into calls.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findConfig, readConfig, workspaceDefinitions } from '../../server/src/config/config';
import { readDecisions, recordDecision } from '../../server/src/config/review-file';
import { LIMITS, readRegularFile } from '../../server/src/io/files';
import { decisionRequest } from '../../server/src/lsp/decisions';
import { escapeMarkdown, markdownLink } from '../../server/src/protocol/markdown';
import { parseReport } from '../../server/src/core/report';
import type { Section } from '../../server/src/core/model';
import { TermIndex, findTermUses, type TermDefinition } from '../../server/src/core/terms';
import { figureDescription, figureLabel } from '../../client/src/figure-labels';
import { NodeWorkspace } from '../../server/src/service/node-workspace';
import { ReviewService } from '../../server/src/service/review-service';
import type { Decision } from '../../server/src/checks/decisions';
import { CHECKS } from '../../server/src/checks';

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'report-review-safety-'));
}

const DECISION: Decision = { check: 'figure-conflict', fingerprint: '0123456789abcdef', quote: { text: '1.2万人 ↔ 1.1万人', context: '全区城镇新增就业1.2万人。' }, decision: 'dismissed' };

describe('reading files from a hostile checkout', () => {
  it('refuses paths that leave the root, by .. or by a symlink', () => {
    const root = folder();
    writeFileSync(join(root, 'ok.md'), '- **红管家**：物业服务模式。\n');
    symlinkSync('/etc', join(root, 'etc-link'));
    assert.equal(readRegularFile(join(root, 'ok.md'), 1024, root).ok, true);
    for (const path of [join(root, '../../../../etc/passwd'), '/etc/passwd', join(root, 'etc-link', 'passwd')]) {
      const read = readRegularFile(path, 1 << 20, root);
      assert.equal(read.ok ? 'read' : read.problem, 'outside', path);
    }
  });

  it('refuses a FIFO at once instead of blocking, and /dev/zero instead of reading for ever', () => {
    const root = folder();
    execFileSync('mkfifo', [join(root, 'fifo.md')]);
    const fifo = readRegularFile(join(root, 'fifo.md'), 1 << 20, root);
    assert.equal(fifo.ok ? 'read' : fifo.problem, 'notFile');
    const zero = readRegularFile('/dev/zero', 1 << 20);
    assert.equal(zero.ok ? 'read' : zero.problem, 'notFile');
  });

  it('refuses a file above the limit without reading it', () => {
    const root = folder();
    writeFileSync(join(root, 'big.md'), 'x'.repeat(2048));
    const read = readRegularFile(join(root, 'big.md'), 1024, root);
    assert.equal(read.ok ? 'read' : read.problem, 'tooLarge');
  });
});

describe('.reportreview.json', () => {
  it('reports each mistake at its position and applies the rest', () => {
    const root = folder();
    const text = [
      '{',
      '  "checks": { "section-numbring": "off", "out-of-range": "loud", "glossary-unused": "hint" },',
      '  "builtinGlossary": "no",',
      '  "glossary": [null, { "term": "三个最多", "definition": "最多跑一次……" }]',
      '}',
    ].join('\n');
    writeFileSync(join(root, '.reportreview.json'), text);
    const loaded = readConfig(join(root, '.reportreview.json'));
    const at = (p: (typeof loaded.problems)[number]) => `${p.range.start.line + 1}:${p.range.start.character + 1} ${p.message.en}`;
    assert.deepEqual(loaded.problems.map(at).sort(), [
      `2:15 checks: there is no check with id "section-numbring" (known: ${CHECKS.map((c) => c.id).join(', ')}); ignored`,
      '2:58 checks.out-of-range: must be one of off, error, warning, information, hint; ignored',
      '3:22 builtinGlossary: must be of type boolean; ignored',
      '4:16 glossary[0]: must be of type object; ignored',
    ]);
    assert.deepEqual(loaded.config.checks, { 'glossary-unused': 'hint' });
    assert.equal(loaded.config.builtinGlossary, true, '"no" is not false');
    assert.deepEqual(workspaceDefinitions(loaded).definitions.map((d) => d.term), ['三个最多']);
  });

  it('says where the JSON breaks, and applies none of it', () => {
    const root = folder();
    writeFileSync(join(root, '.reportreview.json'), '{\n  "checks": 5,\n<<<<<<< HEAD\n}');
    const loaded = readConfig(join(root, '.reportreview.json'));
    assert.equal(loaded.problems.length, 1);
    assert.equal(loaded.problems[0].range.start.line, 2);
    assert.match(loaded.problems[0].message.en, /not valid JSON/);
  });

  it('reads no glossary file outside its folder, through a symlink, or that is not a regular file', () => {
    const root = folder();
    symlinkSync('/etc', join(root, 'etc'));
    execFileSync('mkfifo', [join(root, 'fifo.md')]);
    symlinkSync('/dev/zero', join(root, 'zero.md'));
    writeFileSync(join(root, '术语表.md'), '- **红管家**：社区党组织领办的物业服务模式。\n');
    writeFileSync(join(root, '.reportreview.json'), JSON.stringify({ glossaryFiles: ['../../../../etc/passwd', '/etc/passwd', 'etc/passwd', 'fifo.md', 'zero.md', '术语表.md'] }, null, 2));
    const loaded = readConfig(join(root, '.reportreview.json'));
    const { definitions, problems } = workspaceDefinitions(loaded);
    assert.deepEqual(definitions.map((d) => d.term), ['红管家']);
    assert.deepEqual(problems.map((p) => `${p.range.start.line + 1} ${p.message.en.split(':')[0]}`), [
      '3 glossaryFiles[0] "../../../../etc/passwd"',
      '4 glossaryFiles[1] "/etc/passwd"',
      '5 glossaryFiles[2] "etc/passwd"',
      '6 glossaryFiles[3] "fifo.md"',
      '7 glossaryFiles[4] "zero.md"',
    ]);
  });

  it('has a schema that knows every check of the registry, and only those', () => {
    const schema = JSON.parse(readFileSync(join(__dirname, '..', '..', 'schemas', 'reportreview.schema.json'), 'utf8'));
    assert.deepEqual(Object.keys(schema.properties.checks.properties), CHECKS.map((c) => c.id));
  });

  it('is looked for up to the repository root, not above it', () => {
    const root = folder();
    writeFileSync(join(root, '.reportreview.json'), JSON.stringify({ checks: { 'figure-conflict': 'off' } }));
    mkdirSync(join(root, 'checkout', '.git'), { recursive: true });
    mkdirSync(join(root, 'checkout', 'reports'));
    assert.equal(findConfig(join(root, 'checkout', 'reports')).path, undefined);
    assert.equal(findConfig(root).path, join(root, '.reportreview.json'));
  });
});

describe('the review sidecar', () => {
  it('is never written through a symlink: the report it points to stays as it is', async () => {
    const root = folder();
    writeFileSync(join(root, 'r.txt'), '一、报告\n');
    writeFileSync(join(root, 's.txt'), '一、另一份报告\n');
    symlinkSync('r.txt', join(root, 's.txt.review.json'));
    await assert.rejects(recordDecision(join(root, 's.txt'), DECISION), /symbolic link/);
    assert.equal(readFileSync(join(root, 'r.txt'), 'utf8'), '一、报告\n');
  });

  it('symlinked to /dev/zero, is refused without reading it', () => {
    const root = folder();
    symlinkSync('/dev/zero', join(root, 'r.txt.review.json'));
    const read = readDecisions(join(root, 'r.txt'));
    assert.deepEqual(read.decisions, []);
    assert.match(read.error?.en ?? '', /symbolic link/);
  });

  it('that does not parse is kept byte for byte, and the decision is refused with a message', async () => {
    const root = folder();
    const conflicted = '{\n<<<<<<< HEAD\n  "version": 1, "decisions": []\n=======\n  "version": 1\n>>>>>>> theirs\n}\n';
    writeFileSync(join(root, 'r.txt.review.json'), conflicted);
    assert.match(readDecisions(join(root, 'r.txt')).error?.en ?? '', /cannot be parsed/);
    await assert.rejects(recordDecision(join(root, 'r.txt'), DECISION), /fix the file first/);
    assert.equal(readFileSync(join(root, 'r.txt.review.json'), 'utf8'), conflicted);
  });

  it('keeps entries it does not understand, and leaves a newer format alone', async () => {
    const root = folder();
    const future = { check: 'figure-conflict', fingerprint: 'aaaaaaaaaaaaaaaa', decision: 'escalated', to: '财政局' };
    writeFileSync(join(root, 'r.txt.review.json'), JSON.stringify({ version: 2, decisions: [future] }));
    await recordDecision(join(root, 'r.txt'), DECISION);
    assert.deepEqual(JSON.parse(readFileSync(join(root, 'r.txt.review.json'), 'utf8')).decisions, [future, DECISION]);
    const newer = JSON.stringify({ version: 3, decisions: [] });
    writeFileSync(join(root, 'r.txt.review.json'), newer);
    assert.match(readDecisions(join(root, 'r.txt')).error?.en ?? '', /version 3 is newer/);
    await assert.rejects(recordDecision(join(root, 'r.txt'), DECISION), /version 3 is newer/);
    assert.equal(readFileSync(join(root, 'r.txt.review.json'), 'utf8'), newer);
  });

  it('is replaced whole, leaving no temporary or lock file behind', async () => {
    const root = folder();
    await recordDecision(join(root, 'r.txt'), DECISION);
    await recordDecision(join(root, 'r.txt'), { ...DECISION, fingerprint: 'fedcba9876543210', decision: 'confirmed' });
    assert.deepEqual(readdirSync(root), ['r.txt.review.json']);
    assert.deepEqual(readDecisions(join(root, 'r.txt')).decisions.map((d) => d.decision), ['dismissed', 'confirmed']);
  });
});

describe('the decision command', () => {
  const root = folder();
  const report = join(root, 'r.txt');
  writeFileSync(report, '一、报告\n');
  const uri = `file://${report}`;
  const context = { trusted: true, isOpen: (u: string) => u === uri, folders: [root] };
  const args = { uri, check: 'figure-conflict', fingerprint: '0123456789abcdef', quote: { text: 'q', context: 'q。' }, decision: 'dismissed' };
  const refusal = (raw: unknown, c = context) => {
    const r = decisionRequest(raw, c);
    return r.ok ? 'accepted' : r.reason.en;
  };

  it('accepts an open report of the workspace with a known check and decision', () => {
    assert.equal(refusal(args), 'accepted');
  });

  it('refuses anything else', () => {
    assert.match(refusal({ ...args, uri: 'file:///etc/passwd' }), /open report/);
    assert.match(refusal(args, { ...context, folders: [folder()] }), /not inside a workspace folder/);
    assert.match(refusal({ ...args, check: 'section-numbring' }), /unknown check/);
    assert.match(refusal({ ...args, decision: 'deleted' }), /confirmed or dismissed/);
    assert.match(refusal({ ...args, decision: 'ignored' }), /confirmed or dismissed/, 'the commands speak version 2 only');
    assert.match(refusal({ ...args, fingerprint: '../x' }), /fingerprint/);
    assert.match(refusal(args, { ...context, trusted: false }), /Restricted Mode/);
    assert.match(refusal(undefined), /no report/);
  });
});

/** A service over the folder on disk, with the product's limits unless others are given. */
function serviceOver(root: string, limits: typeof LIMITS | { scanFile: number; scanFiles: number; scanTotal: number } = LIMITS): ReviewService {
  return new ReviewService(new NodeWorkspace([root]), { builtin: () => [], limits });
}

describe('the workspace scan', () => {
  const REPORT = '中山区2021年政府工作报告\n一、2020年工作回顾\n（一）稳增长\n全区城镇新增就业1.2万人。\n（二）促改革\n深化改革。\n';

  it('skips a report above the per-file limit, and says so', async () => {
    const root = folder();
    writeFileSync(join(root, 'small.txt'), REPORT);
    writeFileSync(join(root, 'huge.txt'), REPORT + '全区城镇新增就业1.2万人。'.repeat(Math.ceil(LIMITS.scanFile / 30)));
    const workspace = serviceOver(root);
    await workspace.scan();
    assert.deepEqual([...workspace.workspaceReports.keys()].map((u) => u.slice(u.lastIndexOf('/') + 1)), ['small.txt']);
    assert.deepEqual(workspace.scanNotes, ['1 file(s) larger than 2 MiB were not read']);
  });

  it('stops when its byte budget is spent, and says so', async () => {
    const root = folder();
    for (const name of ['a', 'b', 'c', 'd']) writeFileSync(join(root, `${name}.txt`), REPORT);
    const bytes = Buffer.byteLength(REPORT);
    const workspace = serviceOver(root, { scanFile: LIMITS.scanFile, scanFiles: LIMITS.scanFiles, scanTotal: bytes * 2.5 });
    await workspace.scan();
    assert.equal(workspace.workspaceReports.size, 2);
    assert.match(workspace.scanNotes.join('\n'), /budget of the workspace scan is spent/);
  });

  it(`reads at most ${LIMITS.scanFiles} files, and says that it stopped`, async () => {
    const root = folder();
    for (let i = 0; i <= LIMITS.scanFiles; i++) writeFileSync(join(root, `r${i}.txt`), '不是报告。');
    const workspace = serviceOver(root);
    await workspace.scan();
    assert.deepEqual(workspace.scanNotes, [`more than ${LIMITS.scanFiles} candidate files; the others were not read`]);
  });

  it('takes the text of a file its host has read (the CLI\'s FILE) instead of reading it again', () => {
    const root = folder();
    const path = join(root, 'gbk.txt');
    // 中山 in GB18030: read again as UTF-8, it would be two replacement characters and more.
    writeFileSync(path, Buffer.from([0xd6, 0xd0, 0xc9, 0xbd]));
    const workspace = new NodeWorkspace([root]);
    const uri = pathToFileURL(path).href;
    const fromDisk = workspace.readFile(uri, 1024);
    assert.notEqual(fromDisk.ok && fromDisk.text, '中山');
    workspace.remember(uri, '中山', 4);
    assert.deepEqual(workspace.readFile(uri, 1024), { ok: true, text: '中山', bytes: 4 });
    // Over the scan's limit it is not taken: the disk read says why in its own words.
    const over = workspace.readFile(uri, 3);
    assert.equal(over.ok ? 'read' : over.problem, 'tooLarge');
  });

  it('ignores a folder URI that has no local path', () => {
    assert.deepEqual(NodeWorkspace.fromUris(['file://server/share/reports', 'untitled:x']).folders, []);
  });

  it('does not follow a symlink out of the folder', async () => {
    const root = folder();
    const outside = folder();
    writeFileSync(join(outside, 'secret.txt'), REPORT);
    symlinkSync(join(outside, 'secret.txt'), join(root, 'link.txt'));
    const workspace = serviceOver(root);
    await workspace.scan();
    assert.equal(workspace.workspaceReports.size, 0);
  });
});

describe('inputs large enough to break spreads into calls', () => {
  it('outlines 130,000 headings', () => {
    const text = Array.from({ length: 130_000 }, (_, i) => `（${i % 2 ? '二' : '一'}）标题。`).join('\n');
    // Every heading is in the outline, wherever the numbering puts it.
    let count = 0;
    const visit = (s: Section): void => { count++; for (const c of s.children) visit(c); };
    for (const s of parseReport(text).sections) visit(s);
    assert.equal(count, 130_000);
  });

  it('reads a glossary file of 130,000 entries whole', () => {
    const root = folder();
    writeFileSync(join(root, 'terms.csv'), Array.from({ length: 130_000 }, (_, i) => `术语${i}号,定义${i}`).join('\n'));
    writeFileSync(join(root, '.reportreview.json'), JSON.stringify({ glossaryFiles: ['terms.csv'] }));
    const { definitions, problems } = workspaceDefinitions(readConfig(join(root, '.reportreview.json')));
    assert.deepEqual([definitions.length, problems.length], [130_000, 0]);
  });

  it('indexes a glossary of 130,000 terms and finds 150,000 uses of one', () => {
    const definitions: TermDefinition[] = Array.from({ length: 130_000 }, (_, i) => ({ term: `术语${i}号`, aliases: [], definition: '……', source: 'workspace' }));
    const terms = new TermIndex(definitions);
    assert.equal(findTermUses('术语5号，'.repeat(150_000), terms).length, 150_000);
  });
});

describe('escaping', () => {
  it('builds links whose target cannot break out or run a command', () => {
    const uri = 'file:///r/a)[x](command:rm).txt';
    assert.equal(markdownLink('第3行', `${uri}#L3`), '[第3行](file:///r/a%29%5Bx%5D%28command:rm%29.txt#L3)');
    assert.equal(markdownLink('第3行', 'command:workbench.action.quit'), escapeMarkdown('第3行'));
  });

  it('shows report text in the figures view exactly as written', () => {
    const row = { text: '5亿元', value: 5e8, max: null, unit: '元', metric: '$(alert)收入', period: '2025' };
    assert.equal(figureLabel(row), '$(alert)收入  5亿元');
    assert.equal(figureDescription(row, 'result'), '500,000,000 元 · 2025 · result');
  });

});

describe('Security and limits in the README', () => {
  it('states the limits the code applies', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    for (const [name, bytes] of Object.entries(LIMITS)) {
      if (name === 'scanFiles') assert.ok(readme.includes(`${bytes} files`), name);
      else assert.ok(readme.includes(`${bytes / 1024 / 1024} MiB`), `${name}: ${bytes / 1024 / 1024} MiB`);
    }
    assert.ok(existsSync(join(__dirname, '..', '..', 'schemas', 'reportreview.schema.json')));
  });
});
