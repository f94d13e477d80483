/**
 * Report text shown in an editor's Markdown (hovers, completion docs) is escaped here, so a report
 * can never inject markup, links, HTML or `command:` URIs: every ASCII punctuation character is
 * backslash-escaped (CommonMark lets any of them be), and line breaks become spaces.
 */
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ').replace(ASCII_PUNCTUATION, (ch) => `\\${ch}`);
}
