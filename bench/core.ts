/** What the benchmark measures in process: the analysis the server runs per version, and per request. */
import { parseReport } from '../server/src/core/report';
import { runChecks, standaloneContext } from '../server/src/checks';
import { LineIndex } from '../server/src/core/text';
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
