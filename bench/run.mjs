// `npm run bench`: medians for the analysis core, the LSP round trip and the CLI as a whole process,
// with AutoCorrect on the same inputs for scale. Writes test-output/bench.json as well.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'test-output', 'bench');
mkdirSync(out, { recursive: true });
const require = createRequire(import.meta.url);


// BENCH_ONLY=core,keystroke,lsp,cli runs only those parts (for profiling one of them).
const only = (part) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(',').includes(part);
if (only('core') || only('keystroke')) {
  await esbuild.build({ entryPoints: [join(root, 'bench/core.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: join(out, 'core.js'), logLevel: 'warning' });
}
const { analyse, glossaryView, hoverAndDefinition, keystrokeOutline } = only('core') || only('keystroke') ? require(join(out, 'core.js')) : {};

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const ms = (x) => (x < 10 ? x.toFixed(2) : x.toFixed(1));

function timeInProcess(text, runs) {
  for (let i = 0; i < Math.min(runs, 5); i++) analyse(text);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    analyse(text);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(times);
}

const corpusDir = join(root, 'test/corpus');
const corpus = readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ name: f, text: readFileSync(join(corpusDir, f), 'utf8') }));
const all = corpus.map((c) => c.text).join('\n');
// Whole reports repeated, then whole lines, up to the size asked for.
const allLines = all.split('\n');
const sized = (bytes) => {
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i = (i + 1) % allLines.length) {
    parts.push(allLines[i]);
    size += Buffer.byteLength(allLines[i]) + 1;
  }
  return parts.join('\n');
};
const big1 = sized(1 << 20);
const big10 = sized(10 << 20);
// Outside the repository: AutoCorrect skips files that .gitignore names, and test-output/ is one.
const inputs = mkdtempSync(join(tmpdir(), 'report-review-bench-'));
// Each in a folder of its own: the CLI reads the other reports of a file's folder for their glossaries.
const alone = (name) => {
  mkdirSync(join(inputs, name));
  return join(inputs, name, `${name}.txt`);
};
const file1 = alone('report-1mb');
const file10 = alone('report-10mb');
writeFileSync(file1, big1);
writeFileSync(file10, big10);

