import type { Severity } from '../findings';
import { elementName, linkSentence, type Diagram, type DiagramFinding } from './model';
import { describeDiagram } from './describe';
import { layoutDiagram, markerCapacity, METRICS as M, type Box, type PlacedText, type Scene } from './layout';

/**
 * The diagram as an SVG element tree (plain data). The walkthrough's webview builds it with
 * DOM calls (text as text nodes, attributes by name from its own allow-list); `serializeSvg`
 * writes it as a file (the golden files), escaping every text and attribute. Nothing here is
 * markup, and no name from the design becomes a tag, an attribute name, a style or a link.
 */
import { SVG_ATTRIBUTE, SVG_TAGS, type SvgTag } from '../vocabulary';

export { SVG_ATTRIBUTE, SVG_TAGS, type SvgTag };

export interface SvgElement {
  readonly tag: SvgTag;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly (SvgElement | string)[];
}


/** Markers a box shows before "+N". */
const MARKERS = markerCapacity(M.nodeWidth);

const SEVERITY_LETTERS: Readonly<Record<Severity, string>> = { error: 'E', warning: 'W', info: 'i', hint: 'h' };
const SEVERITY_WORDS: Readonly<Record<Severity, string>> = { error: 'Error', warning: 'Warning', info: 'Information', hint: 'Hint' };

/** An element of the tree: attributes left undefined and children left false are dropped. */
export const svg = (tag: SvgTag, attrs: Record<string, string | number | undefined>, ...children: (SvgElement | string | undefined | false)[]): SvgElement => ({
  tag,
  attrs: Object.fromEntries(Object.entries(attrs).filter((e): e is [string, string | number] => e[1] !== undefined).map(([k, v]) => [k, String(v)])),
  children: children.filter((c): c is SvgElement | string => c !== undefined && c !== false),
});

/** The diagram's SVG: groups, then links (under the boxes), then the boxes, each with its findings. */
export function diagramSvg(diagram: Diagram, summary = describeDiagram(diagram).summary): SvgElement {
  const scene = layoutDiagram(diagram);
  const names = new Map(diagram.elements.map((e) => [e.id, elementName(e)]));
  return svg('svg', {
    class: 'architecture', viewBox: `0 0 ${scene.width} ${scene.height}`, width: scene.width, height: scene.height,
    role: 'group', 'aria-label': summary,
    // Defaults for a file viewed on its own; the walkthrough's stylesheet themes them.
    fill: 'none', stroke: 'currentColor', 'font-family': 'sans-serif', 'font-size': 12,
  },
  ...scene.groups.map((g) => svg('g', { class: `group group-${g.group.side}`, role: 'img', 'aria-label': `Region group: ${g.label}` },
    svg('rect', { x: g.box.x, y: g.box.y, width: g.box.width, height: g.box.height, rx: 6 }),
    label(g.box.x + M.padding, g.box.y + 15, g.label, 'group-label', 'bold'))),
  ...scene.groups.flatMap((g) => markers(g.group.findings, `region group ${g.label}`, g.group.id, g.box.x + g.box.width - M.padding - M.markerStep * Math.min(g.group.findings.length, MARKERS), g.box.y + 3)),
  ...scene.links.map((l) => {
    const from = names.get(l.link.from)!;
    const to = names.get(l.link.to)!;
    const name = linkSentence(l.link, from, to);
    return svg('g', { class: `link${l.link.path ? ' link-path' : ''}`, 'data-element': l.link.id },
      svg('g', { role: 'img', 'aria-label': [name, ...l.link.details, ...l.link.users.map((u) => `as ${u}`)].join('. ') },
        svg('title', {}, name),
        svg('path', { class: 'line', d: l.d }),
        ...l.arrows.map((a) => svg('path', { class: 'arrow', d: arrowHead(a.x, a.y, a.angle), fill: 'currentColor' })),
        l.card && svg('rect', { class: 'card', x: l.card.box.x, y: l.card.box.y, width: l.card.box.width, height: l.card.box.height, rx: 4 }),
        l.card && textBlock(l.card, l.card.box)),
      ...(l.card ? markers(l.link.findings, l.link.label, l.link.id, l.card.box.x + M.padding, l.card.box.y + l.card.box.height - M.markers + 2) : []));
  }),
  ...scene.elements.map((p) => svg('g', { class: `node node-${p.element.kind}`, 'data-element': p.element.id },
    svg('g', { role: 'img', 'aria-label': [elementName(p.element), ...p.element.details].join('. ') },
      svg('title', {}, elementName(p.element)),
      svg('rect', { x: p.box.x, y: p.box.y, width: p.box.width, height: p.box.height, rx: p.element.kind === 'org' ? 10 : p.element.kind === 'database' ? 12 : 3 }),
      textBlock(p, p.box)),
    ...markers(p.element.findings, elementName(p.element), p.element.id, p.box.x + M.padding, p.box.y + p.box.height - M.markers + 2))),
  );
}

