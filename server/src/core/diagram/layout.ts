import type { Diagram, DiagramElement, DiagramFinding, DiagramGroup, DiagramLink } from './model';

/**
 * A layered layout of a diagram, in whole pixels (so the SVG is the same bytes every time): the
 * Salesforce org on the left, as tall as everything it talks to; the Heroku parts in columns by
 * how many hops they are from the org (add-ons and the apps paths land on, then what is behind
 * them), each region a band. Every path is a straight horizontal line from the org to where it
 * lands, with its label on a card in the gap between the sides.
 */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface PlacedText {
  /** Lines as drawn (wrapped, an ellipsis where cut); the full text is the element's accessible name. */
  readonly title: readonly string[];
  readonly lines: readonly string[];
}

export interface PlacedElement extends PlacedText {
  readonly element: DiagramElement;
  readonly box: Box;
}

export interface PlacedGroup {
  readonly group: DiagramGroup;
  readonly box: Box;
  readonly label: string;
}

export interface PlacedLink {
  readonly link: DiagramLink;
  /** The path's SVG geometry (`M… L…`, or `M… C…` between rows). */
  readonly d: string;
  /** Where the arrowheads go: a tip and the direction it points, in degrees (0 = right). */
  readonly arrows: readonly { readonly x: number; readonly y: number; readonly angle: number }[];
  /** The card of a path's label, between the org and the Heroku side. */
  readonly card?: PlacedText & { readonly box: Box };
}

export interface Scene {
  readonly width: number;
  readonly height: number;
  readonly groups: readonly PlacedGroup[];
  readonly elements: readonly PlacedElement[];
  readonly links: readonly PlacedLink[];
}

export const METRICS = {
  margin: 12,
  groupPadding: 14,
  groupLabel: 22,
  bandGap: 14,
  nodeWidth: 230,
  columnGap: 56,
  cardWidth: 250,
  /** Room on each side of a card for the line and its arrowhead. */
  cardMargin: 30,
  cardGap: 8,
  rowGap: 14,
  padding: 8,
  lineHeight: 15,
  /** A row of finding markers. */
  markers: 22,
  markerStep: 20,
  /** Average advance of a 12px sans-serif character, generous so text fits in most fonts. */
  charWidth: 6.6,
  arrowLength: 9,
} as const;

const M = METRICS;
/** Lines of a detail before it is cut with an ellipsis. */
const MAX_WRAP = 2;

/** Wraps text at spaces to `width` pixels, at most `maxLines` lines; a longer text ends in "…". */
export function wrapText(text: string, width: number, maxLines = MAX_WRAP): string[] {
  const max = Math.max(4, Math.floor(width / M.charWidth));
  // Only what can be shown is wrapped (a name can be a megabyte long).
  const room = (maxLines + 1) * (max + 1);
  const cut = text.length > room;
  const words = (cut ? text.slice(0, room) : text).split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < words.length; i++) {
    let word = words[i];
    while (word.length > max) {
      // A word longer than a line (a long app name): break it.
      if (line) { lines.push(line); line = ''; }
      lines.push(word.slice(0, max));
      word = word.slice(max);
    }
    const next = line ? `${line} ${word}` : word;
    if (next.length <= max) line = next;
    else { lines.push(line); line = word; }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines && !cut) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1];
  kept[maxLines - 1] = `${last.length >= max ? last.slice(0, max - 1) : last}…`;
  return kept;
}

/** How many finding markers a row holds in a box of this width. */
export function markerCapacity(width: number): number {
  return Math.floor((width - 2 * M.padding) / M.markerStep);
}

function textHeight(lineCount: number, findings: readonly DiagramFinding[]): number {
  return 2 * M.padding + lineCount * M.lineHeight + (findings.length ? M.markers : 0);
}

function elementText(e: DiagramElement): PlacedText {
  const width = M.nodeWidth - 2 * M.padding;
  return {
    title: [e.title],
    lines: [...(e.name ? wrapText(e.name, width) : []), ...e.details.flatMap((d) => wrapText(d, width))],
  };
}

function cardText(link: DiagramLink): PlacedText {
  const width = M.cardWidth - 2 * M.padding;
  return {
    title: wrapText(link.label, width, 1),
    lines: [...link.details.flatMap((d) => wrapText(d, width)), ...link.users.flatMap((u) => wrapText(`as ${u}`, width))],
  };
}

