/**
 * The entry point of the analysis core: text in, report model out.
 * Pure: no IO, no editor or protocol types, never throws on any input.
 */
import type { Report } from './model';
import { parseStructure, type Structure } from './structure';
import { claimSteps, type Claim, type ClaimsMemo } from './claims';
import { finish, type Steps } from './steps';

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
  // One extraction, read in steps by the checks (`readClaims`) or at once by what needs the figures first.
  let claims: readonly Claim[] | undefined;
  let extraction: Steps<Claim[]> | undefined;
  const read = function* (): Steps<readonly Claim[]> {
    if (claims) return claims;
    extraction ??= claimSteps(outline, claimsMemo);
    let made: Claim[] | undefined;
    try {
      made = yield* extraction;
    } catch (error) {
      // As before steps: a read that fails leaves the next one to start over.
      extraction = undefined;
      throw error;
    }
    // A hover that read `claims` while these steps paused finished the extraction: `made` is then undefined.
    return (claims ??= made);
  };
  Object.defineProperty(report, 'claims', { enumerable: true, configurable: false, get: () => claims ?? finish(read()) });
  readers.set(report, read);
  return report;
}

const readers = new WeakMap<Report, () => Steps<readonly Claim[]>>();

/** `report.claims`, in steps (core/steps.ts): a long report's figures without holding up a keystroke. */
export function* readClaims(report: Report): Steps<readonly Claim[]> {
  const reader = readers.get(report);
  return reader ? yield* reader() : report.claims;
}
