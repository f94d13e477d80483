/**
 * The server's messages on a stream (stdio): the bytes `JSON.stringify` would give, except that an
 * element of a result array the server has sealed is encoded once and its bytes sent again.
 *
 * Why: after a keystroke, the outline of a long report is mostly the objects of the version
 * before (protocol/convert.ts keeps them), yet encoding the whole outline of a 1 MB report
 * (about 350 KB of JSON) took more time than parsing the edit. Sealed objects are frozen, so the
 * bytes kept for one cannot go stale.
 */
import type { ContentTypeEncoder, ContentTypeEncoderOptions, Message } from 'vscode-languageserver/node';

const bytesOf = new WeakMap<object, Buffer>();
const isSealed = new WeakSet<object>();

/** Freezes each element (and everything in it) and lets the encoder keep its bytes. Returns `items`. */
export function sealItems<T extends object>(items: readonly T[]): readonly T[] {
  for (const item of items) {
    if (isSealed.has(item)) continue;
    deepFreeze(item);
    isSealed.add(item);
  }
  return items;
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}

const UTF8 = new Set(['utf-8', 'utf8']);
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']}');

/** A drop-in for vscode-jsonrpc's JSON encoder. */
export const wireEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode(message: Message, options: ContentTypeEncoderOptions): Promise<Uint8Array> {
    try {
      return Promise.resolve(encode(message, options.charset));
    } catch (error) {
      return Promise.reject(error);
    }
  },
};

/** Exported for the tests: the message's bytes. */
export function encode(message: Message, charset: string): Buffer {
  const m = message as { jsonrpc?: unknown; id?: unknown; result?: unknown };
  const result = m.result;
  // Only a plain response (no error, nothing else) whose result leads with a sealed element.
  if (!Array.isArray(result) || result.length === 0 || !isSealed.has(result[0]) || !UTF8.has(charset.toLowerCase()) || !plainResponse(m)) {
    return Buffer.from(JSON.stringify(message), charset as BufferEncoding);
  }
  const parts: Buffer[] = [Buffer.from(`{"jsonrpc":${JSON.stringify(m.jsonrpc)},"id":${JSON.stringify(m.id)},"result":[`)];
  for (let i = 0; i < result.length; i++) {
    if (i > 0) parts.push(COMMA);
    parts.push(elementBytes(result[i]));
  }
  parts.push(CLOSE);
  return Buffer.concat(parts);
}

function elementBytes(element: unknown): Buffer {
  const sealed = typeof element === 'object' && element !== null && isSealed.has(element);
  if (sealed) {
    const kept = bytesOf.get(element);
    if (kept) return kept;
  }
  // An array element that JSON cannot say (undefined, a function) is written as null, as JSON.stringify does.
  const bytes = Buffer.from(JSON.stringify(element) ?? 'null');
  if (sealed) bytesOf.set(element as object, bytes);
  return bytes;
}

function plainResponse(m: object): boolean {
  let keys = 0;
  for (const key in m) {
    if (key !== 'jsonrpc' && key !== 'id' && key !== 'result') return false;
    keys++;
  }
  return keys === 3;
}
