/**
 * Recognizes a report's structure: front matter, parts, numbered sections, sub-headings, lead
 * sentences, appendices, the glossary and the website leftovers around them.
 *
 * It works in three passes over the lines:
 * 1. mark page furniture (navigation, widgets, footers) and the front matter;
 * 2. join lines that a scrape broke apart into blocks (`（` + `三）…`, `PM` + `2.5` + `…`);
 * 3. classify each block and fold the blocks into a tree by heading rank.
 * Every decision is local and linear in the text's length; nothing here throws on odd input.
 */
import type { GlossaryEntry, Leftover, Numbering, NumberingStyle, Paragraph, ParseProblem, Section, SectionKind, Span } from './model';
import { NOTE_MARKER_SOURCE, noteValue } from './notes';
import { FULL_STOPS } from './sentences';
import { CLAUSE_END, LINE_FINISHED, isBlank, isHan, shorten, splitLines, trimSpan, visibleLength, type Line } from './text';
import { CIRCLED_CHARS, circledValue, foldWidth, parseChineseNumeral } from './numerals';
import * as lex from './lexicon';
import { GenerationalCache } from './generational-cache';
import { paragraphAt, sectionPathAt } from './sections';

export interface Structure {
  sections: Section[];
  paragraphs: Paragraph[];
  glossary: GlossaryEntry[];
  leftovers: Leftover[];
  problems: ParseProblem[];
}

/** A structure as a model holds it (a `Report` is one). */
type StructureView = { readonly [K in keyof Structure]: readonly Structure[K][number][] };

type LineRole = 'empty' | 'leftover' | 'metadata' | 'front' | 'content';

interface PhysicalLine {
  start: number;
  end: number;
  /** Trimmed text. */
  text: string;
  role: LineRole;
  frontKind?: SectionKind;
  facts: LineFacts;
}

/** What a line's text alone says about it: the same for the same text wherever it stands. */
interface LineFacts {
  /** The text without the blanks around it, and how many were cut at each end. */
  readonly text: string;
  readonly lead: number;
  readonly trail: number;
  /** The text's first and last characters (kept: a Chinese character read out of a string is a new string each time). */
  readonly first: string;
  readonly last: string;
  /** Page furniture on its own (分享到, 【打印】 …). */
  readonly leftover: boolean;
  readonly widgetOpen: boolean;
  readonly widgetClose: boolean;
  readonly zeroWidth: boolean;
  readonly fragment: boolean;
  readonly heading: boolean;
  readonly point: boolean;
  readonly bareNumber: boolean;
}

/**
 * What one parse worked out per line and per block, for the next parse of an edited version to
 * reuse (as Harper caches lint results per paragraph). A line or block that lies wholly before or
 * after the edited stretch is found by its offset, shifted by the edit, with no need to read its
 * text; one inside it is found by its text. Everything kept is a function of the text it was made
 * from, so a parse with a memo gives the model a parse without one gives. What the last parse did
 * not read is dropped, so memory follows the current text.
 */
export class StructureMemo {
  private readonly lineTexts = new GenerationalCache<LineFacts>();
  private readonly blockTexts = new GenerationalCache<BlockFacts>();
  /** Glossary entries by their text, then by where the term starts after the number; offsets relative to the entry. */
  private readonly entryTexts = new GenerationalCache<Map<number, KeptEntry>>();
  /** Heading names by their length limit and the text they are made from. */
  private readonly names = new GenerationalCache<string>();
  private last?: { text: string; lines: Placed<LineFacts>; blocks: Placed<BlockFacts>; entries: Placed<PlacedEntry>; names: Placed<PlacedName> };
  private lines = new Placed<LineFacts>();
  private blocks = new Placed<BlockFacts>();
  private entries = new Placed<PlacedEntry>();
  private placedNames = new Placed<PlacedName>();
  /** The lines of the text last parsed, for its line index. */
  split: readonly Line[] = [];
  /** Edits of versions whose structure was shifted, not parsed (`shiftedStructure`), since `last`. */
  private pending: TextChange[] = [];
  /** The text before `prefix` and from `suffix` on is the last text's, shifted by `delta` after the edit. */
  private prefix = 0;
  private suffix = 0;
  private delta = 0;

  /**
   * `changes`, when the editor said what it changed, spare comparing the two texts to find the
   * edit (a 1 MB text takes about a millisecond); without them, or when they do not lead from the
   * last text's length to this one's, the texts are compared.
   */
  begin(text: string, changes?: readonly TextChange[]): void {
    // The versions shifted since the last parse lead from its text to this one's too.
    if (this.pending.length) changes = changes && [...this.pending, ...changes];
    this.pending = [];
    this.lineTexts.nextGeneration();
    this.blockTexts.nextGeneration();
    this.entryTexts.nextGeneration();
    this.names.nextGeneration();
    this.lines = new Placed();
    this.blocks = new Placed();
    this.entries = new Placed();
    this.placedNames = new Placed();
    if (this.last) {
      const ends = (changes && unchangedAround(this.last.text.length, text.length, changes)) ?? unchangedEnds(this.last.text, text);
      this.prefix = ends.prefix;
      this.suffix = text.length - ends.suffix;
      this.delta = text.length - this.last.text.length;
    }
  }

  /** A version whose structure was shifted from the last one's: the next parse starts from `last` still. */
  skip(change: TextChange): void {
    this.pending.push(change);
  }

  finish(text: string): void {
    this.last = { text, lines: this.lines, blocks: this.blocks, entries: this.entries, names: this.placedNames };
  }

  line(text: string, start: number, end: number): LineFacts {
    let facts = this.unchanged(this.last?.lines, start, end);
    if (!facts) {
      const raw = text.slice(start, end);
      facts = this.lineTexts.get(raw, () => {
        const made = lineFacts(raw);
        return { ...made, text: detached(made.text), first: detached(made.first), last: detached(made.last) };
      });
    }
    this.lines.add(start, end, facts);
    return facts;
  }

  block(raw: string, start: number, end: number): BlockFacts {
    const facts = this.unchanged(this.last?.blocks, start, end) ?? this.blockTexts.get(raw, () => ({ flat: detached(flatten(raw)), roles: [] }));
    this.blocks.add(start, end, facts);
    return facts;
  }

  /** `makeEntry`, from the entry made of the same text before (a glossary entry can run long). */
  entry(text: string, numbering: Numbering, start: number, end: number, problems: ParseProblem[]): GlossaryEntry {
    const termAt = numbering.span.end - start;
    // Found by its offset where the edit did not reach, so a long entry's text need not be hashed.
    const placed = this.unchanged(this.last?.entries, start, end);
    let kept = placed?.termAt === termAt ? placed.kept : undefined;
    const made = kept ? undefined : this.entryTexts.get(text.slice(start, end), () => new Map());
    kept ??= made?.get(termAt);
    if (!kept) {
      const found: ParseProblem[] = [];
      const e = makeEntry(text, numbering, start, end, found);
      const at = (s: Span) => ({ start: s.start - start, end: s.end - start });
      kept = {
        entry: { ...e, numbering: undefined, term: detached(e.term), key: detached(e.key), definition: detached(e.definition), termSpan: at(e.termSpan), span: at(e.span) },
        problem: found[0] && { ...found[0], span: at(found[0].span) },
      };
      made?.set(termAt, kept);
    }
    this.entries.add(start, end, { termAt, kept });
    const at = (s: Span) => ({ start: s.start + start, end: s.end + start });
    if (kept.problem) problems.push({ ...kept.problem, span: at(kept.problem.span) });
    return { ...kept.entry, termSpan: at(kept.entry.termSpan), numbering, span: at(kept.entry.span) };
  }

  /** `headingName`, from the name made of the same text before: found by its offset where the edit did not reach. */
  name(text: string, start: number, end: number, max: number): string {
    const placed = this.unchanged(this.last?.names, start, end);
    const name = placed?.max === max ? placed.name : this.names.get(`${max} ${text.slice(start, end)}`, () => detached(headingName(text, start, end, max)));
    this.placedNames.add(start, end, { max, name });
    return name;
  }

  private unchanged<T>(kept: Placed<T> | undefined, start: number, end: number): T | undefined {
    if (!kept) return undefined;
    const shift = end <= this.prefix ? 0 : start >= this.suffix ? this.delta : undefined;
    if (shift === undefined) return undefined;
    return kept.at(start - shift, end - shift);
  }
}

/**
 * The string as a copy of its own: a slice of a long string keeps all of it alive, and what the
 * memo keeps must not hold on to every version of a long report that an edit went through.
 */
function detached(s: string): string {
  return s.length < 13 ? s : (` ${s}`).slice(1);
}

/**
 * What one parse made per line (block, glossary entry), in the order of their starts. A parse asks
 * in the same order, so the next one asked for is most often the one after the last found: a
 * cursor finds it without a search, and no map is filled per keystroke.
 */
