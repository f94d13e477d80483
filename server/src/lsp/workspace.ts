/**
 * The workspace around the open reports: `.reportreview.json` at each folder's root, the glossary
 * files it names, and the other reports in the folder, whose glossaries explain the same terms.
 * Scanning is bounded (files, bytes) and yields between files so the server stays responsive.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { detectReport } from '../core/detect';
import type { Report } from '../core/model';
import { parseReport } from '../core/report';
import { LineIndex } from '../core/text';
import { reportDefinitions, type TermDefinition } from '../core/terms';
import { CONFIG_FILE, readConfig, workspaceDefinitions, type LoadedConfig } from '../config/config';
import { existsSync } from 'node:fs';

const REPORT_EXTENSIONS = new Set(['.txt', '.report', '.md']);
const SKIP_DIRECTORIES = new Set(['node_modules', '.git', 'dist', 'out', '.tools', 'test-output']);
const MAX_FILES = 400;
const MAX_BYTES = 5 * 1024 * 1024;

export interface WorkspaceReport {
  readonly uri: string;
  readonly report: Report;
  readonly index: LineIndex;
}

export class Workspace {
  configs: LoadedConfig[] = [];
  /** From `.reportreview.json` and the glossary files it names. */
  userDefinitions: TermDefinition[] = [];
  reports = new Map<string, WorkspaceReport>();
  errors: string[] = [];

  constructor(private readonly folders: string[]) {}

  static fromUris(uris: readonly string[]): Workspace {
    return new Workspace(uris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u)));
  }

  loadConfigs(): void {
    this.configs = [];
    this.userDefinitions = [];
    this.errors = [];
    for (const folder of this.folders) {
      const path = join(folder, CONFIG_FILE);
      if (!existsSync(path)) continue;
      const loaded = readConfig(path);
      this.configs.push(loaded);
      if (loaded.error) this.errors.push(loaded.error);
      const { definitions, errors } = workspaceDefinitions(loaded);
      this.userDefinitions.push(...definitions);
      this.errors.push(...errors);
    }
  }

  /** Reads the other reports of the workspace folders; resolves when done. */
  async scanReports(): Promise<void> {
    const found = new Map<string, WorkspaceReport>();
    const files: string[] = [];
    for (const folder of this.folders) collectFiles(folder, files, 0);
    for (const file of files.slice(0, MAX_FILES)) {
      await new Promise((resolve) => setImmediate(resolve));
      let text: string;
      try {
        if (statSync(file).size > MAX_BYTES) continue;
        text = readFileSync(file, 'utf8').replace(/^\ufeff/, '');
      } catch {
        continue;
      }
      if (text.includes('\u0000') || !detectReport(text).isReport) continue;
      const uri = pathToFileURL(file).href;
      found.set(uri, { uri, report: parseReport(text), index: new LineIndex(text) });
    }
    this.reports = found;
  }

  /** Glossary entries of the workspace's reports other than `exceptUri`. */
  reportDefinitions(exceptUri: string): TermDefinition[] {
    const out: TermDefinition[] = [];
    for (const r of this.reports.values()) {
      if (r.uri === exceptUri) continue;
      for (const d of reportDefinitions(r.report, r.uri)) out.push({ ...d, source: 'previousReport' });
    }
    return out;
  }

  builtinEnabled(): boolean {
    return this.configs.every((c) => c.config.builtinGlossary);
  }

  checkSettings(): Record<string, string> {
    return Object.assign({}, ...this.configs.map((c) => c.config.checks));
  }
}

function collectFiles(dir: string, out: string[], depth: number): void {
  if (depth > 6 || out.length >= MAX_FILES) return;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.name.startsWith('.') || SKIP_DIRECTORIES.has(e.name)) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) collectFiles(path, out, depth + 1);
    else if (e.isFile() && REPORT_EXTENSIONS.has(extname(e.name).toLowerCase())) out.push(path);
  }
}
