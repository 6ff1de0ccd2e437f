import type { HerokuRegion, SalesforceRegion } from '../model/design';

/**
 * Where each Heroku region is, as a geography of the `regions.salesforce` enum, so a rule
 * can tell whether Heroku and the Salesforce org are co-located.
 *
 * How much of this is sourced (fact `heroku-regions`, Heroku's regions page, Dec 2024):
 * - STATED: the region names and which runtime offers them (Common Runtime: us, eu;
 *   Private Spaces: the ten city or state names).
 * - NAMED: the Private Space regions are named after their place (dublin, frankfurt,
 *   london, montreal, mumbai, oregon, singapore, sydney, tokyo, virginia), so their
 *   geography follows from the name. The knowledge base holds no further detail.
 * - INFERRED: where the Common Runtime regions `us` and `eu` are. Their names give only a
 *   continent; us-east (Virginia) and ireland (Dublin) are the commonly known locations,
 *   not something the knowledge base confirms. Messages about them say "presumably".
 * - GROUPED: the continent of each Salesforce geography (CONTINENTS below) is plain
 *   geography, used only to grade distance; no source gives latency figures for it.
 * The same page says choosing a region does not guarantee data residency.
 */
export type RegionLocationBasis = 'named' | 'inferred';

export interface HerokuRegionInfo {
  readonly region: HerokuRegion;
  readonly runtime: 'common-runtime' | 'private-spaces';
  readonly geography: SalesforceRegion;
  readonly basis: RegionLocationBasis;
}

const REGION_DATA: Readonly<Record<HerokuRegion, Omit<HerokuRegionInfo, 'region'>>> = {
  us: { runtime: 'common-runtime', geography: 'us-east', basis: 'inferred' },
  eu: { runtime: 'common-runtime', geography: 'ireland', basis: 'inferred' },
  virginia: { runtime: 'private-spaces', geography: 'us-east', basis: 'named' },
  oregon: { runtime: 'private-spaces', geography: 'us-west', basis: 'named' },
  montreal: { runtime: 'private-spaces', geography: 'canada', basis: 'named' },
  dublin: { runtime: 'private-spaces', geography: 'ireland', basis: 'named' },
  frankfurt: { runtime: 'private-spaces', geography: 'germany', basis: 'named' },
  london: { runtime: 'private-spaces', geography: 'uk', basis: 'named' },
  mumbai: { runtime: 'private-spaces', geography: 'india', basis: 'named' },
  singapore: { runtime: 'private-spaces', geography: 'singapore', basis: 'named' },
  sydney: { runtime: 'private-spaces', geography: 'australia', basis: 'named' },
  tokyo: { runtime: 'private-spaces', geography: 'japan', basis: 'named' },
};

export const HEROKU_REGIONS: readonly HerokuRegionInfo[] = (Object.keys(REGION_DATA) as HerokuRegion[]).map((region) => ({ region, ...REGION_DATA[region] }));

export function herokuRegion(region: HerokuRegion): HerokuRegionInfo {
  return { region, ...REGION_DATA[region] };
}

/** The Heroku regions in a geography, Common Runtime first (none for brazil and france). */
export function herokuRegionsIn(geography: SalesforceRegion): HerokuRegionInfo[] {
  return HEROKU_REGIONS.filter((r) => r.geography === geography).sort((a, b) => (a.runtime === b.runtime ? 0 : a.runtime === 'common-runtime' ? -1 : 1));
}

/** "frankfurt (germany)", "us (presumably us-east)". */
export function describeHerokuRegion(region: HerokuRegion): string {
  const info = herokuRegion(region);
  return `${region} (${info.basis === 'inferred' ? 'presumably ' : ''}${info.geography})`;
}

/** "us (Common Runtime) or virginia (Private Spaces)", or a sentence saying there is none. */
export function describeRegionsIn(geography: SalesforceRegion): string {
  const regions = herokuRegionsIn(geography);
  if (regions.length === 0) return `Heroku has no region in ${geography}; pick the nearest one`;
  const named = regions.map((r) => `${r.region} (${r.runtime === 'common-runtime' ? 'Common Runtime' : 'Private Spaces'})`);
  return `Heroku regions in ${geography}: ${named.join(' or ')}`;
}

/** The continent of each Salesforce geography, to grade how far apart two places are. */
export type Continent = 'North America' | 'South America' | 'Europe' | 'Asia' | 'Oceania';

const CONTINENTS: Readonly<Record<SalesforceRegion, Continent>> = {
  'us-east': 'North America', 'us-west': 'North America', canada: 'North America',
  brazil: 'South America',
  ireland: 'Europe', germany: 'Europe', uk: 'Europe', france: 'Europe',
  india: 'Asia', singapore: 'Asia', japan: 'Asia',
  australia: 'Oceania',
};

export function continentOf(geography: SalesforceRegion): Continent {
  return CONTINENTS[geography];
}

/**
 * How far a Heroku region is from a Salesforce geography: the same geography (co-located), the
 * same continent, or another continent.
 */
export type RegionDistance = 'co-located' | 'same-continent' | 'across-continents';

export function regionDistance(region: HerokuRegion, geography: SalesforceRegion): RegionDistance {
  const own = herokuRegion(region).geography;
  if (own === geography) return 'co-located';
  return continentOf(own) === continentOf(geography) ? 'same-continent' : 'across-continents';
}

/**
 * Where to run Heroku for an org in `geography`: its Heroku regions, and, when none of them is
 * on the Common Runtime, the Common Runtime regions on the same continent (a Private Space is
 * not the only way to come closer).
 */
export function describeNearestRegions(geography: SalesforceRegion): string {
  const here = herokuRegionsIn(geography);
  const commonNearby = HEROKU_REGIONS.filter((r) => r.runtime === 'common-runtime' && r.geography !== geography && continentOf(r.geography) === continentOf(geography));
  const common = here.some((r) => r.runtime === 'common-runtime') ? [] : commonNearby;
  const nearby = common.length ? `; on the Common Runtime, ${common.map((r) => describeHerokuRegion(r.region)).join(' or ')} is on the same continent` : '';
  return `${describeRegionsIn(geography)}${nearby}`;
}
