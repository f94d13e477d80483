/**
 * Runs a bundle with a V8 code cache: a cold process then skips parsing and compiling the
 * functions a run like it used. The CLI is a new process per call, and a server's first
 * diagnostics come from cold code.
 *
 * Two places hold a cache: beside the bundle (`<bundle>.cache`, written by the build's training
 * run, scripts/code-cache.mjs), and, for the server, the editor's storage folder for this
 * extension, where the server writes one when it ends if it had none V8 accepted: an editor's own
 * Node (Electron) rejects the build's cache, and its next start then finds its own. Nothing is
 * ever read from or written to a shared folder such as /tmp, where another user could plant a
 * cache, nor from the workspace.
 *
 * A cache starts with a hash of the bundle it was made from and a hash of its own data: V8 checks
 * only the source's length, and damaged data makes it abort the process, so a cache of another
 * build or with a damaged byte is never handed to it.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** Set by the build's training run: write the cache beside the bundle when the process ends. */
const TRAINING = 'REPORT_REVIEW_WRITE_CODE_CACHE';
const HASH_BYTES = 20;

/** Runs `bundle`; `storage`, when given, is a folder of the user's own where a cache may be kept. */
export function runBundle(bundle: string, storage?: string): void {
  const source = readFileSync(bundle, 'utf8');
  const hash = sha1(source);
  const training = !!process.env[TRAINING];
  const stored = storage ? join(storage, `${basename(bundle)}.cache`) : undefined;
  const cachedData = training ? undefined : ((stored ? cacheFor(stored, hash) : undefined) ?? cacheFor(`${bundle}.cache`, hash));
  const script = new Script(Module.wrap(source), { filename: bundle, cachedData });
  const target = training ? `${bundle}.cache` : stored && (!cachedData || script.cachedDataRejected) ? stored : undefined;
  if (target) process.once('exit', () => writeCache(target, hash, script));
  const module = { exports: {} };
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  wrapper.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
}

function sha1(data: string | Buffer): Buffer {
  return createHash('sha1').update(data).digest();
}

/** The cache's data when it was made from this very bundle and arrived whole. */
function cacheFor(file: string, hash: Buffer): Buffer | undefined {
  let cache: Buffer;
  try {
    cache = readFileSync(file);
  } catch {
    return undefined;
  }
  const data = cache.subarray(2 * HASH_BYTES);
  const whole = cache.length > 2 * HASH_BYTES && cache.subarray(0, HASH_BYTES).equals(hash) && cache.subarray(HASH_BYTES, 2 * HASH_BYTES).equals(sha1(data));
  return whole ? data : undefined;
}

/** Written whole or not at all (two servers may end at once); a cache that cannot be written is no error. */
function writeCache(file: string, hash: Buffer, script: Script): void {
  try {
    const data = script.createCachedData();
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, Buffer.concat([hash, sha1(data), data]));
    renameSync(partial, file);
  } catch {
    // A read-only or full disk: the next start compiles as this one did.
  }
}
