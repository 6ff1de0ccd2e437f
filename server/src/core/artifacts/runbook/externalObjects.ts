import { formatCount } from '../../format/quantities';
import { listWords } from '../../format/suggest';
import type { ExternalObjectsPath } from '../../model/design';
import type { ArtifactContext } from '../context';
import { code } from '../markdown';
import { genericSandboxStep } from './common';
import { measurementLines, usageNote } from './measures';
import type { Step, StepBody } from './step';

export function externalObjectsSteps(ctx: ArtifactContext, eo: ExternalObjectsPath): Step[] {
  const steps = [licenseStep(ctx), tablesStep(ctx, eo), dataSourceStep(ctx, eo), credentialsStep(ctx)];
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
  const open = edition ? [] : ['The Salesforce edition: it decides whether Salesforce Connect must be bought, and the design states no `salesforce.edition`.'];
  return { title: 'Procure Salesforce Connect', lines, open };
}

function tablesStep(ctx: ArtifactContext, eo: ExternalObjectsPath): Step {
  const tables = eo.tables;
  const lines = [tables && tables.value.length
    ? `- Expose ${listWords(tables.value.map(code), 'and')} (${ctx.at(tables.node)}). Each table needs a primary key and each view a column named \`id\` ${ctx.cite.ref('external-objects-setup')}.`
    : `- Each exposed table needs a primary key and each view a column named \`id\` ${ctx.cite.ref('external-objects-setup')}.`];
  const open = tables && tables.value.length ? [] : ['Which Postgres tables or views to expose: the design lists no `tables`.'];
  return { title: 'Choose the tables to expose', lines, open };
}

function dataSourceStep(ctx: ArtifactContext, eo: ExternalObjectsPath): Step {
  const version = eo.odata_version;
  const lines: string[] = [];
  lines.push(`- Create the external data source with OData ${version ? `**${version.value}** (${ctx.at(version.node)})` : '4.0 (the format\'s default; the design states no `odata_version`)'}. OData 4.0 reads and writes; OData 2.0 is read-only ${ctx.cite.ref('odata-v2-read-only')}.`);
  if (eo.writable?.value) lines.push(`- The design makes the external objects writable (${ctx.at(eo.writable.node)}): tick "Writable External Objects"${version?.value === '2.0' ? ', which **OData 2.0 cannot do**' : ''}.`);
  if (eo.standard_reports?.value) lines.push(`- **The design needs standard reports** (${ctx.at(eo.standard_reports.node)}), but External Objects data is available by reference only and cannot be used in standard reports ${ctx.cite.ref('external-objects-no-reports')}.`);
  const requests = eo.requests_per_hour;
  lines.push(`- Every list view, record page, search, edit and report run is one OData callout ${ctx.cite.ref('odata-callout-per-action')}; the service allows ${ctx.cite.value('external-objects-rate-limit')} on paid plans and can be raised on request${requests ? `. The design expects ${formatCount(requests.value)} at peak (${ctx.at(requests.node)})${usageNote(ctx, 'external-objects-requests')}` : ''}.`);
  const open = requests ? [] : ['The peak OData requests per hour: the design states no `requests_per_hour`, so the rate limit cannot be checked.'];
  return { title: 'Create the external data source', lines, open };
}

function credentialsStep(ctx: ArtifactContext): Step {
  return {
    title: 'Rotate the OData credentials',
    lines: [`- The endpoint uses basic authentication. After a credential reset the old and new credentials both work for ${ctx.cite.value('external-objects-credential-overlap')}: update the external data source in Salesforce within that window.`],
    open: ['How often to reset the External Objects credentials: the design has no place to state it.'],
  };
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
