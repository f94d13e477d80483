/**
 * Glossary features over LSP: hover, go to definition, references, highlights and completion of
 * known terms. Everything shown from a report or a glossary goes through `escapeMarkdown`.
 */
import {
  CompletionItemKind, DocumentHighlightKind, MarkupKind,
  type CompletionItem, type DocumentHighlight, type Hover, type Location, type Range,
} from 'vscode-languageserver/node';
import type { Report } from '../core/model';
import type { LineIndex } from '../core/text';
import type { TermDefinition, TermIndex, TermUse } from '../core/terms';
import { findTermUses, useAt } from '../service';
import { escapeMarkdown } from '../protocol/markdown';
import { toRange, type Language } from '../protocol/convert';

export interface GlossaryView {
  readonly uri: string;
  readonly report: Report;
  readonly index: LineIndex;
  readonly terms: TermIndex;
  readonly uses: readonly TermUse[];
}

export function computeUses(report: Report, terms: TermIndex): TermUse[] {
  return findTermUses(report.text, terms);
}

function sourceLabel(d: TermDefinition, language: Language): string {
  const zh = language === 'zh';
  const file = d.location ? decodeURIComponent(d.location.uri.slice(d.location.uri.lastIndexOf('/') + 1)) : '';
  switch (d.source) {
    case 'report': {
      const n = d.location?.number ?? '';
      const note = /^［|^\[/.test(n);
      const number = n.replace(/[.．、\s]/g, '');
      if (note) return zh ? `本报告注释${n}` : `This report's notes ${n}`;
      return zh ? `本报告名词解释${number ? `第${number}条` : ''}` : `This report's glossary${number ? `, entry ${number}` : ''}`;
    }
    case 'workspace':
      return zh ? `工作区术语表（${file}）` : `Workspace glossary (${file})`;
    case 'previousReport':
      return zh ? `工作区中的其他报告（${file}）` : `Another report in the workspace (${file})`;
    case 'builtin':
      return zh ? '内置术语库' : 'Built-in glossary';
  }
}

export function hoverMarkdown(term: string, definitions: readonly TermDefinition[], language: Language): string {
  const zh = language === 'zh';
  const [first, ...others] = definitions;
  const lines = [`**${escapeMarkdown(term)}**`, '', escapeMarkdown(first.definition)];
  if (first.source === 'builtin' && language === 'en' && first.definitionEn) lines.push('', escapeMarkdown(first.definitionEn));
  lines.push('', `*${escapeMarkdown(sourceLabel(first, language))}*`);
  if (first.origin && (first.origin.year || first.origin.source)) {
    const year = first.origin.year ? (zh ? `${first.origin.year}年 ` : `${first.origin.year}, `) : '';
    lines.push('', `${zh ? '来源：' : 'Origin: '}${escapeMarkdown(`${year}${first.origin.source}`)}`);
  }
  const alsoIn = others.filter((d) => d.definition !== first.definition);
  if (alsoIn.length) {
    lines.push('', `${zh ? '另见：' : 'Also defined in: '}${alsoIn.map((d) => escapeMarkdown(sourceLabel(d, language))).join(zh ? '；' : '; ')}`);
  }
  return lines.join('\n');
}

/** The note marker ［12］ at `offset`, resolved to the report's note 12. */
function noteAt(view: GlossaryView, offset: number): { span: { start: number; end: number }; definition: TermDefinition } | undefined {
  const text = view.report.text;
  const from = Math.max(0, offset - 5);
  const m = /［(\d{1,3})］|\[(\d{1,3})\]/g;
  m.lastIndex = from;
  for (let r = m.exec(text); r && r.index <= offset; r = m.exec(text)) {
    if (offset < r.index || offset >= r.index + r[0].length) continue;
    const value = Number(r[1] ?? r[2]);
    const entry = view.report.glossary.find((e) => e.numbering?.style === 'bracket-note' && e.numbering.value === value);
    if (!entry) return undefined;
    return {
      span: { start: r.index, end: r.index + r[0].length },
      definition: {
        term: entry.term, aliases: [], definition: entry.definition, source: 'report',
        location: { uri: view.uri, span: entry.termSpan, number: entry.numbering?.text },
      },
    };
  }
  return undefined;
}

export function glossaryHover(view: GlossaryView, offset: number, language: Language): Hover | null {
  const note = noteAt(view, offset);
  if (note) {
    return { contents: { kind: MarkupKind.Markdown, value: hoverMarkdown(note.definition.term, [note.definition], language) }, range: toRange(view.index, note.span) };
  }
  const use = useAt(view.uses, offset);
  if (!use || use.definitions.length === 0) return null;
  const term = use.definitions[0].term;
  return { contents: { kind: MarkupKind.Markdown, value: hoverMarkdown(term, use.definitions, language) }, range: toRange(view.index, use.span) };
}

export function glossaryDefinition(view: GlossaryView, offset: number, indexOf: (uri: string) => LineIndex | undefined): Location[] | null {
  const note = noteAt(view, offset);
  const definitions = note ? [note.definition] : useAt(view.uses, offset)?.definitions ?? [];
  const out: Location[] = [];
  for (const d of definitions) {
    if (!d.location) continue;
    const index = indexOf(d.location.uri);
    if (index) out.push({ uri: d.location.uri, range: toRange(index, d.location.span) });
  }
  return out.length ? out : null;
}

/** The term under the cursor, whether it is a use or the glossary entry that defines it. */
export function keyAt(view: GlossaryView, offset: number): string | undefined {
  return useAt(view.uses, offset)?.key;
}

export function highlights(view: GlossaryView, offset: number): DocumentHighlight[] | null {
  const use = useAt(view.uses, offset);
  if (!use) return null;
  const same = new Set(use.definitions);
  return view.uses
    .filter((u) => u.key === use.key || u.definitions.some((d) => same.has(d)))
    .map((u) => ({ range: toRange(view.index, u.span), kind: DocumentHighlightKind.Text }));
}

export function referencesIn(view: GlossaryView, definitions: readonly TermDefinition[]): Location[] {
  const wanted = new Set(definitions);
  return view.uses.filter((u) => u.definitions.some((d) => wanted.has(d))).map((u) => ({ uri: view.uri, range: toRange(view.index, u.span) }));
}

/** Known terms offered after an opening “, most specific source first. */
export function termCompletions(terms: TermIndex, language: Language): CompletionItem[] {
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const key of terms.keys()) {
    const [d] = terms.lookup(key);
    if (!d || seen.has(d.term + d.source)) continue;
    seen.add(d.term + d.source);
    const label = d.term.replace(/^“|”$/g, '');
    items.push({
      label,
      kind: CompletionItemKind.Text,
      detail: sourceLabel(d, language),
      documentation: { kind: MarkupKind.Markdown, value: hoverMarkdown(d.term, [d], language) },
      sortText: `${d.source === 'report' ? 0 : d.source === 'builtin' ? 2 : 1}${label}`,
    });
  }
  return items;
}

