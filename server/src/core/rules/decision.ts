import { fact, factMilliseconds, factValue, formatFactValue, ruleOfThumbNote, type FactId } from '../knowledge/facts';
import { describeDuration, formatCount } from '../format/quantities';
import { DECISION_TABLE } from '../decision/table';
import { PATH_NAMES } from '../vocabulary';
import { FLAG_KEYS } from '../decision/engine';
import type { Condition, PlanTier, RowOutcome } from '../decision/types';
import { listWords } from '../format/suggest';
import { chosenPathSections, type Design, type PathKey } from '../model/design';
import type { ModelNode } from '../model/node';
import type { ModelDocument } from '../model/parse';
import type { TextRange } from '../text';
import { fix, type Fix, type RelatedLocation } from '../findings';
import { replaceValue } from '../yamlEdit/scalar';
import { insertBlockKey, insertTopLevelAfter } from '../yamlEdit/keys';
import type { Rule } from '../rule';

const PASSTHROUGH_ROW = DECISION_TABLE.find((r) => r.recommends === 'none')!;

export const DECISION_RULES: readonly Rule[] = [
  {
    id: 'decision-path-mismatch',
    title: 'Chosen paths differ from the decision table',
    category: 'decision',
    defaultSeverity: 'warning',
    rationale: 'The skill\'s decision table, walked on the design\'s requirements, recommends a path. A design that does not choose it either has a reason the requirements do not state, or picked the wrong path; both are worth a second look. Other matched rows that call for a different path are reported at a lower severity.',
    facts: ['decision-production-rows', 'decision-production-lag', 'connect-demo-max-rows', 'connect-demo-min-polling'],
    fix: 'Add the recommended path under paths.',
    check({ design, model, decision, report }) {
      const winner = decision.winner;
      if (!winner) return;
      const chosen = chosenPathSections(design);
      const pathsKey = design.paths?.$node.keyRange ?? rootKeyRange(model, 'paths');
      const recommends = winner.row.recommends;
      if (recommends === 'none') {
        if (chosen.length === 0) return;
        const [firstKey, first] = chosen[0];
        report({
          range: first.$node.keyRange ?? first.$node.range,
          message: `The decision table's row '${winner.row.situation}' applies: ${winner.row.approach}. ${winner.row.reason} Yet the design chooses ${listWords(chosen.map(([k]) => PATH_NAMES[k]), 'and')}${chosen.length > 1 ? '' : ` (paths.${firstKey})`}. Connect the orgs directly, or set cross_org_passthrough to false if Heroku does real work on the data.`,
          related: matchedRequirements(winner, design),
        });
        return;
      }
      if (pathsKey && !design.paths?.[recommends]) {
        report({
          range: pathsKey,
          message: `${mismatchMessage(winner, decision.planTier)} Add paths.${recommends}, or correct the requirements if they are wrong.`,
          related: matchedRequirements(winner, design),
          fix: addPathFix(model, design, recommends, decision.planTier),
        });
      }
      for (const extra of decision.additional) {
        const path = extra.row.recommends;
        if (path === 'none' || !pathsKey || design.paths?.[path] || path === recommends) continue;
        report({
          range: pathsKey,
          severity: 'info',
          message: `The decision table also matches '${extra.row.situation}', which calls for ${extra.row.approach}: ${extra.row.reason}${thresholdNote(extra)} But paths has no ${path}. Add paths.${path} if that need is real.`,
          related: matchedRequirements(extra, design),
          fix: addPathFix(model, design, path, undefined),
        });
      }
    },
  },
  {
    id: 'cross-org-passthrough',
    title: 'Heroku as a cross-org passthrough',
    category: 'decision',
    defaultSeverity: 'warning',
    rationale: `The skill's decision table: "${PASSTHROUGH_ROW.situation}" → ${PASSTHROUGH_ROW.approach}. ${PASSTHROUGH_ROW.reason}`,
    facts: [],
    check({ design, report }) {
      const passthrough = design.requirements?.cross_org_passthrough;
      if (passthrough?.value !== true) return;
      report({
        range: passthrough.node.range,
        message: `Heroku only relays data between Salesforce orgs here, and ${PASSTHROUGH_ROW.reason.replace(/^Heroku/, 'it')} ${PASSTHROUGH_ROW.whyNotAlternative} Recommended: ${PASSTHROUGH_ROW.approach}. Keep Heroku only if it does real work on the data (then set cross_org_passthrough to false).`,
      });
    },
  },
  {
    id: 'summary-missing',
    title: 'No one-sentence summary',
    category: 'decision',
    defaultSeverity: 'info',
    rationale: 'The checklist asks for the decision with one sentence justifying it. The summary heads the decision recommendation and tells reviewers what the integration is for.',
    facts: [],
    fix: 'Insert a summary written from the requirements.',
    check({ design, model, decision, report }) {
      if (design.summary && design.summary.value.trim() !== '') return;
      const raw = rootEntry(model, 'summary');
      if (raw && raw.kind !== 'scalar') return; // the schema reports the wrong type
      const statement = decision.statement;
      const quoted = JSON.stringify(statement); // a JSON string is a valid YAML double-quoted scalar
      const edit = raw ? replaceValue(model, raw, quoted) : insertTopLevelAfter(model, 'name', 'summary', quoted);
      report({
        range: raw?.keyRange ?? headingRange(model),
        message: `No summary: the checklist asks for the decision in one sentence (direction, latency, volume, where the source of truth lives). From the requirements: ${quoted}`,
        fix: edit ? fix('Insert a summary from the requirements', edit) : undefined,
      });
    },
  },
  {
    id: 'requirements-missing',
    title: 'No requirements',
    category: 'decision',
    defaultSeverity: 'info',
    rationale: 'The requirements drive the decision table. Without them nothing can check that the chosen paths fit the need.',
    facts: [],
    check({ model, report }) {
      if (rootEntry(model, 'requirements') || model.root?.kind !== 'map') return;
      report({
        range: headingRange(model),
        message: 'No requirements section: the decision table cannot be walked, so nothing checks that the chosen paths fit the need. State at least direction, source_of_truth, acceptable_lag, volume and what the integration must do (heroku_needs_local_copy, salesforce_calls_heroku, …).',
      });
    },
  },
  {
    id: 'path-not-chosen',
    title: 'No integration path chosen',
    category: 'decision',
    defaultSeverity: 'info',
    rationale: 'The review checklist starts with the decision: which of the six paths (plus Canvas for UI) the integration uses, with one sentence justifying it against the alternatives. A design that chooses none states no decision, and no path\'s limits can be checked.',
    facts: [],
    check({ design, decision, report }) {
      const paths = design.paths;
      if (!paths || chosenPathSections(design).length > 0) return;
      // When the table recommends something (or says no Heroku path fits), decision-path-mismatch speaks.
      if (decision.winner) return;
      const options = listWords(Object.entries(PATH_NAMES).filter(([key]) => key !== 'none').map(([, name]) => name), 'or');
      report({
        range: paths.$node.keyRange ?? paths.$node.range,
        message: `No integration path is chosen: the review checklist starts with the decision (${options}), justified in one sentence in summary. ${design.requirements ? 'The requirements match no row of the decision table either' : 'There are no requirements to walk the decision table on'}: state what the integration must do (heroku_needs_local_copy, salesforce_calls_heroku, heroku_reacts_to_salesforce_changes, …) to get a recommendation, or add the path you chose under paths.`,
      });
    },
  },
];

