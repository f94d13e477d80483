/**
 * Turns a file's bytes into report text: UTF-8 (with or without BOM), UTF-16 with BOM, or
 * GBK/GB18030, which older government sites still serve. Binary files are refused, not guessed.
 */
import type { Localized } from '../checks/types';

export type Encoding = 'auto' | 'utf-8' | 'gb18030' | 'gbk' | 'utf-16le' | 'utf-16be';

export type Decoded =
  | { readonly ok: true; readonly text: string; readonly encoding: string }
  | { readonly ok: false; readonly reason: Localized };

export const ENCODINGS: readonly Encoding[] = ['auto', 'utf-8', 'gb18030', 'gbk', 'utf-16le', 'utf-16be'];

export function decodeReport(bytes: Uint8Array, encoding: Encoding = 'auto'): Decoded {
  if (encoding !== 'auto') return decodeAs(bytes, encoding === 'gbk' ? 'gb18030' : encoding);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeAs(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeAs(bytes, 'utf-16be');
  if (looksBinary(bytes)) {
    return { ok: false, reason: { zh: '二进制文件，不是文本报告', en: 'binary file, not a text report' } };
  }
  const utf8 = decodeAs(bytes, 'utf-8');
  if (utf8.ok) return utf8;
  const gb = decodeAs(bytes, 'gb18030');
  if (gb.ok) return gb;
  return {
    ok: false,
    reason: { zh: '既不是 UTF-8 也不是 GB18030 编码，请用 --encoding 指定', en: 'neither UTF-8 nor GB18030; name the encoding with --encoding' },
  };
}

function decodeAs(bytes: Uint8Array, encoding: string): Decoded {
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
    return { ok: true, text, encoding };
  } catch {
    return { ok: false, reason: { zh: `不是有效的 ${encoding} 文本`, en: `not valid ${encoding} text` } };
  }
}

/** NUL bytes, or many control characters, in the first 64 KiB mean the file is not text. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  return n > 0 && control / n > 0.05;
}
