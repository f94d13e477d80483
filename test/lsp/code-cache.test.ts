/**
 * The CLI and the server run their bundle with the V8 code cache the build wrote
 * (server/src/launch/code-cache.ts). A cache is an optimisation only: a missing one, one from
 * another build, or one whose bytes are damaged (V8 would abort on those) gives the same output
 * as a good one.
 * (`npm run build` first.)
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { ServerProcess } from './client';

const DIST = join(__dirname, '..', '..', 'dist');
/** One warning: （二） is missing. */
const REPORT = '（一）深化改革\n全年地区生产总值增长5.2%。\n（三）扩大开放\n';

function cliCopy(cache: (good: Buffer, bundle: string) => Buffer | undefined): string {
  const dir = mkdtempSync(join(tmpdir(), 'report-review-code-cache-'));
  copyFileSync(join(DIST, 'cli.js'), join(dir, 'cli.js'));
  copyFileSync(join(DIST, 'cli.bundle.js'), join(dir, 'cli.bundle.js'));
  const replaced = cache(readFileSync(join(DIST, 'cli.bundle.js.cache')), readFileSync(join(DIST, 'cli.bundle.js'), 'utf8'));
  if (replaced) writeFileSync(join(dir, 'cli.bundle.js.cache'), replaced);
  return join(dir, 'cli.js');
}

function check(cli: string): { status: number | null; stdout: string; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'report-review-code-cache-report-'));
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, 'report.txt'), REPORT);
  const r = spawnSync(process.execPath, [cli, 'check', '--lang', 'en', join(dir, 'report.txt')], { encoding: 'utf8', timeout: 20_000 });
  return { status: r.status, stdout: r.stdout.replaceAll(dir, 'DIR'), stderr: r.stderr };
}

/** A copy of the server's launcher and bundle; with the build's cache when `withCache`. */
function serverCopy(withCache: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'report-review-server-copy-'));
  for (const f of ['server.js', 'server.bundle.js', ...(withCache ? ['server.bundle.js.cache'] : [])]) copyFileSync(join(DIST, f), join(dir, f));
  return join(dir, 'server.js');
}

/** One short session: open a report, wait for its diagnostics, ask for its outline, shut down. */
async function session(server: string, storage: string): Promise<void> {
  const s = new ServerProcess({ server, args: [`--code-cache-dir=${storage}`] });
  await s.initialize('en');
  const uri = 'file:///cache/report.txt';
  const published = s.nextDiagnostics(uri);
  await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'report', version: 1, text: REPORT } });
  assert.equal((await published).diagnostics.length, 1);
  await s.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  assert.equal(await s.stop(), 0);
}

function accepted(bundle: string, cacheFile: string): boolean {
  const cache = readFileSync(cacheFile);
  const source = readFileSync(bundle, 'utf8');
  const sha1 = (data: string | Buffer) => createHash('sha1').update(data).digest();
  assert.deepEqual(cache.subarray(0, 20), sha1(source));
  assert.deepEqual(cache.subarray(20, 40), sha1(cache.subarray(40)));
  return !new Script(Module.wrap(source), { filename: bundle, cachedData: cache.subarray(40) }).cachedDataRejected;
}

describe('code cache', () => {
  it("the server keeps a cache in the editor's storage when it had none V8 accepted, and none when the build's serves", async () => {
    const storage = mkdtempSync(join(tmpdir(), 'report-review-storage-'));
    const bare = serverCopy(false);
    await session(bare, storage);
    const kept = join(storage, 'server.bundle.js.cache');
    assert.ok(existsSync(kept), 'no cache written at exit');
    assert.ok(accepted(join(dirname(bare), 'server.bundle.js'), kept));
    assert.deepEqual(readdirSync(storage), ['server.bundle.js.cache'], 'no partial file left');
    // The next start reads it, and writes nothing.
    const before = statSync(kept).mtimeMs;
    await session(bare, storage);
    assert.equal(statSync(kept).mtimeMs, before);
    // With the build's cache accepted, the storage stays empty.
    const other = mkdtempSync(join(tmpdir(), 'report-review-storage-'));
    await session(serverCopy(true), other);
    assert.deepEqual(readdirSync(other), []);
  });

  for (const bundle of ['cli.bundle.js', 'server.bundle.js']) {
    it(`the build writes a cache of ${bundle} that this Node accepts, made from this very bundle`, () => {
      const source = readFileSync(join(DIST, bundle), 'utf8');
      const cache = readFileSync(join(DIST, `${bundle}.cache`));
      const sha1 = (data: string | Buffer) => createHash('sha1').update(data).digest();
      assert.deepEqual(cache.subarray(0, 20), sha1(source));
      assert.deepEqual(cache.subarray(20, 40), sha1(cache.subarray(40)));
      const script = new Script(Module.wrap(source), { filename: join(DIST, bundle), cachedData: cache.subarray(40) });
      assert.equal(script.cachedDataRejected, false);
    });
  }

  it('gives the same output with a good cache, none, one from another build and damaged bytes', () => {
    const good = check(cliCopy((cache) => cache));
    assert.equal(good.status, 1);
    assert.match(good.stdout, /report\.txt:3:1: warning \[section-numbering\]/);
    assert.equal(good.stderr, '');
    const otherBuild = (cache: Buffer) => Buffer.concat([Buffer.alloc(20, 7), cache.subarray(20)]);
    const damaged = (cache: Buffer) => {
      const bytes = Buffer.from(cache);
      for (let i = 60; i < bytes.length; i += 97) bytes[i] ^= 0xff;
      return bytes;
    };
    const truncated = (cache: Buffer) => cache.subarray(0, 30);
    for (const [name, cache] of [['none', () => undefined], ['another build', otherBuild], ['damaged', damaged], ['truncated', truncated]] as const) {
      assert.deepEqual(check(cliCopy(cache)), good, name);
    }
  });
});
