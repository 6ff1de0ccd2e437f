import { FACTS, formatFactValue, type Fact, type FactId } from './knowledge/facts';
import { SOURCES, type SourceId } from './knowledge/sources';
import { RULES } from './rules/registry';

/**
 * The knowledge base as one auditable list: every fact with its value, source, whether an
 * official page confirms it and when it was last checked, and the rules that rely on it or
 * mention it. `integration-lint facts` prints it; docs/knowledge.md is generated from it.
 */
export interface KnowledgeEntry {
  readonly id: FactId;
  readonly title: string;
  /** "10,000 rows"; '' for a qualitative fact. */
  readonly value: string;
  readonly number?: number;
  readonly unit?: string;
  readonly statement: string;
  readonly note?: string;
  readonly confirmed: boolean;
  /** Stated only by a dated official page (counts as unconfirmed). */
  readonly historical: boolean;
  /** YYYY-MM-DD. */
  readonly checked: string;
  readonly source: KnowledgeSource;
  /** Rules relying on the fact. */
  readonly rules: readonly string[];
  /** Rules whose message only mentions it. */
  readonly mentionedBy: readonly string[];
}

export interface KnowledgeSource {
  readonly id: SourceId;
  readonly title: string;
  readonly url?: string;
  readonly version: string;
  readonly official: boolean;
  readonly checked: string;
}

export function knowledgeEntries(): KnowledgeEntry[] {
  return [...FACTS.values()].map((f) => entry(f));
}

function entry(f: Fact): KnowledgeEntry {
  const source = SOURCES[f.source];
  return {
    id: f.id, title: f.title, value: formatFactValue(f), number: f.value, unit: f.unit,
    statement: f.statement, note: f.note, confirmed: f.confirmed, historical: f.historical ?? false, checked: f.checked,
    source: { id: f.source, title: source.title, url: source.url, version: source.version, official: source.official, checked: source.checked },
    rules: RULES.filter((r) => r.facts.includes(f.id)).map((r) => r.id),
    mentionedBy: RULES.filter((r) => r.mentions?.includes(f.id)).map((r) => r.id),
  };
}

