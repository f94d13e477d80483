/**
 * The built-in glossary: policy terms that recur in government work reports, with definitions
 * written for reviewers, their aliases, origin and category. The data lives in
 * `data/builtin-glossary.json` (schema beside it) and is bundled, so loading it does no IO.
 */
import data from '../data/builtin-glossary.json';
import type { TermDefinition } from './terms';

export interface BuiltinEntry {
  readonly id: string;
  readonly term: string;
  readonly aliases: readonly string[];
  readonly definition: string;
  readonly definitionEn: string;
  readonly origin: { readonly year: number | null; readonly source: string };
  readonly category: string;
}

export const BUILTIN_ENTRIES: readonly BuiltinEntry[] = (data as { entries: BuiltinEntry[] }).entries;

let cached: TermDefinition[] | undefined;

export function builtinDefinitions(): TermDefinition[] {
  cached ??= BUILTIN_ENTRIES.map((e) => ({
    term: e.term,
    aliases: e.aliases,
    definition: e.definition,
    definitionEn: e.definitionEn,
    source: 'builtin' as const,
    origin: e.origin,
    category: e.category,
  }));
  return cached;
}
