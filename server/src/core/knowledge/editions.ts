import type { Design, Edition, OrgType } from '../model/design';
import type { ModelNode } from '../model/node';
import { orgFigure, type EstateFigure } from '../model/orgFigures';
import type { FactId } from './facts';

/**
 * The org's Salesforce edition as the allocations read it. Allocations differ by edition
 * (PushTopics, streaming deliveries, high-volume event deliveries, API requests); a design
 * that does not state its edition is checked as Enterprise Edition, the schema's default,
 * and the messages say so. A design that is part of an estate reads its org's edition (the
 * org file's) first.
 */
export interface OrgEdition {
  readonly edition: Edition;
  /** "Enterprise Edition". */
  readonly name: string;
  /** True when no edition is stated (Enterprise is assumed, or Developer for a developer org). */
  readonly assumed: boolean;
  /** The design's own `salesforce.edition`, when that is the one used. */
  readonly node?: ModelNode;
  /** The edition as the design's estate states it (its org file, or another design). */
  readonly elsewhere?: EstateFigure;
}

export const EDITION_NAMES: Readonly<Record<Edition, string>> = {
  enterprise: 'Enterprise Edition', unlimited: 'Unlimited Edition', performance: 'Performance Edition',
  professional: 'Professional Edition', developer: 'Developer Edition',
};

const EDITIONS = new Set<string>(Object.keys(EDITION_NAMES));
const ORG_TYPES = new Set<string>(['production', 'sandbox', 'developer', 'scratch']);
const isEdition = (v: string | number): v is Edition => typeof v === 'string' && EDITIONS.has(v);
const isOrgType = (v: string | number): v is OrgType => typeof v === 'string' && ORG_TYPES.has(v);

export function orgEdition(design: Design): OrgEdition {
  const stated = orgFigure(design, 'edition', isEdition);
  const orgType = orgFigure(design, 'org_type', isOrgType);
  return { ...editionFrom(stated?.value, orgType?.value), node: stated?.node, elsewhere: stated?.elsewhere };
}

/** The edition the allocations read from what an org states: its edition, else Developer for a developer org, else Enterprise. */
export function editionFrom(stated: string | undefined, orgType: string | undefined): OrgEdition {
  // A developer org is a Developer Edition org; otherwise the schema's default edition.
  const edition: Edition = stated !== undefined && isEdition(stated) ? stated : orgType === 'developer' ? 'developer' : 'enterprise';
  return { edition, name: EDITION_NAMES[edition], assumed: stated === undefined || !isEdition(stated) };
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
