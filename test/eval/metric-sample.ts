/**
 * `npx tsx test/eval/metric-sample.ts`: the rows of metric-sample.tsv whose metric the extractor
 * now names differently from the judged `metric_after`, so that they can be read and judged again.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '../../server/src/core/report';
import type { Claim } from '../../server/src/core/claims';

const ROOT = join(__dirname, '..', '..');
const claimsOf = new Map<string, Claim[]>();
let changed = 0;
for (const line of readFileSync(join(ROOT, 'test/eval/metric-sample.tsv'), 'utf8').split('\n')) {
  if (!line || line.startsWith('#') || line.startsWith('n\t')) continue;
  const [n, report, offset, figure, , , , metricAfter, , verdict] = line.split('\t');
  if (!claimsOf.has(report)) claimsOf.set(report, [...parseReport(readFileSync(join(ROOT, 'test/corpus/national', report), 'utf8')).claims]);
  const at = Number(offset);
  const claim = claimsOf.get(report)!.find((c) => c.span.start <= at && c.span.end > at);
  const now = claim ? claim.metric || '∅' : '(no figure)';
  if (now !== metricAfter) {
    changed++;
    console.log(`${n} ${report}:${offset} ${figure}: judged ${verdict} as “${metricAfter}”, now “${now}”`);
  }
}
console.log(`${changed} of the sampled metrics changed since they were judged`);