class Placed<T> {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly facts: T[] = [];
  private cursor = 0;

  /** Starts must come in increasing order. */
  add(start: number, end: number, facts: T): void {
    this.starts.push(start);
    this.ends.push(end);
    this.facts.push(facts);
  }

  /** The facts made for `[start, end)`, if the parse made some for exactly that stretch. */
  at(start: number, end: number): T | undefined {
    const starts = this.starts;
    let i = this.cursor;
    if (starts[i] !== start) {
      let lo = 0;
      let hi = starts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid] < start) lo = mid + 1;
        else hi = mid;
      }
      i = lo;
    }
    if (starts[i] !== start) return undefined;
    this.cursor = i + 1;
    return this.ends[i] === end ? this.facts[i] : undefined;
  }
}

/** A heading's name where the last parse made it, with the length it was cut to. */
interface PlacedName {
  readonly max: number;
  readonly name: string;
}

/** A glossary entry made from its text, offsets relative to the entry's start. */
interface KeptEntry {
  readonly entry: GlossaryEntry;
  readonly problem?: ParseProblem;
}

/** An entry where the last parse met it: `termAt`, where its number ends, is part of what made it. */
interface PlacedEntry {
  readonly termAt: number;
  readonly kept: KeptEntry;
}

/**
 * One change of a text, as an editor reports it: `[start, end)` of the text as it stood before
 * this change (after the changes listed before it) was replaced by `length` characters.
 */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly length: number;
}

/**
 * The start and end the text kept through `changes` (no change reached before `prefix` or into
 * the last `suffix` characters), or `undefined` when the changes do not fit the two lengths. Not
 * always the longest shared ends (a character typed over by the same one counts as changed),
 * which only means a little more is read again.
 */
export function unchangedAround(oldLength: number, newLength: number, changes: readonly TextChange[]): { prefix: number; suffix: number } | undefined {
  let length = oldLength;
  let prefix = oldLength;
  let suffix = oldLength;
  for (const c of changes) {
    if (!(c.start >= 0 && c.start <= c.end && c.end <= length && c.length >= 0)) return undefined;
    prefix = Math.min(prefix, c.start);
    suffix = Math.min(suffix, length - c.end);
    length += c.length - (c.end - c.start);
  }
  if (length !== newLength) return undefined;
  return { prefix, suffix: Math.min(suffix, Math.min(oldLength, newLength) - prefix) };
}

/** How long a start and an end the two texts share (together at most the shorter text's length). */
function unchangedEnds(a: string, b: string): { prefix: number; suffix: number } {
  const n = Math.min(a.length, b.length);
  // Whole chunks first: comparing two slices is native and fast, a character loop is not.
  const chunk = 8192;
  let prefix = 0;
  while (prefix + chunk <= n && a.slice(prefix, prefix + chunk) === b.slice(prefix, prefix + chunk)) prefix += chunk;
  while (prefix < n && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  const room = n - prefix;
  let suffix = 0;
  while (suffix + chunk <= room && a.slice(a.length - suffix - chunk, a.length - suffix) === b.slice(b.length - suffix - chunk, b.length - suffix)) suffix += chunk;
  while (suffix < room && a.charCodeAt(a.length - suffix - 1) === b.charCodeAt(b.length - suffix - 1)) suffix++;
  return { prefix, suffix };
}

/**
 * What a block's text says about it, and the roles it took beside the blocks that followed it.
 * One object stands for one text: the same facts mean the same text.
 */
interface BlockFacts {
  readonly flat: string;
  /** The latest few, newest last. */
  readonly roles: KeptRole[];
}

interface KeptRole {
  readonly lineCount: number;
  readonly standalone: boolean;
  readonly next: string | undefined;
  /** The facts of the block after, when it had any: the same facts, the same text, with no need to compare it. */
  readonly nextFacts: BlockFacts | undefined;
  /** Offsets relative to the block's start. */
  readonly role: BlockRole;
  /** The role at the offset the block last stood at: a block the edit did not move needs no new one. */
  placed?: { readonly start: number; readonly role: BlockRole };
}

/** Enough for a keystroke into the block after, and back. */
const ROLES_KEPT = 4;

/** One or more physical lines read as one paragraph or heading. */
interface Block {
  start: number;
  end: number;
  /** The block's text as written. */
  raw: string;
  facts?: BlockFacts;
  /** The block's text with line breaks (and blanks around them) removed, for classification and names. */
  flat: string;
  lineCount: number;
  /** A blank line (or the text's edge) before and after it. */
  standalone: boolean;
}

type BlockRole =
  | { kind: 'part' | 'subheading' | 'appendix' | 'glossary'; headingEnd: number; numbering?: undefined }
  /** An unnumbered chapter: 结束语 after the chapters, or a lone title before them (首先报告…的工作). */
  | { kind: 'chapterTitle'; headingEnd: number; numbering?: undefined }
  | { kind: 'part' | 'chapter' | 'section' | 'subsection' | 'item'; numbering: Numbering; headingEnd: number }
  | { kind: 'lead'; numbering?: Numbering; headingStart: number; headingEnd: number }
  | { kind: 'salutationBreak' }
  | { kind: 'body' };

/** The depth of each heading kind: a heading closes every open heading of equal or greater rank. */
const RANK: Record<string, number> = {
  part: 0, appendix: 0, glossary: 0, chapter: 1, section: 2, subsection: 3, subheading: 4, item: 5, lead: 6,
};

const NUMERAL = '[一二三四五六七八九十百]+';
const NUMBER_START = new RegExp(`[第一二三四五六七八九十百（(0-9０-９［[〔【${CIRCLED_CHARS}]`);
const CHAPTER_RE = new RegExp(`^(${NUMERAL})\\s*[、．]`);
const SECTION_RE = new RegExp(`^[（(]\\s*(${NUMERAL})\\s*[）)]`);
const ORDINAL_RE = new RegExp(`^(${NUMERAL})(是|要|是要)(?![一-龥]?[、，])`);
/** `第一部分`, `第一、`, `第一，`: a point or part counted in words. */
const DI_RE = new RegExp(`^第(${NUMERAL})\\s*(部分|[、，,])`);
const ARABIC_DOT_RE = /^(\d{1,3})\s*[.．、](?![\d.．])/;
const ARABIC_PAREN_RE = /^[（(]\s*(\d{1,3})\s*[）)]/;
const BRACKET_NOTE_RE = new RegExp(`^(?:${NOTE_MARKER_SOURCE})`);
const CIRCLED_RE = new RegExp(`^([${CIRCLED_CHARS}])`);
const BARE_NUMERAL_RE = /^[一二三四五六七八九十]{1,3}$/;
const BARE_NUMBER_RE = /^(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}[、，,])$/;
/** `三、四级道路`: a numeral list inside a sentence, not a heading. */
const NUMERAL_LIST_RE = new RegExp(`^${NUMERAL}[、．]\\s*[一二三四五六七八九十]+[级类星档产线批个项]`);

export function parseStructure(text: string, memo?: StructureMemo, changes?: readonly TextChange[]): Structure {
  memo?.begin(text, changes);
  const lines = markLines(text, memo);
  const leftovers: Leftover[] = lines.filter((l) => l.role === 'leftover').map((l) => ({ span: { start: l.start, end: l.end }, text: l.text }));
  const problems: ParseProblem[] = [];
  const roots: MutableSection[] = [];

  for (const s of frontMatterSections(text, lines)) roots.push(s);
  const blocks = joinBlocks(text, lines, memo);
  const roles = classifyBlocks(text, blocks);
  const { sections, paragraphs, glossary } = buildTree(text, blocks, roles, problems, memo);
  for (const s of sections) roots.push(s);
  roots.sort((a, b) => a.heading.start - b.heading.start);
  memo?.finish(text);
  return { sections: roots.map(freeze), paragraphs, glossary, leftovers, problems };
}

// ---------------------------------------------------------------------------------------------
// A keystroke inside a long paragraph

/** How far into its line and block an edit must stand: past what any pass reads of their starts. */
const INTERIOR = 48;
/** A line and a block longer than this (in characters) are past every length a pass compares. */
const LONG = 100;

/**
 * The structure of `text` without parsing it, when `change` led to it from `previousText` (whose
 * structure is `previous`) by typing or deleting letters inside a long paragraph; `undefined` when
 * that cannot be shown (then parse). What makes it safe: the passes read of a long line and a long
 * block only their first few dozen characters (numbering, a lead sentence, a heading up to its
 * first full stop), their last character, their quotes, their lengths against thresholds far
 * below `LONG`, and the facts of the line (`lineFacts`, compared here). Letters typed past all that
 * change none of it, so the structure is the old one with every offset after the edit moved. The
 * glossary and appendices, whose entries keep their whole text, are parsed. Held to a full parse
 * by the incremental property tests.
 */
