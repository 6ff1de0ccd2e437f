import type { Analysis } from '../analysis';
import { figureNote, gaugeBar, gaugeLevel } from '../artifacts/gauges';
import { formatAmount, formatPercent } from '../artifacts/labels';
import { buildDiagram } from '../diagram/build';
import { describeDiagram } from '../diagram/describe';
import { diagramSvg } from '../diagram/svg';
import type { DiagramView, GaugeView } from './views';

/** The design drawn (the same model as the artifacts' Mermaid block), with its text alternative. */
export function diagramView(analysis: Analysis, fallbackTitle: string): DiagramView {
  const diagram = buildDiagram(analysis, fallbackTitle);
  const description = describeDiagram(diagram);
  return { summary: description.summary, svg: diagramSvg(diagram, description.summary), items: description.items, unattached: diagram.unattached };
}

/** One gauge per limit the design reaches (the measurements the risk register and `limit-approaching` read), in document order. */
export function gaugeViews(analysis: Analysis): GaugeView[] {
  return analysis.measurements.map((m) => {
    const note = figureNote(m);
    return {
      id: m.id, label: m.label, percent: formatPercent(m.ratio), level: gaugeLevel(m.ratio),
      value: formatAmount(m.value, m.unit),
      limit: `${m.floor ? 'a minimum of ' : ''}${formatAmount(m.limit, m.unit)}${m.limitFromDesign ? ' (stated in the design)' : ''}${note ? `, ${note}` : ''}`,
      line: analysis.model.lines.positionAt(m.node.range.start).line + 1,
      bar: gaugeBar(m),
    };
  });
}
