import type { Finding, Severity } from './findings';

/** A user's setting for one rule: another severity, or 'off' to hide its findings. */
export type SeverityOverride = Severity | 'off';

export type SeverityOverrides = Readonly<Record<string, SeverityOverride>>;

/**
 * The findings as a user with these settings sees them: 'off' drops a rule's findings, any
 * other value replaces their severity. Applied by the fronts (LSP publishing, CLI printing),
 * never by the analysis, so one analysis serves every setting.
 */
export function applySeverities(findings: readonly Finding[], overrides: SeverityOverrides | undefined): readonly Finding[] {
  if (!overrides || Object.keys(overrides).length === 0) return findings;
  const out: Finding[] = [];
  for (const finding of findings) {
    const override = overrides[finding.ruleId];
    if (override === 'off') continue;
    out.push(override && override !== finding.severity ? { ...finding, severity: override } : finding);
  }
  return out;
}