function mismatchMessage(winner: RowOutcome, planTier: PlanTier | undefined): string {
  const row = winner.row;
  const plan = row.recommends === 'heroku_connect' && planTier && planTier !== row.plan ? ` (${planTier} plan)` : '';
  return `The decision table recommends ${row.approach}${plan} for this design: '${row.situation}'. ${row.reason}${thresholdNote(winner)} But paths has no ${row.recommends}.`;
}

/** The rule-of-thumb note for the first unconfirmed threshold a row tests (production volume, lag). */
function thresholdNote(outcome: RowOutcome): string {
  const facts = outcome.row.conditions.flatMap(conditionFacts);
  const unconfirmed = facts.find((id) => !fact(id).confirmed);
  return unconfirmed ? ruleOfThumbNote(unconfirmed) : '';
}

function conditionFacts(condition: Condition): FactId[] {
  if (condition.kind === 'any') return condition.of.flatMap(conditionFacts);
  return 'fact' in condition ? [condition.fact] : [];
}

// ---- Requirements that matched, as related locations ----------------------------------

function matchedRequirements(outcome: RowOutcome, design: Design): RelatedLocation[] {
  const out: RelatedLocation[] = [];
  outcome.row.conditions.forEach((condition, i) => {
    const state = outcome.conditions[i];
    if (state?.state !== 'met') return;
    if (condition.kind === 'any') {
      for (const alternative of condition.of) {
        const met = metAlternative(alternative, design);
        if (met) out.push({ range: met.node.range, message: `Matched: ${met.explanation}` });
      }
      return;
    }
    const node = conditionNode(condition, design);
    if (node) out.push({ range: node.range, message: `Matched: ${state.explanation}` });
  });
  return out;
}

