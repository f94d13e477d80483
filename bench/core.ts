/** What the benchmark measures in process: the analysis the server runs per version, and per request. */
import { parseReport } from '../server/src/core/report';
import { ReportParser } from '../server/src/core/incremental';
import { toDocumentSymbols } from '../server/src/protocol/convert';
import { runChecks, standaloneContext } from '../server/src/checks';
import { LineIndex, lineIndexOf } from '../server/src/core/text';
import { builtinDefinitions } from '../server/src/core/builtin-glossary';
import { TermIndex, findTermUses, reportDefinitions } from '../server/src/core/terms';
import { glossaryDefinition, glossaryHover, type GlossaryView } from '../server/src/lsp/glossary';

/** Parse, checks and term uses with the full built-in glossary: what a new document version costs. */
export function analyse(text: string): number {
  const report = parseReport(text);
  const context = standaloneContext(report, builtinDefinitions());
  const findings = runChecks(report, {}, context);
  new LineIndex(text);
  return report.sections.length + findings.length + context.uses.length;
}

/** A ready view of one report, so hover and definition can be timed per request. */
export function glossaryView(text: string): GlossaryView {
  const report = parseReport(text);
  const terms = new TermIndex([...reportDefinitions(report, 'file:///bench.txt'), ...builtinDefinitions()]);
  return { uri: 'file:///bench.txt', report, index: new LineIndex(text), terms, uses: findTermUses(text, terms) };
}

export function hoverAndDefinition(view: GlossaryView, offset: number): boolean {
  const hover = glossaryHover(view, offset, 'zh');
  const definition = glossaryDefinition(view, offset, () => view.index);
  return !!hover || !!definition;
}

/**
 * The outline after a keystroke: one character inserted mid-text, then the symbols, with the
 * incremental parser of an open document or a full parse. Returns the wall and CPU milliseconds of
 * each run (CPU time, of the whole process, is the steadier of the two on a shared machine).
 */
export function keystrokeOutline(text: string, runs: number, incremental: boolean, into = 1): { wall: number[]; cpu: number[] } {
  const parser = new ReportParser();
  // `into` characters into the line after the middle of the text.
  const at = text.indexOf('\n', text.length >> 1) + 1 + into;
  // As the server parses: with the change the editor reports.
  const parse = (t: string, first = false) => (incremental ? parser.parse(t, first ? undefined : [{ start: at, end: at, length: 1 }]) : parseReport(t));
  parse(text, true);
  let current = text;
  const wall: number[] = [];
  const cpu: number[] = [];
  const cpuNow = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  for (let i = 0; i < runs; i++) {
    current = current.slice(0, at) + '改' + current.slice(at);
    const t = process.hrtime.bigint();
    const c = cpuNow();
    const report = parse(current);
    // The line index as the server makes it: from the lines an incremental parse split.
    toDocumentSymbols(report, incremental ? lineIndexOf(report) : new LineIndex(current));
    cpu.push(cpuNow() - c);
    wall.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return { wall, cpu };
}
