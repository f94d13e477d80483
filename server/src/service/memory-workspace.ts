/**
 * A workspace held in memory, for tests: files by URI (`file:///ws/a.txt`), one folder or more.
 * It reads configs and glossary files the way the disk workspace does, with the same parser, and
 * tells a change when a file is written or deleted.
 */
import type { CheckSettings } from '../checks';
import { CONFIG_FILE, parseConfig, workspaceDefinitions, type ConfigProblem } from '../config/config';
import { parseDecisions } from '../checks/decisions';
import type { TermDefinition } from '../core/terms';
import { isReportFile, type Disposable, type FileChange, type RecordedDecisions, type ReviewWorkspace, type WorkspaceRead, type WorkspaceSettings } from './workspace';

export class MemoryWorkspace implements ReviewWorkspace {
  private readonly files = new Map<string, string>();
  private readonly listeners = new Set<(changes: readonly FileChange[]) => void>();
  /** How many times the settings were read: a test can tell that they were not read again. */
  settingsReads = 0;
  /** How many times the report files were listed (once per scan). */
  listings = 0;

  /** `files` by path inside the first folder (`a.txt`, `docs/terms.md`) or by full URI. */
  constructor(files: Record<string, string> = {}, readonly folders: readonly string[] = ['/ws']) {
    for (const [name, text] of Object.entries(files)) this.files.set(this.uri(name), text);
  }

  /** The URI of a file of the first folder. */
  uri(name: string): string {
    return name.startsWith('file://') ? name : `file://${this.folders[0]}/${name}`;
  }

  write(name: string, text: string): void {
    const uri = this.uri(name);
    const kind = this.files.has(uri) ? 'changed' : 'created';
    this.files.set(uri, text);
    this.fire([{ uri, kind }]);
  }

  delete(name: string): void {
    const uri = this.uri(name);
    if (this.files.delete(uri)) this.fire([{ uri, kind: 'deleted' }]);
  }

  readSettings(): WorkspaceSettings {
    this.settingsReads++;
    const checks: Record<string, string> = {};
    const definitions: TermDefinition[] = [];
    const problems: ConfigProblem[] = [];
    const sources: string[] = [];
    let builtinGlossary = true;
    for (const folder of this.folders) {
      const uri = `file://${folder}/${CONFIG_FILE}`;
      const text = this.files.get(uri);
      if (text === undefined) continue;
      const loaded = parseConfig(`${folder}/${CONFIG_FILE}`, text);
      const found = workspaceDefinitions(loaded, (path) => {
        const file = this.files.get(`file://${path}`);
        return file === undefined ? { ok: false, reason: { zh: '文件不存在', en: 'no such file' } } : { ok: true, text: file, realPath: path };
      });
      Object.assign(checks, loaded.config.checks);
      builtinGlossary &&= loaded.config.builtinGlossary;
      definitions.push(...found.definitions);
      problems.push(...loaded.problems, ...found.problems);
      sources.push(uri, ...loaded.config.glossaryFiles.map((f) => `file://${folder}/${f}`));
    }
    return { checks: checks as CheckSettings, builtinGlossary, definitions, problems, sources };
  }

  listReportFiles(max: number): string[] {
    this.listings++;
    return [...this.files.keys()].filter(isReportFile).slice(0, max + 1);
  }

  readFile(uri: string, maxBytes: number): WorkspaceRead {
    const text = this.files.get(uri);
    if (text === undefined) return { ok: false, problem: 'missing', reason: { zh: '文件不存在', en: 'no such file' } };
    const bytes = new TextEncoder().encode(text).length;
    if (bytes > maxBytes) return { ok: false, problem: 'tooLarge', reason: { zh: '文件过大', en: 'too large' } };
    return { ok: true, text, bytes };
  }

  readDecisions(uri: string): RecordedDecisions {
    const text = this.files.get(`${uri}.review.json`);
    if (text === undefined) return { decisions: [] };
    const parsed = parseDecisions(text);
    return parsed.error ? { decisions: [], error: { zh: parsed.error, en: parsed.error } } : { decisions: parsed.decisions };
  }

  onDidChangeFiles(listener: (changes: readonly FileChange[]) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private fire(changes: readonly FileChange[]): void {
    for (const listener of this.listeners) listener(changes);
  }
}
