/**
 * Writes docs/checks/<id>.md, one page per check, from the comment that opens the check's file
 * (what it flags, what it does not, why) and its registry entry. Each diagnostic's code links to its
 * page. `npm run docs:checks` rewrites the pages; a unit test fails when they are out of date.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKS, type Check } from '../server/src/checks';

const ROOT = join(__dirname, '..');
export const DOCS_DIR = join(ROOT, 'docs', 'checks');

const SEVERITY_ZH: Record<string, string> = { error: '错误', warning: '警告', information: '信息', hint: '提示' };
const PARTS: readonly { label: string; heading: string }[] = [
  { label: 'Flags:', heading: 'What it flags · 标记什么' },
  { label: 'Does not flag:', heading: 'What it does not flag · 不标记什么' },
  { label: 'Quick fix:', heading: 'Quick fix · 快速修复' },
  { label: 'Why:', heading: 'Why · 为什么' },
];

/** The text of the `/** … *\/` comment that opens a check file, without its comment marks. */
function header(source: string): string[] {
  const end = source.indexOf('*/');
  return source
    .slice(source.indexOf('/**') + 3, end)
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, '').trimEnd());
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The page of one check: its summary line, then the header's parts under headings of their own. */
export function checkPage(check: Check, source: string): string {
  const lines = header(source);
  while (lines.length && !lines[0]) lines.shift();
  const summary = lines.shift()!.replace(new RegExp(`^${check.id} — `), '');
  const sections: { heading: string; text: string[] }[] = [];
  let current: { heading: string; text: string[] } | undefined;
  for (const line of lines) {
    const part = PARTS.find((p) => line.startsWith(p.label));
    if (part) {
      current = { heading: part.heading, text: [line.slice(part.label.length).trim()] };
      sections.push(current);
    } else if (current) {
      current.text.push(line);
    }
  }
  const out = [
    `# ${check.id}`,
    '',
    `<!-- Generated from server/src/checks/${check.id}.ts by \`npm run docs:checks\`. Edit the check's header, not this page. -->`,
    '',
    `**${check.description.zh}** · ${check.description.en}`,
    '',
    `Default severity · 默认级别: **${check.defaultSeverity}**（${SEVERITY_ZH[check.defaultSeverity]}）`,
    '',
    capitalize(summary),
  ];
  for (const s of sections) out.push('', `## ${s.heading}`, '', capitalize(s.text.join('\n').trim()));
  out.push(
    '',
    '## Turn it off or change its severity · 关闭或调整级别',
    '',
    'In `.reportreview.json` at the workspace root (shared by the team and read by the CLI), or in the',
    'VS Code setting `reportReview.checks` · 在工作区根目录的 `.reportreview.json` 中（团队共享，命令行也读取），或在 VS Code 设置 `reportReview.checks` 中：',
    '',
    '```json',
    `{ "checks": { "${check.id}": "off" } }`,
    '```',
    '',
  );
  return out.join('\n');
}

/** Every page, by file name. */
export function checkPages(): Map<string, string> {
  const pages = new Map<string, string>();
  for (const check of CHECKS) {
    const source = readFileSync(join(ROOT, 'server', 'src', 'checks', `${check.id}.ts`), 'utf8');
    pages.set(`${check.id}.md`, checkPage(check, source));
  }
  return pages;
}

if (require.main === module) {
  mkdirSync(DOCS_DIR, { recursive: true });
  for (const [file, content] of checkPages()) writeFileSync(join(DOCS_DIR, file), content);
  console.log(`wrote ${CHECKS.length} pages to docs/checks/`);
}
