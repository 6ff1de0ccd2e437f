import { svg, type SvgElement } from '../diagram/svg';
import { fact, formatFactValue } from '../knowledge/facts';
import type { Measurement } from '../measurement';
import { riskThreshold } from '../rules/limits';
import { formatPercent } from './labels';

/**
 * A limit gauge: how full one limit is, with marks at the risk threshold (50%) and at the limit
 * (100%). The risk register draws it as text (`textBar`), the walkthrough as SVG (`gaugeBar`);
 * both read the same measurement as the `limit-approaching` rule.
 */
export type GaugeLevel = 'below' | 'near' | 'at' | 'over';

export function gaugeLevel(ratio: number): GaugeLevel {
  if (ratio > 1) return 'over';
  if (ratio === 1) return 'at';
  return ratio >= riskThreshold() ? 'near' : 'below';
}

/**
 * What the share is of when the limit is no confirmed figure: "an unconfirmed figure (rule of
 * thumb)"; undefined for a confirmed figure or one the design states.
 */
export function figureNote(m: Measurement): string | undefined {
  const f = fact(m.fact);
  if (f.confirmed || m.limitFromDesign) return undefined;
  return `${f.historical ? 'a historical figure' : 'an unconfirmed figure'} (rule of thumb)`;
}

const CELLS = 10;

/**
 * `█████│██░░░│`: ten cells of 10% each (filled only as far as the share reaches, so a cell is
 * never filled past a mark the design has not reached), a mark at the risk threshold (50%) and
 * at 100%, and `▶` past the limit.
 */
export function textBar(ratio: number): string {
  const filled = Number.isFinite(ratio) ? Math.max(0, Math.min(CELLS, Math.floor(ratio * CELLS + 1e-9))) : CELLS;
  const cells = Array.from({ length: CELLS }, (_, i) => (i < filled ? '█' : '░'));
  const mark = Math.round(riskThreshold() * CELLS);
  return `${cells.slice(0, mark).join('')}│${cells.slice(mark).join('')}│${ratio > 1 ? '▶' : ''}`;
}

const BAR = { width: 300, height: 30, scale: 1.5 } as const;

/** The gauge as SVG: a track to 150%, the share filled (its level a class), the 50% and 100% marks labelled. */
export function gaugeBar(m: Measurement): SvgElement {
  const x = (ratio: number) => Math.round((Math.min(Number.isFinite(ratio) ? ratio : BAR.scale, BAR.scale) / BAR.scale) * BAR.width);
  const note = figureNote(m);
  const threshold = formatFactValue(fact('risk-threshold'));
  const mark = (ratio: number, text: string) => [
    svg('path', { class: 'gauge-mark', d: `M${x(ratio)} 0V18`, stroke: 'currentColor' }),
    svg('text', { class: 'gauge-mark-label', x: x(ratio), y: 29, 'text-anchor': 'middle', fill: 'currentColor', 'font-size': 10 }, text),
  ];
  return svg('svg', {
    class: 'gauge-bar', viewBox: `0 0 ${BAR.width} ${BAR.height}`, width: BAR.width, height: BAR.height, role: 'img',
    'aria-label': `${formatPercent(m.ratio)}${note ? ` of ${note}` : ' of the limit'}; marks at ${threshold} and 100%`,
  },
  svg('rect', { class: 'gauge-track', x: 0, y: 4, width: BAR.width, height: 10, fill: 'none', stroke: 'currentColor' }),
  svg('rect', { class: `gauge-fill gauge-${gaugeLevel(m.ratio)}`, x: 0, y: 4, width: x(m.ratio), height: 10, fill: 'currentColor' }),
  ...mark(riskThreshold(), threshold), ...mark(1, '100%'));
}
