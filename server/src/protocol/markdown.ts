/**
 * Report text shown in an editor's Markdown (hovers, completion docs) is escaped here, so a report
 * can never inject markup, links, HTML or `command:` URIs: every ASCII punctuation character is
 * backslash-escaped (CommonMark lets any of them be), and line breaks become spaces.
 */
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ').replace(ASCII_PUNCTUATION, (ch) => `\\${ch}`);
}

/** Characters a link target may keep as they are; `(`, `)`, `[`, `]`, `<`, `>`, `'`, `"`, `\` and blanks are not among them. */
const LINK_SAFE = /[A-Za-z0-9\-._~:/?#@!$&*+,;=%]/;
/** Schemes that run something when a link is followed; a document URI with one of these gets no link. */
const ACTIVE_SCHEMES = /^(command|javascript|vbscript|data):/i;

/**
 * A Markdown link whose text is escaped and whose target is percent-encoded, so neither can end the
 * link early or start another one. A document URI cannot turn into a `command:` link this way.
 */
export function markdownLink(text: string, target: string): string {
  if (ACTIVE_SCHEMES.test(target.trim())) return escapeMarkdown(text);
  let encoded = '';
  for (const ch of target) encoded += LINK_SAFE.test(ch) ? ch : percentEncode(ch);
  return `[${escapeMarkdown(text)}](${encoded})`;
}

function percentEncode(ch: string): string {
  try {
    return encodeURIComponent(ch).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  } catch {
    // A lone surrogate has no UTF-8 form.
    return '%EF%BF%BD';
  }
}
