/**
 * `.reportreview.json`: the one settings file the server and the CLI both read. The CLI finds it by
 * walking up from the report, and stops at the repository root (the folder holding `.git`); the
 * server reads the one at each workspace folder's root.
 *
 *   {
 *     "checks": { "section-numbering": "off", "glossary-unused": "hint" },
 *     "glossary": [ { "term": "三个最多", "definition": "…", "aliases": ["三个“最多”"] } ],
 *     "glossaryFiles": ["docs/术语表.md", "terms.csv"],
 *     "builtinGlossary": true,
 *     "pairs": [["2022.txt", "2023.txt"]],
 *     "evidence": ["统计数据.csv"],
 *     "metricSynonyms": [["居民消费价格涨幅", "物价总水平上涨"]],
 *     "metricPolarity": { "空置率": "lower" }
 *   }
 *
 * The file is validated against `schemas/reportreview.schema.json`; each problem is reported with
 * its position, and the settings that are valid still apply. Glossary files and evidence tables
 * must be regular files inside the config's folder.
 */
import { existsSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv';
import schema from '../../../schemas/reportreview.schema.json';
import { CHECKS, type CheckSettings } from '../checks';
import type { Localized } from '../checks/types';
import type { TermDefinition } from '../core/terms';
import { LineIndex } from '../core/text';
import { parseCsvGlossary, parseMarkdownGlossary, toDefinitions, type UserGlossaryEntry } from '../core/user-glossary';
import { LIMITS, readRegularFile, readTextFile } from '../io/files';
import type { EvidenceRow } from '../core/evidence';
import { extendVocabulary, type TargetVocabulary } from '../core/targets';
import { readEvidence } from './evidence-table';
import { jsonSpans, parseErrorOffset, type JsonSpan } from './json-positions';

export const CONFIG_FILE = '.reportreview.json';

export interface ReviewConfig {
  readonly checks: CheckSettings;
  readonly glossary: readonly UserGlossaryEntry[];
  readonly glossaryFiles: readonly string[];
  readonly builtinGlossary: boolean;
  /** Reports paired by hand, previous year first, as written (relative to the config's folder). */
  readonly pairs: readonly (readonly [string, string])[];
  /** Evidence tables, as written (relative to the config's folder). */
  readonly evidence: readonly string[];
  readonly metricSynonyms: readonly (readonly string[])[];
  readonly metricPolarity: Readonly<Record<string, 'higher' | 'lower'>>;
}

export const DEFAULT_CONFIG: ReviewConfig = { checks: {}, glossary: [], glossaryFiles: [], builtinGlossary: true, pairs: [], evidence: [], metricSynonyms: [], metricPolarity: {} };

/** Something wrong with the config file, at a position in it (0-based line and UTF-16 character). */
export interface ConfigProblem {
  readonly file: string;
  readonly range: { start: { line: number; character: number }; end: { line: number; character: number } };
  readonly message: Localized;
}

export interface LoadedConfig {
  readonly config: ReviewConfig;
  /** Where it was read from; undefined when no file was found. */
  readonly path?: string;
  readonly problems: readonly ConfigProblem[];
  /** Where each value is in the file, for problems found later (a glossary file that cannot be read). */
  readonly locate?: (pointer: string) => ConfigProblem['range'];
}

const SEVERITIES = ['off', 'error', 'warning', 'information', 'hint'];

/**
 * The nearest `.reportreview.json` at or above `directory`, up to the repository root: the first
 * folder that holds `.git` (a directory, or a file in a worktree) is the last one looked at.
 */
export function findConfig(directory: string): LoadedConfig {
  let dir = resolve(directory);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE);
    if (existsSync(candidate)) return readConfig(candidate);
    const parent = dirname(dir);
    if (parent === dir || existsSync(join(dir, '.git'))) return { config: DEFAULT_CONFIG, problems: [] };
    dir = parent;
  }
}

let validator: ValidateFunction | undefined;

function validate(value: unknown): ErrorObject[] {
  // Loaded on the first config read: most CLI runs and reports have no config, and loading the
  // validator costs more than a small report's whole analysis.
  if (!validator) {
    const { default: Ajv } = require('ajv') as typeof import('ajv');
    validator = new Ajv({ allErrors: true, strict: false }).compile(schema);
  }
  return validator(value) ? [] : [...(validator.errors ?? [])];
}

/** Reads and validates a config file; what is valid applies, each problem is reported. */
export function readConfig(path: string): LoadedConfig {
  const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const read = readTextFile(path, LIMITS.config, dirname(path));
  if (!read.ok) return { config: DEFAULT_CONFIG, path, problems: [{ file: path, range: whole, message: read.reason }] };
  return parseConfig(path, read.text);
}

