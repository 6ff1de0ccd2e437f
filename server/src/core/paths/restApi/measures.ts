import { fact, factValue, formatFactValue, type FactId } from '../../knowledge/facts';
import type { Design, RestApiPath } from '../../model/design';
import type { ModelNode } from '../../model/node';
import { orgFigure } from '../../model/orgFigures';
import { ratioOf, type Measurement } from '../../measurement';

/*
 * The numbers behind this path's rules, computed once here so a rule (value over the limit)
 * and the risk register (value near the limit) never disagree.
 */

/** Flows that leave a refresh token per holder, each one an approval of the connected app. */
export function flowIssuesApprovals(rest: RestApiPath): boolean {
  const flow = rest.auth_flow?.value;
  return flow === 'refresh-token' || flow === 'web-server';
}

export interface LongRunningLimit {
  readonly fact: 'long-running-requests-production' | 'long-running-requests-developer';
  /** "production or sandbox", "Developer Edition": the kind of org the limit is for. */
  readonly orgKind: string;
  /** The edition or org_type that makes it a Developer Edition org, when the design states it. */
  readonly node?: ModelNode;
}

const isText = (v: string | number): v is string => typeof v === 'string';

/** The per-org concurrent long-running request limit: Developer Edition or production/sandbox (the estate's org figures first). */
export function longRunningLimit(design: Design): LongRunningLimit {
  const edition = orgFigure(design, 'edition', isText);
  const orgType = orgFigure(design, 'org_type', isText);
  if (edition?.value === 'developer') return { fact: 'long-running-requests-developer', orgKind: 'Developer Edition', node: edition.node };
  if (orgType?.value === 'developer') return { fact: 'long-running-requests-developer', orgKind: 'Developer Edition', node: orgType.node };
  return { fact: 'long-running-requests-production', orgKind: 'production or sandbox' };
}

/** REST limits: refresh-token approvals per user, concurrent long-running requests. */
export function measureRest(design: Design): Measurement[] {
  const rest = design.paths?.rest_api;
  if (!rest) return [];
  const out: Measurement[] = [];
  const holders = rest.token_holders;
  if (holders && flowIssuesApprovals(rest)) {
    const id: FactId = 'connected-app-approvals-per-user';
    const limit = factValue(id);
    out.push({
      id: 'rest-token-approvals', label: 'Refresh-token holders for one user vs approvals per user per connected app',
      value: holders.value, limit, unit: 'approvals', ratio: ratioOf(holders.value, limit), fact: id, node: holders.node,
      impact: `Each refresh token is an approval; past ${formatFactValue(fact(id))} per user per app, a new one revokes the oldest and that holder's calls fail.`,
      mitigation: 'Share one refresh token through a token service, or use the JWT bearer or client credentials flow (no refresh tokens).',
      exceededRule: 'rest-token-approvals',
    });
  }
  const longRunning = rest.long_running_requests;
  if (longRunning) {
    const org = longRunningLimit(design);
    const limit = factValue(org.fact);
    out.push({
      id: 'rest-long-running-requests', label: `Concurrent long-running API requests vs the per-org limit (${org.orgKind} org)`,
      value: longRunning.value, limit, unit: 'requests', ratio: ratioOf(longRunning.value, limit), fact: org.fact, node: longRunning.node,
      impact: `Requests lasting ${formatFactValue(fact('long-running-request-threshold'))} or more share one per-org limit with every integration and user; more fail with REQUEST_LIMIT_EXCEEDED.`,
      mitigation: 'Keep requests short (selective queries, Bulk API for large jobs), or queue them so fewer run at once.',
      exceededRule: 'rest-long-running-requests',
    });
  }
  return out;
}