/** A calendar date (YYYY-MM-DD) as days since the epoch, or NaN. */
function dayNumber(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000 : Number.NaN;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(date: string): boolean {
  const day = dayNumber(date);
  return Number.isFinite(day) && new Date(day * 86_400_000).toISOString().slice(0, 10) === date;
}

/** The date `months` calendar months before `date` (the last day of a shorter month when needed). */
export function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** Facts last checked `months` months or more before `asOf` (YYYY-MM-DD). */
export function staleEntries(entries: readonly KnowledgeEntry[], asOf: string, months: number): KnowledgeEntry[] {
  const cutoff = monthsBefore(asOf, months);
  return entries.filter((e) => e.checked <= cutoff);
}

/** "yes", "no", "no (historical)". */
export function confirmedWord(e: KnowledgeEntry): string {
  return e.confirmed ? 'yes' : e.historical ? 'no (historical)' : 'no';
}

export interface KnowledgeSummary {
  readonly facts: number;
  readonly confirmed: number;
  readonly unconfirmed: number;
  readonly historical: number;
  readonly sources: number;
}

export function summarize(entries: readonly KnowledgeEntry[]): KnowledgeSummary {
  return {
    facts: entries.length,
    confirmed: entries.filter((e) => e.confirmed).length,
    unconfirmed: entries.filter((e) => !e.confirmed).length,
    historical: entries.filter((e) => e.historical).length,
    sources: new Set(entries.map((e) => e.source.id)).size,
  };
}

// ─── Text (the CLI's default) ──────────────────────────────────────────────────────────────

export function renderKnowledgeText(entries: readonly KnowledgeEntry[]): string {
  const blocks = entries.map((e) => [
    `${e.id}${e.value ? `  ${e.value}` : ''}  ${e.confirmed ? 'confirmed' : e.historical ? 'unconfirmed (historical): rule of thumb' : 'unconfirmed: rule of thumb'}  checked ${e.checked}`,
    `  ${e.title}: ${e.statement}`,
    ...(e.note ? [`  note: ${e.note}`] : []),
    `  source: ${e.source.title} (${e.source.version}${e.source.official ? '' : ', not an official Heroku or Salesforce page'})${e.source.url ? ` ${e.source.url}` : ''}`,
    ...(e.rules.length ? [`  rules: ${e.rules.join(', ')}`] : []),
    ...(e.mentionedBy.length ? [`  mentioned by: ${e.mentionedBy.join(', ')}`] : []),
  ].join('\n'));
  const s = summarize(entries);
  return `${[...blocks, describeSummary(s)].join('\n\n')}\n`;
}

function describeSummary(s: KnowledgeSummary): string {
  return `${s.facts} fact${s.facts === 1 ? '' : 's'} from ${s.sources} source${s.sources === 1 ? '' : 's'}: ${s.confirmed} confirmed, ${s.unconfirmed} unconfirmed${s.historical ? ` (${s.historical} historical)` : ''}.`;
}

// ─── JSON ──────────────────────────────────────────────────────────────────────────────────

export function renderKnowledgeJson(entries: readonly KnowledgeEntry[], extra: Record<string, unknown> = {}): string {
  return `${JSON.stringify({ ...extra, summary: summarize(entries), facts: entries }, null, 2)}\n`;
}

// ─── Markdown (docs/knowledge.md) ─────────────────────────────────────────────────────────

export interface MarkdownOptions {
  /** Lines right after the title (e.g. a generated-file note). */
  readonly preamble?: readonly string[];
  /** Where rule pages are, relative to the document ('rules/' for docs/knowledge.md); none: no links. */
  readonly ruleLinkBase?: string;
  /** A heading line instead of the default title. */
  readonly title?: string;
}

const cell = (text: string): string => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** The knowledge base as Markdown: a summary, then one section per source (a link) with its facts. */
export function renderKnowledgeMarkdown(entries: readonly KnowledgeEntry[], options: MarkdownOptions = {}): string {
  const s = summarize(entries);
  const lines = [
    options.title ?? '# Knowledge base',
    '',
    ...(options.preamble ?? []).flatMap((l) => [l, '']),
    'Every number and claim the rules, hovers, walkthrough and generated documents use, with its source, whether an official Heroku or Salesforce page confirms it, and when it was last checked against that page. An unconfirmed fact is a rule of thumb, and the product says so wherever it uses one; a historical fact comes from a dated official page that may no longer hold.',
    '',
    `${describeSummary(s)} \`integration-lint facts\` prints the same list (\`--format json\` for tools, \`--stale <months>\` for the facts not checked for that long).`,
    '',
  ];
  const bySource = new Map<SourceId, KnowledgeEntry[]>();
  for (const e of entries) bySource.set(e.source.id, [...(bySource.get(e.source.id) ?? []), e]);
  for (const [, list] of bySource) {
    const src = list[0].source;
    const title = src.url ? `[${cell(src.title)}](${src.url})` : cell(src.title);
    lines.push(`## ${title}`, '');
    lines.push(`${src.official ? 'Official' : 'Not an official Heroku or Salesforce page'} · version read: ${src.version} · checked ${src.checked}${src.url ? '' : ' · not published where readers can open it, so cited by its title'}`, '');
    lines.push('| Fact | Value | What the source says | Confirmed | Checked | Used by |', '| --- | --- | --- | --- | --- | --- |');
    for (const e of list) {
      const statement = `${cell(e.statement)}${e.note ? ` *${cell(e.note)}*` : ''}`;
      const used = [...e.rules.map((id) => ruleLink(id, options)), ...e.mentionedBy.map((id) => `${ruleLink(id, options)} (mentions)`)];
      lines.push(`| ${cell(e.title)} (\`${e.id}\`) | ${e.value ? cell(e.value) : '—'} | ${statement} | ${confirmedWord(e)}${e.confirmed ? '' : ': rule of thumb'} | ${e.checked} | ${used.join(', ') || '—'} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

function ruleLink(id: string, options: MarkdownOptions): string {
  return options.ruleLinkBase === undefined ? `\`${id}\`` : `[\`${id}\`](${options.ruleLinkBase}${id}.md)`;
}
