import { buildDiagram } from '../diagram/build';
import { mermaidBlock } from '../diagram/mermaid';
import type { ArtifactContext } from './context';

/**
 * The design drawn as a Mermaid flowchart (GitHub and GitLab render the block): the same
 * diagram model the walkthrough draws as SVG.
 */
export function architectureSection(ctx: ArtifactContext): string {
  if (!ctx.design) return '';
  return [
    '## Architecture',
    '',
    'What the design states, drawn: the Salesforce org, the Heroku apps, add-ons and database, each chosen path as a labelled arrow in the direction it works (with the integration users it logs in as), and the regions as groups. ⚠ counts the findings on a part; the risk register lists them.',
    '',
    mermaidBlock(buildDiagram(ctx.analysis, ctx.designFileName)),
  ].join('\n');
}
