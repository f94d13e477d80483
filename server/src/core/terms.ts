/**
 * Policy terms and where a report uses them.
 *
 * Definitions come from several sources, in order of precedence: the report's own glossary, the
 * user's workspace glossary, the glossaries of other reports in the workspace, and the built-in
 * glossary. Uses are found by whole term, longest first, across quotation marks (“三名”工程 is a use
 * of 三名工程), never inside a longer quoted term, and — for two-character terms that are too
 * ambiguous on their own — only where the report quotes them or marks them with a note.
 */
import type { GlossaryEntry, Report, Span } from './model';
import { glossaryKey } from './structure';
import { itemAt } from './text';
import { quoteAt, scanQuotes, type Quote } from './quotes';
import { noteMarkerAt } from './notes';
import { GenerationalCache } from './generational-cache';

export type TermSource = 'report' | 'workspace' | 'previousReport' | 'builtin';

/** Lower is stronger: the report's own definition wins over everything else. */
export const SOURCE_PRECEDENCE: Record<TermSource, number> = { report: 0, workspace: 1, previousReport: 2, builtin: 3 };

export interface TermDefinition {
  readonly term: string;
  /** Written forms besides `term` that mean the same thing. */
  readonly aliases: readonly string[];
  readonly definition: string;
  readonly source: TermSource;
  /** For report and workspace definitions: the document and the entry's span in it. */
  readonly location?: { readonly uri: string; readonly span: Span; readonly number?: string };
  /** For built-in terms: who introduced it and when, and its category. */
  readonly origin?: { readonly year: number | null; readonly source: string };
  readonly category?: string;
  readonly definitionEn?: string;
}

export interface TermUse {
  /** The use as written, quotation marks included when the term was quoted as a whole. */
  readonly span: Span;
  readonly key: string;
  readonly definitions: readonly TermDefinition[];
  /** The note marker right after the term (［12］), when there is one. */
  readonly note?: Span;
}

interface TrieNode {
  /** Children by UTF-16 code unit. */
  next: Map<number, TrieNode>;
  key?: string;
}

/** All known terms, looked up by key; built once per set of sources. */
export class TermIndex {
  private readonly root: TrieNode = { next: new Map() };
  /** The first code units of all keys, so most positions are passed over with one array read. */
  readonly starts = new Uint8Array(65536);
  private readonly byKey = new Map<string, TermDefinition[]>();

  constructor(definitions: Iterable<TermDefinition>) {
    for (const d of definitions) {
      for (const written of [d.term, ...d.aliases]) {
        const key = glossaryKey(written);
        if (key.length < 2) continue;
        const list = this.byKey.get(key) ?? [];
        if (!list.includes(d)) list.push(d);
        this.byKey.set(key, list);
        this.insert(key);
      }
    }
    for (const list of this.byKey.values()) list.sort((a, b) => SOURCE_PRECEDENCE[a.source] - SOURCE_PRECEDENCE[b.source]);
  }

  get size(): number {
    return this.byKey.size;
  }

  lookup(key: string): readonly TermDefinition[] {
    return this.byKey.get(glossaryKey(key)) ?? [];
  }

  keys(): IterableIterator<string> {
    return this.byKey.keys();
  }

  private keySet?: string;

  /** The keys, in one string: two indexes with the same find the same uses (their definitions may differ). */
  get fingerprint(): string {
    this.keySet ??= [...this.byKey.keys()].sort().join('\n');
    return this.keySet;
  }

  /** Every definition once, in the order the sources were given. */
  lookupAll(): TermDefinition[] {
    const seen = new Set<TermDefinition>();
    for (const list of this.byKey.values()) for (const d of list) seen.add(d);
    return [...seen];
  }

  private insert(key: string): void {
    this.starts[key.charCodeAt(0)] = 1;
    let node = this.root;
    // By UTF-16 unit, as the key stream is read.
    for (let k = 0; k < key.length; k++) {
      const ch = key.charCodeAt(k);
      let child = node.next.get(ch);
      if (!child) {
        child = { next: new Map() };
        node.next.set(ch, child);
      }
      node = child;
    }
    node.key = key;
  }

  /** The longest key that starts at `stream[i]`, if any. */
  longestAt(stream: KeyStream, i: number): { key: string; end: number } | undefined {
    let node: TrieNode | undefined = this.root;
    let best: { key: string; end: number } | undefined;
    for (let j = i; j < stream.chars.length && node; j++) {
      node = node.next.get(stream.chars.charCodeAt(j));
      if (node?.key) best = { key: node.key, end: j + 1 };
    }
    return best;
  }
}

