/**
 * `JSON.stringify(value, null, 2)`, in pieces: the outer `depth` levels of arrays and objects are
 * written member by member, what lies deeper as one piece each. Writing a 10 MB report's findings
 * this way never holds the whole JSON text (and its UTF-8 copy) in memory at once.
 *
 * A `Lazy` stands for the array of its items, made one at a time as they are written (a
 * diagnostic per finding, say), so that they need not all exist at once either.
 */
export function* jsonChunks(value: unknown, depth: number, indent = ''): Generator<string, void, void> {
  if (depth > 0 && value instanceof Lazy) {
    yield* arrayChunks(value.items(), depth, indent);
    return;
  }
  if (depth === 0 || typeof value !== 'object' || value === null || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    // JSON.stringify says undefined for what JSON cannot hold; a member or element of such is left out or null.
    const json = JSON.stringify(value, null, 2) ?? 'null';
    yield indent === '' ? json : json.replaceAll('\n', `\n${indent}`);
    return;
  }
  if (Array.isArray(value)) {
    yield* arrayChunks(value, depth, indent);
    return;
  }
  const inner = `${indent}  `;
  const members = Object.entries(value).filter(([, v]) => !unsayable(v));
  if (members.length === 0) {
    yield '{}';
    return;
  }
  yield '{\n';
  for (let i = 0; i < members.length; i++) {
    yield `${inner}${JSON.stringify(members[i][0])}: `;
    yield* jsonChunks(members[i][1], depth - 1, inner);
    yield i + 1 < members.length ? ',\n' : '\n';
  }
  yield `${indent}}`;
}

/** An array whose items are made as they are written; to `JSON.stringify` it is the array of `items()`. */
export class Lazy {
  constructor(readonly items: () => Iterable<unknown>) {}

  toJSON(): unknown[] {
    return [...this.items()];
  }
}

function* arrayChunks(items: Iterable<unknown>, depth: number, indent: string): Generator<string, void, void> {
  const inner = `${indent}  `;
  let first = true;
  for (const item of items) {
    yield first ? `[\n${inner}` : `,\n${inner}`;
    first = false;
    yield* jsonChunks(unsayable(item) ? null : item, depth - 1, inner);
  }
  yield first ? '[]' : `\n${indent}]`;
}

/** What JSON cannot say: a member of it is left out, an element of it written as null. */
function unsayable(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** Writes `chunks` in pieces of about `size` characters (one write per chunk would be many small system calls). */
export function writeChunks(chunks: Iterable<string>, write: (text: string) => void, size = 1 << 16): void {
  let pending: string[] = [];
  let length = 0;
  for (const chunk of chunks) {
    pending.push(chunk);
    length += chunk.length;
    if (length >= size) {
      write(pending.join(''));
      pending = [];
      length = 0;
    }
  }
  if (length > 0) write(pending.join(''));
}