export function shiftedStructure(previousText: string, previous: StructureView, text: string, change: TextChange): Structure | undefined {
  const { start, end, length } = change;
  const delta = length - (end - start);
  if (!(start >= 0 && start <= end && end <= previousText.length) || text.length !== previousText.length + delta) return undefined;
  if (!lettersOnly(previousText, start, end) || !lettersOnly(text, start, start + length)) return undefined;
  const paragraph = paragraphAt(previous, start);
  if (!paragraph || start < paragraph.span.start + INTERIOR || end > paragraph.span.end - 2) return undefined;
  for (const top of previous.sections) if ((top.kind === 'glossary' || top.kind === 'appendix') && top.span.start <= end && start <= top.span.end) return undefined;
  // Every heading that starts in the paragraph's block heads a section around the edit: it must end before it.
  const block = paragraph.span;
  if (sectionPathAt(previous, start).some((s) => s.heading.start >= block.start && s.heading.start < block.end && s.heading.end > start - 2)) return undefined;
  const oldLine = lineAround(previousText, start);
  const newLine = lineAround(text, start);
  const before = lineFacts(previousText.slice(oldLine.start, oldLine.end));
  const after = lineFacts(text.slice(newLine.start, newLine.end));
  if (start < oldLine.start + before.lead + INTERIOR || end > oldLine.end - before.trail - 1 || !sameFacts(before, after)) return undefined;
  if (visibleLength(before.text) <= LONG || visibleLength(after.text) <= LONG) return undefined;
  const newEnd = paragraph.span.end + delta;
  if (visibleLength(flatten(previousText.slice(paragraph.span.start, paragraph.span.end))) <= LONG || visibleLength(flatten(text.slice(paragraph.span.start, newEnd))) <= LONG) return undefined;
  return shift(previous, start, delta);
}

/** Han characters and ASCII letters and digits: nothing a pass reads as punctuation, a blank or a break. */
function lettersOnly(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!(isHan(c) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a))) return false;
  }
  return true;
}

/** The physical line around `offset`: from after the break before it to the break after it. */
function lineAround(text: string, offset: number): Span {
  let start = offset;
  while (start > 0 && text.charCodeAt(start - 1) !== 10 && text.charCodeAt(start - 1) !== 13) start--;
  let end = offset;
  while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  return { start, end };
}

function sameFacts(a: LineFacts, b: LineFacts): boolean {
  return a.lead === b.lead && a.trail === b.trail && a.first === b.first && a.last === b.last && a.leftover === b.leftover &&
    a.widgetOpen === b.widgetOpen && a.widgetClose === b.widgetClose && a.zeroWidth === b.zeroWidth && a.fragment === b.fragment &&
    a.heading === b.heading && a.point === b.point && a.bareNumber === b.bareNumber;
}

/** The structure with every offset from `at` on moved by `delta` (none lies inside the edit). */
function shift(structure: StructureView, at: number, delta: number): Structure | undefined {
  const moved = (x: number) => (x <= at ? x : x + delta);
  const span = (s: Span): Span => ({ start: moved(s.start), end: moved(s.end) });
  const numbering = (n: Numbering): Numbering => ({ style: n.style, value: n.value, text: n.text, span: span(n.span) });
  const sections = new Map<Section, Section>();
  // Written out, not spread: copies of copies made by spreading slow down with every keystroke.
  const section = (s: Section): Section => {
    const copy: Section = {
      kind: s.kind, name: s.name, detail: s.detail, heading: span(s.heading), span: span(s.span),
      numbering: s.numbering && numbering(s.numbering), children: s.children.map(section),
    };
    sections.set(s, copy);
    return copy;
  };
  const roots = structure.sections.map(section);
  const paragraphs: Paragraph[] = [];
  for (const p of structure.paragraphs) {
    const owner = p.section && sections.get(p.section);
    // A paragraph points into the tree; one that does not is no model this function knows.
    if (p.section && !owner) return undefined;
    paragraphs.push({ span: span(p.span), section: owner });
  }
  return {
    sections: roots,
    paragraphs,
    glossary: structure.glossary.map((g) => ({
      term: g.term, key: g.key, termSpan: span(g.termSpan), definition: g.definition, numbering: g.numbering && numbering(g.numbering), span: span(g.span),
    })),
    leftovers: structure.leftovers.map((l) => ({ span: span(l.span), text: l.text })),
    problems: structure.problems.map((p) => ({ span: span(p.span), message: p.message })),
  };
}

// ---------------------------------------------------------------------------------------------
// Pass 1: page furniture and front matter

function markLines(text: string, memo: StructureMemo | undefined): PhysicalLine[] {
  const split = splitLines(text);
  if (memo) memo.split = split;
  const lines: PhysicalLine[] = split.map((l) => {
    const facts = memo ? memo.line(text, l.start, l.end) : lineFacts(text.slice(l.start, l.end));
    return { start: l.start + facts.lead, end: l.end - facts.trail, text: facts.text, role: facts.text.length === 0 ? 'empty' : 'content', facts };
  });

  let inWidget = 0;
  for (const line of lines) {
    if (line.role === 'empty') continue;
    if (inWidget > 0) {
      line.role = 'leftover';
      inWidget = line.facts.widgetClose || inWidget > 8 ? 0 : inWidget + 1;
      continue;
    }
    if (line.facts.widgetOpen) {
      line.role = 'leftover';
      inWidget = 1;
      continue;
    }
    if (line.facts.leftover) line.role = 'leftover';
  }

  markFrontMatter(lines);
  markTail(lines);
  return lines;
}

function lineFacts(raw: string): LineFacts {
  const span = trimSpan(raw, 0, raw.length);
  const t = raw.slice(span.start, span.end);
  return {
    text: t,
    lead: span.start,
    trail: raw.length - span.end,
    first: t.slice(0, 1),
    last: t.slice(-1),
    leftover: t.length > 0 && t.length <= 80 && lex.LEFTOVER_LINES.some((re) => re.test(t)),
    widgetOpen: lex.WIDGET_OPEN.test(t),
    widgetClose: lex.WIDGET_CLOSE.test(t),
    zeroWidth: ZERO_WIDTH_LINE.test(t),
    fragment: isFragment(t),
    heading: startsHeading(t),
    point: DI_RE.test(t),
    bareNumber: BARE_NUMBER_RE.test(t),
  };
}

function markFrontMatter(lines: PhysicalLine[]): void {
  let seenTitle = false;
  let seenSpeech = false;
  let inMetadata = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.role === 'empty') continue;
    if (line.role === 'leftover') continue;
    const t = line.text;
    const dashList = /^[-•·*]\s+/.test(t);
    if (dashList || isMetadataKeyLine(t) || (inMetadata && visibleLength(t) <= 40 && !lex.TITLE_LINE.test(t))) {
      if (dashList || isMetadataKeyLine(t)) {
        line.role = 'metadata';
        inMetadata = true;
        continue;
      }
    }
    inMetadata = false;
    if (lex.SALUTATION.test(t)) {
      line.role = 'front';
      line.frontKind = 'salutation';
      return;
    }
    if (visibleLength(t) > 90) return;
    if (!seenTitle && lex.TITLE_LINE.test(t) && !lex.PHOTO_CAPTION.test(t)) {
      line.role = 'front';
      line.frontKind = 'title';
      seenTitle = true;
      continue;
    }
    const next = nextNonEmpty(lines, i);
    const previousFront = previousNonEmpty(lines, i);
    if (!seenSpeech && lex.SPEECH_LINE.test(t)) {
      line.role = 'front';
      line.frontKind = 'speechLine';
      seenSpeech = true;
      continue;
    }
    if (!seenSpeech && next && /^[—─-]{1,2}|^\d{4}年/.test(t) && lex.SPEECH_LINE.test(t + next.text)) {
      line.role = 'front';
      line.frontKind = 'speechLine';
      next.role = 'front';
      next.frontKind = 'speechLine';
      seenSpeech = true;
      i = lines.indexOf(next);
      continue;
    }
    // Right after the speech line, a name alone (周恩来) is the speaker even without a title.
    if (lex.SPEAKER_LINE.test(t) || (previousFront?.frontKind === 'speechLine' && /^[\u4e00-\u9fff·]{2,4}$/.test(t))) {
      line.role = 'front';
      line.frontKind = 'speaker';
      continue;
    }
    if (lex.DATE_LINE.test(t) || lex.PHOTO_CAPTION.test(t) || (seenTitle && lex.TITLE_LINE.test(t))) {
      line.role = 'leftover';
      continue;
    }
    // Short navigation crumbs (首页 > 要闻) before the report begins.
    if (visibleLength(t) <= 6 && !/[。，；：:]/.test(t) && !startsHeading(t)) {
      line.role = 'leftover';
      continue;
    }
    return;
  }
}

