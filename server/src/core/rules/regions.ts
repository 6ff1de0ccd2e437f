import { fact, formatFactValue, ruleOfThumbNote } from '../knowledge/facts';
import { describeHerokuRegion, describeNearestRegions, describeRegionsIn, herokuRegion, regionDistance, type RegionDistance } from '../knowledge/regions';
import { chosenPaths, type Design, type Field, type HerokuRegion, type PathKey, type Regions, type SalesforceRegion } from '../model/design';
import { listWords } from '../format/suggest';
import type { TextRange } from '../text';
import { fix } from '../findings';
import { replaceValue } from '../yamlEdit/scalar';
import type { Rule } from '../rule';

const HEROKU_PARTS = [
  ['heroku_app', 'The Heroku app'],
  ['heroku_postgres', 'Heroku Postgres'],
] as const;

/** What crosses between the Heroku app's region and the Salesforce org, per path. */
const APP_CROSSINGS: Readonly<Record<PathKey, string>> = {
  heroku_connect: 'Heroku Connect\'s sync (every poll of Salesforce and every write back; Connect runs in the app\'s region)',
  heroku_applink: 'every AppLink call from Salesforce to the app and its calls back into Salesforce',
  external_objects: 'every OData request Salesforce makes to Heroku (one per list view, page, search or report)',
  platform_events: 'every event delivered to the Heroku subscriber',
  rest_api: 'every REST API call from Heroku to Salesforce',
  apex_callout: 'every Apex callout to Heroku (its round trip counts against the callout timeout)',
  canvas: 'the Canvas app\'s own calls to the Salesforce API (the page itself loads from Heroku in the user\'s browser)',
};

/** What crosses between the Postgres region and the Salesforce org: only the paths that move the database's data. */
const POSTGRES_CROSSINGS: Readonly<Partial<Record<PathKey, string>>> = {
  heroku_connect: 'Heroku Connect\'s sync between Salesforce and this database',
  external_objects: 'every OData request Salesforce makes for this database\'s rows',
};

export interface RegionCrossing {
  /** 'heroku_app' or 'heroku_postgres'. */
  readonly part: (typeof HEROKU_PARTS)[number][0];
  /** "The Heroku app". */
  readonly name: string;
  readonly region: Field<HerokuRegion>;
  readonly salesforce: Field<SalesforceRegion>;
  readonly distance: RegionDistance;
  /** The chosen paths whose traffic crosses this distance, in document order. */
  readonly paths: readonly PathKey[];
}

/**
 * Every Heroku part the design states a region for that is not co-located with the Salesforce
 * org and carries traffic of a chosen path: the Heroku app for every path, Heroku Postgres for
 * the paths that move its data. The rule and the risk register read these.
 */
export function regionCrossings(design: Design): RegionCrossing[] {
  const regions = design.regions;
  const salesforce = regions?.salesforce;
  if (!regions || !salesforce) return [];
  const chosen = chosenPaths(design);
  const out: RegionCrossing[] = [];
  for (const [part, name] of HEROKU_PARTS) {
    const region = regions[part];
    if (!region) continue;
    const distance = regionDistance(region.value, salesforce.value);
    const paths = chosen.filter((p) => (part === 'heroku_app' ? APP_CROSSINGS : POSTGRES_CROSSINGS)[p] !== undefined);
    if (distance === 'co-located' || paths.length === 0) continue;
    out.push({ part, name, region, salesforce, distance, paths });
  }
  return out;
}

/** "every REST API call from Heroku to Salesforce and every Apex callout …". */
export function describeCrossings(c: RegionCrossing): string {
  const table = c.part === 'heroku_app' ? APP_CROSSINGS : POSTGRES_CROSSINGS;
  return listWords(c.paths.map((p) => table[p]!), 'and');
}

/** Only the Canvas app's own API calls cross: the users' distance to Heroku matters more. */
const onlyCanvas = (c: RegionCrossing): boolean => c.paths.every((p) => p === 'canvas');

/** The skill document's multiplier, worded as its rule of thumb, for designs that sync with Connect. */
export function syncLagNote(): string {
  return `The skill document says mismatched regions can multiply sync lag by up to ${formatFactValue(fact('region-latency-multiplier'))}.${ruleOfThumbNote('region-latency-multiplier')}`;
}

