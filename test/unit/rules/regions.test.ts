import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, ruleCases } from '../../helpers/ruleCases';
import { HEROKU_REGIONS, herokuRegionsIn } from '../../../server/src/core/knowledge/regions';
import { DESIGN_SCHEMA, schemaAt } from '../../../server/src/core/schema/schema';

const header = 'version: 1\nname: Orders\nenvironment: production\n';
const connect = 'paths:\n  heroku_connect: { plan: enterprise }\n';

ruleCases('region-not-colocated', [
  {
    name: 'a Private Space app on another continent than the org, with Connect: sync lag, the skill\'s multiplier as a rule of thumb',
    doc: `${header}regions:\n  heroku_app: ⟦frankfurt⟧\n  salesforce: us-east\n${connect}`,
    messages: [/^The Heroku app runs in frankfurt \(germany\), on another continent than the Salesforce org \(us-east\)\. Crossing that distance: Heroku Connect's sync \(every poll of Salesforce and every write back; Connect runs in the app's region\)\. The skill document says mismatched regions can multiply sync lag by up to 3×\. \(Rule of thumb: no official Heroku or Salesforce source confirms this\.\) Heroku regions in us-east: us \(Common Runtime\) or virginia \(Private Spaces\)\.$/],
    related: 1,
  },
  {
    name: 'app and database both on another continent',
    doc: `${header}regions:\n  heroku_app: ⟦eu⟧\n  heroku_postgres: ⟦eu⟧\n  salesforce: japan\n${connect}`,
    messages: [/^The Heroku app runs in eu \(presumably ireland\), on another continent/, /^Heroku Postgres runs in eu \(presumably ireland\).*Heroku Connect's sync between Salesforce and this database.*Heroku regions in japan: tokyo \(Private Spaces\)/],
  },
  {
    name: 'a Flow calling Heroku through AppLink: its calls cross, nothing "syncs"',
    doc: `${header}regions:\n  heroku_app: ⟦tokyo⟧\n  salesforce: us-east\npaths:\n  heroku_applink: { callers: [flow] }\n`,
    messages: [/^(?!.*sync)The Heroku app runs in tokyo \(japan\), on another continent than the Salesforce org \(us-east\)\. Crossing that distance: every AppLink call from Salesforce to the app and its calls back into Salesforce\. Heroku regions in us-east/],
  },
  {
    name: 'an org in Germany: the Common Runtime region on the same continent is offered, not only a Private Space',
    doc: `${header}regions:\n  heroku_app: ⟦us⟧\n  salesforce: germany\npaths:\n  rest_api: { auth_flow: jwt-bearer }\n`,
    messages: [/Crossing that distance: every REST API call from Heroku to Salesforce\. Heroku regions in germany: frankfurt \(Private Spaces\); on the Common Runtime, eu \(presumably ireland\) is on the same continent\.$/],
  },
  {
    name: 'no Heroku region in the org\'s geography',
    doc: `${header}regions:\n  heroku_app: ⟦us⟧\n  salesforce: brazil\n${connect}`,
    messages: [/Heroku has no region in brazil; pick the nearest one/],
  },
  {
    name: 'a us app with a us-west org: the same continent, a hint',
    doc: `${header}regions:\n  heroku_app: ⟦us⟧\n  salesforce: us-west\n${connect}`,
    messages: [/^The Heroku app runs in us \(presumably us-east\) and the Salesforce org in us-west: the same continent, but not the same geography\. Crossing the shorter distance: Heroku Connect's sync .*; co-locate them if that latency matters\..*Heroku regions in us-west: oregon \(Private Spaces\)\.$/],
  },
  {
    name: 'a Dublin app with a German org: the same continent, a hint',
    doc: `${header}regions:\n  heroku_app: ⟦dublin⟧\n  salesforce: germany\npaths:\n  apex_callout: { named_credential: Orders }\n`,
    messages: [/the same continent, but not the same geography\. Crossing the shorter distance: every Apex callout to Heroku \(its round trip counts against the callout timeout\);/],
  },
  {
    name: 'a Canvas app: only its own API calls cross, and the users\' distance matters more',
    doc: `${header}regions:\n  heroku_app: ⟦sydney⟧\n  salesforce: uk\npaths:\n  canvas: { auth: signed-request }\n`,
    messages: [/^(?!.*sync)The Heroku app runs in sydney \(australia\), on another continent than the Salesforce org \(uk\)\. Crossing that distance: the Canvas app's own calls to the Salesforce API \(the page itself loads from Heroku in the user's browser\)\. For a Canvas app, the users' distance to Heroku matters more\./],
  },
  { name: 'the database\'s region does not matter to a REST client', doc: `${header}regions:\n  heroku_app: virginia\n  heroku_postgres: eu\n  salesforce: us-east\npaths:\n  rest_api: {}\n` },
  { name: 'no path chosen: nothing crosses', doc: `${header}regions:\n  heroku_app: tokyo\n  salesforce: us-east\npaths: {}\n` },
  { name: 'co-located (Common Runtime)', doc: `${header}regions:\n  heroku_app: us\n  heroku_postgres: us\n  salesforce: us-east\n${connect}` },
  { name: 'co-located (Private Spaces)', doc: `${header}regions:\n  heroku_app: dublin\n  heroku_postgres: eu\n  salesforce: ireland\n${connect}` },
  { name: 'Salesforce region not stated', doc: `${header}regions:\n  heroku_app: tokyo\n${connect}` },
  { name: 'Connect region is another rule\'s business', doc: `${header}regions:\n  heroku_app: us\n  heroku_connect: eu\n  salesforce: us-east\n${connect}` },
]);

test('region-not-colocated is graded: a warning across continents, a hint on the same one or for a Canvas app alone', () => {
  const severity = (doc: string) => findingsOf('region-not-colocated', `${header}${doc}`).map((f) => f.severity);
  assert.deepEqual(severity(`regions:\n  heroku_app: frankfurt\n  salesforce: us-east\n${connect}`), ['warning']);
  assert.deepEqual(severity(`regions:\n  heroku_app: us\n  salesforce: us-west\n${connect}`), ['hint']);
  assert.deepEqual(severity(`regions:\n  heroku_app: dublin\n  salesforce: germany\n${connect}`), ['hint']);
  assert.deepEqual(severity(`regions:\n  heroku_app: sydney\n  salesforce: uk\npaths:\n  canvas: {}\n`), ['hint']);
});

ruleCases('region-app-postgres-mismatch', [
  {
    name: 'database in another geography',
    doc: `${header}regions:\n  heroku_app: us\n  heroku_postgres: ⟦eu⟧ # legacy\n${connect}`,
    messages: [/^Heroku Postgres is in eu \(presumably ireland\) but the app is in us \(presumably us-east\).*Heroku Connect runs in the app's region/],
    related: 1,
    fixed: `${header}regions:\n  heroku_app: us\n  heroku_postgres: us # legacy\n${connect}`,
  },
  {
    name: 'same geography, different runtime',
    doc: `${header}regions:\n  heroku_app: virginia\n  heroku_postgres: ⟦us⟧\npaths:\n  rest_api: {}\n`,
    messages: [/^(?!.*Heroku Connect).*same geography, but different Heroku regions \(Common Runtime vs Private Spaces\)/],
    fixed: `${header}regions:\n  heroku_app: virginia\n  heroku_postgres: virginia\npaths:\n  rest_api: {}\n`,
  },
  { name: 'same region', doc: `${header}regions:\n  heroku_app: frankfurt\n  heroku_postgres: frankfurt\n${connect}` },
  { name: 'database region not stated', doc: `${header}regions:\n  heroku_app: frankfurt\n${connect}` },
]);

ruleCases('region-unstated', [
  {
    name: 'Connect with no regions at all',
    doc: `${header}paths:\n  ⟦heroku_connect⟧: { plan: enterprise }\n`,
    messages: [/^Heroku Connect is chosen but regions\.heroku_app, regions\.heroku_postgres, regions\.salesforce are not stated\..*co-locate/],
  },
  {
    name: 'External Objects with the Salesforce region missing',
    doc: `${header}⟦regions⟧:\n  heroku_app: us\n  heroku_postgres: us\npaths:\n  external_objects: {}\n`,
    messages: [/^Heroku External Objects is chosen but regions\.salesforce is not stated/],
  },
  { name: 'all three stated', doc: `${header}regions:\n  heroku_app: us\n  heroku_postgres: us\n  salesforce: us-east\n${connect}` },
  { name: 'paths that do not sync data', doc: `${header}paths:\n  rest_api: {}\n  canvas: {}\n` },
]);

test('region-app-postgres-mismatch is only info within one geography', () => {
  const same = findingsOf('region-app-postgres-mismatch', `${header}regions:\n  heroku_app: virginia\n  heroku_postgres: us\n${connect}`);
  const apart = findingsOf('region-app-postgres-mismatch', `${header}regions:\n  heroku_app: virginia\n  heroku_postgres: eu\n${connect}`);
  assert.deepEqual([same.map((f) => f.severity), apart.map((f) => f.severity)], [['info'], ['warning']]);
});

test('the region table covers exactly the schema\'s Heroku regions and only Salesforce geographies', () => {
  const herokuRegions = schemaAt(['regions', 'heroku_app'])?.enum ?? [];
  const geographies = new Set(schemaAt(['regions', 'salesforce'])?.enum ?? []);
  assert.ok(DESIGN_SCHEMA && herokuRegions.length > 0);
  assert.deepEqual(HEROKU_REGIONS.map((r) => r.region).sort(), [...herokuRegions].sort());
  for (const r of HEROKU_REGIONS) assert.ok(geographies.has(r.geography), `${r.region} → ${r.geography}`);
  // Only the Common Runtime regions' locations are inferred; every Private Space region is named after its place.
  assert.deepEqual(HEROKU_REGIONS.filter((r) => r.basis === 'inferred').map((r) => r.region), ['us', 'eu']);
  assert.deepEqual(herokuRegionsIn('us-east').map((r) => r.region), ['us', 'virginia']);
});
