// The design at a glance: the architecture diagram (an SVG tree the server drew) with its text
// alternative, and one gauge per limit. The tree is plain data: each element is created by tag
// name from an allow-list, each attribute set by name from an allow-list, each text a text node,
// so a name from the design can only ever be text, whatever it contains.
import { el, replace, srOnly, withCode } from './dom';
import { SVG_ATTRIBUTE, SVG_TAGS, type DescribedItem, type DiagramView, type GaugeView, type SvgElement, type WalkthroughState } from './protocol';

const SVG_NS = 'http://www.w3.org/2000/svg';
const TAGS = new Set<string>(SVG_TAGS);
/** Values an id, class or geometry attribute may have: no url(), no markup, no script. */
const PLAIN_VALUE = /^[A-Za-z0-9 .,#%_-]*$/;
const FREE_TEXT = new Set(['aria-label']);

export interface PictureActions {
  revealLine(line: number): void;
}

/** An SVG element from the tree; an element or attribute outside the allow-lists is left out (the server never sends one). */
export function svgFromTree(node: SvgElement): SVGElement | null {
  if (!TAGS.has(node.tag)) return null;
  const element = document.createElementNS(SVG_NS, node.tag);
  for (const [name, value] of Object.entries(node.attrs)) {
    if (SVG_ATTRIBUTE.test(name) && (FREE_TEXT.has(name) || PLAIN_VALUE.test(value))) element.setAttribute(name, value);
  }
  for (const child of node.children) {
    const built = typeof child === 'string' ? document.createTextNode(child) : svgFromTree(child);
    if (built) element.appendChild(built);
  }
  return element;
}

let drawn = '';

export function renderDiagram(container: HTMLElement, words: HTMLElement, state: WalkthroughState, actions: PictureActions): void {
  const signature = JSON.stringify(state.diagram);
  // Redrawn only when it changed: focus and the scroll position stay put while answering.
  if (signature === drawn && container.firstChild) return;
  drawn = signature;
  const diagram = state.diagram;
  const figure = el('div', { className: 'diagram-scroll', attrs: { tabindex: '0', role: 'region', 'aria-label': 'Architecture diagram (scrolls sideways)' } });
  const svg = svgFromTree(diagram.svg);
  if (svg) figure.appendChild(svg);
  figure.addEventListener('click', (event) => activate(event.target, actions, words));
  figure.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    if (activate(event.target, actions, words)) event.preventDefault();
  });
  replace(container, figure);
  renderWords(words, diagram, actions);
}

/** A finding marker reveals its line; "+N" opens the text alternative at that part. */
function activate(target: EventTarget | null, actions: PictureActions, words: HTMLElement): boolean {
  const marker = target instanceof Element ? target.closest('.finding') : null;
  if (!marker) return false;
  const line = Number(marker.getAttribute('data-line'));
  if (Number.isSafeInteger(line) && line >= 1) {
    actions.revealLine(line);
    return true;
  }
  const part = marker.getAttribute('data-element');
  const details = words.querySelector('details');
  if (part && details) {
    details.open = true;
    document.getElementById(`diagram-item-${part}`)?.focus();
  }
  return true;
}

function renderWords(container: HTMLElement, diagram: DiagramView, actions: PictureActions): void {
  const open = container.querySelector('details')?.open ?? false;
  const details = el('details', { id: 'diagram-words' },
    el('summary', {}, 'The diagram in words'),
    el('p', {}, diagram.summary),
    el('ul', {}, ...diagram.items.map((item) => describedItem(item, actions))),
    diagram.unattached ? el('p', { className: 'hint' }, `${diagram.unattached} more finding${diagram.unattached === 1 ? ' concerns' : 's concern'} the requirements or the design as a whole: see the Problems panel.`) : null);
  details.open = open;
  replace(container, details);
}

function describedItem(item: DescribedItem, actions: PictureActions): HTMLElement {
  return el('li', { id: `diagram-item-${item.id}`, className: `described described-${item.kind}`, attrs: { tabindex: '-1' } },
    item.text,
    item.findings.length ? el('ul', { className: 'findings' }, ...item.findings.map((f, i) => {
      const button = el('button', { className: 'link', id: `diagram-finding-${item.id}-${i}`, attrs: { type: 'button' } }, `Line ${f.line}`, srOnly(`: show ${f.ruleId} in the editor`));
      button.addEventListener('click', () => actions.revealLine(f.line));
      return el('li', { className: `severity-${f.severity}` }, el('span', { className: `badge badge-${f.severity}` }, f.severity), ' ', ...withCode(f.message), ' ', button);
    })) : null);
}

export function renderGauges(container: HTMLElement, state: WalkthroughState, actions: PictureActions): void {
  if (state.gauges.length === 0) {
    replace(container, el('p', { id: 'no-gauges' }, 'The design states no value this tool can measure against a limit (row counts, polling intervals, request or event rates, timeouts, retention).'));
    return;
  }
  replace(container, el('ul', { className: 'gauges' }, ...state.gauges.map((g) => gauge(g, actions))));
}

function gauge(g: GaugeView, actions: PictureActions): HTMLElement {
  const button = el('button', { className: 'link', id: `gauge-line-${g.id}`, attrs: { type: 'button' } }, `Line ${g.line}`, srOnly(`: show where the design states it`));
  button.addEventListener('click', () => actions.revealLine(g.line));
  return el('li', { className: `gauge gauge-${g.level}`, attrs: { 'data-gauge': g.id } },
    el('p', { className: 'gauge-label' }, g.label),
    el('div', { className: 'gauge-row' },
      svgFromTree(g.bar),
      el('p', { className: 'gauge-figures' }, el('strong', {}, g.percent), ` ${LEVEL_WORDS[g.level]}: ${g.value} against ${g.limit}. `, button)));
}

const LEVEL_WORDS: Readonly<Record<GaugeView['level'], string>> = {
  below: 'under the risk threshold',
  near: 'at or past the risk threshold',
  at: 'at the limit',
  over: 'over the limit',
};
