import type { Severity } from '../findings';
import type { Diagram, DiagramElement, DiagramFinding, ElementKind } from './model';

/**
 * The diagram as a Mermaid `flowchart` (GitHub and GitLab draw it from a ```mermaid block). Ids
 * are the diagram's own (`org`, `app1`); every text from the design is in a quoted label with
 * each character Mermaid could read as syntax written as an entity (`#35;`), so a name can
 * never close the label, start a directive (`%%{init}%%`), a `click`, `style` or `classDef`
 * statement, a link, Markdown in a label, or end the code block.
 */
export function diagramMermaid(diagram: Diagram): string {
  const lines = ['flowchart LR'];
  for (const group of diagram.groups) {
    lines.push(`  subgraph ${group.id}["${mermaidText(withFindings(group.label, group.findings))}"]`);
    for (const e of diagram.elements.filter((x) => x.group === group.id)) lines.push(`    ${node(e)}`);
    lines.push('  end');
  }
  for (const link of diagram.links) {
    const text = [link.label, ...link.details, ...link.users.map((u) => `as ${u}`)];
    const label = `|"${text.map((t) => mermaidText(t)).join('<br/>')}${findingsLine(link.findings)}"|`;
    const arrow = link.direction === 'both' ? '<-->' : link.direction === 'none' ? '---' : '-->';
    // Mermaid has no arrow at the start alone: a link back is written the other way round, after an
    // invisible link that keeps its `from` end (the org) on the left.
    if (link.direction === 'back') lines.push(`  ${link.from} ~~~ ${link.to}`);
    const [from, to] = link.direction === 'back' ? [link.to, link.from] : [link.from, link.to];
    lines.push(`  ${from} ${arrow}${label} ${to}`);
  }
  return lines.join('\n');
}

/** The block an artifact embeds. */
export function mermaidBlock(diagram: Diagram): string {
  return ['```mermaid', diagramMermaid(diagram), '```'].join('\n');
}

const SHAPES: Readonly<Record<ElementKind, [string, string]>> = {
  org: ['(', ')'],
  addon: ['[[', ']]'],
  app: ['[', ']'],
  database: ['[(', ')]'],
};

function node(e: DiagramElement): string {
  const [open, close] = SHAPES[e.kind];
  const text = [e.title, ...(e.name ? [e.name] : []), ...e.details].map((t) => mermaidText(t)).join('<br/>');
  return `${e.id}${open}"${text}${findingsLine(e.findings)}"${close}`;
}

const SEVERITY_NAMES: Readonly<Record<Severity, [string, string]>> = {
  error: ['error', 'errors'], warning: ['warning', 'warnings'], info: ['info', 'info'], hint: ['hint', 'hints'],
};

/** "<br/>⚠ 2 errors, 1 warning" for a part with findings. */
function findingsLine(findings: readonly DiagramFinding[]): string {
  if (findings.length === 0) return '';
  const counts = (Object.keys(SEVERITY_NAMES) as Severity[]).map((s) => [s, findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  return `<br/>${mermaidText(`⚠ ${counts.map(([s, n]) => `${n} ${SEVERITY_NAMES[s][n === 1 ? 0 : 1]}`).join(', ')}`)}`;
}

function withFindings(label: string, findings: readonly DiagramFinding[]): string {
  return findings.length ? `${label} (⚠ ${findings.length})` : label;
}

/**
 * Text for a quoted Mermaid label: letters, digits and harmless punctuation as they are, every
 * other character as `#<code point>;` (Mermaid shows the character). Also written as entities:
 * the characters Mermaid uses internally as entity placeholders (ﬂ ° ¶ ß), and a colon not
 * followed by a space (Mermaid's `style … :…#…;` preprocessing looks for it).
 */
export function mermaidText(text: string): string {
  let out = '';
  const chars = [...text.replace(/\r\n?|\n|\u2028|\u2029/g, ' ')];
  chars.forEach((c, i) => {
    // Also as they are: · → ⇄ × … ⚠ (written as escapes: the bundles are ASCII).
    const safe = /^[\p{L}\p{N} .,_/()'+=@\u00b7\u2192\u21c4\u00d7\u2026\u26a0-]$/u.test(c) && !'\ufb02\u00b0\u00b6\u00df'.includes(c);
    out += safe || (c === ':' && (chars[i + 1] === ' ' || i === chars.length - 1)) ? c : `#${c.codePointAt(0)};`;
  });
  return out;
}
