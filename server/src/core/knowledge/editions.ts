import type { Design, Edition } from '../model/design';
import type { ModelNode } from '../model/node';
import type { FactId } from './facts';

/**
 * The org's Salesforce edition as the allocations read it. Allocations differ by edition
 * (PushTopics, streaming deliveries, high-volume event deliveries, API requests); a design
 * that does not state its edition is checked as Enterprise Edition, the schema's default,
 * and the messages say so.
 */
export interface OrgEdition {
  readonly edition: Edition;
  /** "Enterprise Edition". */
  readonly name: string;
  /** True when salesforce.edition is not stated (Enterprise is assumed, or Developer for a developer org). */
  readonly assumed: boolean;
  readonly node?: ModelNode;
  /** Developer Edition: the allocation tables' "free orgs" (with trial orgs). */
  readonly free: boolean;
}

export const EDITION_NAMES: Readonly<Record<Edition, string>> = {
  enterprise: 'Enterprise Edition', unlimited: 'Unlimited Edition', performance: 'Performance Edition',
  professional: 'Professional Edition', developer: 'Developer Edition',
};

export function orgEdition(design: Design): OrgEdition {
  const stated = design.salesforce?.edition;
  // A developer org is a Developer Edition org; otherwise the schema's default edition.
  const edition: Edition = stated?.value ?? (design.salesforce?.org_type?.value === 'developer' ? 'developer' : 'enterprise');
  return { edition, name: EDITION_NAMES[edition], assumed: !stated, node: stated?.node, free: edition === 'developer' };
}

/** "(salesforce.edition is not stated, so Enterprise Edition is assumed)", or ''. */
export function assumedEditionNote(org: OrgEdition): string {
  return org.assumed ? ` (salesforce.edition is not stated, so ${org.name} is assumed)` : '';
}

const performanceOrUnlimited = (e: Edition): boolean => e === 'performance' || e === 'unlimited';

/** PushTopics per org: Performance and Unlimited / Enterprise / all other editions. */
export function pushTopicsPerOrgFact(edition: Edition): FactId {
  return performanceOrUnlimited(edition) ? 'pushtopics-per-org-performance-unlimited' : edition === 'enterprise' ? 'pushtopics-per-org-enterprise' : 'pushtopics-per-org-other';
}

/** PushTopic deliveries per 24 hours: Performance and Unlimited / Enterprise / other editions / free orgs. */
export function pushTopicDeliveriesFact(edition: Edition): FactId {
  if (performanceOrUnlimited(edition)) return 'pushtopic-deliveries-performance-unlimited';
  if (edition === 'enterprise') return 'pushtopic-deliveries-enterprise';
  return edition === 'developer' ? 'pushtopic-deliveries-free' : 'pushtopic-deliveries-other';
}

/** Durable generic streaming deliveries per 24 hours: Performance and Unlimited / Enterprise / Professional / free orgs. */
export function genericStreamingDeliveriesFact(edition: Edition): FactId {
  if (performanceOrUnlimited(edition)) return 'generic-streaming-deliveries-performance-unlimited';
  if (edition === 'enterprise') return 'generic-streaming-deliveries-enterprise';
  return edition === 'professional' ? 'generic-streaming-deliveries-professional' : 'generic-streaming-deliveries-free';
}

/**
 * The default delivery allocation high-volume platform events and Change Data Capture share.
 * Only Unlimited Edition's is confirmed; Developer Edition's fact has no figure at all.
 */
export function highVolumeDeliveriesFact(edition: Edition): FactId {
  switch (edition) {
    case 'unlimited': return 'event-delivery-allocation';
    case 'performance': return 'event-delivery-allocation-performance';
    case 'enterprise': return 'event-delivery-allocation-enterprise';
    case 'professional': return 'event-delivery-allocation-professional';
    case 'developer': return 'event-delivery-allocation-developer';
  }
}