/** Validates the text of a config file read from `path`; no IO. */
export function parseConfig(path: string, text: string): LoadedConfig {
  const index = new LineIndex(text);
  const rangeOf = (start: number, end: number) => ({ start: index.position(start), end: index.position(end) });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = Math.min(parseErrorOffset(message), text.length);
    return {
      config: DEFAULT_CONFIG, path,
      problems: [{ file: path, range: rangeOf(offset, Math.min(offset + 1, text.length)), message: { zh: `不是有效的 JSON，整个文件未生效：${message}`, en: `not valid JSON, so none of it applies: ${message}` } }],
    };
  }
  const spans = jsonSpans(text);
  const spanOf = (pointer: string): JsonSpan => {
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
      const span = spans.get(p);
      if (span) return span;
      if (!p) return { start: 0, end: 0 };
    }
  };
  const locate = (pointer: string) => {
    const span = spanOf(pointer);
    return rangeOf(span.start, span.end);
  };
  const problems: ConfigProblem[] = validate(raw).map((e) => {
    const member = e.keyword === 'additionalProperties' ? `${e.instancePath}/${String(e.params.additionalProperty).replace(/~/g, '~0').replace(/\//g, '~1')}` : e.instancePath;
    const span = spanOf(member);
    const at = e.keyword === 'additionalProperties' && span.key ? span.key : span;
    return { file: path, range: rangeOf(at.start, at.end), message: describe(e) };
  });
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { config: DEFAULT_CONFIG, path, problems, locate };
  const o = raw as Record<string, unknown>;
  const known = new Set(CHECKS.map((c) => c.id));
  const checks: Record<string, string> = {};
  if (o.checks && typeof o.checks === 'object' && !Array.isArray(o.checks)) {
    for (const [id, value] of Object.entries(o.checks as Record<string, unknown>)) {
      if (known.has(id) && typeof value === 'string' && SEVERITIES.includes(value)) checks[id] = value;
    }
  }
  const glossary = Array.isArray(o.glossary)
    ? (o.glossary as unknown[]).filter((e): e is UserGlossaryEntry => !!e && typeof e === 'object' && typeof (e as UserGlossaryEntry).term === 'string' && typeof (e as UserGlossaryEntry).definition === 'string')
    : [];
  // The schema has reported what is ill-formed; only the well-formed entries apply.
  const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((f): f is string => typeof f === 'string' && f.length > 0) : []);
  const groups = (value: unknown, min: number, max = Infinity): string[][] =>
    Array.isArray(value) ? value.filter((g): g is string[] => Array.isArray(g) && g.length >= min && g.length <= max && g.every((w) => typeof w === 'string' && w.length > 0)) : [];
  const polarity: Record<string, 'higher' | 'lower'> = {};
  if (o.metricPolarity && typeof o.metricPolarity === 'object' && !Array.isArray(o.metricPolarity)) {
    for (const [word, way] of Object.entries(o.metricPolarity as Record<string, unknown>)) if (word && (way === 'higher' || way === 'lower')) polarity[word] = way;
  }
  return {
    path,
    problems,
    locate,
    config: {
      checks: checks as CheckSettings,
      glossary,
      glossaryFiles: strings(o.glossaryFiles),
      builtinGlossary: typeof o.builtinGlossary === 'boolean' ? o.builtinGlossary : true,
      pairs: groups(o.pairs, 2, 2).filter(([a, b]) => a !== b).map(([a, b]) => [a, b] as const),
      evidence: strings(o.evidence),
      metricSynonyms: groups(o.metricSynonyms, 2),
      metricPolarity: polarity,
    },
  };
}

/** A schema error in the reviewer's words, naming the setting. */
function describe(e: ErrorObject): Localized {
  const where = e.instancePath.replace(/\/(\d+)(?=\/|$)/g, '[$1]').replace(/^\//, '').replace(/\//g, '.') || CONFIG_FILE;
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'additionalProperties') {
    const name = String(p.additionalProperty);
    if (e.instancePath === '/checks') {
      const ids = CHECKS.map((c) => c.id).join(', ');
      return { zh: `checks：没有 id 为“${name}”的检查项（已有：${ids}），此项被忽略`, en: `checks: there is no check with id "${name}" (known: ${ids}); ignored` };
    }
    return { zh: `${where}：未知的设置“${name}”，被忽略`, en: `${where}: unknown setting "${name}"; ignored` };
  }
  if (e.keyword === 'enum') {
    const allowed = (p.allowedValues as unknown[]).join(', ');
    return { zh: `${where}：取值须为 ${allowed} 之一，此项被忽略`, en: `${where}: must be one of ${allowed}; ignored` };
  }
  if (e.keyword === 'type') {
    return { zh: `${where}：类型应为 ${String(p.type)}，此项被忽略`, en: `${where}: must be of type ${String(p.type)}; ignored` };
  }
  if (e.keyword === 'minItems' || e.keyword === 'maxItems') {
    const [zh, en] = e.keyword === 'minItems' ? ['至少', 'at least'] : ['至多', 'at most'];
    return { zh: `${where}：应有${zh} ${String(p.limit)} 项，此项被忽略`, en: `${where}: must have ${en} ${String(p.limit)} items; ignored` };
  }
  if (e.keyword === 'required') {
    return { zh: `${where}：缺少“${String(p.missingProperty)}”，此条被忽略`, en: `${where}: "${String(p.missingProperty)}" is missing; this entry is ignored` };
  }
  return { zh: `${where}：${e.message ?? e.keyword}`, en: `${where}: ${e.message ?? e.keyword}` };
}