/** The report's own glossary as term definitions. */
export function reportDefinitions(report: Report, uri: string): TermDefinition[] {
  return report.glossary.map((e: GlossaryEntry) => ({
    term: e.term,
    aliases: aliasesOf(e),
    definition: e.definition,
    source: 'report' as const,
    location: { uri, span: e.termSpan, number: e.numbering?.text },
  }));
}

/**
 * A term that quotes its core (`“六横六纵”现代化水网体系`, `金融“五篇大文章”`) is also used by that
 * core alone, which reports quote again in the body. A term that is nothing but quoted names
 * (`“两大中心”“四大行动”`) is used by each name on its own too.
 */
function aliasesOf(e: GlossaryEntry): string[] {
  const quoted = [...e.term.matchAll(/“([^”]{2,})”/g)].map((m) => m[1]);
  // A quoted number (稳增长“21”条) names nothing on its own.
  if (quoted.length === 1) return glossaryKey(e.term) !== quoted[0] && /[\u4e00-\u9fff]/.test(quoted[0]) ? quoted : [];
  const onlyNames = quoted.length > 1 && /^(?:“[^”]{2,}”[、和与及]?)+$/.test(e.term.replace(/[\s\u3000]/g, ''));
  return onlyNames ? quoted : [];
}

/**
 * The text as the matcher reads it: quotation marks and blanks removed, every remaining character
 * remembering its offset. Line breaks stay, so a term never matches across paragraphs.
 */
export interface KeyStream {
  readonly chars: string;
  readonly offsets: Int32Array;
}

const SKIPPED = new Uint8Array(65536);
for (const ch of ['“', '”', '"', '‘', '’', '「', '」', '『', '』', ' ', '\u3000', '\t', '、']) SKIPPED[ch.charCodeAt(0)] = 1;

const KEY_DECODER = new TextDecoder('utf-16le', { ignoreBOM: true });

export function keyStream(text: string, span: Span = { start: 0, end: text.length }): KeyStream {
  const codes = new Uint16Array(span.end - span.start);
  const offsets = new Int32Array(span.end - span.start);
  let n = 0;
  for (let i = span.start; i < span.end; i++) {
    const code = text.charCodeAt(i);
    if (SKIPPED[code]) continue;
    codes[n] = code;
    offsets[n++] = i;
  }
  // ignoreBOM: a U+FEFF the stream starts with is a character of the text, not a mark to drop
  // (dropped, every key after it stood one character off its offset).
  return { chars: KEY_DECODER.decode(codes.subarray(0, n)), offsets: offsets.subarray(0, n) };
}

/** Every use of a known term in `text`, leftmost-longest, in document order. */
export function findTermUses(text: string, index: TermIndex, within?: Span): TermUse[] {
  const uses: TermUse[] = [];
  if (index.size === 0) return uses;
  const stream = keyStream(text, within);
  // Quotes never cross a line, so the lines around `within` hold every quote a use can stand in.
  const quotes = within ? scanQuotes(text, text.lastIndexOf('\n', within.start - 1) + 1, lineEnd(text, within.end)) : scanQuotes(text);
  for (let i = 0; i < stream.chars.length; ) {
    if (!index.starts[stream.chars.charCodeAt(i)]) {
      i++;
      continue;
    }
    const match = index.longestAt(stream, i);
    if (!match) {
      i++;
      continue;
    }
    const start = stream.offsets[i];
    const end = stream.offsets[match.end - 1] + 1;
    const use = acceptUse(text, quotes, start, end, match.key, index);
    if (use) {
      uses.push(use);
      const after = coordinated(text, use, index, uses);
      i = match.end;
      while (i < stream.chars.length && stream.offsets[i] < after) i++;
    } else {
      i++;
    }
  }
  return uses;
}

/** A use as a line keeps it: offsets relative to the line, definitions looked up again. */
interface KeptUse {
  readonly span: Span;
  readonly key: string;
  readonly note?: Span;
}

/**
 * The term uses of each line, by the line's text, for indexes of the same keys: a use never
 * crosses a line (nor does a quote or a note marker), so an edited report's lines are read again
 * only where the edit reached. The uses equal `findTermUses(text, index)`.
 */
export class TermUseMemo {
  private fingerprint?: string;
  private lines = new GenerationalCache<readonly KeptUse[]>();

