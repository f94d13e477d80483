// Bundles the extension (dist/extension.js), the language server (dist/server.js) and the CLI
// (dist/cli.js). `node esbuild.mjs --watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { readFile } from 'node:fs/promises';
import { writeCodeCaches } from './scripts/code-cache.mjs';

const watch = process.argv.includes('--watch');

/**
 * The built-in glossary (200 KB) as a string parsed on first read of `entries`: a JSON string is
 * read far faster than the same data as an object literal, and a command that needs no glossary
 * never parses it at all.
 */
const lazyGlossary = {
  name: 'lazy-glossary',
  setup(build) {
    build.onLoad({ filter: /builtin-glossary\.json$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      JSON.parse(text);
      return { loader: 'js', contents: `let data;\nmodule.exports = { get entries() { return (data ??= JSON.parse(${JSON.stringify(text)})).entries; } };\n` };
    });
  },
};
const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', sourcemap: true, minify: !watch, logLevel: 'info', plugins: [lazyGlossary] };

// The server and the CLI are each a bundle and a small launcher that runs it with a V8 code cache.
const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.bundle.js' },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.bundle.js' },
  { ...common, entryPoints: ['server/src/launch/server.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['server/src/launch/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  await writeCodeCaches(process.cwd());
}
