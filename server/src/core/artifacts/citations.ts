import { fact, formatFactValue, type FactId } from '../knowledge/facts';
import { SOURCES, type SourceId } from '../knowledge/sources';
import { inlineText } from './markdown';

/**
 * Numbered references to the knowledge base's sources. Every number an artifact takes
 * from the knowledge base goes through `value` or `ref`, so it carries its source; the
 * "Sources" section lists each source once, in order of first use, with the facts used.
 */
export class Citations {
  private readonly order: SourceId[] = [];
  private readonly factsBySource = new Map<SourceId, FactId[]>();

  /** `[[2]](https://…)`, or `[[2, unconfirmed]](…)` for a fact no official page states. */
  ref(id: FactId): string {
    const f = fact(id);
    let index = this.order.indexOf(f.source);
    if (index < 0) {
      this.order.push(f.source);
      index = this.order.length - 1;
    }
    const used = this.factsBySource.get(f.source) ?? [];
    if (!used.includes(id)) used.push(id);
    this.factsBySource.set(f.source, used);
    const label = `${index + 1}${f.confirmed ? '' : ', unconfirmed'}`;
    const url = SOURCES[f.source].url;
    return isWebAddress(url) ? `[[${label}]](${url})` : `[${label}]`;
  }

  /** "10,000 rows [[1]](…)": a knowledge-base number with its source. */
  value(id: FactId): string {
    return `${formatFactValue(fact(id))} ${this.ref(id)}`;
  }

  /** A link to the source of a fact, for table cells: "[Title](url)" (+ ", unconfirmed"). */
  sourceLink(id: FactId): string {
    this.ref(id);
    const f = fact(id);
    const source = SOURCES[f.source];
    const title = isWebAddress(source.url) ? `[${inlineText(source.title)}](${source.url})` : inlineText(source.title);
    return `${title}${f.confirmed ? '' : ', unconfirmed'}`;
  }

  get isEmpty(): boolean {
    return this.order.length === 0;
  }

  render(): string {
    if (this.order.length === 0) return '';
    const lines = [
      '## Sources',
      '',
      'Numbers in brackets point to these sources. *Unconfirmed* means no official Heroku or Salesforce page states it: treat it as a rule of thumb.',
      '',
    ];
    this.order.forEach((sourceId, i) => {
      const source = SOURCES[sourceId];
      const title = isWebAddress(source.url) ? `[${inlineText(source.title)}](${source.url})` : `${inlineText(source.title)} (\`${source.url}\`)`;
      const kind = source.official ? '' : ', not an official Heroku or Salesforce page';
      lines.push(`${i + 1}. ${title} (version read: ${source.version}${kind})`);
      for (const id of this.factsBySource.get(sourceId) ?? []) {
        const f = fact(id);
        const value = f.value !== undefined ? ` (${formatFactValue(f)})` : '';
        const note = f.note ? ` *${inlineText(f.note)}*` : '';
        lines.push(`   - ${inlineText(f.title)}${value}${f.confirmed ? '' : ', unconfirmed'}: ${inlineText(f.statement)}${note}`);
      }
    });
    return lines.join('\n');
  }
}

function isWebAddress(url: string): boolean {
  return /^https?:\/\//.test(url);
}