function isMetadataKeyLine(t: string): boolean {
  const m = /^(?:[-•·*]\s+)?([^:：]{2,6})[:：]/.exec(t);
  return !!m && lex.METADATA_KEYS.includes(m[1].replace(/\s/g, ''));
}

/** From the first footer marker on, lines are page furniture, unless a numbered heading resumes the report. */
function markTail(lines: PhysicalLine[]): void {
  let inTail = false;
  for (const line of lines) {
    if (line.role === 'empty') continue;
    if (!inTail) {
      if (line.role === 'leftover' && lex.TAIL_MARKERS.some((re) => re.test(line.text))) inTail = true;
      continue;
    }
    if (CHAPTER_RE.test(line.text) || SECTION_RE.test(line.text) || lex.GLOSSARY_HEADING.test(line.text)) {
      inTail = false;
      continue;
    }
    line.role = 'leftover';
  }
}

function previousNonEmpty(lines: PhysicalLine[], i: number): PhysicalLine | undefined {
  for (let j = i - 1; j >= 0; j--) if (lines[j].role !== 'empty') return lines[j];
  return undefined;
}

function nextNonEmpty(lines: PhysicalLine[], i: number): PhysicalLine | undefined {
  for (let j = i + 1; j < lines.length; j++) if (lines[j].role !== 'empty') return lines[j];
  return undefined;
}

function frontMatterSections(text: string, lines: PhysicalLine[]): MutableSection[] {
  const out: MutableSection[] = [];
  // The metadata block: `- 索引号:` followed by its value on the same or the next line.
  let metadata: MutableSection | undefined;
  let field: MutableSection | undefined;
  for (const line of lines) {
    if (line.role === 'metadata') {
      const t = line.text.replace(/^[-•·*]\s+/, '');
      const span = { start: line.start, end: line.end };
      if (!metadata) {
        metadata = { kind: 'metadata', name: '发布信息', detail: undefined, heading: span, span: { ...span }, numbering: undefined, children: [] };
        out.push(metadata);
      }
      metadata.span = { start: metadata.span.start, end: line.end };
      const keyed = /^([^:：]{1,12})[:：]\s*(.*)$/.exec(t);
      if (keyed && (lex.METADATA_KEYS.includes(keyed[1].replace(/\s/g, '')) || !field)) {
        field = { kind: 'metadataField', name: keyed[1].trim(), detail: keyed[2] || undefined, heading: span, span: { ...span }, numbering: undefined, children: [] };
        metadata.children.push(field);
      } else if (field) {
        field.detail = field.detail ? `${field.detail} ${t}` : t;
        field.span = { start: field.span.start, end: line.end };
      }
      continue;
    }
    field = undefined;
    if (line.role === 'front' && line.frontKind) {
      const last = out[out.length - 1];
      const span = { start: line.start, end: line.end };
      if (last && last.kind === line.frontKind && line.frontKind === 'speechLine') {
        last.span = { start: last.span.start, end: line.end };
        last.heading = last.span;
        last.name = shorten(flatten(text.slice(last.span.start, last.span.end)).replace(/^[—─-]+\s*/, ''), 60);
        continue;
      }
      const name = line.frontKind === 'speechLine' ? line.text.replace(/^[—─-]+\s*/, '') : line.text.replace(/[：:，,！!]$/, '');
      out.push({ kind: line.frontKind, name: shorten(name.replace(/[\s\u3000]+/g, ' '), 60), detail: undefined, heading: span, span: { ...span }, numbering: undefined, children: [] });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Pass 2: blocks

const JOIN_AFTER_ENDINGS = new Set(['的', '和', '与', '及', '、', '，', ',', '“', '（', '(', '《']);
const CONTINUATION_STARTS = new Set(['；', ';', '，', ',', '。', '、', '）', ')', '”', '’', '：', ':', '》']);

function joinBlocks(text: string, lines: PhysicalLine[], memo: StructureMemo | undefined): Block[] {
  const blocks: Block[] = [];
  const spaced = blankSeparated(lines);
  let current: { start: number; end: number; lines: PhysicalLine[]; lastWasFragment: boolean; blankBefore: boolean } | undefined;
  let previousContent: PhysicalLine | undefined;
  let blankSincePrevious = false;

  const flush = (blankAfter: boolean) => {
    if (!current) return;
    const raw = text.slice(current.start, current.end);
    const facts = memo?.block(raw, current.start, current.end);
    const flat = facts ? facts.flat : flatten(raw);
    blocks.push({ start: current.start, end: current.end, raw, facts, flat, lineCount: current.lines.length, standalone: current.blankBefore && blankAfter });
    current = undefined;
  };

  for (const line of lines) {
    if (line.role === 'empty') {
      blankSincePrevious = true;
      continue;
    }
    // A line of zero-width characters only is a break inside a paragraph, not between two.
    if (line.facts.zeroWidth) continue;
    if (line.role !== 'content') {
      flush(true);
      previousContent = undefined;
      continue;
    }
    const fragment = line.facts.fragment;
    const open = current;
    const blockText = () => (open ? text.slice(open.start, open.end) : '');
    if (current && previousContent && (shouldJoin(previousContent, line, blankSincePrevious, current.lastWasFragment, blockText) ||
      (spaced && !blankSincePrevious && brokenSentence(previousContent, line)))) {
      current.end = line.end;
      current.lines.push(line);
      current.lastWasFragment = fragment;
    } else {
      flush(blankSincePrevious);
      current = { start: line.start, end: line.end, lines: [line], lastWasFragment: fragment, blankBefore: blankSincePrevious || !previousContent };
    }
    previousContent = line;
    blankSincePrevious = false;
  }
  flush(true);
  return blocks;
}

const ZERO_WIDTH_LINE = /^[\u200b-\u200d\ufeff]+$/;

/**
 * Whether the text puts a blank line between paragraphs (most transcriptions do). There, two
 * lines with no blank between are one paragraph that a link or a scrape broke apart.
 */
function blankSeparated(lines: PhysicalLine[]): boolean {
  let content = 0;
  let followedByBlank = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].role !== 'content') continue;
    content++;
    if (i + 1 === lines.length || lines[i + 1].role === 'empty') followedByBlank++;
  }
  return content >= 6 && followedByBlank >= content * 0.5;
}

/** `在` ⏎ `工资制度和价格改革` ⏎ `上迈出…`: no sentence ends at the break, and no heading starts or ends there. */
function brokenSentence(lineA: PhysicalLine, lineB: PhysicalLine): boolean {
  const a = lineA.text;
  const last = lineA.facts.last;
  if (LINE_FINISHED.has(last) || CLAUSE_END.has(last) || last === '：' || last === ':') return false;
  return !lineA.facts.heading && !lineB.facts.heading && !lineA.facts.point && !lineB.facts.point && !lex.CLOSING_TITLE.test(a);
}

/** A piece of a line with no Chinese in it, like the `2.5` of a `PM` / `2.5` break. */
function isFragment(t: string): boolean {
  if (t.length > 12) return false;
  for (let i = 0; i < t.length; i++) if (isHan(t.charCodeAt(i))) return false;
  return !ARABIC_DOT_RE.test(t) || /^\d+\.\d+$/.test(t);
}

function shouldJoin(lineA: PhysicalLine, lineB: PhysicalLine, blankBetween: boolean, aWasFragment: boolean, block: () => string): boolean {
  const a = lineA.text;
  const b = lineB.text;
  const last = lineA.facts.last;
  const first = lineB.facts.first;
  if (a === '（' || a === '(') return true;
  if (blankBetween) return false;
  // A number alone on its line (（一） ⏎ 进一步增强企业活力…) numbers the line after it.
  if (lineA.facts.bareNumber && !lineB.facts.heading && !lineB.facts.point) return true;
  if (LINE_FINISHED.has(last)) return CONTINUATION_STARTS.has(first) && b.length <= 2;
  if (lineB.facts.heading) return false;
  if (aWasFragment) return true;
  if (CONTINUATION_STARTS.has(first) || /^是[：:]/.test(b)) return true;
  if (JOIN_AFTER_ENDINGS.has(last)) return true;
  if (lineB.facts.fragment && /[A-Za-z0-9]$/.test(a)) return true;
  // A quotation the block opened and has not closed goes on in the next line (“双向 ⏎ 揭榜 ⏎ 挂帅”).
  if (!CLAUSE_END.has(last) && unbalancedQuote(block())) return true;
  // More than 8 UTF-16 units is more than 4 characters: a long line is not measured.
  if (b.length <= 8 && visibleLength(b) <= 4 && visibleLength(a) >= 10 && !CLAUSE_END.has(last)) return true;
  return false;
}

function startsHeading(t: string): boolean {
  return (
    CHAPTER_RE.test(t) || SECTION_RE.test(t) || ARABIC_DOT_RE.test(t) || ARABIC_PAREN_RE.test(t) ||
    BRACKET_NOTE_RE.test(t) || lex.GLOSSARY_HEADING.test(t) || lex.APPENDIX_HEADING.test(t)
  );
}

