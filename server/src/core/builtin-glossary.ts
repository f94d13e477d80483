/**
 * The built-in glossary: policy terms that recur in government work reports, with definitions
 * written for reviewers, their aliases, origin and category. The data lives in
 * `data/builtin-glossary.json` (schema beside it) and is bundled, so loading it does no IO. The
 * bundle parses it on first read of `entries` (esbuild.mjs), so a command that needs no glossary
 * (`report-review outline`) never pays for it.
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

export function builtinEntries(): readonly BuiltinEntry[] {
  return (data as { entries: BuiltinEntry[] }).entries;
}

let cached: TermDefinition[] | undefined;

export function builtinDefinitions(): TermDefinition[] {
  cached ??= builtinEntries().map((e) => ({
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
