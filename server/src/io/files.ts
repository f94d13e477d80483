/**
 * Reading files that someone else committed. Every file the server or the CLI reads on its own
 * initiative (the config, the glossary files it names, sidecars, other reports) comes through here:
 * only regular files are read (a FIFO would block forever, `/dev/zero` never ends), never more than
 * a stated number of bytes, and — when a root is given — only inside that root once symlinks are
 * resolved.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import type { Localized } from '../checks/types';

const MiB = 1024 * 1024;

/** The limits the README's "Security and limits" section states. */
export const LIMITS = {
  config: 1 * MiB,
  glossaryFile: 8 * MiB,
  sidecar: 8 * MiB,
  /** An evidence table a `.reportreview.json` names. */
  evidenceFile: 8 * MiB,
  /** A report given to the CLI; the largest real report is about 0.1 MiB. */
  cliReport: 64 * MiB,
  /** One report read by the workspace scan, and all of them together. */
  scanFile: 2 * MiB,
  scanTotal: 32 * MiB,
  scanFiles: 400,
} as const;

export type ReadProblem = 'missing' | 'outside' | 'notFile' | 'tooLarge' | 'io';

export type ReadResult =
  | { readonly ok: true; readonly bytes: Buffer; readonly realPath: string }
  | { readonly ok: false; readonly problem: ReadProblem; readonly reason: Localized };

/** True when `path` is `root` or below it; both must already be real (symlink-free) paths. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function mib(bytes: number): string {
  return `${Math.round((bytes / MiB) * 10) / 10} MiB`;
}

function failure(problem: ReadProblem, reason: Localized): ReadResult {
  return { ok: false, problem, reason };
}

/**
 * Reads `path` if it is a regular file of at most `maxBytes`, inside `root` (when given) after
 * symlinks are resolved. Opening is non-blocking, so a FIFO is refused instead of waited on.
 */
export function readRegularFile(path: string, maxBytes: number, root?: string): ReadResult {
  let realPath: string;
  try {
    realPath = realpathSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? failure('missing', { zh: '文件不存在', en: 'no such file' }) : failure('io', { zh: `无法读取（${code ?? error}）`, en: `cannot read (${code ?? error})` });
  }
  if (root !== undefined) {
    let realRoot: string;
    try {
      realRoot = realpathSync(root);
    } catch {
      realRoot = root;
    }
    if (!isInside(realRoot, realPath)) {
      return failure('outside', { zh: `位于工作区文件夹之外（${realPath}），不予读取`, en: `outside the workspace folder (${realPath}); not read` });
    }
  }
  let fd: number;
  try {
    fd = openSync(realPath, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return failure('io', { zh: `无法读取（${code}）`, en: `cannot read (${code})` });
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return failure('notFile', { zh: '不是普通文件（设备、管道或目录），不予读取', en: 'not a regular file (a device, pipe or directory); not read' });
    if (stat.size > maxBytes) return failure('tooLarge', { zh: `文件大小 ${mib(stat.size)}，超过上限 ${mib(maxBytes)}`, en: `${mib(stat.size)}, larger than the limit of ${mib(maxBytes)}` });
    // The size can change while we read: read at most one byte past the limit to notice.
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length === buffer.length) break;
    }
    if (length > stat.size) return failure('io', { zh: '文件在读取时发生变化', en: 'the file changed while it was read' });
    return { ok: true, bytes: buffer.subarray(0, length), realPath };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return failure('io', { zh: `无法读取（${code}）`, en: `cannot read (${code})` });
  } finally {
    closeSync(fd);
  }
}

/** A UTF-8 text file, BOM removed. */
export function readTextFile(path: string, maxBytes: number, root?: string): { ok: true; text: string; realPath: string } | Extract<ReadResult, { ok: false }> {
  const read = readRegularFile(path, maxBytes, root);
  if (!read.ok) return read;
  return { ok: true, text: read.bytes.toString('utf8').replace(/^\ufeff/, ''), realPath: read.realPath };
}
