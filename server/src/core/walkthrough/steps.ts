import { PATH_NAMES } from '../vocabulary';
import { pathModule } from '../paths';
import type { DecisionResult } from '../decision/types';
import type { Finding } from '../findings';
import { fact, formatFactValue, ruleOfThumbNote, type FactId } from '../knowledge/facts';
import { integrationUsers, type Design, type PathKey } from '../model/design';
import type { LineIndex } from '../text';
import { RULES_BY_ID } from '../rules/registry';
import type { RuleCategory } from '../rule';
import { resolve, schemaAt, type SchemaNode } from '../schema/schema';
import { planMismatch } from './apply';
import type { FactView, FindingView, StepView } from './views';

/**
 * The skill's workflow after the table: plan tier, integration user, regions. Each step
 * shows the design's current settings, the limits that apply (from the knowledge base, via
 * the schema's x-facts annotations) and what the linter reports about that part.
 */
export function factView(id: FactId): FactView {
  const f = fact(id);
  const note = [ruleOfThumbNote(id).trim(), f.note ?? ''].filter(Boolean).join(' ');
  return {
    id, title: f.title, value: formatFactValue(f), statement: f.statement,
    sourceTitle: f.sourceRef.title, sourceUrl: f.sourceRef.url, confirmed: f.confirmed,
    note: note || undefined,
  };
}

/** Every x-facts id under a schema node (and x-valueFacts for the given values), in schema order. */
export function schemaFacts(node: SchemaNode | undefined, values: readonly string[] = []): FactId[] {
  const out: FactId[] = [];
  const seen = new Set<SchemaNode>();
  const visit = (raw: SchemaNode | undefined): void => {
    if (!raw || seen.has(raw)) return;
    seen.add(raw);
    const n = resolve(raw);
    for (const id of n['x-facts'] ?? []) if (!out.includes(id)) out.push(id);
    for (const v of values) for (const id of n['x-valueFacts']?.[v] ?? []) if (!out.includes(id)) out.push(id);
    for (const child of Object.values(n.properties ?? {})) visit(child);
    if (typeof n.additionalProperties === 'object') visit(n.additionalProperties);
    visit(n.items);
    for (const o of n.oneOf ?? []) visit(o);
  };
  visit(node);
  return out;
}

/** Rule categories that check each path. */
function findingsAbout(findings: readonly Finding[], lines: LineIndex, categories: readonly RuleCategory[], facts: readonly FactId[]): FindingView[] {
  return findings.filter((f) => {
    const rule = RULES_BY_ID.get(f.ruleId);
    if (!rule) return false;
    return categories.includes(rule.category) || rule.facts.some((id) => facts.includes(id));
  }).map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, line: lines.positionAt(f.range.start).line + 1 }));
}

export function buildSteps(design: Design | undefined, decision: DecisionResult, findings: readonly Finding[], lines: LineIndex): StepView[] {
  return [planStep(design, decision, findings, lines), usersStep(design, decision, findings, lines), regionsStep(design, findings, lines)];
}

function planStep(design: Design | undefined, decision: DecisionResult, findings: readonly Finding[], lines: LineIndex): StepView {
  const recommended = decision.winner?.row.recommends;
  const title = 'Plan tier';
  if (recommended === 'heroku_connect' && decision.planTier) {
    const planNode = schemaAt(['paths', 'heroku_connect', 'plan']);
    const facts = schemaFacts(planNode, [decision.planTier]);
    const allPlanFacts = schemaFacts(planNode, ['demo', 'enterprise', 'shield']);
    const text = [`Heroku Connect ${decision.planTier} plan: ${decision.planReason ?? ''}`.trim()];
    const mismatch = planMismatch(design, decision);
    if (mismatch) text.push(`paths.heroku_connect.plan is ${mismatch.stated}; the decision calls for ${mismatch.recommended}. Apply does not change a path you already have: change the plan in the editor.`);
    return {
      id: 'plan', title, lines: text, facts: facts.map(factView),
      findings: findingsAbout(findings, lines, [], [...allPlanFacts, 'connect-plans']).filter((f) => RULES_BY_ID.get(f.ruleId)?.category === 'connect'),
    };
  }
  if (!recommended || recommended === 'none') {
    return { id: 'plan', title, lines: [recommended === 'none' ? 'No Heroku path is recommended, so there is no plan tier to choose.' : 'No row of the decision table matches yet, so there is no plan tier to choose. Answer the questions above.'], facts: [], findings: [] };
  }
  const facts = schemaFacts(schemaAt(['paths', recommended]));
  return {
    id: 'plan', title,
    lines: [`${PATH_NAMES[recommended]} has no plan tier to choose here (plan tiers are Heroku Connect's). The limits that apply to it:`],
    facts: facts.map(factView),
    findings: findingsAbout(findings, lines, [pathModule(recommended).category], []),
  };
}

function usersStep(design: Design | undefined, decision: DecisionResult, findings: readonly Finding[], lines: LineIndex): StepView {
  const facts = schemaFacts(schemaAt(['integration_users', 'any']));
  const users = design ? integrationUsers(design) : [];
  const text: string[] = [];
  for (const [id, user] of users) {
    const parts = [
      user.kind ? `kind ${user.kind.value}` : 'kind not stated',
      user.license ? `license ${user.license.value}` : undefined,
      user.permissions ? `permissions ${user.permissions.value.join(', ') || 'none'}` : 'permissions not stated',
      user.used_by ? `used by ${user.used_by.value.join(', ') || 'nothing'}` : undefined,
    ].filter(Boolean);
    text.push(`${id}: ${parts.join('; ')}.`);
  }
  const recommended = decision.winner?.row.recommends;
  if (recommended && recommended !== 'none' && recommended !== 'canvas') {
    const serving = users.filter(([, u]) => u.used_by?.value.includes(recommended));
    if (serving.length === 0) {
      text.push(`No integration user lists ${recommended} in used_by yet. Give ${PATH_NAMES[recommended]} its own dedicated integration user (not a person's account, not shared with other paths).`);
    } else if (serving.some(([, u]) => (u.used_by?.value.length ?? 0) > 1)) {
      text.push(`${serving.map(([id]) => id).join(', ')} also serves other paths: limits on concurrent queries and tokens are per user, so give ${recommended} a user of its own.`);
    }
  }
  if (users.length === 0 && text.length === 0) text.push('The design names no integration users.');
  return { id: 'users', title: 'Integration user', lines: text, facts: facts.map(factView), findings: findingsAbout(findings, lines, ['users'], facts) };
}

function regionsStep(design: Design | undefined, findings: readonly Finding[], lines: LineIndex): StepView {
  const facts = schemaFacts(schemaAt(['regions']));
  const regions = design?.regions;
  const keys = ['heroku_app', 'heroku_postgres', 'heroku_connect', 'salesforce'] as const;
  const stated = keys.map((k) => `${k}: ${regions?.[k]?.value ?? 'not stated'}`);
  return {
    id: 'regions', title: 'Regions',
    lines: [`${stated.join(', ')}.`, 'Co-locate the Heroku app, Heroku Postgres, the Connect add-on and the Salesforce instance: mismatched regions are the most common latency surprise.'],
    facts: facts.map(factView),
    findings: findingsAbout(findings, lines, ['regions'], facts),
  };
}
