/**
 * Writes the per-check settings of the extension from the registry of checks (`checks/index.ts`):
 * the `reportReview.checks` properties of package.json, their labels in package.nls.json and
 * package.nls.zh-cn.json (`config.check.<id>`, the registry's description and default severity),
 * and the check ids of schemas/reportreview.schema.json. Everything else in those files is kept as
 * it is. `npm run manifest` rewrites them; a unit test fails when they are out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKS, type Check } from '../server/src/checks';

const ROOT = join(__dirname, '..');

/** What a check can be set to, in settings and in `.reportreview.json`. */
const CHECK_SETTINGS = ['off', 'error', 'warning', 'information', 'hint'];
const LABEL_PREFIX = 'config.check.';

export const MANIFEST_FILES = ['package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'schemas/reportreview.schema.json'] as const;
export type ManifestFile = (typeof MANIFEST_FILES)[number];

type Json = Record<string, unknown>;

function settingsBlock(checks: readonly Check[], label: boolean): Json {
  const block: Json = {};
  for (const check of checks) {
    block[check.id] = {
      type: 'string',
      enum: [...CHECK_SETTINGS],
      ...(label ? { markdownDescription: `%${LABEL_PREFIX}${check.id}%` } : {}),
    };
  }
  return block;
}

/** The labels of the checks take the place of the old ones, where the first of them stood, so keys keep their order. */
function withLabels(nls: Record<string, string>, labels: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  let placed = false;
  for (const [key, value] of Object.entries(nls)) {
    if (key.startsWith(LABEL_PREFIX)) {
      if (!placed) Object.assign(out, labels);
      placed = true;
    } else {
      out[key] = value;
    }
  }
  if (!placed) Object.assign(out, labels);
  return out;
}

function labels(checks: readonly Check[], language: 'en' | 'zh'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const check of checks) {
    out[`${LABEL_PREFIX}${check.id}`] =
      language === 'en'
        ? `${check.description.en} (default: ${check.defaultSeverity})`
        : `${check.description.zh}（默认：${check.defaultSeverity}）`;
  }
  return out;
}

const format = (json: unknown) => JSON.stringify(json, null, 2) + '\n';

/** The four files as they should read for `checks`, given what they read now. */
export function generateManifest(current: (file: ManifestFile) => string, checks: readonly Check[] = CHECKS): Map<ManifestFile, string> {
  const out = new Map<ManifestFile, string>();

  const manifest = JSON.parse(current('package.json'));
  manifest.contributes.configuration.properties['reportReview.checks'].properties = settingsBlock(checks, true);
  out.set('package.json', format(manifest));

  out.set('package.nls.json', format(withLabels(JSON.parse(current('package.nls.json')), labels(checks, 'en'))));
  out.set('package.nls.zh-cn.json', format(withLabels(JSON.parse(current('package.nls.zh-cn.json')), labels(checks, 'zh'))));

  const schema = JSON.parse(current('schemas/reportreview.schema.json'));
  schema.properties.checks.properties = settingsBlock(checks, false);
  out.set('schemas/reportreview.schema.json', format(schema));
  return out;
}

export const readManifestFile = (file: ManifestFile) => readFileSync(join(ROOT, file), 'utf8');

if (require.main === module) {
  let changed = 0;
  for (const [file, content] of generateManifest(readManifestFile)) {
    if (readManifestFile(file) === content) continue;
    writeFileSync(join(ROOT, file), content);
    changed++;
    console.log(`wrote ${file}`);
  }
  console.log(`${CHECKS.length} checks; ${changed} of ${MANIFEST_FILES.length} files changed`);
}
