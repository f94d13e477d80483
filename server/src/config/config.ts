/**
 * `.reportreview.json`: the one settings file the server and the CLI both read. The CLI finds it by
 * walking up from the report; the server reads the one at each workspace folder's root.
 *
 *   {
 *     "checks": { "section-numbering": "off", "glossary-unused": "hint" },
 *     "glossary": [ { "term": "三个最多", "definition": "…", "aliases": ["三个“最多”"] } ],
 *     "glossaryFiles": ["docs/术语表.md", "terms.csv"],
 *     "builtinGlossary": true
 *   }
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CheckSettings } from '../checks';
import type { TermDefinition } from '../core/terms';
import { parseCsvGlossary, parseMarkdownGlossary, toDefinitions, type UserGlossaryEntry } from '../core/user-glossary';

export const CONFIG_FILE = '.reportreview.json';

export interface ReviewConfig {
  readonly checks: CheckSettings;
  readonly glossary: readonly UserGlossaryEntry[];
  readonly glossaryFiles: readonly string[];
  readonly builtinGlossary: boolean;
}

export const DEFAULT_CONFIG: ReviewConfig = { checks: {}, glossary: [], glossaryFiles: [], builtinGlossary: true };

export interface LoadedConfig {
  readonly config: ReviewConfig;
  /** Where it was read from; undefined when no file was found. */
  readonly path?: string;
  /** A message for the user when the file exists but cannot be used. */
  readonly error?: string;
}

/** The nearest `.reportreview.json` at or above `directory`. */
export function findConfig(directory: string): LoadedConfig {
  let dir = resolve(directory);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE);
    if (existsSync(candidate)) return readConfig(candidate);
    const parent = dirname(dir);
    if (parent === dir) return { config: DEFAULT_CONFIG };
    dir = parent;
  }
}

export function readConfig(path: string): LoadedConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8').replace(/^\ufeff/, ''));
  } catch (error) {
    return { config: DEFAULT_CONFIG, path, error: `${path}: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { config: DEFAULT_CONFIG, path, error: `${path}: expected a JSON object` };
  const o = raw as Record<string, unknown>;
  const checks: Record<string, string> = {};
  if (o.checks && typeof o.checks === 'object') {
    for (const [id, value] of Object.entries(o.checks as Record<string, unknown>)) {
      if (typeof value === 'string' && ['off', 'error', 'warning', 'information', 'hint'].includes(value)) checks[id] = value;
    }
  }
  return {
    path,
    config: {
      checks: checks as CheckSettings,
      glossary: Array.isArray(o.glossary) ? (o.glossary as UserGlossaryEntry[]) : [],
      glossaryFiles: Array.isArray(o.glossaryFiles) ? o.glossaryFiles.filter((f): f is string => typeof f === 'string') : [],
      builtinGlossary: o.builtinGlossary !== false,
    },
  };
}

/** The definitions a config contributes: its inline glossary and the files it names. */
export function workspaceDefinitions(loaded: LoadedConfig): { definitions: TermDefinition[]; errors: string[] } {
  const errors: string[] = [];
  if (!loaded.path) return { definitions: [], errors };
  const base = dirname(loaded.path);
  const definitions = toDefinitions(loaded.config.glossary, 'workspace', pathToFileURL(loaded.path).href);
  for (const file of loaded.config.glossaryFiles) {
    const path = resolve(base, file);
    try {
      const text = readFileSync(path, 'utf8');
      const entries = extname(path).toLowerCase() === '.csv' ? parseCsvGlossary(text) : parseMarkdownGlossary(text);
      definitions.push(...toDefinitions(entries, 'workspace', pathToFileURL(path).href));
    } catch (error) {
      errors.push(`${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  }
  return { definitions, errors };
}
