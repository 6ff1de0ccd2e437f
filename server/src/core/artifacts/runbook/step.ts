import type { ArtifactContext } from '../context';

/** One step of a runbook procedure: what to do, and what the design leaves open. */
export interface Step {
  readonly title: string;
  readonly lines: readonly string[];
  /** Decisions the design does not make; listed under the step and at the top. */
  readonly open?: readonly string[];
}

/** A step whose title its part gives it (a path's monitoring and recovery: the path's name). */
export type StepBody = Omit<Step, 'title'>;

/** A numbered part of the runbook: one per chosen path, then monitoring and recovery. */
export interface Part {
  readonly title: string;
  readonly intro?: string;
  readonly steps: readonly Step[];
}

export interface OpenDecision {
  readonly step: string;
  readonly text: string;
}

export function renderParts(parts: readonly Part[]): { markdown: string; open: OpenDecision[] } {
  const open: OpenDecision[] = [];
  const out: string[] = [];
  parts.forEach((part, p) => {
    out.push(`## ${p + 1}. ${part.title}`);
    if (part.intro) out.push('', part.intro);
    part.steps.forEach((step, s) => {
      const number = `${p + 1}.${s + 1}`;
      out.push('', `### ${number} ${step.title}`, '', ...step.lines);
      const decisions = step.open ?? [];
      const last = step.lines[step.lines.length - 1] ?? '';
      if (decisions.length && step.lines.length && !/^\s*([-*]|\d+\.) /.test(last)) out.push('');
      for (const text of decisions) {
        open.push({ step: number, text });
        out.push(`- **OPEN DECISION:** ${text}`);
      }
    });
    out.push('');
  });
  return { markdown: out.join('\n').replace(/\n+$/, ''), open };
}

/** "`name` (line 12)". */
export function stated(ctx: ArtifactContext, value: string, node: Parameters<ArtifactContext['at']>[0]): string {
  return `${value} (${ctx.at(node)})`;
}
