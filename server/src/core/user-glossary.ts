/**
 * Glossaries a team keeps beside its reports: inline in `.reportreview.json`, or in a Markdown or
 * CSV file it names. Text in, definitions out; reading the files is the caller's business.
 */
import type { TermDefinition, TermSource } from './terms';

export interface UserGlossaryEntry {
  readonly term: string;
  readonly definition: string;
  readonly aliases?: readonly string[];
}

export function toDefinitions(entries: readonly UserGlossaryEntry[], source: TermSource, uri?: string): TermDefinition[] {
  return entries
    .filter((e) => typeof e.term === 'string' && e.term.trim() && typeof e.definition === 'string')
    .map((e) => ({
      term: e.term.trim(),
      aliases: Array.isArray(e.aliases) ? e.aliases.filter((a) => typeof a === 'string') : [],
      definition: e.definition.trim(),
      source,
      location: uri ? { uri, span: { start: 0, end: 0 } } : undefined,
    }));
}

/**
 * Markdown glossaries: one term a line, as `- **term**：definition`, `term：definition`, or a
 * `## term` heading followed by its definition paragraph.
 */
export function parseMarkdownGlossary(text: string): UserGlossaryEntry[] {
  const out: UserGlossaryEntry[] = [];
  let heading: string | undefined;
  let body: string[] = [];
  const flush = () => {
    if (heading && body.length) out.push({ term: heading, definition: body.join('') });
    heading = undefined;
    body = [];
  };
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    const h = /^#{2,6}\s+(.+)$/.exec(line);
    if (h) {
      flush();
      heading = stripMarkup(h[1]);
      continue;
    }
    const item = /^(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*([^*]+)\*\*|([^:：*#|]{1,30}))\s*[:：]\s*(.+)$/.exec(line);
    if (item && !heading) {
      out.push({ term: stripMarkup(item[1] ?? item[2]), definition: item[3].trim() });
      continue;
    }
    if (heading && line) body.push(line);
    else if (heading && !line && body.length) flush();
  }
  flush();
  return out;
}

/** CSV glossaries: `term,definition[,aliases separated by ; or |]`, an optional header row, quoted fields. */
export function parseCsvGlossary(text: string): UserGlossaryEntry[] {
  const rows = parseCsv(text.replace(/^\ufeff/, ''));
  const out: UserGlossaryEntry[] = [];
  for (const [i, row] of rows.entries()) {
    if (row.length < 2) continue;
    if (i === 0 && /^(term|术语|名词)$/i.test(row[0].trim())) continue;
    const aliases = row[2] ? row[2].split(/[;；|]/).map((a) => a.trim()).filter(Boolean) : [];
    if (row[0].trim()) out.push({ term: row[0].trim(), definition: row[1].trim(), aliases });
  }
  return out;
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function stripMarkup(s: string): string {
  return s.replace(/[*_`]/g, '').trim();
}
