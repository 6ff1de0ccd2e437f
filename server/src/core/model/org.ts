import type { Edition, Field, OrgType, Section } from './design';

/**
 * The typed view of an org file (`<name>.salesforce-org.yaml`), mirroring its JSON Schema
 * (server/schema/salesforce-org.schema.json) as the Design view mirrors the design's: only values
 * of the right type and form appear, each with its node.
 */
export interface OrgDescription extends Section {
  version?: Field<number>;
  /** The id designs name in `salesforce.org`. */
  org?: Field<string>;
  name?: Field<string>;
  edition?: Field<Edition>;
  org_type?: Field<OrgType>;
  instance?: Field<string>;
  /** A sandbox's production org: the allocations this file does not state are read from there. */
  allocations_from?: Field<string>;
  licenses?: Section & { salesforce?: Field<number>; salesforce_platform?: Field<number>; salesforce_integration?: Field<number> };
  add_ons?: Section & { platform_events?: Field<number>; api_requests_per_day?: Field<number> };
  daily_api_requests?: Field<number>;
  event_deliveries_per_day?: Field<number>;
}
