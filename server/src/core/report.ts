/**
 * The entry point of the analysis core: text in, report model out.
 * Pure: no IO, no editor or protocol types, never throws on any input.
 */
import type { Report } from './model';
import { parseStructure } from './structure';
import { extractClaims } from './claims';

export function parseReport(text: string): Report {
  // A BOM is not part of the report; it stays in `text` so offsets match the editor's buffer.
  const structure = parseStructure(text);
  const outline = { text, ...structure, claims: [] };
  return { ...outline, claims: extractClaims(outline) };
}