export interface GlossaryListItem {
  readonly term: string;
  readonly definition: string;
  readonly source: string;
  readonly uses: number;
  /** Where the report uses the term, in order: the terms list jumps to the first and shows the rest. */
  readonly useRanges: Range[];
  readonly location?: Location;
}

/** The report's own entries, then every other known term it uses, each with its number of uses. */
export function glossaryList(view: GlossaryView, language: Language, indexOf: (uri: string) => LineIndex | undefined): GlossaryListItem[] {
  const counts = new Map<TermDefinition, number>();
  const ranges = new Map<TermDefinition, Range[]>();
  for (const u of view.uses) {
    const d = u.definitions[0];
    if (!d) continue;
    counts.set(d, (counts.get(d) ?? 0) + 1);
    const list = ranges.get(d) ?? [];
    list.push(toRange(view.index, u.span));
    ranges.set(d, list);
  }
  const own = view.terms.lookupAll().filter((d) => d.source === 'report' && d.location?.uri === view.uri);
  const used = [...counts.keys()].filter((d) => !own.includes(d));
  return [...own, ...used].map((d) => {
    const index = d.location ? indexOf(d.location.uri) : undefined;
    return {
      term: d.term,
      definition: d.definition,
      source: sourceLabel(d, language),
      uses: counts.get(d) ?? 0,
      useRanges: ranges.get(d) ?? [],
      location: d.location && index ? { uri: d.location.uri, range: toRange(index, d.location.span) } : undefined,
    };
  });
}