const results = { inProcess: [], growth: [], lsp: {}, cli: [] };
if (only('core')) {
console.log('\nIn-process analysis (parse + checks + term uses with the built-in glossary), median');
for (const c of corpus) {
  const m = timeInProcess(c.text, 200);
  results.inProcess.push({ file: c.name, kb: Buffer.byteLength(c.text) / 1024, ms: m });
  console.log(`  ${c.name.padEnd(28)} ${(Buffer.byteLength(c.text) / 1024).toFixed(0).padStart(5)} KB  ${ms(m).padStart(7)} ms`);
}
for (const [label, text, runs] of [['1 MB', big1, 15], ['10 MB', big10, 5]]) {
  const m = timeInProcess(text, runs);
  results.growth.push({ label, mb: Buffer.byteLength(text) / (1 << 20), ms: m });
  console.log(`  ${label.padEnd(28)} ${(Buffer.byteLength(text) / 1024).toFixed(0).padStart(5)} KB  ${ms(m).padStart(7)} ms`);
}
const perKb = results.inProcess.map((r) => r.ms / r.kb);
console.log(`  cost per KB: corpus median ${(median(perKb) * 1000).toFixed(1)} µs/KB, 1 MB ${(results.growth[0].ms / 1024 * 1000).toFixed(1)} µs/KB, 10 MB ${(results.growth[1].ms / 10240 * 1000).toFixed(1)} µs/KB`);

// One sentence of figures with no 。 (增长1.5%， repeated): the cost must grow with the length, not its square.
{
  const piece = '增长1.5%，';
  results.longSentence = [];
  console.log('\nOne sentence of figures without 。, whole analysis, median of 3');
  for (const mb of [0.25, 0.5, 1]) {
    const text = piece.repeat(Math.round((mb * (1 << 20)) / Buffer.byteLength(piece)));
    const m = timeInProcess(text, 3);
    results.longSentence.push({ mb, ms: m });
    console.log(`  ${`${mb} MB`.padEnd(28)} ${(Buffer.byteLength(text) / 1024).toFixed(0).padStart(5)} KB  ${ms(m).padStart(7)} ms  (${(m / mb).toFixed(0)} ms per MB)`);
  }
}

// Hover and go to definition, per request, on every term use of a 50 KB report, built-in glossary loaded.
{
  const report = corpus.find((c) => c.name === 'gansu-2026.txt') ?? corpus[0];
  const view = glossaryView(report.text);
  const offsets = view.uses.map((u) => u.span.start + 1);
  const times = [];
  for (let round = 0; round < 20; round++) {
    for (const offset of offsets) {
      const t = process.hrtime.bigint();
      hoverAndDefinition(view, offset);
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
  const sorted = [...times].sort((a, b) => a - b);
  results.glossary = { file: report.name, uses: offsets.length, terms: view.terms.size, medianMs: median(times), p99Ms: sorted[Math.floor(sorted.length * 0.99)] };
  console.log(`\nHover + definition on ${report.name} (${offsets.length} term uses, ${view.terms.size} known terms): median ${(median(times) * 1000).toFixed(1)} µs, p99 ${(results.glossary.p99Ms * 1000).toFixed(1)} µs`);
}

}

// The outline after a keystroke in process: parse (incremental or full), line index and symbols.
if (only('keystroke')) {
  results.keystrokeInProcess = [];
  console.log('\nKeystroke → outline in process (parse + line index + symbols), median wall / CPU ms');
  for (const [label, text, into] of [['100 KB', sized(100 << 10), 1], ['1 MB', big1, 1], ['1 MB, mid-line', big1, 60], ['10 MB', big10, 1]]) {
    const incremental = keystrokeOutline(text, label === '10 MB' ? 10 : 30, true, into);
    const full = keystrokeOutline(text, label === '10 MB' ? 10 : 30, false, into);
    const row = { label, incrementalMs: median(incremental.wall), incrementalCpuMs: median(incremental.cpu), fullParseMs: median(full.wall), fullParseCpuMs: median(full.cpu) };
    results.keystrokeInProcess.push(row);
    console.log(`  ${label.padEnd(14)} ReportParser ${ms(row.incrementalMs).padStart(7)} / ${ms(row.incrementalCpuMs).padStart(7)} ms   parseReport ${ms(row.fullParseMs).padStart(7)} / ${ms(row.fullParseCpuMs).padStart(7)} ms`);
  }
}

// LSP as a client sees it: (a) one character inserted mid-document, then documentSymbol;
// (b) the first diagnostics of a 1 MB report after didOpen.
const lsp = require('vscode-languageserver-protocol/node');
async function startServer(extraArgs = []) {
  // BENCH_SERVER=path runs another build of the server (an unminified one, for a readable profile).
  const child = spawn(process.execPath, [...extraArgs, process.env.BENCH_SERVER ?? join(root, 'dist/server.js'), '--stdio'], { stdio: 'pipe' });
  const conn = lsp.createProtocolConnection(new lsp.StreamMessageReader(child.stdout), new lsp.StreamMessageWriter(child.stdin));
  const published = new Map();
  conn.onNotification('textDocument/publishDiagnostics', (p) => { published.get(p.uri)?.(p); });
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => null));
  conn.onRequest('client/registerCapability', () => null);
  conn.onNotification('window/logMessage', () => {});
  conn.onNotification('window/showMessage', () => {});
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  await conn.sendNotification('initialized', {});
  const stop = async () => {
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
    conn.dispose();
    await new Promise((resolve) => child.once('exit', resolve));
  };
  return { conn, published, stop };
}
const midLine = (text) => text.slice(0, text.length >> 1).split('\n').length - 1;
const serverProfile = process.env.BENCH_PROFILE_SERVER ? [`--cpu-prof`, `--cpu-prof-dir=${join(out, 'profiles')}`] : [];
results.lsp = { keystroke: [], firstDiagnostics: {} };
if (only('lsp')) {
console.log(`\nLSP, as a client sees it (load average ${loadavg().map((x) => x.toFixed(1)).join(' ')})`);
// The floor: the same round trip on a one-line report is what the pipe and the scheduler cost.
// `1 MB, mid-line`: the same, 60 characters into the line (inside a paragraph, past what the parse
// reads of a line's start), where letters typed move the old structure instead of parsing.
for (const [label, text, into] of [['1 line', '一、总体要求\n', 0], ['100 KB', sized(100 << 10), 1], ['1 MB', big1, 1], ['1 MB, mid-line', big1, 60]]) {
  const { conn, stop } = await startServer(serverProfile);
  const uri = `file:///bench/report-${label.replace(/[ ,]/g, '').toLowerCase()}.txt`;
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'report', version: 1, text } });
  await conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  const line = midLine(text);
  const character = into;
  // A typing session of 500 characters in a fresh server: the first 100 run cold code (the JIT has
  // not yet compiled the edit path), the median of all 500 is what a reviewer typing a paragraph feels.
  const times = [];
  for (let v = 2; v < 502; v++) {
    const t = process.hrtime.bigint();
    await conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: v },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: '改' }],
    });
    await conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  await stop();
  const p90 = [...times].sort((a, b) => a - b)[Math.floor(times.length * 0.9)];
  results.lsp.keystroke.push({ label, medianMs: median(times), first100MedianMs: median(times.slice(0, 100)), p90Ms: p90 });
  console.log(`  (a) keystroke → outline, ${label.padEnd(14)} median of ${times.length}: ${ms(median(times)).padStart(7)} ms (first 100: ${ms(median(times.slice(0, 100)))} ms, p90 ${ms(p90)} ms)`);
}
{
  // Typing at a human pace: pauses longer than the diagnostics' debounce let the checks start, and
  // a keystroke that arrives while they run waits for the step in progress. 80 keystrokes, 1 MB.
  const { conn, stop } = await startServer(serverProfile);
  const uri = 'file:///bench/report-1mb-paced.txt';
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'report', version: 1, text: big1 } });
  await conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const line = midLine(big1);
  const gaps = [120, 250, 320, 400, 280, 210, 350, 230];
  const times = [];
  for (let v = 2; v < 82; v++) {
    await new Promise((resolve) => setTimeout(resolve, gaps[v % gaps.length]));
    const t = process.hrtime.bigint();
    await conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: v },
      contentChanges: [{ range: { start: { line, character: 1 }, end: { line, character: 1 } }, text: '改' }],
    });
    await conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  await stop();
  const sorted = [...times].sort((a, b) => a - b);
  const p90 = sorted[Math.floor(times.length * 0.9)];
  results.lsp.pacedKeystroke = { label: '1 MB', medianMs: median(times), p90Ms: p90, maxMs: sorted[sorted.length - 1] };
  console.log(`  (a') keystroke → outline, 1 MB, typing with pauses of 120–400 ms while checks run: median ${ms(median(times))} ms, p90 ${ms(p90)} ms, max ${ms(sorted[sorted.length - 1])} ms`);
}
{
  // A long report's first publish holds the structural checks' findings; the complete set follows
  // (the last publish, once none has come for a second).
  const times = [];
  const complete = [];
  let counts = '';
  for (let run = 0; run < 5; run++) {
    const { conn, published, stop } = await startServer();
    const uri = 'file:///bench/report-1mb.txt';
    const arrivals = [];
    let quiet;
    const settled = new Promise((resolve) => {
      published.set(uri, (p) => {
        arrivals.push({ ms: Number(process.hrtime.bigint() - t) / 1e6, count: p.diagnostics.length });
        clearTimeout(quiet);
        quiet = setTimeout(resolve, 1000);
      });
    });
    const t = process.hrtime.bigint();
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'report', version: 1, text: big1 } });
    await settled;
    times.push(arrivals[0].ms);
    complete.push(arrivals[arrivals.length - 1].ms);
    counts = arrivals.map((a) => a.count).join(' then ');
    await stop();
  }
  results.lsp.firstDiagnostics = { label: '1 MB', medianMs: median(times), completeMedianMs: median(complete), diagnostics: counts };
  console.log(`  (b) didOpen → first diagnostics, 1 MB, median of ${times.length}: ${ms(median(times)).padStart(7)} ms; complete set ${ms(median(complete)).padStart(7)} ms (diagnostics: ${counts})`);
}
{
  // The outline asked for while the first checks of a report just opened run (an editor asks for it
  // a moment after the open): the checks pause for it, they do not make it wait.
  results.lsp.outlineWhileChecking = [];
  for (const [label, text, runs] of [['1 MB', big1, 5], ['10 MB', big10, 3]]) {
    const times = [];
    for (let run = 0; run < runs; run++) {
      const { conn, stop } = await startServer();
      const uri = `file:///bench/report-open-${label.replace(' ', '').toLowerCase()}.txt`;
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'report', version: 1, text } });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const t = process.hrtime.bigint();
      await conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
      await stop();
    }
    results.lsp.outlineWhileChecking.push({ label, medianMs: median(times) });
    console.log(`  (b') outline asked 100 ms after didOpen, while the first checks run, ${label.padEnd(6)} median of ${runs}: ${ms(median(times)).padStart(7)} ms`);
  }
}
}

