/** What the benchmark measures in process: the whole analysis of a report, as the server runs it. */
import { parseReport } from '../server/src/core/report';
import { runChecks } from '../server/src/checks';
import { LineIndex } from '../server/src/core/text';

export function analyse(text: string): number {
  const report = parseReport(text);
  const findings = runChecks(report);
  new LineIndex(text);
  return report.sections.length + findings.length;
}
