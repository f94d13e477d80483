/**
 * The report model: what the analysis core makes of a report's text.
 *
 * Every position is a UTF-16 offset into `Report.text` (the string as the editor holds it),
 * so the LSP layer can hand ranges to the editor without re-measuring characters.
 */

import type { Claim } from './claims';

/** A half-open range of UTF-16 offsets: `start <= i < end`. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * What a node of the report's outline is, in the reviewer's terms.
 * - `metadata`: the publication block a website puts above the report (索引号, 发布机构 …), with `metadataField` children.
 * - `title`, `speechLine` (——在…会议上), `speaker`, `salutation` (各位代表：): the front matter.
 * - `part`: a title that stands alone at the report's top level (“十四五”时期工作回顾), or a numbered
 *   part (`第一部分`) above the chapters.
 * - `chapter`: a level-1 section, usually `一、`; `section`: a level-2 section, usually `（一）`;
 *   `subsection`: a level-3 section (`第一，…问题。` under a `（一）`). The level is where the heading
 *   sits in the report's numbering: a report divided by `（一）` or `第一，` alone has them as chapters.
 * - `subheading`: a short unnumbered line that heads the paragraphs below it.
 * - `lead`: a paragraph whose first sentence names its topic (优化信用体系建设。…, 一是…, ——五年来…).
 * - `item`: a numbered item `1.` `（1）` `①` that structures a section.
 * - `appendix`: 附件 …; `glossary`: 名词解释 / 注释, whose children are `glossaryEntry` nodes.
 */
export type SectionKind =
  | 'metadata'
  | 'metadataField'
  | 'title'
  | 'speechLine'
  | 'speaker'
  | 'salutation'
  | 'part'
  | 'chapter'
  | 'section'
  | 'subsection'
  | 'subheading'
  | 'lead'
  | 'item'
  | 'appendix'
  | 'glossary'
  | 'glossaryEntry';

/** How a heading is numbered, so numbering can be checked per style and level. */
export type NumberingStyle =
  | 'chinese-dun' // 一、
  | 'chinese-paren' // （一） or (一)
  | 'arabic-dot' // 1.  1．  1、
  | 'arabic-paren' // （1） or (1)
  | 'circled' // ①
  | 'chinese-ordinal' // 第一、 第一， 第一部分
  | 'ordinal-shi' // 一是
  | 'bracket-note'; // ［1］

export interface Numbering {
  readonly style: NumberingStyle;
  /** The number's value: 三 → 3, ⑫ → 12. */
  readonly value: number;
  /** The number as written, with its punctuation: `（三）`, `(3)`, `3.`. */
  readonly text: string;
  readonly span: Span;
}

export interface Section {
  readonly kind: SectionKind;
  /** The display name: heading text without numbering punctuation or a trailing 。, shortened when long. */
  readonly name: string;
  /** What stands beside the name in the outline: the number as written (`（三）`), or a metadata value. */
  readonly detail?: string;
  /** The heading as written (a lead sentence for `lead`, the whole line for a heading line). */
  readonly heading: Span;
  /** Everything the section covers, heading included, up to the next sibling or a higher heading. */
  readonly span: Span;
  readonly numbering?: Numbering;
  readonly children: Section[];
}

/** A block of body text: one line of the source, or several lines a scrape broke apart. */
export interface Paragraph {
  readonly span: Span;
  /** The innermost heading section (part, chapter, section, subheading, appendix, glossary) it belongs to. */
  readonly section?: Section;
}

/** One entry of the report's own glossary (名词解释) or notes (注释). */
export interface GlossaryEntry {
  /** The term as the report writes it, without numbering and trailing colon: `“三名”工程`. */
  readonly term: string;
  /** The term without quotation marks, for matching uses in the body: `三名工程`. */
  readonly key: string;
  readonly termSpan: Span;
  readonly definition: string;
  readonly numbering?: Numbering;
  /** The whole entry, number to end of definition. */
  readonly span: Span;
}

/** Text that a website wrapped around the report: navigation, share buttons, page footers. */
export interface Leftover {
  readonly span: Span;
  readonly text: string;
}

/** Something the parser could not make sense of; never an exception. */
export interface ParseProblem {
  readonly span: Span;
  readonly message: { readonly zh: string; readonly en: string };
}

export interface Report {
  readonly text: string;
  /** The outline's roots, in document order. */
  readonly sections: readonly Section[];
  readonly paragraphs: readonly Paragraph[];
  readonly glossary: readonly GlossaryEntry[];
  /** Every figure of the body with its metric, period and modality, in document order and never overlapping (checks search them by offset). */
  readonly claims: readonly Claim[];
  readonly leftovers: readonly Leftover[];
  readonly problems: readonly ParseProblem[];
}
