/**
 * The entry point of the analysis core: text in, report model out.
 * Pure: no IO, no editor or protocol types, never throws on any input.
 */
import type { Report } from './model';
import { parseStructure, type Structure } from './structure';
import { extractClaims, type ClaimsMemo } from './claims';

export function parseReport(text: string): Report {
  return assembleReport(text, parseStructure(text));
}

/**
 * The model over a parsed structure. Figures are extracted on first read of `claims`: the outline,
 * folding and symbols need the structure only, and should not wait for a scan of every number.
 * With `claimsMemo` (an edited report's), paragraphs read before are not read again.
 */
export function assembleReport(text: string, structure: Structure, claimsMemo?: ClaimsMemo): Report {
  // A BOM is not part of the report; it stays in `text` so offsets match the editor's buffer.
  const outline = { text, ...structure, claims: [] };
  const report = { ...outline };
  let claims: Report['claims'] | undefined;
  Object.defineProperty(report, 'claims', { enumerable: true, configurable: false, get: () => (claims ??= extractClaims(outline, claimsMemo)) });
  return report;
}
