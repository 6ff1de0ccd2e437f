import type { Finding } from '../findings';
import type { Analysis } from '../analysis';
import { RULES_BY_ID } from '../rules/registry';
import type { RuleCategory } from '../rule';
import { chosenPathsInOrder, type Design, type PathKey } from '../model/design';
import { PATH_NAMES } from '../vocabulary';
import type { ModelNode } from '../model/node';
import type { TextRange } from '../text';
import type { EstateView } from '../estate/view';
import { Citations } from './citations';
import { artifactFileName, type ArtifactKind } from './kinds';

/** What every generator reads: the analysis of the design, and where to cite sources. */
export class ArtifactContext {
  readonly cite = new Citations();

  constructor(
    readonly analysis: Analysis,
    readonly designFileName: string,
    /** Whether a text holds one of the design's secrets: such a value never goes into a command. */
    readonly holdsSecret: (text: string) => boolean = () => false,
    /** The estate the design takes part in, when it names an org and was checked with the org's other documents. */
    readonly estate?: EstateView,
  ) {}

  get design(): Design | undefined {
    return this.analysis.design;
  }

  /** The integration's name, or the file name when the design has none. */
  get name(): string {
    return this.design?.name?.value.trim() || this.designFileName;
  }

  /** 1-based line of a node or range, as editors show it. */
  line(where: ModelNode | TextRange): number {
    const offset = 'start' in where ? where.start : where.range.start;
    return this.analysis.model.lines.positionAt(offset).line + 1;
  }

  /** "line 12". */
  at(where: ModelNode | TextRange): string {
    return `line ${this.line(where)}`;
  }

  get errors(): readonly Finding[] {
    return this.analysis.findings.filter((f) => f.severity === 'error');
  }

  findingsIn(...categories: RuleCategory[]): readonly Finding[] {
    return this.analysis.findings.filter((f) => categories.includes(RULES_BY_ID.get(f.ruleId)?.category as RuleCategory));
  }

  /** The findings reported on or inside a node. */
  findingsWithin(node: ModelNode | undefined): readonly Finding[] {
    if (!node) return [];
    const outer = { start: node.pairRange?.start ?? node.range.start, end: Math.max(node.pairRange?.end ?? 0, node.range.end) };
    return this.analysis.findings.filter((f) => f.range.start >= outer.start && f.range.start <= outer.end);
  }

  /** The paths the design chooses, in the order the path registry lists them. */
  get chosenPaths(): PathKey[] {
    return chosenPathsInOrder(this.design);
  }

  /** A path's display name ("Heroku Connect"). */
  pathName(path: PathKey): string {
    return PATH_NAMES[path];
  }

  /** A relative link to a sibling artifact (they are always written together). */
  siblingLink(kind: ArtifactKind, text: string): string {
    return `[${text}](${encodeURI(artifactFileName(this.designFileName, kind)).replace(/\(/g, '%28').replace(/\)/g, '%29')})`;
  }
}
