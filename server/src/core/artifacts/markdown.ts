
/**
 * Markdown helpers. Text from the design is user text: it is escaped so it cannot
 * break a table, start a heading or inject HTML into the preview.
 */

/** User text inside a paragraph or list item: one line, Markdown and HTML characters escaped. */
export function inlineText(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`)
    .replace(/^([#+-])/, '\\$1')
    .replace(/^(\d+)\.(\s)/, '$1\\.$2');
}

/**
 * inlineText for Markdown that GitHub or GitLab renders (a pull request's job summary or comment):
 * also escapes what their extensions would turn user text into: strikethrough (`~`), links to
 * bare URLs and e-mail addresses (`://`, `www.`, `@`) and @mentions that notify people.
 */
export function gfmInlineText(text: string): string {
  return inlineText(text)
    .replace(/[~@]/g, (c) => `\\${c}`)
    .replace(/:\/\//g, '\\://')
    .replace(/\b(www)\./gi, '$1\\.');
}

/** Text that names the format's keys (`heroku_needs_local_copy is true`): keys as code, the rest escaped. */
export function richText(text: string): string {
  const parts = text.replace(/\r\n?|\n/g, ' ').trim().split(/(\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?:\.[a-z][a-z0-9_]*)*\b)/);
  return parts.map((part, i) => (i % 2 === 1 ? code(part) : escapeInline(part))).join('');
}

function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
}

/** A value as inline code, e.g. a username or an object API name. */
export function code(text: string | number | boolean): string {
  const s = String(text).replace(/\r\n?|\n/g, ' ');
  const longest = Math.max(0, ...[...s.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

/**
 * A table cell: inline text with pipes escaped (inline code keeps its content). GFM splits a row
 * at every pipe not escaped by a backslash, and reads `\\` as an escaped backslash: a pipe after
 * an even number of backslashes (`a\\|b` in a code span) still splits, so it gets one more.
 */
export function cell(text: string): string {
  return text.replace(/\r\n?|\n/g, ' ').replace(/(\\*)\|/g, (pipe, slashes: string) => (slashes.length % 2 === 0 ? `${slashes}\\|` : pipe));
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
}

export { plural } from '../format/quantities';
