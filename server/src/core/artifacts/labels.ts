import type { Caller, Permission } from '../model/design';
import { describeDuration, formatCount } from '../format/quantities';
import type { Unit } from '../knowledge/facts';

/** How Salesforce's Setup names each permission. */
export const PERMISSION_LABELS: Readonly<Record<Permission, string>> = {
  'api-enabled': 'API Enabled',
  'view-all-data': 'View All Data',
  'view-all': 'View All (on each mapped object)',
  'modify-all-data': 'Modify All Data',
  'modify-all': 'Modify All (on each mapped object)',
};

export const LICENSE_LABELS: Readonly<Record<string, string>> = {
  'salesforce-integration': 'Salesforce Integration license',
  salesforce: 'full Salesforce license',
  'salesforce-platform': 'Salesforce Platform license',
};

export const CALLER_LABELS: Readonly<Record<Caller, string>> = {
  flow: 'Flow',
  apex: 'Apex',
  'apex-trigger': 'Apex triggers',
  agentforce: 'Agentforce',
  'data-cloud': 'Data Cloud',
};

export const ENVIRONMENT_LABELS: Readonly<Record<string, string>> = {
  production: 'production',
  sandbox: 'sandbox',
  'proof-of-concept': 'proof of concept',
};

const MS_PER_UNIT: Partial<Record<Unit, number>> = {
  milliseconds: 1, seconds: 1_000, minutes: 60_000, hours: 3_600_000, days: 86_400_000,
};

/** A number in a fact unit, for tables: "1,200,000 rows", "10 minutes", "72 hours". */
export function formatAmount(value: number, unit: Unit): string {
  const ms = MS_PER_UNIT[unit];
  if (ms !== undefined) {
    // In the unit the fact states ("72 hours", as the source says), unless it is not a whole number.
    if (Number.isInteger(value)) return `${formatCount(value)} ${value === 1 ? unit.slice(0, -1) : unit}`;
    return describeSpan(value * ms);
  }
  if (unit === 'percent') return `${formatCount(value)}%`;
  if (unit === 'API version') return `API v${value}`;
  if (unit === 'times') return `${value}×`;
  const singular = value === 1 && /^(rows|records|callouts|approvals|requests|clients|PushTopics)$/.test(unit) ? unit.slice(0, -1) : unit;
  return `${formatCount(value)} ${singular}`;
}

/** A duration from the design in words, in days at most ("14 days", not "2 weeks"). */
export function describeSpan(ms: number): string {
  const order: [string, number][] = [['day', 86_400_000], ['hour', 3_600_000], ['minute', 60_000], ['second', 1_000], ['millisecond', 1]];
  for (const [unit, size] of order) {
    if (ms >= size && ms % size === 0) {
      const n = ms / size;
      return `${formatCount(n)} ${unit}${n === 1 ? '' : 's'}`;
    }
  }
  return describeDuration(ms);
}

export { formatPercent } from '../format/numbers';
