/**
 * The workspace around the open reports: `.reportreview.json` at each folder's root, the glossary
 * files it names, and the other reports in the folder, whose glossaries explain the same terms.
 * Scanning is bounded (files, bytes per file, bytes in all), reads only regular files inside the
 * folder, and yields between files so the server stays responsive.
 */
import { readdirSync } from 'node:fs';
import { extname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { detectReport } from '../core/detect';
import type { Report } from '../core/model';
import { parseReport } from '../core/report';
import { LineIndex } from '../core/text';
import { reportDefinitions, type TermDefinition } from '../core/terms';
import { CONFIG_FILE, readConfig, workspaceDefinitions, type ConfigProblem, type LoadedConfig } from '../config/config';
import { existsSync } from 'node:fs';
import { LIMITS, readRegularFile } from '../io/files';

const REPORT_EXTENSIONS = new Set(['.txt', '.report', '.md']);
const SKIP_DIRECTORIES = new Set(['node_modules', '.git', 'dist', 'out', '.tools', 'test-output']);

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
  /** Problems of the config files, each at its position: shown as diagnostics on the file. */
  problems: ConfigProblem[] = [];
  /** What the last scan left out because a limit was reached, for the log. */
  scanNotes: string[] = [];

  constructor(private readonly folders: string[]) {}

  get folderPaths(): readonly string[] {
    return this.folders;
  }

  static fromUris(uris: readonly string[]): Workspace {
    const folders: string[] = [];
    for (const uri of uris) {
      try {
        // A file URI with a host (file://server/share) has no local path on this system.
        if (uri.startsWith('file:')) folders.push(fileURLToPath(uri));
      } catch {
        continue;
      }
    }
    return new Workspace(folders);
  }

  loadConfigs(): void {
    this.configs = [];
    this.userDefinitions = [];
    this.problems = [];
    for (const folder of this.folders) {
      const path = join(folder, CONFIG_FILE);
      if (!existsSync(path)) continue;
      const loaded = readConfig(path);
      this.configs.push(loaded);
      const { definitions, problems } = workspaceDefinitions(loaded);
      for (const d of definitions) this.userDefinitions.push(d);
      for (const p of [...loaded.problems, ...problems]) this.problems.push(p);
    }
  }

  /** Forgets everything read from the workspace (Restricted Mode). */
  clear(): void {
    this.configs = [];
    this.userDefinitions = [];
    this.problems = [];
    this.reports = new Map();
    this.scanNotes = [];
  }

  /** Reads the other reports of the workspace folders, within the limits; resolves when done. */
  async scanReports(limits: Pick<typeof LIMITS, 'scanFile' | 'scanTotal' | 'scanFiles'> = LIMITS): Promise<void> {
    const found = new Map<string, WorkspaceReport>();
    const files: string[] = [];
    const notes: string[] = [];
    for (const folder of this.folders) collectFiles(folder, files, 0, limits.scanFiles);
    if (files.length > limits.scanFiles) notes.push(`more than ${limits.scanFiles} candidate files; the others were not read`);
    let budget = limits.scanTotal;
    let large = 0;
    for (const file of files.slice(0, limits.scanFiles)) {
      await new Promise((resolve) => setImmediate(resolve));
      const folder = this.folders.find((f) => file.startsWith(f.endsWith(sep) ? f : f + sep));
      const max = Math.min(limits.scanFile, budget);
      const read = readRegularFile(file, max, folder);
      if (!read.ok && read.problem === 'tooLarge' && max < limits.scanFile) {
        notes.push(`the ${limits.scanTotal / 1024 / 1024} MiB budget of the workspace scan is spent; the remaining files were not read`);
        break;
      }
      if (!read.ok) {
        if (read.problem === 'tooLarge') large++;
        continue;
      }
      budget -= read.bytes.length;
      const text = read.bytes.toString('utf8').replace(/^\ufeff/, '');
      if (text.includes('\u0000') || !detectReport(text).isReport) continue;
      const uri = pathToFileURL(file).href;
      found.set(uri, { uri, report: parseReport(text), index: new LineIndex(text) });
    }
    if (large) notes.push(`${large} file(s) larger than ${limits.scanFile / 1024 / 1024} MiB were not read`);
    this.reports = found;
    this.scanNotes = notes;
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

function collectFiles(dir: string, out: string[], depth: number, max: number): void {
  // One more than the limit, so the scan can tell that files were left out.
  if (depth > 6 || out.length > max) return;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.name.startsWith('.') || SKIP_DIRECTORIES.has(e.name)) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) collectFiles(path, out, depth + 1, max);
    else if (e.isFile() && REPORT_EXTENSIONS.has(extname(e.name).toLowerCase())) out.push(path);
  }
}