/** Hops from the org, over every link; a part no link reaches is one hop away. */
function layers(diagram: Diagram): Map<string, number> {
  const layer = new Map<string, number>([['org', 0]]);
  const queue = ['org'];
  while (queue.length) {
    const id = queue.shift()!;
    for (const l of diagram.links) {
      const other = l.from === id ? l.to : l.to === id ? l.from : undefined;
      if (other !== undefined && !layer.has(other)) {
        layer.set(other, layer.get(id)! + 1);
        queue.push(other);
      }
    }
  }
  for (const e of diagram.elements) if (!layer.has(e.id)) layer.set(e.id, 1);
  return layer;
}

export function layoutDiagram(diagram: Diagram): Scene {
  const layer = layers(diagram);
  const org = diagram.elements.find((e) => e.kind === 'org')!;
  const heroku = diagram.elements.filter((e) => e !== org);
  const pathLinks = diagram.links.filter((l) => l.path !== undefined);
  const cards = new Map(pathLinks.map((l) => [l.id, cardText(l)]));
  const cardHeight = (l: DiagramLink) => textHeight(cards.get(l.id)!.title.length + cards.get(l.id)!.lines.length, l.findings);
  const incoming = (e: DiagramElement) => pathLinks.filter((l) => l.to === e.id);
  const texts = new Map(diagram.elements.map((e) => [e.id, elementText(e)]));

  // Rows: each region a band of rows; a part shares the row of the part before it in its chain.
  const row = new Map<string, number>();
  const bands: { group: DiagramGroup; first: number; end: number }[] = [];
  let nextBandRow = 0;
  const firstPath = (e: DiagramElement) => {
    const i = pathLinks.findIndex((l) => l.to === e.id);
    return i < 0 ? pathLinks.length : i;
  };
  for (const group of diagram.groups.filter((g) => g.side === 'heroku')) {
    const members = heroku.filter((e) => e.group === group.id);
    const next = new Map<number, number>();
    const place = (e: DiagramElement, min: number): void => {
      const col = layer.get(e.id)!;
      const r = Math.max(min, next.get(col) ?? nextBandRow);
      row.set(e.id, r);
      next.set(col, r + 1);
      for (const l of diagram.links) {
        const other = l.from === e.id ? l.to : l.to === e.id ? l.from : undefined;
        const child = members.find((m) => m.id === other);
        if (child && !row.has(child.id) && layer.get(child.id)! > col) place(child, r);
      }
    };
    const roots = [...members].sort((a, b) => layer.get(a.id)! - layer.get(b.id)! || firstPath(a) - firstPath(b));
    for (const e of roots) if (!row.has(e.id)) place(e, nextBandRow);
    const end = Math.max(nextBandRow + 1, ...next.values());
    bands.push({ group, first: nextBandRow, end });
    nextBandRow = end;
  }

  // Row heights: the tallest part or stack of cards in the row; every part in a row is that tall.
  const rowCount = nextBandRow;
  const heights: number[] = Array.from({ length: rowCount }, () => 0);
  for (const e of heroku) {
    const t = texts.get(e.id)!;
    const stack = incoming(e).reduce((sum, l, i) => sum + cardHeight(l) + (i ? M.cardGap : 0), 0);
    const own = textHeight(t.title.length + t.lines.length, e.findings);
    heights[row.get(e.id)!] = Math.max(heights[row.get(e.id)!], own, stack + 2 * M.cardGap);
  }

  const orgText = texts.get(org.id)!;
  const orgHeight = textHeight(orgText.title.length + orgText.lines.length, org.findings);
  const sfGroup = diagram.groups.find((g) => g.side === 'salesforce')!;
  const top = M.margin;
  const contentTop = top + M.groupLabel;
  const orgX = M.margin + M.groupPadding;
  const sfRight = orgX + M.nodeWidth + M.groupPadding;
  const herokuLeft = sfRight + M.cardWidth + 2 * M.cardMargin;
  const columns = Math.max(0, ...heroku.map((e) => layer.get(e.id)!));
  const columnX = (c: number) => herokuLeft + M.groupPadding + (c - 1) * (M.nodeWidth + M.columnGap);
  // Wide enough for each band's label and its findings' markers on one line.
  const labelWidth = (g: DiagramGroup) => Math.ceil(g.label.length * M.charWidth) + 2 * M.padding + M.markerStep * Math.min(g.findings.length, markerCapacity(M.nodeWidth));
  const herokuRight = Math.max(columnX(columns) + M.nodeWidth + M.groupPadding, herokuLeft + Math.max(0, ...bands.map((b) => labelWidth(b.group))));

  const rowTop: number[] = [];
  const placedGroups: PlacedGroup[] = [];
  let y = top;
  for (const band of bands) {
    const bandTop = y;
    y += M.groupLabel;
    for (let r = band.first; r < band.end; r++) {
      rowTop[r] = y;
      y += heights[r] + (r < band.end - 1 ? M.rowGap : 0);
    }
    y += M.groupPadding;
    placedGroups.push({ group: band.group, box: { x: herokuLeft, y: bandTop, width: herokuRight - herokuLeft, height: y - bandTop }, label: band.group.label });
    y += M.bandGap;
  }
  const herokuBottom = bands.length ? y - M.bandGap : contentTop;
  const orgBox: Box = { x: orgX, y: contentTop, width: M.nodeWidth, height: Math.max(orgHeight, herokuBottom - M.groupPadding - contentTop) };
  const sfBox: Box = { x: M.margin, y: top, width: sfRight - M.margin, height: orgBox.y + orgBox.height + M.groupPadding - top };
  placedGroups.unshift({ group: sfGroup, box: sfBox, label: sfGroup.label });

  const boxes = new Map<string, Box>([[org.id, orgBox]]);
  for (const e of heroku) {
    const r = row.get(e.id)!;
    boxes.set(e.id, { x: columnX(layer.get(e.id)!), y: rowTop[r], width: M.nodeWidth, height: heights[r] });
  }

  const links: PlacedLink[] = [];
  for (const target of heroku) {
    const into = incoming(target);
    const box = boxes.get(target.id)!;
    const stack = into.reduce((sum, l, i) => sum + cardHeight(l) + (i ? M.cardGap : 0), 0);
    let cardTop = Math.round(box.y + (box.height - stack) / 2);
    for (const l of into) {
      const height = cardHeight(l);
      const cy = cardTop + Math.round(height / 2);
      const card = { ...cards.get(l.id)!, box: { x: sfRight + M.cardMargin, y: cardTop, width: M.cardWidth, height } };
      const start = orgBox.x + orgBox.width;
      const end = box.x;
      const arrows = [];
      if (l.direction === 'forward' || l.direction === 'both') arrows.push({ x: end, y: cy, angle: 0 });
      if (l.direction === 'back' || l.direction === 'both') arrows.push({ x: start, y: cy, angle: 180 });
      links.push({ link: l, d: `M${start} ${cy}H${card.box.x}M${card.box.x + card.box.width} ${cy}H${end}`, arrows, card });
      cardTop += height + M.cardGap;
    }
  }
  for (const l of diagram.links.filter((x) => x.path === undefined)) links.push(placeLink(l, boxes.get(l.from)!, boxes.get(l.to)!));
  links.sort((a, b) => diagram.links.indexOf(a.link) - diagram.links.indexOf(b.link));

  return {
    width: Math.max(sfRight, bands.length ? herokuRight : 0) + M.margin,
    height: Math.max(sfBox.y + sfBox.height, herokuBottom) + M.margin,
    groups: placedGroups,
    elements: diagram.elements.map((e) => ({ element: e, box: boxes.get(e.id)!, ...texts.get(e.id)! })),
    links,
  };
}

