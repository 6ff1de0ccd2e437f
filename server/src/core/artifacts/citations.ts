import { fact, formatFactValue, type FactId } from '../knowledge/facts';
import { SOURCES, type SourceId } from '../knowledge/sources';
import { inlineText } from './markdown';

const OPEN = '\uE000';
const CLOSE = '\uE001';
const TOKEN = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g');

/** A reference: to the source of a fact, or to a page directly. */
type Ref = { readonly fact: FactId } | { readonly source: SourceId };

/**
 * Numbered references to the knowledge base's sources. Every number an artifact takes
 * from the knowledge base goes through `value` or `ref`, so it carries its source.
 * References are placeholders until `finalize`, which numbers the sources in the order
 * a reader meets them and renders the "Sources" section (each source once, with the
 * facts used from it).
 */
export class Citations {
  private readonly refs: Ref[] = [];
  private readonly used: FactId[] = [];
  /** What a document takes from a page besides facts (commands, Setup paths), by source. */
  private readonly taken = new Map<SourceId, string[]>();

  /** `[[2]](https://…)`, or `[[2, unconfirmed]](…)` for a fact no official page states. */
  ref(id: FactId): string {
    this.use(id);
    this.refs.push({ fact: id });
    return `${OPEN}${this.refs.length - 1}${CLOSE}`;
  }

  /**
   * A reference to a page itself, for what a document takes from it other than a fact:
   * a command, a Setup path (`what`, listed under the source).
   */
  source(id: SourceId, what?: string): string {
    const taken = this.taken.get(id) ?? [];
    if (what !== undefined && !taken.includes(what)) taken.push(what);
    this.taken.set(id, taken);
    this.refs.push({ source: id });
    return `${OPEN}${this.refs.length - 1}${CLOSE}`;
  }

  /** "10,000 rows [[1]](…)": a knowledge-base number with its source. */
  value(id: FactId): string {
    return `${formatFactValue(fact(id))} ${this.ref(id)}`;
  }

  /** A link to the source of a fact, for table cells: "[Title](url)" (+ ", unconfirmed"). */
  sourceLink(id: FactId): string {
    this.use(id);
    const f = fact(id);
    const source = SOURCES[f.source];
    const title = isWebAddress(source.url) ? `[${inlineText(source.title)}](${source.url})` : inlineText(source.title);
    return `${title}${f.confirmed ? '' : ', unconfirmed'}`;
  }

  /**
   * Cites the facts whose numbers appear in a text (e.g. a decision-table row that says
   * "10,000 rows"): a reference goes right after the first occurrence of each number.
   */
  annotate(text: string, ids: readonly FactId[]): string {
    let out = text;
    for (const id of ids) {
      const f = fact(id);
      if (f.value === undefined) continue;
      const shown = formatFactValue(f);
      const at = out.indexOf(shown);
      if (at < 0) continue;
      const end = at + shown.length;
      if (out.startsWith(` ${OPEN}`, end)) continue;
      out = `${out.slice(0, end)} ${this.ref(id)}${out.slice(end)}`;
    }
    return out;
  }

  private use(id: FactId): void {
    if (!this.used.includes(id)) this.used.push(id);
  }

  /** Replaces the placeholders with numbers and returns the text and its "Sources" section. */
  finalize(text: string): { text: string; sources: string } {
    const order: SourceId[] = [];
    const numbered = text.replace(TOKEN, (_, index: string) => {
      const ref = this.refs[Number(index)];
      const source = 'fact' in ref ? fact(ref.fact).source : ref.source;
      const confirmed = 'fact' in ref ? fact(ref.fact).confirmed : true;
      if (!order.includes(source)) order.push(source);
      const label = `${order.indexOf(source) + 1}${confirmed ? '' : ', unconfirmed'}`;
      const url = SOURCES[source].url;
      return isWebAddress(url) ? `[[${label}]](${url})` : `[${label}]`;
    });
    for (const id of this.used) if (!order.includes(fact(id).source)) order.push(fact(id).source);
    // Two facts from one source side by side read as one reference.
    const deduplicated = numbered.replace(/(\[\[[^\]]+\]\]\([^)\s]+\)|\[\d+(?:, unconfirmed)?\])(?: \1)+/g, '$1');
    return { text: deduplicated, sources: this.render(order) };
  }

  private render(order: readonly SourceId[]): string {
    if (order.length === 0) return '';
    const lines = [
      '## Sources',
      '',
      'Numbers in brackets point to these sources. *Unconfirmed* means no official Heroku or Salesforce page states it: treat it as a rule of thumb.',
      '',
    ];
    order.forEach((sourceId, i) => {
      const source = SOURCES[sourceId];
      // A document readers cannot open (the skill document) is cited by its title alone.
      const title = isWebAddress(source.url) ? `[${inlineText(source.title)}](${source.url})` : inlineText(source.title);
      const kind = source.official ? '' : ', not an official Heroku or Salesforce page';
      lines.push(`${i + 1}. ${title} (version read: ${source.version}${kind})`);
      for (const id of this.used.filter((u) => fact(u).source === sourceId)) {
        const f = fact(id);
        const value = f.value !== undefined ? ` (${formatFactValue(f)})` : '';
        const note = f.note ? ` *${inlineText(f.note)}*` : '';
        lines.push(`   - ${inlineText(f.title)}${value}${f.confirmed ? '' : ', unconfirmed'}: ${inlineText(f.statement)}${note}`);
      }
      const taken = this.taken.get(sourceId) ?? [];
      if (taken.length) lines.push(`   - Commands and Setup paths: ${taken.join(', ')}.`);
    });
    return lines.join('\n');
  }
}

function isWebAddress(url: string | undefined): url is string {
  return url !== undefined && /^https?:\/\//.test(url);
}
