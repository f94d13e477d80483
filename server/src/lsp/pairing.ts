/**
 * Pairing two reports by hand (报告审阅：与上一年报告配对…): the client names the open report and the
 * previous year's report it picked; the server writes a `pairs` entry into the `.reportreview.json`
 * of the workspace folder that holds both. The arguments are untrusted input, and the config is
 * updated under a lock and never overwritten when it does not parse.
 */
import { realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Localized } from '../checks/types';
import { notDone, type Language } from '../protocol/convert';
import { CONFIG_FILE } from '../config/config';
import { isInside } from '../io/files';
import { updateConfig, type ConfigObject } from '../config/update';
import { guarded, refuse, type Refusal } from './decisions';

export interface PairRequest {
  readonly ok: true;
  readonly configPath: string;
  /** Both reports relative to the config's folder, with forward slashes, previous first. */
  readonly pair: readonly [string, string];
}

function realFile(uri: unknown): string | undefined {
  if (typeof uri !== 'string' || !uri.startsWith('file:')) return undefined;
  try {
    return realpathSync(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

/** Checks the client's `{ previous, next }` (file URIs): two different files inside one workspace folder. */
export function pairRequest(raw: unknown, context: { trusted: boolean; folders: readonly string[] }): PairRequest | Refusal {
  if (!context.trusted) return refuse('受限模式下不写入 .reportreview.json（请先信任此工作区）。', '.reportreview.json is not written in Restricted Mode (trust the workspace first).');
  const a = raw as { previous?: unknown; next?: unknown } | undefined;
  const previous = realFile(a?.previous);
  const next = realFile(a?.next);
  if (!previous || !next) return refuse('两份报告须为磁盘上存在的文件。', 'both reports must be files saved on disk.');
  if (previous === next) return refuse('不能将报告与其自身配对。', 'a report cannot be paired with itself.');
  for (const folder of context.folders) {
    let root: string;
    try {
      root = realpathSync(folder);
    } catch {
      continue;
    }
    if (isInside(root, previous) && isInside(root, next)) {
      const rel = (path: string) => relative(root, path).split(sep).join('/');
      return { ok: true, configPath: join(folder, CONFIG_FILE), pair: [rel(previous), rel(next)] };
    }
  }
  return refuse('两份报告须位于同一个工作区文件夹内。', 'both reports must be inside one workspace folder.');
}

/**
 * Adds the pair to `pairs`, replacing an entry that pairs the same next report (a report reviews
 * one previous year). Keeps every other setting as it is.
 */
export function withPair(config: ConfigObject, pair: readonly [string, string]): ConfigObject {
  const existing = Array.isArray(config.pairs) ? config.pairs : [];
  const others = existing.filter((p) => !(Array.isArray(p) && p[1] === pair[1]));
  return { ...config, pairs: [...others, [pair[0], pair[1]]] };
}

/**
 * The pair command: writes a `pairs` entry into `.reportreview.json` and answers whether it was
 * written, and why not (the client shows it); `written` reads the config again.
 */
export async function pairReports(raw: unknown, context: { trusted: boolean; folders: readonly string[]; language: Language; written: (configPath: string) => void }): Promise<{ ok: boolean; message?: string }> {
  const refused = (reason: Localized) => ({ ok: false, message: notDone(reason, context.language, { zh: '未能配对。', en: 'the reports were not paired. ' }) });
  const request = pairRequest(raw, context);
  if (!request.ok) return refused(request.reason);
  const saved = await savePair(request);
  if (!saved.ok) return refused(saved.reason);
  context.written(request.configPath);
  return { ok: true };
}

export function savePair(request: PairRequest): Promise<{ ok: true } | Refusal> {
  return guarded(() => updateConfig(request.configPath, (config) => withPair(config, request.pair)));
}
