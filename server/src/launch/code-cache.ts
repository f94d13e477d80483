/**
 * Runs a bundle with the V8 code cache the build wrote beside it (`<bundle>.cache`, see
 * scripts/code-cache.mjs). A cold process then skips parsing and compiling the functions the
 * build's training run used: the CLI is a new process per call, and a server's first diagnostics
 * come from cold code. The cache starts with a hash of the bundle it was made from and a hash of
 * its own data: V8 checks only the source's length, and damaged data makes it abort the process,
 * so a cache left from another build or with a damaged byte is never handed to it. V8 itself
 * rejects a cache made by another version of it (an editor's own Node); the bundle then runs as
 * without one. Nothing here reads the workspace.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** Set by the build's training run: write the cache when the process ends. */
const WRITE = 'REPORT_REVIEW_WRITE_CODE_CACHE';
const HASH_BYTES = 20;

export function runBundle(bundle: string): void {
  const source = readFileSync(bundle, 'utf8');
  const cacheFile = `${bundle}.cache`;
  const hash = sha1(source);
  const training = !!process.env[WRITE];
  const script = new Script(Module.wrap(source), { filename: bundle, cachedData: training ? undefined : cacheFor(cacheFile, hash) });
  if (training) {
    process.once('exit', () => {
      const data = script.createCachedData();
      writeFileSync(cacheFile, Buffer.concat([hash, sha1(data), data]));
    });
  }
  const module = { exports: {} };
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  wrapper.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
}

function sha1(data: string | Buffer): Buffer {
  return createHash('sha1').update(data).digest();
}

/** The cache's data when it was made from this very bundle and arrived whole. */
function cacheFor(cacheFile: string, hash: Buffer): Buffer | undefined {
  let cache: Buffer;
  try {
    cache = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  const data = cache.subarray(2 * HASH_BYTES);
  const whole = cache.length > 2 * HASH_BYTES && cache.subarray(0, HASH_BYTES).equals(hash) && cache.subarray(HASH_BYTES, 2 * HASH_BYTES).equals(sha1(data));
  return whole ? data : undefined;
}