/** Reads a glossary file named by a config: a regular text file inside `root`. */
export type GlossaryReader = (path: string, root: string) => { ok: true; text: string; realPath: string } | { ok: false; reason: Localized };

/**
 * The definitions a config contributes: its inline glossary and the files it names. A file outside
 * the config's folder (also through a symlink), a device, a pipe or a file above the size limit is
 * refused, with a problem on the `glossaryFiles` entry that names it.
 */
export function workspaceDefinitions(loaded: LoadedConfig, read: GlossaryReader = (path, root) => readTextFile(path, LIMITS.glossaryFile, root)): { definitions: TermDefinition[]; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  if (!loaded.path) return { definitions: [], problems };
  const base = dirname(loaded.path);
  const definitions = toDefinitions(loaded.config.glossary, 'workspace', pathToFileURL(loaded.path).href);
  loaded.config.glossaryFiles.forEach((file, i) => {
    const result = read(resolve(base, file), base);
    if (!result.ok) {
      const range = loaded.locate?.(`/glossaryFiles/${i}`) ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      problems.push({ file: loaded.path!, range, message: { zh: `glossaryFiles[${i}]“${file}”：${result.reason.zh}`, en: `glossaryFiles[${i}] "${file}": ${result.reason.en}` } });
      return;
    }
    const entries = extname(result.realPath).toLowerCase() === '.csv' ? parseCsvGlossary(result.text) : parseMarkdownGlossary(result.text);
    for (const d of toDefinitions(entries, 'workspace', pathToFileURL(result.realPath).href)) definitions.push(d);
  });
  return { definitions, problems };
}

/** The built-in target vocabulary with the config's `metricSynonyms` and `metricPolarity`. */
export function targetVocabulary(config: ReviewConfig): TargetVocabulary {
  return extendVocabulary(config.metricSynonyms, config.metricPolarity).vocabulary;
}

/** The config's `pairs`, as absolute paths resolved from its folder. */
export function resolvedPairs(loaded: LoadedConfig): [string, string][] {
  if (!loaded.path) return [];
  const base = dirname(loaded.path);
  return loaded.config.pairs.map(([previous, next]) => [resolve(base, previous), resolve(base, next)]);
}

/** One evidence table as read: its rows, and where it is for links to a row. */
export interface EvidenceTableFile {
  /** The name rows carry (`EvidenceRow.file`) and messages show: the entry as written. */
  readonly name: string;
  readonly uri: string;
  readonly index: LineIndex;
  readonly rows: readonly EvidenceRow[];
}

/**
 * The evidence tables a config names, read with the same containment as glossary files: a path
 * outside the config's folder (also through a symlink), a device, a pipe or a file above the size
 * limit is refused, with a problem on the `evidence` entry; so is a table that is not CSV. Rows
 * that cannot be read are problems on the entry too, and the other rows still apply.
 */
export function evidenceTables(loaded: LoadedConfig): { tables: EvidenceTableFile[]; problems: ConfigProblem[] } {
  const tables: EvidenceTableFile[] = [];
  const problems: ConfigProblem[] = [];
  if (!loaded.path) return { tables, problems };
  const base = dirname(loaded.path);
  loaded.config.evidence.forEach((file, i) => {
    const range = loaded.locate?.(`/evidence/${i}`) ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const problem = (message: Localized) => problems.push({ file: loaded.path!, range, message: { zh: `evidence[${i}]：${message.zh}`, en: `evidence[${i}]: ${message.en}` } });
    const read = readRegularFile(resolve(base, file), LIMITS.evidenceFile, base);
    if (!read.ok) {
      problem({ zh: `“${file}”：${read.reason.zh}`, en: `"${file}": ${read.reason.en}` });
      return;
    }
    // The table's own messages name the file and the line.
    const table = readEvidence(read.bytes, file);
    for (const e of table.errors) problem(e);
    // A table none of whose rows can be read (not CSV, no header) is left out, as an unreadable file is.
    if (table.errors.length && !table.rows.length) return;
    // Named as the workspace spells it (not its real path), so a watcher's change event matches it.
    tables.push({ name: file, uri: pathToFileURL(resolve(base, file)).href, index: table.index, rows: table.rows });
  });
  return { tables, problems };
}

/** `file:3:5: message`, 1-based, as compilers print it. */
export function formatProblem(problem: ConfigProblem, language: 'zh' | 'en'): string {
  return `${problem.file}:${problem.range.start.line + 1}:${problem.range.start.character + 1}: ${language === 'zh' ? problem.message.zh : problem.message.en}`;
}