function unbalancedQuote(t: string): boolean {
  let open = 0;
  // By code, not by character: iterating a Chinese text by character makes a string of each.
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x201c) open++;
    else if (c === 0x201d && open > 0) open--;
  }
  return open > 0;
}

/** Removes line breaks and the blanks around them (a broken line reads as one). */
function flatten(s: string): string {
  return s.replace(/[ \t\u3000]*(?:\r\n|\r|\n)[ \t\u3000]*/g, '');
}

// ---------------------------------------------------------------------------------------------
// Pass 3: classification

function classifyBlocks(text: string, blocks: Block[]): BlockRole[] {
  const roles: BlockRole[] = blocks.map((b, i) => (b.facts ? memoizedRole(text, b, blocks[i + 1]) : classifyBlock(text, b, blocks[i + 1])));
  parallelOpenings(roles, blocks);
  resolvePartCandidates(roles, blocks);
  assignLevels(text, roles, blocks);
  return roles;
}

/**
 * A block's role depends on its text, its line count, whether blank lines surround it, and the
 * text of the block after it; kept with offsets relative to the block's start.
 */
function memoizedRole(text: string, block: Block, next: Block | undefined): BlockRole {
  const roles = block.facts!.roles;
  const nextRaw = next?.raw;
  const nextFacts = next?.facts;
  let kept: KeptRole | undefined;
  for (const r of roles) {
    if (r.lineCount === block.lineCount && r.standalone === block.standalone && ((nextFacts !== undefined && r.nextFacts === nextFacts) || r.next === nextRaw)) {
      kept = r;
      break;
    }
  }
  if (!kept) {
    const role = shiftRole(classifyBlock(text, block, next), -block.start);
    if ('numbering' in role && role.numbering) role.numbering = { ...role.numbering, text: detached(role.numbering.text) };
    kept = { lineCount: block.lineCount, standalone: block.standalone, next: nextRaw === undefined ? undefined : detached(nextRaw), nextFacts, role };
    if (roles.push(kept) > ROLES_KEPT) roles.shift();
  }
  // Roles are replaced, never changed, by the passes after this one, so one can serve two parses.
  if (kept.placed?.start !== block.start) kept.placed = { start: block.start, role: shiftRole(kept.role, block.start) };
  return kept.placed.role;
}

/** The role of a block moved by `by`. Written out, not spread: a keystroke shifts every heading after it. */
function shiftRole(role: BlockRole, by: number): BlockRole {
  if (!('headingEnd' in role) || by === 0) return role;
  const n = role.numbering;
  const numbering = n && { style: n.style, value: n.value, text: n.text, span: { start: n.span.start + by, end: n.span.end + by } };
  if (role.kind === 'lead') return { kind: 'lead', numbering, headingStart: role.headingStart + by, headingEnd: role.headingEnd + by };
  if (numbering) return { kind: role.kind as 'chapter', numbering, headingEnd: role.headingEnd + by };
  return { kind: role.kind as 'part', headingEnd: role.headingEnd + by };
}

function numberingAt(text: string, block: Block, re: RegExp, style: NumberingStyle, value: (m: RegExpExecArray) => number | undefined): Numbering | undefined {
  // Numbering sits at the very start; folding only the head keeps this cheap on long paragraphs.
  const source = style === 'chinese-paren' ? text.slice(block.start, Math.min(block.end, block.start + 16)) : block.flat.slice(0, 16);
  const m = re.exec(foldWidth(source));
  if (!m) return undefined;
  const v = value(m);
  if (v === undefined) return undefined;
  const written = text.slice(block.start, block.start + m[0].length);
  return { style, value: v, text: flatten(written), span: { start: block.start, end: block.start + m[0].length } };
}

function classifyBlock(text: string, block: Block, next: Block | undefined): BlockRole {
  const flat = block.flat;
  const length = visibleLength(flat);

  if (length <= 40 && lex.GLOSSARY_HEADING.test(flat)) return { kind: 'glossary', headingEnd: block.end };
  if (length <= 40 && /^附/.test(flat) && lex.APPENDIX_HEADING.test(flat)) return { kind: 'appendix', headingEnd: block.end };
  if (lex.FONT_NOTES_HEADING.test(flat)) return { kind: 'appendix', headingEnd: block.end };
  // A numeral alone between blank lines numbers a chapter that has no title (一 ⏎ ⏎ 二 …).
  if (block.standalone && BARE_NUMERAL_RE.test(flat)) {
    const value = parseChineseNumeral(flat);
    if (value !== undefined) return { kind: 'chapter', numbering: { style: 'chinese-dun', value, text: flat, span: { start: block.start, end: block.end } }, headingEnd: block.end };
  }

  // Numbering starts with a numeral, a bracket or a digit; most paragraphs start with none of them.
  if (!NUMBER_START.test(flat[0] ?? '')) return classifyUnnumbered(text, block, next, flat, length);
  if (!NUMERAL_LIST_RE.test(flat)) {
    const chapter = numberingAt(text, block, CHAPTER_RE, 'chinese-dun', (m) => parseChineseNumeral(m[1]));
    if (chapter) return { kind: 'chapter', numbering: chapter, headingEnd: leadEnd(text, block, chapter.span.end, false) };
  }
  const section = numberingAt(text, block, SECTION_RE, 'chinese-paren', (m) => parseChineseNumeral(m[1]));
  if (section) return { kind: 'section', numbering: section, headingEnd: leadEnd(text, block, section.span.end, false) };
  // Its level is settled with the others in `assignLevels`.
  const point = numberingAt(text, block, DI_RE, 'chinese-ordinal', (m) => parseChineseNumeral(m[1]));
  if (point) return { kind: point.text.endsWith('部分') ? 'part' : 'chapter', numbering: point, headingEnd: leadEnd(text, block, point.span.end, false) };

  const item =
    numberingAt(text, block, ARABIC_DOT_RE, 'arabic-dot', (m) => Number(m[1])) ??
    numberingAt(text, block, ARABIC_PAREN_RE, 'arabic-paren', (m) => Number(m[1])) ??
    numberingAt(text, block, BRACKET_NOTE_RE, 'bracket-note', (m) => noteValue(m[0])) ??
    numberingAt(text, block, CIRCLED_RE, 'circled', (m) => circledValue(m[1]));
  if (item) return { kind: 'item', numbering: item, headingEnd: leadEnd(text, block, item.span.end, false) };

  const ordinal = numberingAt(text, block, ORDINAL_RE, 'ordinal-shi', (m) => parseChineseNumeral(m[1]));
  if (ordinal) return { kind: 'lead', numbering: ordinal, headingStart: block.start, headingEnd: leadEnd(text, block, ordinal.span.end, true) };

  return classifyUnnumbered(text, block, next, flat, length);
}

