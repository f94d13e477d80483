/**
 * What the review service needs from the world around a report: the workspace folders, the
 * settings their `.reportreview.json` files give (with the glossary files they name), the report
 * files of the folders, the review decisions recorded beside a report, and word when any of these
 * change. The node implementation reads the disk through the guarded reader; the in-memory one
 * serves the unit tests. Nothing here knows LSP.
 */
import type { CheckSettings } from '../checks';
import type { Decision } from '../checks/decisions';
import type { Localized } from '../checks/types';
import type { ConfigProblem } from '../config/config';
import type { TermDefinition } from '../core/terms';
import type { TargetSettings } from './targets';

/** The settings of the workspace, merged across its folders. */
export interface WorkspaceSettings {
  /** Per-check settings of `.reportreview.json`; they win over the editor's. */
  readonly checks: CheckSettings;
  /** False when a config turns the built-in glossary off. */
  readonly builtinGlossary: boolean;
  /** The configs' inline glossaries and the glossary files they name. */
  readonly definitions: readonly TermDefinition[];
  /** Problems of the config files, each at its position in the file. */
  readonly problems: readonly ConfigProblem[];
  /** URIs of the config files and the files they name: a change to any of them changes the settings. */
  readonly sources: readonly string[];
  /** Pairs, evidence tables and the target vocabulary; none when the workspace says nothing of them. */
  readonly targets?: TargetSettings;
}

export const NO_SETTINGS: WorkspaceSettings = { checks: {}, builtinGlossary: true, definitions: [], problems: [], sources: [] };

export type WorkspaceRead =
  | { readonly ok: true; readonly text: string; readonly bytes: number }
  | { readonly ok: false; readonly problem: 'missing' | 'outside' | 'notFile' | 'tooLarge' | 'io'; readonly reason: Localized };

export interface RecordedDecisions {
  readonly decisions: readonly Decision[];
  /** Set when the review file exists but cannot be used. */
  readonly error?: Localized;
}

export type FileChangeKind = 'created' | 'changed' | 'deleted';

export interface FileChange {
  readonly uri: string;
  readonly kind: FileChangeKind;
}

export interface Disposable {
  dispose(): void;
}

export interface ReviewWorkspace {
  /** The folders' file paths. */
  readonly folders: readonly string[];
  /** Reads the config files and the glossary files they name, now. */
  readSettings(): WorkspaceSettings;
  /** URIs of the candidate report files of the folders; at most `max + 1`, so a caller can tell that some were left out. */
  listReportFiles(max: number): string[];
  /** A text file of the workspace, if it is a regular file of at most `maxBytes` inside its folder. */
  readFile(uri: string, maxBytes: number): WorkspaceRead;
  /** The decisions recorded beside a report (`<report>.review.json`). */
  readDecisions(uri: string): RecordedDecisions;
  /** Files of the workspace that were created, changed or deleted. */
  onDidChangeFiles(listener: (changes: readonly FileChange[]) => void): Disposable;
}

/** Report files by extension: plain text, `.report` and Markdown. */
export const REPORT_EXTENSIONS = ['.txt', '.report', '.md'] as const;

export function isReportFile(uri: string): boolean {
  const name = uri.slice(uri.lastIndexOf('/') + 1).toLowerCase();
  return REPORT_EXTENSIONS.some((e) => name.endsWith(e)) && !name.startsWith('.');
}
