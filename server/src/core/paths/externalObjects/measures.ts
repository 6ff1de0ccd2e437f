import { factValue, type FactId } from '../../knowledge/facts';
import type { Design } from '../../model/design';
import { ratioOf, type Measurement } from '../../measurement';

/** OData requests per hour at peak against the rate limit. */
export function measureExternalObjects(design: Design): Measurement[] {
  const requests = design.paths?.external_objects?.requests_per_hour;
  if (!requests) return [];
  const id: FactId = 'external-objects-rate-limit';
  const limit = factValue(id);
  return [{
    id: 'external-objects-requests', label: 'External Objects OData requests per hour at peak vs the paid-plan rate limit',
    value: requests.value, limit, unit: 'requests per hour', ratio: ratioOf(requests.value, limit), fact: id, node: requests.node,
    impact: 'Every list view, detail page, search and report run is a callout; over the limit, pages showing external objects fail to load.',
    mitigation: 'Ask Heroku to raise the limit before go-live, or cut callouts (fewer list views and related lists, cache in Apex).',
    exceededRule: 'external-objects-rate-limit',
  }];
}