function classifyUnnumbered(text: string, block: Block, next: Block | undefined, flat: string, length: number): BlockRole {
  if (/^各位(代表|委员)/.test(flat)) return { kind: 'salutationBreak' };

  if (/^[—─]{1,2}/.test(flat)) {
    return { kind: 'lead', headingStart: block.start, headingEnd: leadEnd(text, block, block.start, false) };
  }

  const last = flat[flat.length - 1];
  const lead = leadSentence(text, block);
  // Titles and sub-headings are short lines; long paragraphs skip the checks below.
  if (length > 45 || block.lineCount > 2) return lead ? { kind: 'lead', headingStart: block.start, headingEnd: lead } : { kind: 'body' };
  const sentenceMarks = countSentenceEnds(flat);
  if (lex.FIGURE.test(flat)) return lead ? { kind: 'lead', headingStart: block.start, headingEnd: lead } : { kind: 'body' };
  const nextIsBody = !!next && !startsHeading(next.flat) && !/^[—─]/.test(next.flat);
  // A title has at most one comma; 现在，我代表…，向大会…，请… is a sentence that lost its full stop.
  const titleLike = block.lineCount <= 2 && length >= 2 && length <= 40 && !LINE_FINISHED.has(last) && !CLAUSE_END.has(last) && sentenceMarks === 0 && countOf(flat, '，') <= 1;
  if (titleLike && next && !lex.LEAD_IN.test(flat) && !/[“（(《]$/.test(flat)) return { kind: 'part', headingEnd: block.end };

  const standalone =
    length <= 45 && sentenceMarks <= 1 && (sentenceMarks === 0 ? !CLAUSE_END.has(last) : LINE_FINISHED.has(last)) && !lex.LEAD_IN.test(flat);
  // A section's opening summary is followed by topic paragraphs of its own; a sub-heading is not.
  const nextIsLead = !!next && leadSentence(text, next) !== undefined;
  if (standalone && nextIsBody && next && !nextIsLead && visibleLength(next.flat) >= Math.max(40, length * 1.5)) {
    return { kind: 'subheading', headingEnd: block.end };
  }

  if (lead) return { kind: 'lead', headingStart: block.start, headingEnd: lead };
  return { kind: 'body' };
}

function countOf(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

/** Full stops, not semicolons: a title with a series of clauses is still one sentence. */
function countSentenceEnds(s: string): number {
  let n = 0;
  for (const ch of s) if (FULL_STOPS.includes(ch)) n++;
  return n;
}

/**
 * Where a heading's lead sentence ends: at the first 。！？ (and ； when `semicolon` is set),
 * or at the end of the block when there is none.
 */
function leadEnd(text: string, block: Block, from: number, semicolon: boolean): number {
  for (let i = from; i < block.end; i++) {
    const ch = text[i];
    if (ch === '。' || ch === '！' || ch === '？' || ((ch === '；' || ch === ';') && semicolon)) return i;
  }
  let end = block.end;
  while (end > from && (text[end - 1] === '。' || isBlank(text.charCodeAt(end - 1)))) end--;
  return end;
}

/**
 * A paragraph whose first sentence is a short topic phrase (优化信用体系建设。…) is headed by it.
 * The phrase has no comma or colon and the paragraph goes on after it.
 */
function leadSentence(text: string, block: Block): number | undefined {
  const limit = Math.min(block.end, block.start + 40);
  for (let i = block.start; i < limit; i++) {
    const ch = text[i];
    if (ch === '，' || ch === ',' || ch === '：' || ch === ':' || ch === '；' || ch === '\n' || ch === '“' && i === block.start) return undefined;
    if (ch === '。' || ch === '！') {
      const phrase = visibleLength(text.slice(block.start, i));
      const rest = block.end - i;
      return phrase >= 3 && phrase <= 24 && rest >= 10 ? i : undefined;
    }
  }
  return undefined;
}

/**
 * Paragraphs that open alike (`这一年，我们…。`, `五年来，…`) are parallel headings: when at least
 * three one-sentence paragraphs share their opening phrase and each heads paragraphs of its own,
 * all of them are sub-headings, whatever the length of the paragraph after each.
 */
function parallelOpenings(roles: BlockRole[], blocks: Block[]): void {
  const groups = new Map<string, number[]>();
  for (let i = 0; i + 1 < blocks.length; i++) {
    const kind = roles[i].kind;
    if (kind !== 'body' && kind !== 'lead' && kind !== 'subheading' && kind !== 'part') continue;
    if ((roles[i] as { numbering?: Numbering }).numbering) continue;
    const flat = blocks[i].flat;
    // Longer than 90 UTF-16 units is longer than 45 characters: the long paragraphs are passed over unread.
    if (blocks[i].lineCount > 2 || flat.length > 90) continue;
    const m = /^([^，。；：:、“”（）]{2,6})，/.exec(flat);
    if (!m || visibleLength(flat) > 45 || countSentenceEnds(flat) > 1) continue;
    const last = flat[flat.length - 1];
    if (CLAUSE_END.has(last) || last === '：' || last === ':') continue;
    if (countSentenceEnds(flat) === 1 && !LINE_FINISHED.has(last)) continue;
    const list = groups.get(m[1]) ?? [];
    list.push(i);
    groups.set(m[1], list);
  }
  for (const members of groups.values()) {
    if (members.length < 3) continue;
    // Each heads a paragraph of its own: no two follow one another.
    let apart = true;
    for (let k = 1; k < members.length; k++) if (members[k] - members[k - 1] < 2) apart = false;
    if (!apart) continue;
    for (const i of members) roles[i] = { kind: 'subheading', headingEnd: blocks[i].end };
  }
}

/**
 * A title-like line is a part title only where it stands at the report's top level: before the
 * first numbered chapter, or where numbering restarts after it. Between two consecutive numbers of
 * one level it is an unnumbered sub-heading.
 */
function resolvePartCandidates(roles: BlockRole[], blocks: Block[]): void {
  let seenChapter = false;
  const parts: number[] = [];
  const closings: number[] = [];
  let lastNumbered: Numbering | undefined;
  let inAppendix = false;
  for (let i = 0; i < roles.length; i++) {
    const role = roles[i];
    if (role.kind === 'appendix' || role.kind === 'glossary') inAppendix = true;
    if (role.kind === 'chapter' || role.kind === 'section') {
      if (role.kind === 'chapter') seenChapter = true;
      lastNumbered = role.numbering;
    }
    if (role.kind !== 'part' || role.numbering) continue;
    let next: Numbering | undefined;
    let nextKind: string | undefined;
    for (let j = i + 1; j < roles.length; j++) {
      const r = roles[j];
      if (r.kind === 'chapter' || r.kind === 'section') {
        next = r.numbering;
        nextKind = r.kind;
        break;
      }
      if (r.kind === 'appendix' || r.kind === 'glossary') break;
    }
    const continues = !!lastNumbered && !!next && next.style === lastNumbered.style && next.value === lastNumbered.value + 1;
    const restarts = !!next && next.value === 1 && (nextKind === 'chapter' || !seenChapter);
    const closing = !next && lex.CLOSING_TITLE.test(blocks[i].flat);
    const atTop = !seenChapter || restarts || (!next && lex.PART_TITLE_WORDS.test(blocks[i].flat)) || closing;
    if (inAppendix || continues || !atTop) roles[i] = { kind: 'subheading', headingEnd: role.headingEnd };
    else if (closing) closings.push(i);
    else parts.push(i);
  }
  // Parts come at least two to a report; one title alone before the chapters, with a stretch of
  // paragraphs of its own before them (首先报告…的工作), is a chapter of its own.
  if (parts.length === 1) {
    const i = parts[0];
    const role = roles[i] as { headingEnd: number };
    let j = i + 1;
    while (j < roles.length && roles[j].kind !== 'chapter' && roles[j].kind !== 'part' && roles[j].kind !== 'section') j++;
    const next = roles[j];
    if (next && next.kind === 'chapter' && next.numbering?.style === 'chinese-dun' && next.numbering.value === 1 && j - i > 5) {
      roles[i] = { kind: 'chapterTitle', headingEnd: role.headingEnd };
      parts.length = 0;
    }
  }
  if (parts.length === 0) for (const i of closings) roles[i] = { kind: 'chapterTitle', headingEnd: (roles[i] as { headingEnd: number }).headingEnd };
}

/** A run of sibling numbered headings of one style (`一、二、三、`), and the heading it sits under. */
interface NumberedList {
  style: string;
  members: number[];
  first: number;
  last: number;
  parent?: NumberedList;
  children: NumberedList[];
  items: boolean;
  /** Under an unnumbered part title: its lists cannot be parts themselves. */
  inPart: boolean;
}

const NUMBERED_KINDS = new Set(['chapter', 'section', 'part']);
const MAX_NUMBERED_DEPTH = 6;

/** Where a style usually stands: 第一部分 above 一、 above （一）; 第一、/第一， stand anywhere. */
const NATURAL_RANK: Record<string, number> = { 'chinese-part': 0, 'chinese-dun': 1, 'chinese-paren': 2 };

/**
 * Gives each numbered heading its level from where its numbering sits, not from its style alone:
 * a numbering that restarts at 1 under a heading opens a level below it (`一、…五、` inside
 * `第一、`), a number that continues an open list returns to that list's level, and the levels
 * count from the top: part, chapter, section, subsection. A list whose members are clauses ending
 * in ；, or paragraphs that follow one another with nothing under them, is a list of items, not of
 * headings. A report divided by `（一）` alone keeps them as sections (a fragment of a chapter).
 */
function assignLevels(text: string, roles: BlockRole[], blocks: Block[]): void {
  const lists: NumberedList[] = [];
  let stack: NumberedList[] = [];
  let inPart = false;
  for (let i = 0; i < roles.length; i++) {
    const role = roles[i];
    if (role.kind === 'appendix' || role.kind === 'glossary') break;
    if (role.kind === 'part' && !role.numbering) {
      stack = [];
      inPart = true;
      continue;
    }
    if (!NUMBERED_KINDS.has(role.kind) || !('numbering' in role) || !role.numbering) continue;
    const n = role.numbering;
    const style = n.style === 'chinese-ordinal' && n.text.endsWith('部分') ? 'chinese-part' : n.style;
    let list: NumberedList | undefined;
    for (let k = stack.length - 1; k >= 0; k--) {
      if (stack[k].style === style && stack[k].last + 1 === n.value) {
        list = stack[k];
        stack.length = k + 1;
        break;
      }
    }
    if (!list && n.value !== 1) {
      // A gap or a repeat stays beside the list it breaks, so the numbering check can see it.
      for (let k = stack.length - 1; k >= 0; k--) {
        if (stack[k].style === style) {
          list = stack[k];
          stack.length = k + 1;
          break;
        }
      }
    }
    if (!list && stack.length >= MAX_NUMBERED_DEPTH) {
      // Deeper than any report nests: a restart there starts a new list beside the innermost one
      // of its style, which keeps the pass linear on long concatenations.
      let k = stack.length - 1;
      while (k > 0 && stack[k].style !== style) k--;
      stack.length = k;
    }
    if (!list) {
      const parent = stack[stack.length - 1];
      list = { style, members: [], first: n.value, last: 0, parent, children: [], items: false, inPart };
      parent?.children.push(list);
      lists.push(list);
      stack.push(list);
    }
    list.members.push(i);
    list.last = n.value;
  }

  for (const list of lists) list.items = isItemList(text, list, blocks, roles);
  // Items own no headings: a list that opened after one belongs to the heading above the items.
  // A 一、 list met after a （一） list's last division does not divide that division (一、 ranks above
  // （一）): it is the next division of the heading above both.
  for (const list of lists) list.children = [];
  for (const list of lists) {
    while (list.parent?.items) list.parent = list.parent.parent;
    while (!list.items && list.parent?.parent && (NATURAL_RANK[list.style] ?? 9) < (NATURAL_RANK[list.parent.style] ?? -1)) list.parent = list.parent.parent;
    list.parent?.children.push(list);
  }
  const hasHeadingChildren = (list: NumberedList): boolean => {
    for (const c of list.children) if (!c.items) return true;
    return false;
  };
  const kindOfList = new Map<NumberedList, BlockRole['kind']>();
  const kindOf = (list: NumberedList): BlockRole['kind'] => {
    if (list.items) return 'item';
    if (list.style === 'chinese-part') return 'part';
    let depth = 1;
    for (let p = list.parent; p; p = p.parent) if (p.style !== 'chinese-part') depth++;
    if (depth === 1) {
      const headed = hasHeadingChildren(list);
      if (list.style === 'chinese-paren' && !headed) return 'section';
      if (list.style === 'chinese-ordinal' && !list.inPart && headed && list.children.some((c) => !c.items && c.style === 'chinese-dun')) return 'part';
    }
    if (list.parent && kindOfList.get(list.parent) === 'part') depth--;
    return depth <= 1 ? 'chapter' : depth === 2 ? 'section' : depth === 3 ? 'subsection' : 'item';
  };
  // Parents come before their children in `lists`, so a parent's kind is known when a child asks.
  for (const list of lists) kindOfList.set(list, kindOf(list));
  for (const list of lists) {
    const kind = kindOfList.get(list)!;
    for (const i of list.members) {
      const role = roles[i] as { numbering: Numbering; headingEnd: number };
      roles[i] = { kind: kind as 'chapter', numbering: role.numbering, headingEnd: role.headingEnd };
    }
  }
}

/**
 * Items, not headings: members that end in ；, a run of `第…` points that does not start at 第一,
 * or, below another heading, paragraphs that follow one another with none under them and that
 * read as running text (a number alone on its line, or a first sentence too long for a title).
 */
function isItemList(text: string, list: NumberedList, blocks: Block[], roles: BlockRole[]): boolean {
  const m = list.members;
  for (let k = 0; k < m.length - 1; k++) if (/[；;]$/.test(blocks[m[k]].flat)) return true;
  if (list.style === 'chinese-ordinal' && list.first !== 1) return true;
  if (!list.parent && list.style !== 'chinese-ordinal') return false;
  if (m.length < 2) return false;
  // A member that is one sentence and nothing more reads as an item; below a section, so does a
  // long first sentence (（一）坚持…，…，…。 followed by its body is still a heading below a chapter).
  const deep = !!list.parent?.parent;
  let running = 0;
  for (let k = 0; k < m.length - 1; k++) {
    if (m[k + 1] - m[k] > 1) return false;
    const role = roles[m[k]] as { numbering: Numbering; headingEnd: number };
    const block = blocks[m[k]];
    const bare = block.lineCount > 1 && text.slice(block.start, firstLineEnd(text, block.start, block.end)).trim() === role.numbering.text;
    const long = role.headingEnd - role.numbering.span.end > 40;
    const single = role.headingEnd >= block.end - 1;
    if (bare || single || (long && deep)) running++;
  }
  return running * 2 >= m.length - 1;
}

// ---------------------------------------------------------------------------------------------
// The tree

/** Every section has every key (`detail` and `numbering` possibly undefined): one shape, and a copy that writes them all equals it. */
interface MutableSection {
  kind: SectionKind;
  name: string;
  detail: string | undefined;
  heading: Span;
  span: { start: number; end: number };
  numbering: Numbering | undefined;
  children: MutableSection[];
}

function buildTree(text: string, blocks: Block[], roles: BlockRole[], problems: ParseProblem[], memo: StructureMemo | undefined) {
  const nameOf = memo ? memo.name.bind(memo) : headingName;
  const roots: MutableSection[] = [];
  const stack: { section: MutableSection; rank: number }[] = [];
  const paragraphs: Paragraph[] = [];
  const glossary: GlossaryEntry[] = [];
  let glossarySection: MutableSection | undefined;
  let appendixSection: MutableSection | undefined;
  let entry: { numbering: Numbering; start: number; end: number; section: MutableSection } | undefined;

  const close = (rank: number) => {
    while (stack.length && stack[stack.length - 1].rank >= rank) stack.pop();
  };
  // A section on the stack owns its span (the one it was made with may be a paragraph's too), so it grows in place.
  const open = (section: MutableSection, rank: number) => {
    close(rank);
    (stack.length ? stack[stack.length - 1].section.children : roots).push(section);
    section.span = { start: section.span.start, end: section.span.end };
    stack.push({ section, rank });
    extend(section.span.end);
  };
  const extend = (end: number) => {
    for (const s of stack) if (s.section.span.end < end) s.section.span.end = end;
  };
  const innermost = (): MutableSection | undefined => {
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i].section.kind !== 'lead' && stack[i].section.kind !== 'item') return stack[i].section;
    return stack.length ? stack[stack.length - 1].section : undefined;
  };
  /** The innermost open part, chapter or section, past sub-headings, leads and items. */
  const enclosingHeading = (): MutableSection | undefined => {
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i].rank <= RANK.subsection) return stack[i].section;
    return undefined;
  };
  const finishEntry = () => {
    if (!entry) return;
    const e = memo ? memo.entry(text, entry.numbering, entry.start, entry.end, problems) : makeEntry(text, entry.numbering, entry.start, entry.end, problems);
    glossary.push(e);
    entry.section.children.push({
      kind: 'glossaryEntry', name: e.term, detail: e.numbering?.text, heading: e.termSpan, span: e.span, numbering: e.numbering, children: [],
    });
    entry = undefined;
  };

  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    let role = roles[i];
    const span = { start: block.start, end: block.end };

    if (role.kind === 'glossary' || role.kind === 'appendix') {
      finishEntry();
      const previous = appendixSection;
      // 附件2 followed by 名词解释: one node named by both.
      if (role.kind === 'glossary' && previous && previous.children.length === 0 && previous.span.end === previousBlockEnd(blocks, i)) {
        previous.kind = 'glossary';
        previous.name = `${previous.name} ${block.flat}`;
        previous.span = { start: previous.span.start, end: block.end };
        glossarySection = previous;
        continue;
      }
      const section: MutableSection = { kind: role.kind, name: shorten(block.flat.replace(/\s+/g, role.kind === 'glossary' ? '' : ' '), 40), detail: undefined, heading: span, span, numbering: undefined, children: [] };
      close(0);
      open(section, 0);
      appendixSection = role.kind === 'appendix' ? section : undefined;
      glossarySection = role.kind === 'glossary' ? section : undefined;
      continue;
    }

    // A numbered heading that does not part into term and definition is no entry: the glossary has
    // ended (a report pasted after another one's 名词解释, say), and it opens a section as anywhere else.
    const parenSection = role.kind === 'section' && /^\(|^（/.test(block.flat);
    const numbered = role.kind === 'chapter' || parenSection ? (role as { numbering: Numbering }).numbering : undefined;
    if (glossarySection && numbered && !entryParts(text, termStartAfter(text, numbered, block.end), block.end)) {
      finishEntry();
      const at = stack.findIndex((s) => s.section === glossarySection);
      if (at >= 0) stack.length = at;
      glossarySection = undefined;
    }
    if (glossarySection) {
      // An entry whose term starts with a digit (12.2025年十件民生实事：…) reads like a decimal; the next number confirms it.
      const glued = role.kind === 'item' ? undefined : gluedEntryNumbering(text, block, (entry?.numbering.value ?? glossary[glossary.length - 1]?.numbering?.value ?? 0) + 1);
      if (glued) role = { kind: 'item', numbering: glued, headingEnd: block.end };
      if (role.kind === 'item' || parenSection) {
        finishEntry();
        const numbering = (role as { numbering: Numbering }).numbering;
        entry = { numbering, start: block.start, end: block.end, section: glossarySection };
        extend(block.end);
        paragraphs.push({ span, section: glossarySection });
        continue;
      }
      if (role.kind !== 'chapter' || entry) {
        if (entry) entry.end = block.end;
        extend(block.end);
        paragraphs.push({ span, section: glossarySection });
        continue;
      }
    }

    if (appendixSection && (role.kind === 'part' || role.kind === 'subheading') && appendixSection.children.length === 0 && appendixSection.span.end === previousBlockEnd(blocks, i)) {
      appendixSection.name = `${appendixSection.name} ${shorten(block.flat, 40)}`;
      appendixSection.span = { start: appendixSection.span.start, end: block.end };
      extend(block.end);
      continue;
    }
    if (appendixSection && (role.kind === 'chapter' || role.kind === 'section' || role.kind === 'subsection')) {
      role = { kind: 'item', numbering: role.numbering, headingEnd: role.headingEnd };
    }

    switch (role.kind) {
      case 'chapterTitle': {
        open({ kind: 'chapter', name: nameOf(text, block.start, role.headingEnd, 40), detail: undefined, heading: { start: block.start, end: role.headingEnd }, span, numbering: undefined, children: [] }, RANK.chapter);
        paragraphs.push({ span, section: innermost() });
        break;
      }
      case 'part':
      case 'subheading': {
        if (role.numbering) {
          open(numberedSection(text, role.kind, role.numbering, block, role.headingEnd, nameOf), RANK.part);
          paragraphs.push({ span, section: innermost() });
          break;
        }
        // A title standing alone right under a chapter divides it like a （一） would (关于教育改革问题).
        const parent = enclosingHeading();
        const divides = role.kind === 'subheading' && block.standalone && !LINE_FINISHED.has(block.flat[block.flat.length - 1]) && !!parent &&
          (parent.kind === 'chapter' || (parent.kind === 'section' && !parent.numbering));
        const kind = divides ? 'section' : role.kind;
        const section: MutableSection = { kind, name: nameOf(text, block.start, role.headingEnd, 40), detail: undefined, heading: { start: block.start, end: role.headingEnd }, span, numbering: undefined, children: [] };
        open(section, RANK[kind]);
        // A sub-heading is a sentence of the report too (这一年，…增长5%。): its figures count.
        paragraphs.push({ span, section });
        break;
      }
      case 'chapter':
      case 'section':
      case 'subsection':
      case 'item': {
        const section = numberedSection(text, role.kind, role.numbering, block, role.headingEnd, nameOf);
        open(section, RANK[role.kind]);
        if (role.headingEnd < block.end - 1) paragraphs.push({ span, section: innermost() });
        break;
      }
      case 'lead': {
        const from = role.numbering ? role.numbering.span.end : block.start;
        const nameStart = role.numbering ? block.start : from;
        const section: MutableSection = {
          kind: 'lead',
          name: nameOf(text, nameStart, role.headingEnd, 24),
          detail: undefined,
          heading: { start: role.headingStart, end: role.headingEnd },
          span,
          numbering: role.numbering,
          children: [],
        };
        close(RANK.lead);
        (stack.length ? stack[stack.length - 1].section.children : roots).push(section);
        extend(block.end);
        paragraphs.push({ span, section: innermost() });
        break;
      }
      case 'salutationBreak': {
        // 各位代表！… turns from one topic to the next: it closes the open level-2 sections.
        if (stack.some((s) => s.rank <= RANK.chapter)) close(RANK.section);
        extend(block.end);
        paragraphs.push({ span, section: innermost() });
        break;
      }
      case 'body': {
        extend(block.end);
        paragraphs.push({ span, section: innermost() });
        break;
      }
    }
  }
  finishEntry();
  return { sections: roots, paragraphs, glossary };
}

