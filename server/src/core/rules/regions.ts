import { fact, formatFactValue, ruleOfThumbNote } from '../knowledge/facts';
import { describeHerokuRegion, describeRegionsIn, herokuRegion } from '../knowledge/regions';
import type { Design, HerokuRegion, Regions } from '../model/design';
import type { TextRange } from '../text';
import { fix } from '../findings';
import { replaceValue } from '../yamlEdit/scalar';
import type { Rule } from '../rule';

const LAG_NOTE = (): string =>
  `mismatched regions can multiply sync lag by up to ${formatFactValue(fact('region-latency-multiplier'))}.${ruleOfThumbNote('region-latency-multiplier')}`;

const HEROKU_PARTS = [
  ['heroku_app', 'The Heroku app'],
  ['heroku_postgres', 'Heroku Postgres'],
] as const;

export const REGIONS_RULES: readonly Rule[] = [
  {
    id: 'region-not-colocated',
    title: 'Heroku and Salesforce in different geographies',
    category: 'regions',
    defaultSeverity: 'warning',
    rationale: `Heroku Connect's wall-clock latency is dominated by the round trip between the Heroku Postgres region, the Connect add-on (which runs in the app's region) and the Salesforce instance; every API call and event crosses the same distance. ${fact('region-latency-multiplier').statement} No official source confirms a multiplier, so it is a rule of thumb.`,
    facts: ['region-latency-multiplier', 'connect-same-region-as-app', 'heroku-regions'],
    check({ design, report }) {
      const regions = design.regions;
      const salesforce = regions?.salesforce;
      if (!regions || !salesforce) return;
      for (const [key, name] of HEROKU_PARTS) {
        const field = regions[key];
        if (!field || herokuRegion(field.value).geography === salesforce.value) continue;
        report({
          range: field.node.range,
          message: `${name} runs in ${describeHerokuRegion(field.value)}, but the Salesforce org is in ${salesforce.value}. Every sync, API call and event crosses between them; ${LAG_NOTE()} ${describeRegionsIn(salesforce.value)}.`,
          related: [{ range: salesforce.node.range, message: `The Salesforce org is in ${salesforce.value}` }],
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
    facts: ['connect-same-region-as-app', 'region-latency-multiplier'],
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