export const REGIONS_RULES: readonly Rule[] = [
  {
    id: 'region-not-colocated',
    title: 'Heroku and Salesforce in different geographies',
    category: 'regions',
    defaultSeverity: 'warning',
    rationale: 'Every sync, call and event between Heroku and Salesforce crosses the distance between their regions, so the farther apart they are, the longer each round trip. The finding is graded: across continents it is a warning, on the same continent a hint. What crosses depends on the paths: Heroku Connect\'s sync, AppLink and Apex calls, OData requests, REST calls, event deliveries. The skill document asks to co-locate the parts and says mismatched regions can multiply Connect\'s sync lag; no official source gives a multiplier, so that part is a rule of thumb.',
    facts: ['heroku-regions', 'connect-same-region-as-app'],
    mentions: ['region-latency-multiplier', 'region-latency-surprise'],
    check({ design, report }) {
      for (const c of regionCrossings(design)) {
        const sf = c.salesforce.value;
        const across = c.distance === 'across-continents';
        const where = across
          ? `${c.name} runs in ${describeHerokuRegion(c.region.value)}, on another continent than the Salesforce org (${sf}). Crossing that distance: ${describeCrossings(c)}.`
          : `${c.name} runs in ${describeHerokuRegion(c.region.value)} and the Salesforce org in ${sf}: the same continent, but not the same geography. Crossing the shorter distance: ${describeCrossings(c)}; co-locate them if that latency matters.`;
        const lag = c.paths.includes('heroku_connect') ? ` ${syncLagNote()}` : '';
        const canvas = onlyCanvas(c) ? ' For a Canvas app, the users\' distance to Heroku matters more.' : '';
        report({
          range: c.region.node.range,
          severity: !across || onlyCanvas(c) ? 'hint' : undefined,
          message: `${where}${lag}${canvas} ${across ? describeNearestRegions(sf) : describeRegionsIn(sf)}.`,
          related: [{ range: c.salesforce.node.range, message: `The Salesforce org is in ${sf}` }],
        });
      }
    },
  },
  {
    id: 'region-app-postgres-mismatch',
    title: 'Heroku app and Postgres in different regions',
    category: 'regions',
    defaultSeverity: 'warning',
    rationale: 'The app queries its database on every request, and Heroku Connect runs in the app\'s region, so a database in another region adds a cross-region round trip to both.',
    facts: ['connect-same-region-as-app', 'heroku-regions'],
    fix: 'Move the database to the app\'s region.',
    check({ design, model, report }) {
      const app = design.regions?.heroku_app;
      const postgres = design.regions?.heroku_postgres;
      if (!app || !postgres || app.value === postgres.value) return;
      const sameGeography = herokuRegion(app.value).geography === herokuRegion(postgres.value).geography;
      const connect = design.paths?.heroku_connect ? ` Heroku Connect runs in the app's region, so its sync traffic to the database crosses the same gap.` : '';
      report({
        range: postgres.node.range,
        severity: sameGeography ? 'info' : undefined,
        message: sameGeography
          ? `Heroku Postgres is in ${postgres.value} and the app in ${app.value}: the same geography, but different Heroku regions (${runtimeOf(postgres.value)} vs ${runtimeOf(app.value)}). Keep the app and its database in one region.`
          : `Heroku Postgres is in ${describeHerokuRegion(postgres.value)} but the app is in ${describeHerokuRegion(app.value)}: every query crosses between regions.${connect} Put the database in the app's region.`,
        related: [{ range: app.node.range, message: `The app runs in ${app.value}` }],
        fix: fix(`Change heroku_postgres to '${app.value}'`, replaceValue(model, postgres.node, app.value)),
      });
    },
  },
  {
    id: 'region-unstated',
    title: 'Regions not stated',
    category: 'regions',
    defaultSeverity: 'info',
    rationale: 'The checklist asks for the Heroku Postgres, Connect and Salesforce regions to be co-located; for Heroku Connect and External Objects that cannot be checked until the design says where each part runs.',
    facts: ['connect-same-region-as-app', 'region-latency-surprise'],
    check({ design, report }) {
      const path = design.paths?.heroku_connect ?? design.paths?.external_objects;
      if (!path) return;
      const missing = (['heroku_app', 'heroku_postgres', 'salesforce'] as const satisfies readonly (keyof Regions)[]).filter((k) => !design.regions?.[k]);
      if (missing.length === 0) return;
      const which = design.paths?.heroku_connect ? 'Heroku Connect' : 'Heroku External Objects';
      report({
        range: rangeForUnstated(design, path.$node.keyRange ?? path.$node.range),
        message: `${which} is chosen but regions.${missing.join(', regions.')} ${missing.length === 1 ? 'is' : 'are'} not stated. The checklist asks to co-locate the Heroku app, Postgres and the Salesforce org (Connect runs in the app's region); state them so the design can be checked.`,
      });
    },
  },
];

function runtimeOf(region: HerokuRegion): string {
  return herokuRegion(region).runtime === 'common-runtime' ? 'Common Runtime' : 'Private Spaces';
}

/** The `regions` key when the section exists, else the chosen path's key. */
function rangeForUnstated(design: Design, pathKey: TextRange): TextRange {
  return design.regions?.$node.keyRange ?? pathKey;
}
