import type { Severity } from '../../core/findings';
import { sha256Hex } from '../../core/format/sha256';
import { designPathAt } from '../../core/review/designPath';
import { toPosix } from '../inputs';
import { lineColumn, type LintRun } from '../lintRun';

/**
 * `--format gitlab`: a GitLab Code Quality report (`artifacts: reports: codequality:`), the
 * subset of the Code Climate spec GitLab reads: an array of
 * `{ description, check_name, fingerprint, severity, location: { path, lines: { begin } } }`
 * (https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format).
 *
 * GitLab compares a merge request's report with the target branch's by fingerprint, and shows
 * findings with the same fingerprint once. The fingerprint is therefore the file, the rule and
 * the design path (never the line, so a finding that only moved is not "new"), plus the
 * occurrence when one node has several findings of a rule.
 */
export const GITLAB_SEVERITY: Readonly<Record<Severity, 'info' | 'minor' | 'major' | 'critical' | 'blocker'>> = {
  error: 'major',
  warning: 'minor',
  info: 'info',
  hint: 'info',
};

export function formatGitlab(run: LintRun): string {
  const issues = run.files.flatMap((file) => {
    const path = toPosix(file.input.display);
    const seen = new Map<string, number>();
    return file.findings.map((f) => {
      const designPath = designPathAt(file.root, f.range);
      const identity = `${path}\u0000${f.ruleId}\u0000${designPath}`;
      const occurrence = (seen.get(identity) ?? 0) + 1;
      seen.set(identity, occurrence);
      return {
        description: f.message,
        check_name: f.ruleId,
        fingerprint: sha256Hex(`${identity}\u0000${occurrence}`),
        severity: GITLAB_SEVERITY[f.severity],
        location: { path, lines: { begin: lineColumn(file.lines, f.range.start).line } },
      };
    });
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}
