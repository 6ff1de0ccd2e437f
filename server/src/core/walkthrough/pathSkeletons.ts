import { decide } from '../decision/engine';
import { DECISION_TABLE } from '../decision/table';
import type { DecisionInput, DecisionRow } from '../decision/types';
import type { Caller, PathKey } from '../model/design';
import { pathModule } from '../paths';
import { newConnectPlan } from '../paths/herokuConnect';
import type { DesiredEntry } from '../yamlEdit/entries';

/**
 * The minimal settings a newly added path starts with: only what the decision itself says
 * (the row's approach and the answers), so the linter can check the rest as the user fills it
 * in. Each path's module writes its own; this gives it what the table's rows for it say.
 */
export function pathSkeleton(path: PathKey, answers: DecisionInput): DesiredEntry[] {
  const rows = rowsFor(path);
  return pathModule(path).skeleton({ answers, tablePlan: decide(answers, rows).planTier, tableCallers: callersIn(rows) });
}

/** The Connect plan the table's Connect rows choose for these answers. */
export function connectPlanFor(answers: DecisionInput): string {
  return newConnectPlan(answers, decide(answers, rowsFor('heroku_connect')).planTier);
}

function rowsFor(path: PathKey): DecisionRow[] {
  return DECISION_TABLE.filter((row) => row.recommends === path);
}

/** The callers the first of these rows that tests callers names. */
function callersIn(rows: readonly DecisionRow[]): readonly Caller[] {
  for (const row of rows) {
    for (const c of row.conditions) if (c.kind === 'callers') return c.includesAny;
  }
  return [];
}

/** "plan: enterprise", "callers: [flow], synchronous: true": a skeleton in one line, for the panel. */
export function describeSkeleton(entries: readonly DesiredEntry[]): string {
  return entries.map((e) => `${e.key}: ${e.value.kind === 'scalar' ? e.value.text : e.value.kind === 'list' ? `[${e.value.items.join(', ')}]` : '{…}'}`).join(', ');
}
