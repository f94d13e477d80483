/**
 * Writing into a folder's `.reportreview.json` (turning a check off, pairing two reports): the file
 * is read as a JSON object and every key the change does not touch is kept in its order; a file
 * that does not parse, or is not an object, is refused rather than overwritten (io/locked-file.ts
 * keeps it byte for byte); an absent file is created.
 */
import { LIMITS } from '../io/files';
import { updateFile, type FileFormat } from '../io/locked-file';

export type ConfigObject = Record<string, unknown>;

/**
 * The config as a JSON object; `refuse`, when given, names what else makes it unsafe to rewrite
 * (a key the change writes into holding something else than expected).
 */
function configFormat(refuse?: (config: ConfigObject) => string | undefined): FileFormat<ConfigObject> {
  return {
    empty: () => ({}),
    parse: (text) => {
      let raw: unknown;
      try {
        raw = JSON.parse(text.replace(/^\ufeff/, ''));
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
      if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, error: 'not a JSON object' };
      const problem = refuse?.(raw as ConfigObject);
      return problem ? { ok: false, error: problem } : { ok: true, value: raw as ConfigObject };
    },
    serialize: (value) => `${JSON.stringify(value, null, 2)}\n`,
  };
}

/** Applies `change` to the config at `path` under the lock. Throws FileRefused when the file cannot be safely updated. */
export async function updateConfig(path: string, change: (config: ConfigObject) => ConfigObject, refuse?: (config: ConfigObject) => string | undefined): Promise<void> {
  await updateFile(path, configFormat(refuse), LIMITS.config, change);
}