function numberedSection(text: string, kind: SectionKind, numbering: Numbering, block: Block, headingEnd: number, nameOf = headingName): MutableSection {
  return {
    kind,
    name: nameOf(text, numbering.span.end, headingEnd, kind === 'item' ? 30 : 40) || numbering.text,
    detail: numbering.text,
    heading: { start: block.start, end: headingEnd },
    span: { start: block.start, end: block.end },
    numbering,
    children: [],
  };
}

/** `12.2025年…：` or `13.3+1就业服务：` as glossary entry 12 or 13, when that is the number expected next. */
function gluedEntryNumbering(text: string, block: Block, expected: number): Numbering | undefined {
  // Most blocks do not start with a digit; folding the head of each would cost more than the test.
  const first = block.flat.charCodeAt(0);
  if (!((first >= 0x30 && first <= 0x39) || (first >= 0xff10 && first <= 0xff19))) return undefined;
  const m = /^(\d{1,3})[.．](?=\d)[^：:\n]{1,40}[：:]/.exec(foldWidth(block.flat.slice(0, 48)));
  if (!m || Number(m[1]) !== expected) return undefined;
  const length = m[1].length + 1;
  return { style: 'arabic-dot', value: expected, text: flatten(text.slice(block.start, block.start + length)), span: { start: block.start, end: block.start + length } };
}

