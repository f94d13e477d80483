/**
 * The workspace on disk: `.reportreview.json` (at each folder's root for the editor, the nearest
 * one up to the repository root for the CLI), the glossary files it names, and the report files of
 * the folders. Every read goes through the guarded reader (regular files only, size-limited, inside
 * the folder). The listing is bounded in depth and count. Changes are told by the host (the
 * language server hears them from the client's file watchers) through `fileChanged`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CheckSettings } from '../checks';
import { CONFIG_FILE, evidenceTables, findConfig, readConfig, resolvedPairs, targetVocabulary, workspaceDefinitions, type ConfigProblem, type LoadedConfig } from '../config/config';
import type { EvidenceRow } from '../core/evidence';
import type { LineIndex } from '../core/text';
import { NO_TARGET_SETTINGS, type TargetSettings } from './targets';
import { readDecisions } from '../config/review-file';
import { readRegularFile } from '../io/files';
import type { TermDefinition } from '../core/terms';
import { REPORT_EXTENSIONS, type Disposable, type FileChange, type RecordedDecisions, type ReviewWorkspace, type WorkspaceRead, type WorkspaceSettings } from './workspace';

const SKIP_DIRECTORIES = new Set(['node_modules', '.git', 'dist', 'out', '.tools', 'test-output']);

export interface NodeWorkspaceOptions {
  /**
   * Where the config is looked for: `root`, the one at each folder's root (the editor's workspace
   * folders); `nearest`, the nearest at or above the folder up to the repository root (the CLI).
   */
  readonly config?: 'root' | 'nearest';
  /** How deep below a folder reports are listed: 6 for the editor's folders, 0 (the folder's own files) for the CLI. */
  readonly depth?: number;
}

export class NodeWorkspace implements ReviewWorkspace {
  private readonly listeners = new Set<(changes: readonly FileChange[]) => void>();
  /** Files the host has read and decoded already (the CLI's FILEs), by URI. */
  private readonly read = new Map<string, { readonly text: string; readonly bytes: number }>();

  constructor(readonly folders: readonly string[], private readonly options: NodeWorkspaceOptions = {}) {}

  /** The folders of `file:` URIs; others (untitled, a file URI with a host) have no local path here. */
  static fromUris(uris: readonly string[], options?: NodeWorkspaceOptions): NodeWorkspace {
    const folders: string[] = [];
    for (const uri of uris) {
      const path = pathOf(uri);
      if (path) folders.push(path);
    }
    return new NodeWorkspace(folders, options);
  }

  readSettings(): WorkspaceSettings {
    const configs: LoadedConfig[] = [];
    for (const folder of this.folders) {
      if (this.options.config === 'nearest') {
        const loaded = findConfig(folder);
        if (loaded.path && !configs.some((c) => c.path === loaded.path)) configs.push(loaded);
        continue;
      }
      const path = join(folder, CONFIG_FILE);
      if (existsSync(path)) configs.push(readConfig(path));
    }
    const definitions: TermDefinition[] = [];
    const problems: ConfigProblem[] = [];
    const sources: string[] = [];
    for (const loaded of configs) {
      const found = workspaceDefinitions(loaded);
      for (const d of found.definitions) definitions.push(d);
      for (const p of [...loaded.problems, ...found.problems]) problems.push(p);
      sources.push(pathToFileURL(loaded.path!).href);
      for (const file of loaded.config.glossaryFiles) sources.push(pathToFileURL(resolve(dirname(loaded.path!), file)).href);
    }
    const targets = targetSettings(configs);
    problems.push(...targets.problems);
    sources.push(...Object.keys(targets.tables));
    return {
      checks: Object.assign({}, ...configs.map((c) => c.config.checks)) as CheckSettings,
      builtinGlossary: configs.every((c) => c.config.builtinGlossary),
      definitions,
      problems,
      sources,
      targets,
    };
  }

  listReportFiles(max: number): string[] {
    const files: string[] = [];
    for (const folder of this.folders) collectFiles(folder, files, 0, max, this.options.depth ?? 6);
    return files.map((f) => pathToFileURL(f).href);
  }

  /**
   * The text of a file the host has just read itself: the scan takes it as it is instead of reading
   * the file again, and a file the host decoded from GB18030 is then not read as UTF-8 as well.
   */
  remember(uri: string, text: string, bytes: number): void {
    this.read.set(uri, { text, bytes });
  }

  readFile(uri: string, maxBytes: number): WorkspaceRead {
    const known = this.read.get(uri);
    // Above the limit, the read from disk says so in its own words.
    if (known && known.bytes <= maxBytes) return { ok: true, text: known.text, bytes: known.bytes };
    const path = pathOf(uri);
    if (!path) return { ok: false, problem: 'missing', reason: { zh: '不是本机文件', en: 'not a local file' } };
    const folder = this.folders.find((f) => path.startsWith(f.endsWith(sep) ? f : f + sep));
    const read = readRegularFile(path, maxBytes, folder);
    if (!read.ok) return read;
    return { ok: true, text: read.bytes.toString('utf8').replace(/^\ufeff/, ''), bytes: read.bytes.length };
  }

  readDecisions(uri: string): RecordedDecisions {
    const path = pathOf(uri);
    return path ? readDecisions(path) : { decisions: [] };
  }

  onDidChangeFiles(listener: (changes: readonly FileChange[]) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Files changed on disk (the client's watchers saw it). */
  fileChanged(changes: readonly FileChange[]): void {
    // The client may spell a URI differently (percent-encoding); the workspace's own spelling is the listing's.
    const canonical = changes.map((c) => {
      const path = pathOf(c.uri);
      return path ? { ...c, uri: pathToFileURL(path).href } : c;
    });
    for (const listener of this.listeners) listener(canonical);
  }
}

/**
 * The configs' pairs (as URIs), their evidence tables (read contained to each config's folder; a
 * row is known by its table's URI, as two folders may both name `统计数据.csv`) and the vocabulary
 * with their synonyms and polarity words.
 */
export function targetSettings(configs: readonly LoadedConfig[]): TargetSettings {
  if (!configs.length) return NO_TARGET_SETTINGS;
  const vocabulary = targetVocabulary({
    ...configs[0].config,
    metricSynonyms: configs.flatMap((c) => c.config.metricSynonyms),
    metricPolarity: Object.assign({}, ...configs.map((c) => c.config.metricPolarity)),
  });
  const pairs = configs.flatMap(resolvedPairs).map(([p, n]) => [pathToFileURL(p).href, pathToFileURL(n).href] as const);
  const evidence: EvidenceRow[] = [];
  const tables: Record<string, { uri: string; index: LineIndex; name: string }> = {};
  const problems: ConfigProblem[] = [];
  for (const config of configs) {
    const read = evidenceTables(config);
    problems.push(...read.problems);
    for (const table of read.tables) {
      tables[table.uri] = { uri: table.uri, index: table.index, name: table.name };
      for (const row of table.rows) evidence.push({ ...row, file: table.uri });
    }
  }
  return { vocabulary, pairs, evidence, tables, problems };
}

export function pathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

function collectFiles(dir: string, out: string[], depth: number, max: number, maxDepth: number): void {
  // One more than the limit, so the scan can tell that files were left out.
  if (depth > maxDepth || out.length > max) return;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.name.startsWith('.') || SKIP_DIRECTORIES.has(e.name)) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) collectFiles(path, out, depth + 1, max, maxDepth);
    else if (e.isFile() && (REPORT_EXTENSIONS as readonly string[]).includes(extname(e.name).toLowerCase())) out.push(path);
  }
}
