import { buildDiagram } from '../diagram/build';
import { mermaidBlock } from '../diagram/mermaid';
import type { Diagram } from '../diagram/model';
import type { ArtifactContext } from './context';
import { REDACTED } from './redact';

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
    mermaidBlock(withoutSecrets(buildDiagram(ctx.analysis, ctx.designFileName), ctx.holdsSecret)),
  ].join('\n');
}

/** The diagram's ids and kinds: the renderer's, never a design's text. */
const STRUCTURE = new Set(['id', 'from', 'to', 'group', 'kind', 'side', 'direction', 'path', 'ruleId', 'severity']);

/**
 * The diagram with every text that holds one of the design's secrets replaced: Mermaid's
 * escapes (`#58;`) would hide a secret from the redaction of the finished document.
 */
function withoutSecrets(diagram: Diagram, holdsSecret: (text: string) => boolean): Diagram {
  const clean = <T>(value: T, key = ''): T => {
    if (typeof value === 'string') return (!STRUCTURE.has(key) && holdsSecret(value) ? REDACTED : value) as T;
    if (Array.isArray(value)) return value.map((v) => clean(v, key)) as T;
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v, k)])) as T;
    return value;
  };
  return clean(diagram);
}
