/**
 * “Turn off this check for this workspace”: writes `"checks": { "<id>": "off" }` into the folder's
 * `.reportreview.json`. Every other key is kept in its order; a file that does not parse, or whose
 * `checks` is not an object, is refused rather than overwritten (io/locked-file.ts keeps it byte for
 * byte); an absent file is created.
 */
import { join } from 'node:path';
import { CONFIG_FILE } from './config';
import { updateConfig, type ConfigObject } from './update';

/** A `checks` that is not an object cannot take the setting without losing what it holds. */
function checksNotAnObject(config: ConfigObject): string | undefined {
  const checks = config.checks;
  return checks !== undefined && (!checks || typeof checks !== 'object' || Array.isArray(checks)) ? '"checks" is not an object' : undefined;
}

/** The config with `checkId` off; the pure part of the update. */
export function withCheckOff(config: ConfigObject, checkId: string): ConfigObject {
  return { ...config, checks: { ...((config.checks as ConfigObject | undefined) ?? {}), [checkId]: 'off' } };
}

/** Turns `checkId` off in `<folder>/.reportreview.json`. Throws FileRefused when the file cannot be safely updated. */
export async function turnOffCheck(folder: string, checkId: string): Promise<string> {
  const path = join(folder, CONFIG_FILE);
  await updateConfig(path, (config) => withCheckOff(config, checkId), checksNotAnObject);
  return path;
}
