/**
 * Where each value of a JSON text starts and ends, by JSON Pointer (`/checks/section-numbring`),
 * so that a schema error can be shown on the line that causes it. Only called on text that
 * `JSON.parse` accepted; iterative, so deep nesting cannot overflow the stack.
 */
export interface JsonSpan {
  readonly start: number;
  readonly end: number;
  /** For an object member: where its key starts and ends. */
  readonly key?: { readonly start: number; readonly end: number };
}

export function jsonSpans(text: string): Map<string, JsonSpan> {
  const spans = new Map<string, JsonSpan>();
  let i = 0;
  const ws = () => {
    while (i < text.length && /[\s\ufeff]/.test(text[i])) i++;
  };
  const string = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  // Containers still open: their pointer, start, kind, next array index, and the pending key.
  type Frame = { pointer: string; start: number; array: boolean; index: number; key?: { name: string; start: number; end: number } };
  const stack: Frame[] = [];
  const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
  let pointer = '';
  let key: JsonSpan['key'];
  for (;;) {
    ws();
    if (i >= text.length) break;
    const ch = text[i];
    const top = stack[stack.length - 1];
    if (ch === ',') {
      i++;
      continue;
    }
    if (ch === '}' || ch === ']') {
      i++;
      const frame = stack.pop()!;
      const prior = spans.get(frame.pointer);
      spans.set(frame.pointer, { start: frame.start, end: i, key: prior?.key });
      continue;
    }
    // An object member's key, then its value.
    if (top && !top.array && ch === '"' && !top.key) {
      const start = i;
      const name = string();
      top.key = { name, start, end: i };
      ws();
      if (text[i] === ':') i++;
      continue;
    }
    if (top) {
      if (top.array) {
        pointer = `${top.pointer}/${top.index++}`;
        key = undefined;
      } else {
        pointer = `${top.pointer}/${escape(top.key!.name)}`;
        key = { start: top.key!.start, end: top.key!.end };
        top.key = undefined;
      }
    } else {
      pointer = '';
      key = undefined;
    }
    const start = i;
    if (ch === '{' || ch === '[') {
      i++;
      spans.set(pointer, { start, end: start + 1, key });
      stack.push({ pointer, start, array: ch === '[', index: 0 });
      continue;
    }
    if (ch === '"') string();
    else while (i < text.length && !/[\s,\]}]/.test(text[i])) i++;
    spans.set(pointer, { start, end: i, key });
  }
  return spans;
}

/** The offset `JSON.parse` names in its error message (Node 20: "… at position 12"), else 0. */
export function parseErrorOffset(message: string): number {
  const m = /position (\d+)/.exec(message);
  return m ? Number(m[1]) : 0;
}
