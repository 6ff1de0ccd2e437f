import { decide } from '../decision/engine';
import { DECISION_TABLE } from '../decision/table';
import type { DecisionInput } from '../decision/types';
import type { Caller, PathKey } from '../model/design';
import { formatYamlCount } from './answers';
import { list, scalar, type DesiredEntry } from '../yamlEdit/entries';

/**
 * The minimal settings a newly added path starts with: only what the decision itself says
 * (the row's approach and the answers), so the linter can check the rest as the user fills it in.
 */
export function pathSkeleton(path: PathKey, answers: DecisionInput): DesiredEntry[] {
  switch (path) {
    case 'heroku_connect':
      return [{ key: 'plan', value: scalar(connectPlanFor(answers)) }];
    case 'heroku_applink': {
      const callers = (answers.callers ?? []).filter((c) => applinkCallers().includes(c));
      return [
        ...(callers.length ? [{ key: 'callers', value: list(callers) }] : []),
        ...(answers.synchronousCalls !== undefined ? [{ key: 'synchronous', value: scalar(String(answers.synchronousCalls)) }] : []),
      ];
    }
    case 'external_objects':
      // OData 4.0 is the schema's default and the version that can also write.
      return [{ key: 'odata_version', value: scalar('"4.0"') }];
    case 'platform_events':
      // The table's approach is a Pub/Sub API subscriber.
      return [
        { key: 'api', value: scalar('pub-sub') },
        ...(answers.eventsPerDay !== undefined ? [{ key: 'events_per_day', value: scalar(formatYamlCount(answers.eventsPerDay)) }] : []),
      ];
    case 'rest_api':
      // The table's approach: the REST API with the JWT bearer flow.
      return [{ key: 'auth_flow', value: scalar('jwt-bearer') }];
    case 'apex_callout':
      // A trigger runs inside DML, so its callout has to run asynchronously.
      return [{ key: 'context', value: scalar('queueable') }];
    case 'canvas':
      // The table's approach: Canvas with a signed request.
      return [{ key: 'auth', value: scalar('signed-request') }];
  }
}

/** The Connect plan the table's Connect rows choose for these answers. */
export function connectPlanFor(answers: DecisionInput): string {
  const connectRows = DECISION_TABLE.filter((row) => row.recommends === 'heroku_connect');
  return decide(answers, connectRows).planTier ?? (answers.regulatedData ? 'shield' : 'enterprise');
}

function applinkCallers(): readonly Caller[] {
  for (const row of DECISION_TABLE) {
    if (row.recommends !== 'heroku_applink') continue;
    for (const c of row.conditions) if (c.kind === 'callers') return c.includesAny;
  }
  return [];
}

/** "plan: enterprise", "callers: [flow], synchronous: true": a skeleton in one line, for the panel. */
export function describeSkeleton(entries: readonly DesiredEntry[]): string {
  return entries.map((e) => `${e.key}: ${e.value.kind === 'scalar' ? e.value.text : e.value.kind === 'list' ? `[${e.value.items.join(', ')}]` : '{…}'}`).join(', ');
}
