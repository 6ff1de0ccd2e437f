import { formatCount } from '../../format/quantities';
import { listWords } from '../../format/suggest';
import type { ExternalObjectsPath } from '../../model/design';
import type { ArtifactContext } from '../context';
import { code } from '../markdown';
import { fill, StepWriter, type Fill } from './commands';
import { genericSandboxStep } from './common';
import { connectFills } from './connect';
import { pathApp } from './resources';
import { measurementLines, usageNote } from './measures';
import type { Step, StepBody } from './step';

export function externalObjectsSteps(ctx: ArtifactContext, eo: ExternalObjectsPath): Step[] {
  const steps = [licenseStep(ctx)];
  if (!ctx.design?.paths?.heroku_connect) steps.push(connectForExternalObjects(ctx));
  steps.push(tablesStep(ctx, eo), dataSourceStep(ctx, eo), credentialsStep(ctx, eo));
  const sandbox = genericSandboxStep(ctx, 'external_objects', 'check that the external data source in the refreshed org still authenticates against the OData endpoint');
  if (sandbox) steps.push(sandbox);
  return steps;
}

function licenseStep(ctx: ArtifactContext): Step {
  const edition = ctx.design?.salesforce?.edition;
  const lines = [
    `- Heroku External Objects comes with Heroku Connect ${ctx.cite.ref('external-objects-setup')}${ctx.chosenPaths.includes('heroku_connect') ? '' : ': **the design has no `paths.heroku_connect`**, so the add-on it comes with is not planned'}.`,
    `- Salesforce Connect's OData adapters are included in Developer Edition and cost extra in Enterprise, Performance and Unlimited editions ${ctx.cite.ref('salesforce-connect-license')}${edition ? `: this org is ${edition.value} edition (${ctx.at(edition.node)})${edition.value === 'developer' ? '' : ', so buy the Salesforce Connect license'}` : ''}.`,
  ];
  const connectPlan = ctx.design?.paths?.heroku_connect?.plan;
  lines.push(`- External Objects works with the Heroku Connect enterprise and shield plans, not demo ${ctx.cite.ref('external-objects-paid-connect')}${connectPlan ? `: the design's Connect plan is ${connectPlan.value} (${ctx.at(connectPlan.node)})${connectPlan.value === 'demo' ? ', **which External Objects does not support**' : ''}` : ''}.`);
  const open = edition ? [] : ['The Salesforce edition: it decides whether Salesforce Connect must be bought, and the design states no `salesforce.edition`.'];
  return { title: 'Procure Salesforce Connect', lines, open };
}

/** The add-on and database External Objects serves from, when the design has no Connect path of its own. */
function eoFills(ctx: ArtifactContext): { app: Fill; addon: Fill; database: Fill } {
  const connect = connectFills(ctx, ctx.design?.paths?.heroku_connect);
  return { ...connect, app: pathApp(ctx, 'external_objects') };
}

function connectForExternalObjects(ctx: ArtifactContext): Step {
  const { app, addon, database } = eoFills(ctx);
  const w = new StepWriter(ctx, 'Provision Heroku Connect and its database');
  w.say(`External Objects is part of the Heroku Connect add-on ${ctx.cite.ref('external-objects-setup')}, and the design has no \`paths.heroku_connect\`: provision the add-on and its database here. Authorizing a Salesforce sync is optional for External Objects ${ctx.cite.source('externalObjectsSalesforce')}.`);
  const plan = fill(undefined, '<connect-plan>', 'The Heroku Connect plan External Objects runs on (enterprise or shield): the design has no `paths.heroku_connect`.');
  w.run('Create the database and the Connect add-on on the app', [
    ['postgres-create', { plan: fill(undefined, '<postgres-plan>', 'The Heroku Postgres plan: the design has no `paths.heroku_connect.database`.'), app, database }],
    ['connect-create', { plan, app, addon }],
  ]);
  w.check('`heroku pg:info` shows the database available, and `heroku addons:info` the Connect add-on provisioned', [['postgres-info', { database, app }], ['addon-info', { addon, app }]]);
  return w.step();
}

function tablesStep(ctx: ArtifactContext, eo: ExternalObjectsPath): Step {
  const { app, addon } = eoFills(ctx);
  const tables = eo.tables;
  const w = new StepWriter(ctx, 'Expose the tables over OData');
  w.say(tables && tables.value.length
    ? `- Expose ${listWords(tables.value.map(code), 'and')} (${ctx.at(tables.node)}). Each table needs a primary key and each view a column named \`id\` ${ctx.cite.ref('external-objects-setup')}.`
    : `- Each exposed table needs a primary key and each view a column named \`id\` ${ctx.cite.ref('external-objects-setup')}.`);
  if (!(tables && tables.value.length)) w.ask('Which Postgres tables or views to expose: the design lists no `tables`.');
  w.run('Open the Heroku Connect dashboard', [['addon-open', { addon, app }]]);
  w.ui('The first time, create the OData service\'s login credentials there; then note the OData 4.0 service URL and tick the tables above', 'connect-external-objects');
  w.check(`the External Objects tab lists ${tables && tables.value.length ? listWords(tables.value.map(code), 'and') : 'the tables'} as enabled, with the OData 4.0 service URL ${ctx.cite.source('odataUpgrade')}`);
  return w.step();
}

function dataSourceStep(ctx: ArtifactContext, eo: ExternalObjectsPath): Step {
  const version = eo.odata_version;
  const w = new StepWriter(ctx, 'Create the external data source');
  w.say(`- Create the external data source with OData ${version ? `**${version.value}** (${ctx.at(version.node)})` : '4.0 (the format\'s default; the design states no `odata_version`)'}. OData 4.0 reads and writes; OData 2.0 is read-only ${ctx.cite.ref('odata-v2-read-only')}.`);
  if (eo.writable?.value) w.say(`- The design makes the external objects writable (${ctx.at(eo.writable.node)}): tick "Writable External Objects"${version?.value === '2.0' ? ', which **OData 2.0 cannot do**' : ''}.`);
  if (eo.standard_reports?.value) w.say(`- **The design needs standard reports** (${ctx.at(eo.standard_reports.node)}), but External Objects data is available by reference only and cannot be used in standard reports ${ctx.cite.ref('external-objects-no-reports')}.`);
  const requests = eo.requests_per_hour;
  w.say(`- Every list view, record page, search, edit and report run is one OData callout ${ctx.cite.ref('odata-callout-per-action')}; the service allows ${ctx.cite.value('external-objects-rate-limit')} on paid plans and can be raised on request${requests ? `. The design expects ${formatCount(requests.value)} at peak (${ctx.at(requests.node)})${usageNote(ctx, 'external-objects-requests')}` : ''}.`);
  if (!requests) w.ask('The peak OData requests per hour: the design states no `requests_per_hour`, so the rate limit cannot be checked.');
  w.ui(`Create it with the type **Salesforce Connect: OData ${version?.value === '2.0' ? '2.0' : '4.0'}**, the service URL from the Connect dashboard${eo.writable?.value ? ', **Writable External Objects** ticked' : ''}, and the OData login credentials ${ctx.cite.source('externalObjectsSalesforce')}`, 'external-data-sources', 'Save it, then validate it and sync the tables: Salesforce creates one external object per table.');
  w.check('the data source\'s page lists an external object per exposed table; open a record of one to see a row of the table');
  return w.step();
}

function credentialsStep(ctx: ArtifactContext, eo: ExternalObjectsPath): Step {
  const { app, addon } = eoFills(ctx);
  const w = new StepWriter(ctx, 'Rotate the OData credentials');
  w.say(`What is rotated: the OData service's username and password (basic authentication). After a reset the old and new credentials both work for ${ctx.cite.value('external-objects-credential-overlap')}: update the external data source in Salesforce within that window.`);
  w.ask('How often to reset the External Objects credentials: the design has no place to state it.');
  w.run('Open the Heroku Connect dashboard', [['addon-open', { addon, app }]]);
  w.ui('Reset the credentials; the new ones are emailed', 'connect-external-objects-reset', 'Enter them in the external data source at once.');
  w.check(`open a record of an external object${eo.tables?.value.length ? ` (${code(eo.tables.value[0])})` : ''}: it still loads after the overlap has passed`);
  w.rollback(`nothing to undo: until the ${ctx.cite.value('external-objects-credential-overlap')} pass, the old credentials still work.`);
  return w.step();
}

export function externalObjectsMonitoring(ctx: ArtifactContext): StepBody {
  return {
    lines: [
      `- Watch the OData request rate against ${ctx.cite.value('external-objects-rate-limit')}; ask for a higher limit before reaching it.`,
      ...measurementLines(ctx, 'external-objects-'),
    ],
  };
}

export function externalObjectsRecovery(ctx: ArtifactContext): StepBody {
  return {
    lines: [`1. If the OData credentials leak, reset them and update the external data source within the ${ctx.cite.value('external-objects-credential-overlap')} both sets work.`, '2. The data stays in Postgres: nothing is copied into Salesforce, so there is nothing to roll back there.'],
  };
}
