/**
 * A small file several processes update: two editors recording decisions on one report at once,
 * a CI job reading while a reviewer writes. Format-agnostic: the caller parses and serializes.
 *
 * - It is only ever a regular file: a symlink or a device in its place is refused, never followed.
 * - Updates hold a lock (`<file>.lock`, created exclusively; a lock older than STALE_MS is taken
 *   over, so a crashed writer cannot block for ever), read the current content, apply the change
 *   and write a temporary file that is renamed over the old one: a reader sees the old file or the
 *   new one, never half of one, and no concurrent update is lost.
 * - Content that does not parse is never overwritten: the update is refused with the parser's
 *   message, and the file stays byte-identical until a person fixes it.
 */
import { closeSync, constants, fstatSync, fsyncSync, lstatSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { Localized } from '../checks/types';

export interface FileFormat<T> {
  readonly empty: () => T;
  /** The content, or why it cannot be read (shown to the user). */
  readonly parse: (text: string) => { ok: true; value: T } | { ok: false; error: string };
  readonly serialize: (value: T) => string;
}

export class FileRefused extends Error {
  constructor(readonly reason: Localized) {
    super(reason.en);
  }
}

const LOCK_WAIT_MS = 10_000;
const STALE_MS = 30_000;

/** The current text of `path`: undefined when there is none, else the text of a regular file of at most `maxBytes`. */
export function readPlainFile(path: string, maxBytes: number): string | undefined {
  let stat;
  try {
    stat = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (stat.isSymbolicLink()) throw new FileRefused({ zh: `${path} 是符号链接，不予读写`, en: `${path} is a symbolic link; it is neither read nor written` });
  if (!stat.isFile()) throw new FileRefused({ zh: `${path} 不是普通文件，不予读写`, en: `${path} is not a regular file; it is neither read nor written` });
  if (stat.size > maxBytes) throw new FileRefused({ zh: `${path} 超过大小上限 ${maxBytes} 字节`, en: `${path} is larger than the limit of ${maxBytes} bytes` });
  // O_NOFOLLOW: a symlink swapped in since lstat is refused by the kernel, not followed.
  const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile() || opened.size > maxBytes) throw new FileRefused({ zh: `${path} 不是普通文件或过大`, en: `${path} is not a regular file or too large` });
    const buffer = Buffer.alloc(opened.size);
    let length = 0;
    while (length < buffer.length) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Reads and parses `path`; an absent file is the format's empty value. */
export function readFormatted<T>(path: string, format: Pick<FileFormat<T>, 'empty' | 'parse'>, maxBytes: number): T {
  const text = readPlainFile(path, maxBytes);
  if (text === undefined) return format.empty();
  const parsed = format.parse(text);
  if (!parsed.ok) throw new FileRefused({ zh: `${path} 无法解析（${parsed.error}），请先修复该文件`, en: `${path} cannot be parsed (${parsed.error}); fix the file first` });
  return parsed.value;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function acquire(lock: string): Promise<number> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return openSync(lock, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    try {
      if (Date.now() - lstatSync(lock).mtimeMs > STALE_MS) rmSync(lock, { force: true });
    } catch {
      // Released in the meantime: try again at once.
    }
    if (Date.now() > deadline) throw new FileRefused({ zh: `${lock} 被占用超过 ${LOCK_WAIT_MS / 1000} 秒`, en: `${lock} has been held for more than ${LOCK_WAIT_MS / 1000} s` });
    await sleep(Math.min(5 + attempt * 5, 50) + Math.random() * 10);
  }
}

/**
 * Applies `change` to the current content of `path` under the lock, and replaces the file
 * atomically. Throws FileRefused when the file is not a regular file, is too large or does not parse.
 */
export async function updateFile<T>(path: string, format: FileFormat<T>, maxBytes: number, change: (current: T) => T): Promise<void> {
  const lock = `${path}.lock`;
  const fd = await acquire(lock);
  try {
    const next = format.serialize(change(readFormatted(path, format, maxBytes)));
    const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    const out = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
    try {
      writeSync(out, next);
      fsyncSync(out);
    } finally {
      closeSync(out);
    }
    try {
      // rename replaces a directory entry: it never writes through a symlink that appeared meanwhile.
      renameSync(temporary, path);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
  } finally {
    closeSync(fd);
    rmSync(lock, { force: true });
  }
}