function previousBlockEnd(blocks: Block[], i: number): number {
  return i > 0 ? blocks[i - 1].end : -1;
}

/** Where an entry's term starts: after its number and the blanks behind it. */
function termStartAfter(text: string, numbering: Numbering, end: number): number {
  let termStart = numbering.span.end;
  while (termStart < end && isBlank(text.charCodeAt(termStart))) termStart++;
  return termStart;
}

/**
 * Where an entry's term ends and its definition starts: at a colon on the term's line, or before
 * 是指/指的是/即/指; `undefined` when neither is there (a numbered line that is no entry).
 */
function entryParts(text: string, termStart: number, end: number): { termEnd: number; definitionStart: number } | undefined {
  for (let i = termStart; i < Math.min(end, termStart + 60); i++) {
    const ch = text[i];
    if (ch === '：' || ch === ':') return { termEnd: i, definitionStart: i + 1 };
    if (ch === '\n' || ch === '\r') break;
  }
  const m = /^(.{1,24}?)(?=是指|指的是|即|指)/.exec(text.slice(termStart, Math.min(end, termStart + 30)));
  return m ? { termEnd: termStart + m[1].length, definitionStart: termStart + m[1].length } : undefined;
}

/** Splits `1.双查双管:指…` or `［1］一降三减：` + next line into term and definition. */
function makeEntry(text: string, numbering: Numbering, start: number, end: number, problems: ParseProblem[]): GlossaryEntry {
  const termStart = termStartAfter(text, numbering, end);
  let parts = entryParts(text, termStart, end);
  if (!parts) {
    const lineEnd = firstLineEnd(text, termStart, end);
    parts = { termEnd: lineEnd, definitionStart: lineEnd };
    problems.push({
      span: { start, end: lineEnd },
      message: { zh: '名词解释条目缺少“：”，无法区分术语与释义', en: 'Glossary entry has no colon separating the term from its definition' },
    });
  }
  const termSpan = trimSpan(text, termStart, parts.termEnd);
  const definitionSpan = trimSpan(text, parts.definitionStart, end);
  const term = flatten(text.slice(termSpan.start, termSpan.end));
  return {
    term,
    key: glossaryKey(term),
    termSpan,
    definition: flatten(text.slice(definitionSpan.start, definitionSpan.end)),
    numbering,
    span: { start, end },
  };
}

/**
 * The form of a term used to match it in the body: without quotation marks, blanks and the 、
 * between listed parts (“两个基地”“两个枢纽” is the term 两个基地、两个枢纽).
 */
export function glossaryKey(term: string): string {
  return term.replace(/[“”"'‘’「」『』\s\u3000、]/g, '');
}

function firstLineEnd(text: string, from: number, end: number): number {
  for (let i = from; i < end; i++) if (text[i] === '\n' || text[i] === '\r') return i;
  return end;
}

/** A heading's display name: its text without numbering or closing punctuation, shortened sensibly. */
function headingName(text: string, start: number, end: number, max: number): string {
  let s = flatten(text.slice(start, end)).replace(/[\s\u3000]+/g, ' ').trim();
  s = s.replace(/^[—─]+\s*/, '').replace(/[。；;：:，,！!]+$/, '');
  if (visibleLength(s) <= max) return s;
  // Prefer to cut at a comma so the name stays a readable phrase.
  const head = [...s].slice(0, max).join('');
  const cut = Math.max(head.lastIndexOf('，'), head.lastIndexOf(','), head.lastIndexOf('；'));
  if (cut >= 8) return `${head.slice(0, cut)}…`;
  return shorten(s, max);
}

/**
 * The tree as the model's sections, in place: paragraphs point at these same objects, and a copy
 * per section would cost every keystroke of a long report an allocation per heading.
 */
function freeze(s: MutableSection): Section {
  if (!s.name) s.name = '…';
  for (const c of s.children) freeze(c);
  return s as Section;
}
