/**
 * Quotations: the one definition of a “…” span that the core and every check read.
 *
 * A quote is an opening “ and the nearest ” after it on the same line, with no other quotation mark
 * between: `推行“店小二”服务` holds one, `“六五’时期` none (text-integrity reports the lone mark),
 * and in `“甲“乙”` only “乙” is a quote, the first mark having lost its partner. A quote never runs
 * over a line break: a report's paragraphs are lines, and a mark left open would otherwise swallow
 * the rest of the report. Nested ‘…’ marks belong to the quote they stand in.
 */
import type { Span } from './model';
import { firstItemFrom, itemsWithin } from './text';

export interface Quote {
  /** From the opening mark to just after the closing one. */
  readonly span: Span;
  /** What stands between the marks. */
  readonly content: Span;
}

const OPEN = 0x201c; // “
const CLOSE = 0x201d; // ”

/** Every quote of `text[from, to)`, in document order. */
export function scanQuotes(text: string, from = 0, to = text.length): Quote[] {
  const quotes: Quote[] = [];
  let open = -1;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === OPEN) open = i;
    else if (code === 10 || code === 13) open = -1;
    else if (code === CLOSE && open >= 0) {
      quotes.push({ span: { start: open, end: i + 1 }, content: { start: open + 1, end: i } });
      open = -1;
    }
  }
  return quotes;
}

const reportQuotes = new WeakMap<object, readonly Quote[]>();

/** The quotes of a report's text, scanned once per report: a model is never changed after parsing. */
export function quotesOf(report: { readonly text: string }): readonly Quote[] {
  let quotes = reportQuotes.get(report);
  if (!quotes) reportQuotes.set(report, (quotes = scanQuotes(report.text)));
  return quotes;
}

/** The quotes that lie wholly inside `span`. */
export function quotesIn(quotes: readonly Quote[], span: Span): Quote[] {
  return itemsWithin(quotes, span.start, span.end);
}

/** The quote whose content holds `offset`, if any. */
export function quoteAt(quotes: readonly Quote[], offset: number): Quote | undefined {
  const i = firstItemFrom(quotes, offset) - 1;
  const q = quotes[i];
  return q && q.content.start <= offset && offset < q.content.end ? q : undefined;
}

/** The content of a quote as a string. */
export function quoteText(text: string, quote: Quote): string {
  return text.slice(quote.content.start, quote.content.end);
}
