import { fact, formatFactValue, type FactId } from '../knowledge/facts';

/** Small Markdown builders for hovers: short, escaped, and every number from the knowledge base. */

/** Escapes text for a Markdown table cell or inline text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]|<>])/g, '\\$1').replace(/\r?\n/g, ' ');
}

export function code(text: string | number): string {
  const s = String(text);
  return s.includes('`') ? `\`\` ${s} \`\`` : `\`${s}\``;
}

export const UNCONFIRMED_LABEL = 'unconfirmed — rule of thumb';

/** | Fact | Value | Source | Confirmed | — one row per fact, duplicates dropped; the source says when the fact was checked. */
export function factsTable(ids: readonly FactId[]): string {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return '';
  const rows = unique.map((id) => {
    const f = fact(id);
    const value = f.value === undefined ? '—' : escapeMarkdown(formatFactValue(f));
    const url = f.sourceRef.url;
    const source = url && /^https?:\/\//.test(url) ? `[${escapeMarkdown(f.sourceRef.title)}](${url})` : escapeMarkdown(f.sourceRef.title);
    return `| ${escapeMarkdown(f.title)} | ${value} | ${source}, checked ${f.checked} | ${f.confirmed ? 'yes' : UNCONFIRMED_LABEL} |`;
  });
  return ['| Fact | Value | Source | Confirmed |', '|---|---|---|---|', ...rows].join('\n');
}

/** A sentence naming the unconfirmed facts among `ids`, or '' when all are confirmed. */
export function unconfirmedNote(ids: readonly FactId[]): string {
  const unconfirmed = [...new Set(ids)].filter((id) => !fact(id).confirmed).map((id) => fact(id).title);
  if (unconfirmed.length === 0) return '';
  return `Unconfirmed (no official source; rules of thumb): ${unconfirmed.map(escapeMarkdown).join('; ')}.`;
}