  uses(text: string, index: TermIndex): TermUse[] {
    if (index.size === 0) return [];
    // Another set of keys finds other uses: nothing kept holds.
    if (index.fingerprint !== this.fingerprint) {
      this.fingerprint = index.fingerprint;
      this.lines = new GenerationalCache();
    }
    this.lines.nextGeneration();
    const out: TermUse[] = [];
    for (let start = 0; start <= text.length; ) {
      const newline = text.indexOf('\n', start);
      const end = newline < 0 ? text.length : newline;
      const at = (s: Span) => ({ start: s.start - start, end: s.end - start });
      const kept = this.lines.get(text.slice(start, end), () =>
        findTermUses(text, index, { start, end }).map((u) => ({ span: at(u.span), key: u.key, note: u.note && at(u.note) })));
      for (const u of kept) {
        out.push({ span: { start: u.span.start + start, end: u.span.end + start }, key: u.key, definitions: index.lookup(u.key), note: u.note && { start: u.note.start + start, end: u.note.end + start } });
      }
      start = end + 1;
    }
    return out;
  }
}

/** A quoted shorthand right after a use: `稳增长“21条”“18条”` → “18条”; `、` `和` may stand between. */
const NEXT_QUOTED = /^”?(?:[、和与及])?“([^”“\n]{1,12})”/;

/**
 * Coordinated shorthand: `出台稳增长“21条”“18条”` uses the terms 稳增长“21”条 and 稳增长“18”条 —
 * the second shares the head of the first. Each quoted item after a use is a use of head + item
 * when that is a known term. Returns where the last use ends.
 */
function coordinated(text: string, first: TermUse, index: TermIndex, uses: TermUse[]): number {
  let end = first.span.end;
  const at = uses.length - 1;
  for (let guard = 0; guard < 20; guard++) {
    const m = NEXT_QUOTED.exec(text.slice(end, end + 20));
    if (!m) break;
    const item = glossaryKey(m[1]);
    let key: string | undefined;
    for (let k = first.key.length - 1; k >= 1 && !key; k--) if (index.lookup(first.key.slice(0, k) + item).length) key = first.key.slice(0, k) + item;
    if (!key || key === first.key) break;
    const quoteStart = end + m[0].indexOf('“');
    const span = { start: quoteStart, end: end + m[0].length };
    uses.push({ span, key, definitions: index.lookup(key), note: noteAfter(text, span.end) });
    end = span.end;
  }
  // 稳增长“21条”“18条”: the first use then takes its closing quote, as the items after it do.
  const own = uses[at];
  if (uses.length - 1 > at && text[own.span.end] === '”' && text.lastIndexOf('“', own.span.end) >= own.span.start) {
    uses[at] = { ...own, span: { start: own.span.start, end: own.span.end + 1 } };
  }
  return end;
}

function acceptUse(text: string, quotes: readonly Quote[], start: number, end: number, key: string, index: TermIndex): TermUse | undefined {
  const quote = enclosingQuote(quotes, start, end);
  // Inside a longer quoted term (“三个最多服务”), this term is only a part of another name; a quoted
  // slogan or phrase (“打造大连中央活动区、总部经济…”) is not a name, and terms inside it count.
  if (quote && (quote.start < start || quote.end > end) && isTermLike(text.slice(quote.start, quote.end))) {
    const matchCoversQuote = start <= quote.start && end >= quote.end;
    if (!matchCoversQuote) return undefined;
  }
  let spanStart = start;
  let spanEnd = end;
  if (text[start - 1] === '“' && text[end] === '”') {
    spanStart = start - 1;
    spanEnd = end + 1;
  }
  const note = noteAfter(text, spanEnd);
  const quoted = !!quote || text[start - 1] === '“';
  if ([...key].length <= 2 && !quoted && !note) return undefined;
  return { span: { start: spanStart, end: spanEnd }, key, definitions: index.lookup(key), note };
}

function isTermLike(quoted: string): boolean {
  return quoted.length <= 12 && !/[，、,；;。：:！？\s]/.test(quoted);
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

/** The quote around a match [start, end) whose marks stand within 40 characters of it, if any. */
function enclosingQuote(quotes: readonly Quote[], start: number, end: number): Span | undefined {
  const quote = quoteAt(quotes, start);
  return quote && quote.span.start >= start - 40 && quote.content.end <= end + 40 ? quote.content : undefined;
}

function noteAfter(text: string, at: number): Span | undefined {
  return noteMarkerAt(text, at)?.span;
}

/** The use or note marker at `offset`, for hover and go to definition. */
export function useAt(uses: readonly TermUse[], offset: number): TermUse | undefined {
  return itemAt(uses, offset, (u) => (u.note ? u.note.end : u.span.end));
}