function conditionNode(condition: Condition, design: Design): ModelNode | undefined {
  const r = design.requirements;
  switch (condition.kind) {
    case 'flag': return (r?.[FLAG_KEYS[condition.input]] as { node: ModelNode } | undefined)?.node;
    case 'environment': return design.environment?.node;
    case 'callers': return r?.salesforce_calls_heroku?.from?.node;
    case 'rows-at-most':
    case 'rows-at-least': return r?.volume?.rows?.node;
    case 'lag-at-least':
    case 'lag-below': return r?.acceptable_lag?.node;
    case 'any': return undefined;
  }
}

/**
 * Which volume or latency alternative of an `any` condition holds, with its own
 * explanation (the engine explains only the first one met).
 */
function metAlternative(condition: Condition, design: Design): { node: ModelNode; explanation: string } | undefined {
  const rows = design.requirements?.volume?.rows;
  const lag = design.requirements?.acceptable_lag;
  switch (condition.kind) {
    case 'rows-at-least':
    case 'rows-at-most': {
      if (!rows) return undefined;
      const limit = factValue(condition.fact);
      const met = condition.kind === 'rows-at-least' ? rows.value >= limit : rows.value <= limit;
      return met ? { node: rows.node, explanation: `${formatCount(rows.value)} rows is ${condition.kind === 'rows-at-least' ? 'at least' : 'at most'} ${formatFactValue(fact(condition.fact))}` } : undefined;
    }
    case 'lag-below':
    case 'lag-at-least': {
      if (!lag) return undefined;
      const limit = factMilliseconds(condition.fact);
      const met = condition.kind === 'lag-below' ? lag.value < limit : lag.value >= limit;
      return met ? { node: lag.node, explanation: `a lag of ${describeDuration(lag.value)} is ${condition.kind === 'lag-below' ? 'under' : 'at least'} ${formatFactValue(fact(condition.fact))}` } : undefined;
    }
    default: return undefined;
  }
}

// ---- Edits and ranges -------------------------------------------------------------------

function addPathFix(model: ModelDocument, design: Design, path: PathKey, planTier: PlanTier | undefined): Fix | undefined {
  const paths = design.paths?.$node;
  if (!paths) return undefined;
  const plan = path === 'heroku_connect' && planTier ? planTier : undefined;
  return fix(`Add paths.${path}${plan ? ` (plan: ${plan})` : ''}`, insertBlockKey(model, paths, path, plan ? [`plan: ${plan}`] : []));
}

function rootEntry(model: ModelDocument, key: string): ModelNode | undefined {
  return model.root?.kind === 'map' ? model.root.entries.get(key) : undefined;
}

function rootKeyRange(model: ModelDocument, key: string): TextRange | undefined {
  return rootEntry(model, key)?.keyRange;
}

/** Where document-level findings point: the `name` key, else `version`, else the first line. */
function headingRange(model: ModelDocument): TextRange {
  return rootKeyRange(model, 'name') ?? rootKeyRange(model, 'version') ?? { start: 0, end: model.lines.lineEnd(0) };
}
