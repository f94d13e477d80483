/**
 * “Turn off this check for this workspace”: writes `"checks": { "<id>": "off" }` into the folder's
 * `.reportreview.json`. Every other key is kept in its order; a file that does not parse, or whose
 * `checks` is not an object, is refused rather than overwritten (io/locked-file.ts keeps it byte for
 * byte); an absent file is created.
 */
import { join } from 'node:path';
import { LIMITS } from '../io/files';
import { updateFile, type FileFormat } from '../io/locked-file';
import { CONFIG_FILE } from './config';

type ConfigObject = Record<string, unknown>;

const FORMAT: FileFormat<ConfigObject> = {
  empty: () => ({}),
  parse: (text) => {
    let raw: unknown;
    try {
      raw = JSON.parse(text.replace(/^\ufeff/, ''));
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, error: 'not a JSON object' };
    const checks = (raw as ConfigObject).checks;
    if (checks !== undefined && (!checks || typeof checks !== 'object' || Array.isArray(checks))) return { ok: false, error: '"checks" is not an object' };
    return { ok: true, value: raw as ConfigObject };
  },
  serialize: (value) => `${JSON.stringify(value, null, 2)}\n`,
};

/** The config with `checkId` off; the pure part of the update. */
export function withCheckOff(config: ConfigObject, checkId: string): ConfigObject {
  return { ...config, checks: { ...((config.checks as ConfigObject | undefined) ?? {}), [checkId]: 'off' } };
}

/** Turns `checkId` off in `<folder>/.reportreview.json`. Throws FileRefused when the file cannot be safely updated. */
export async function turnOffCheck(folder: string, checkId: string): Promise<string> {
  const path = join(folder, CONFIG_FILE);
  await updateFile(path, FORMAT, LIMITS.config, (config) => withCheckOff(config, checkId));
  return path;
}