// (c) Whole processes: report-review check vs AutoCorrect on the same files, with peak RSS from /usr/bin/time.
const timeBin = '/usr/bin/time';
const haveTime = spawnSync(timeBin, ['-f', '%M', 'true'], { stdio: 'ignore' }).status === 0;
/** One run: wall time, and with /usr/bin/time the child's CPU time (user + system) and peak RSS. */
function runOnce(cmd, args) {
  const stats = join(inputs, 'stats.txt');
  const t = process.hrtime.bigint();
  // Output is collected through a pipe, as a CI job or an editor would read it.
  const r = haveTime
    ? spawnSync(timeBin, ['-o', stats, '-f', '%M %U %S', cmd, ...args], { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 })
    : spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  if (r.error) throw r.error;
  const wall = Number(process.hrtime.bigint() - t) / 1e6;
  if (!haveTime) return { wall };
  const [rssKb, user, system] = readFileSync(stats, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  return { wall, cpu: (user + system) * 1000, rssMb: rssKb / 1024 };
}
/** Both commands in turn, run after run, so that the load of a shared machine falls on both alike. */
function timeSideBySide(commands, runs) {
  const samples = commands.map(() => []);
  for (let i = 0; i < runs; i++) commands.forEach(([cmd, args], k) => samples[k].push(runOnce(cmd, args)));
  return samples.map((xs) => ({
    ms: median(xs.map((x) => x.wall)),
    cpuMs: haveTime ? median(xs.map((x) => x.cpu)) : undefined,
    rssMb: haveTime ? Math.max(...xs.map((x) => x.rssMb)) : undefined,
  }));
}
const autocorrect = join(root, 'node_modules/.bin/autocorrect');
const file74 = alone('report-74kb');
writeFileSync(file74, (corpus.find((c) => c.name === 'hainan-2026.txt') ?? corpus[0]).text);
if (only('cli')) {
  console.log(`\n(c) Whole process, median of 5 taken in turn: report-review check vs autocorrect --lint (${haveTime ? 'CPU time and peak RSS from /usr/bin/time' : 'no /usr/bin/time: wall time only'}; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')})`);
  // The floor of any Node CLI here, and the code cache's share: the same bundle copied without its cache.
  const noCache = join(inputs, 'no-code-cache');
  mkdirSync(noCache);
  // A tree from before the launchers (for a before/after comparison) has no bundle to copy.
  const launched = existsSync(join(root, 'dist', 'cli.bundle.js'));
  if (launched) for (const f of ['cli.js', 'cli.bundle.js']) writeFileSync(join(noCache, f), readFileSync(join(root, 'dist', f)));
  if (launched) {
    const [nodeAlone, help] = timeSideBySide([[process.execPath, ['-e', '0']], [process.execPath, [join(root, 'dist/cli.js'), '--help']]], 9);
    const [cached, uncached] = timeSideBySide([[process.execPath, [join(root, 'dist/cli.js'), 'check', '--format', 'json', file74]], [process.execPath, [join(noCache, 'cli.js'), 'check', '--format', 'json', file74]]], 9);
    results.cliFloor = { nodeMs: nodeAlone.ms, helpMs: help.ms, check74WithCacheMs: cached.ms, check74WithoutCacheMs: uncached.ms };
    console.log(`  floor: node -e 0 ${ms(nodeAlone.ms)} ms, report-review --help ${ms(help.ms)} ms; check 74 KB with code cache ${ms(cached.ms)} ms, without ${ms(uncached.ms)} ms`);
  }
  const cliSizes = (process.env.BENCH_CLI_SIZES ?? '74 KB,1 MB,10 MB').split(',');
  for (const [label, file] of [['74 KB', file74], ['1 MB', file1], ['10 MB', file10]].filter(([label]) => cliSizes.includes(label))) {
    const [ours, theirs] = timeSideBySide([[process.execPath, [join(root, 'dist/cli.js'), 'check', '--format', 'json', file]], [autocorrect, ['--lint', '--format', 'json', file]]], 5);
    results.cli.push({ label, reportReviewMs: ours.ms, autocorrectMs: theirs.ms, ratio: ours.ms / theirs.ms, reportReviewCpuMs: ours.cpuMs, autocorrectCpuMs: theirs.cpuMs, cpuRatio: haveTime ? ours.cpuMs / theirs.cpuMs : undefined, reportReviewRssMb: ours.rssMb, autocorrectRssMb: theirs.rssMb });
    const cpu = haveTime ? `   CPU ${ms(ours.cpuMs)} vs ${ms(theirs.cpuMs)} ms, ratio ${(ours.cpuMs / theirs.cpuMs).toFixed(2)}   peak RSS ${ours.rssMb.toFixed(0)} MB vs ${theirs.rssMb.toFixed(0)} MB` : '';
    console.log(`  ${label.padEnd(6)} wall ${ms(ours.ms).padStart(8)} vs ${ms(theirs.ms).padStart(8)} ms, ratio ${(ours.ms / theirs.ms).toFixed(2)}${cpu}`);
  }
}
rmSync(inputs, { recursive: true, force: true });
writeFileSync(join(out, 'bench.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwritten: ${join('test-output', 'bench', 'bench.json')}`);
