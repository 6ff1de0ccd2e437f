import { SEVERITIES } from '../core/findings';
import { closest } from '../core/format/suggest';
import { RULES_BY_ID } from '../core/rules/registry';
import type { SeverityOverride } from '../core/severities';
import { UsageError } from './context';

const OVERRIDES: readonly SeverityOverride[] = ['off', ...SEVERITIES];

/** `--rule <id>=<severity>`, validated against the registry so a typo is not silently ignored. */
export function parseRuleOptions(options: readonly string[]): Record<string, SeverityOverride> {
  const severities: Record<string, SeverityOverride> = {};
  for (const option of options) {
    const match = /^([^=\s]+)=(\S+)$/.exec(option.trim());
    if (!match) throw new UsageError(`--rule takes <rule-id>=<severity> (e.g. unknown-key=warning), not '${option}'.`);
    const [, id, severity] = match;
    if (!RULES_BY_ID.has(id)) {
      const suggestion = closest(id, [...RULES_BY_ID.keys()]);
      throw new UsageError(`unknown rule '${id}' in --rule${suggestion ? ` (did you mean '${suggestion}'?)` : ''}. Rule ids: docs/rules.md`);
    }
    if (!(OVERRIDES as readonly string[]).includes(severity)) throw new UsageError(`unknown severity '${severity}' for rule '${id}': use ${OVERRIDES.join(', ')}.`);
    severities[id] = severity as SeverityOverride;
  }
  return severities;
}