/** A link between two Heroku parts: side to side (a curve between rows), or top to bottom in one column. */
function placeLink(link: DiagramLink, a: Box, b: Box): PlacedLink {
  let from: [number, number];
  let to: [number, number];
  let d: string;
  let angle: number;
  if (a.x !== b.x) {
    const rightward = b.x > a.x;
    from = [rightward ? a.x + a.width : a.x, center(a)];
    to = [rightward ? b.x : b.x + b.width, center(b)];
    const bend = Math.round((to[0] - from[0]) / 2);
    d = from[1] === to[1] ? `M${from[0]} ${from[1]}H${to[0]}` : `M${from[0]} ${from[1]}C${from[0] + bend} ${from[1]} ${to[0] - bend} ${to[1]} ${to[0]} ${to[1]}`;
    angle = rightward ? 0 : 180;
  } else {
    const downward = b.y > a.y;
    const x = a.x + Math.round(a.width / 2);
    from = [x, downward ? a.y + a.height : a.y];
    to = [x, downward ? b.y : b.y + b.height];
    d = `M${from[0]} ${from[1]}V${to[1]}`;
    angle = downward ? 90 : 270;
  }
  const arrows = [];
  if (link.direction === 'forward' || link.direction === 'both') arrows.push({ x: to[0], y: to[1], angle });
  if (link.direction === 'back' || link.direction === 'both') arrows.push({ x: from[0], y: from[1], angle: (angle + 180) % 360 });
  return { link, d, arrows };
}

function center(box: Box): number {
  return box.y + Math.round(box.height / 2);
}