/** The title in bold, then the lines, from the box's top left. */
function textBlock(text: PlacedText, box: Box): SvgElement {
  const x = box.x + M.padding;
  let y = box.y + M.padding + 11;
  const out: SvgElement[] = [];
  for (const line of text.title) { out.push(label(x, y, line, 'title', 'bold')); y += M.lineHeight; }
  for (const line of text.lines) { out.push(label(x, y, line, 'detail')); y += M.lineHeight; }
  return svg('g', { 'aria-hidden': 'true' }, ...out);
}

function label(x: number, y: number, text: string, className: string, weight?: string): SvgElement {
  return svg('text', { class: className, x, y, fill: 'currentColor', stroke: 'none', 'font-weight': weight }, text);
}

/**
 * One focusable marker per finding (a letter for its severity, so color is not the only cue);
 * past what fits, the last marker says how many more (they are all in the text alternative).
 */
function markers(findings: readonly DiagramFinding[], owner: string, id: string, x: number, y: number): SvgElement[] {
  if (findings.length === 0) return [];
  const capacity = MARKERS;
  const shown = findings.length > capacity ? findings.slice(0, capacity - 1) : findings;
  const out = shown.map((f, i) => svg('g', {
    class: `finding finding-${f.severity}`, id: `diagram-${id}-${i}`, role: 'button', tabindex: 0, 'data-line': f.line,
    'aria-label': `${SEVERITY_WORDS[f.severity]} on ${owner}, line ${f.line}: ${f.message} (${f.ruleId}). Show it in the editor.`,
  },
  svg('title', {}, `Line ${f.line}, ${f.ruleId}: ${f.message}`),
  svg('circle', { cx: x + i * M.markerStep + 8, cy: y + 8, r: 8 }),
  svg('text', { x: x + i * M.markerStep + 8, y: y + 12, 'text-anchor': 'middle', fill: 'currentColor', stroke: 'none', 'font-size': 11, 'font-weight': 'bold' }, SEVERITY_LETTERS[f.severity])));
  if (shown.length < findings.length) {
    const i = shown.length;
    const more = findings.length - shown.length;
    out.push(svg('g', { class: 'finding finding-more', id: `diagram-${id}-more`, role: 'button', tabindex: 0, 'data-element': id, 'aria-label': `${more} more findings on ${owner}: listed in the text below the diagram.` },
      svg('title', {}, `${more} more: listed below the diagram`),
      svg('text', { x: x + i * M.markerStep + 2, y: y + 12, fill: 'currentColor', stroke: 'none', 'font-size': 11, 'font-weight': 'bold' }, `+${more}`)));
  }
  return out;
}

/** A filled triangle with its tip at (x, y), pointing at `angle` degrees (0, 90, 180 or 270). */
function arrowHead(x: number, y: number, angle: number): string {
  const l = M.arrowLength;
  const w = 5;
  switch (angle) {
    case 0: return `M${x} ${y}L${x - l} ${y - w}L${x - l} ${y + w}Z`;
    case 180: return `M${x} ${y}L${x + l} ${y - w}L${x + l} ${y + w}Z`;
    case 90: return `M${x} ${y}L${x - w} ${y - l}L${x + w} ${y - l}Z`;
    default: return `M${x} ${y}L${x - w} ${y + l}L${x + w} ${y + l}Z`;
  }
}

const escapeText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string): string => escapeText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;');

/** The tree as an SVG document (a golden file), one element per line where it has element children. */
export function serializeSvg(root: SvgElement): string {
  const write = (node: SvgElement, indent: string): string => {
    if (!SVG_TAGS.includes(node.tag)) throw new Error(`<${node.tag}> is not an SVG tag the diagram uses`);
    const attrs = Object.entries(node === root ? { xmlns: 'http://www.w3.org/2000/svg', ...node.attrs } : node.attrs).map(([name, value]) => {
      if (name !== 'xmlns' && !SVG_ATTRIBUTE.test(name)) throw new Error(`${name} is not an attribute the diagram uses`);
      return ` ${name}="${escapeAttribute(value)}"`;
    }).join('');
    if (node.children.length === 0) return `${indent}<${node.tag}${attrs}/>`;
    if (node.children.every((c) => typeof c === 'string')) return `${indent}<${node.tag}${attrs}>${(node.children as string[]).map(escapeText).join('')}</${node.tag}>`;
    const inner = node.children.map((c) => (typeof c === 'string' ? `${indent}  ${escapeText(c)}` : write(c, `${indent}  `))).join('\n');
    return `${indent}<${node.tag}${attrs}>\n${inner}\n${indent}</${node.tag}>`;
  };
  return `${write(root, '')}\n`;
}

export type { Scene };
