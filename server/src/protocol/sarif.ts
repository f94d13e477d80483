/** SARIF 2.1.0 for code-scanning dashboards: one run, the checks as rules, findings as results. */
import { CHECKS, type RatedFinding } from '../checks';
import type { LineIndex } from '../core/text';
import type { Report } from '../core/model';
import { fingerprint } from '../checks/decisions';
import { say, type Language } from './convert';
import { CONFIRMED_PREFIX } from './checklist';

const LEVEL: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export interface SarifInput {
  readonly uri: string;
  readonly report: Report;
  readonly index: LineIndex;
  readonly findings: readonly RatedFinding[];
  /** Findings the reviewer confirmed: their message is marked, and `properties.reviewDecision` says so. */
  readonly confirmed?: ReadonlySet<RatedFinding>;
}

export function toSarif(files: readonly SarifInput[], language: Language, version: string): object {
  const region = (index: LineIndex, span: { start: number; end: number }) => {
    const start = index.position(span.start);
    const end = index.position(span.end);
    return { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
  };
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'report-review',
            version,
            rules: CHECKS.map((c) => ({
              id: c.id,
              shortDescription: { text: say(c.description, language) },
              defaultConfiguration: { level: LEVEL[c.defaultSeverity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: files.flatMap((f) =>
          f.findings.map((finding) => ({
            ruleId: finding.checkId,
            level: LEVEL[finding.severity],
            message: { text: `${f.confirmed?.has(finding) ? say(CONFIRMED_PREFIX, language) : ''}${say(finding.message, language)}` },
            locations: [{ physicalLocation: { artifactLocation: { uri: f.uri }, region: region(f.index, finding.span) } }],
            relatedLocations: (finding.related ?? []).map((r, id) => ({
              id,
              message: { text: say(r.message, language) },
              physicalLocation: { artifactLocation: { uri: f.uri }, region: region(f.index, r.span) },
            })),
            partialFingerprints: { 'reportReview/v1': fingerprint(f.report, finding) },
            ...(f.confirmed?.has(finding) ? { properties: { reviewDecision: 'confirmed' } } : {}),
          })),
        ),
      },
    ],
  };
}
