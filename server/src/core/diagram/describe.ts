import { listWords } from '../format/suggest';
import { plural } from '../format/quantities';
import { elementName, linkSentence, type Diagram, type DiagramFinding } from './model';

/** The diagram in words: the text alternative the walkthrough shows under the picture. */
export interface DiagramDescription {
  /** One sentence: what is drawn (the SVG's accessible name). */
  readonly summary: string;
  readonly items: readonly DescribedItem[];
}

export interface DescribedItem {
  /** The element's, link's or group's id in the diagram. */
  readonly id: string;
  readonly kind: 'group' | 'element' | 'path' | 'link';
  readonly text: string;
  readonly findings: readonly DiagramFinding[];
}

export function describeDiagram(diagram: Diagram): DiagramDescription {
  const names = new Map(diagram.elements.map((e) => [e.id, elementName(e)]));
  const paths = diagram.links.filter((l) => l.path);
  const heroku = diagram.groups.filter((g) => g.side === 'heroku');
  const parts = diagram.elements.length - 1;
  const findings = [...diagram.groups, ...diagram.elements, ...diagram.links].reduce((n, x) => n + x.findings.length, 0);
  const summary = `Architecture of ${diagram.title}: the Salesforce org${parts ? ` and ${plural(parts, 'Heroku part')} in ${plural(heroku.length, 'region group')}` : ''}, ${paths.length ? `joined by ${plural(paths.length, 'path')}` : 'no path chosen yet'}; ${plural(findings, 'finding')} drawn on them${diagram.unattached ? `, ${diagram.unattached} more on the rest of the design` : ''}.`;
  const items: DescribedItem[] = [];
  for (const group of diagram.groups) {
    const members = diagram.elements.filter((e) => e.group === group.id).map((e) => names.get(e.id)!);
    items.push({ id: group.id, kind: 'group', text: `Region group ${group.label}: ${listWords(members, 'and')}.`, findings: group.findings });
    for (const e of diagram.elements.filter((x) => x.group === group.id)) {
      items.push({ id: e.id, kind: 'element', text: `${names.get(e.id)}${e.details.length ? `: ${e.details.join('; ')}` : ''}.`, findings: e.findings });
    }
  }
  for (const l of diagram.links) {
    const sentence = linkSentence(l, names.get(l.from)!, names.get(l.to)!);
    const details = l.details.length ? `: ${l.details.join('; ')}` : '';
    const users = l.users.length ? ` Logs in as ${listWords(l.users, 'and')}.` : l.path ? ' No integration user lists it in used_by.' : '';
    items.push({ id: l.id, kind: l.path ? 'path' : 'link', text: `${l.path ? 'Path ' : ''}${sentence}${details}.${users}`, findings: l.findings });
  }
  return { summary, items };
}

