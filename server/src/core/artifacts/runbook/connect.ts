import { formatCount } from '../../format/quantities';
import { listWords } from '../../format/suggest';
import { factMilliseconds, type FactId } from '../../knowledge/facts';
import type { ConnectPath } from '../../model/design';
import { connectRowTotal } from '../../paths/herokuConnect/rows';
import type { ArtifactContext } from '../context';
import { describeSpan, formatAmount, formatPercent } from '../labels';
import { code, gfmInlineText, richText, table } from '../markdown';
import { regionFacts } from '../regions';
import { fill, known, unknown, StepWriter, type Fill } from './commands';
import { apiEnabledNeed, integrationUserStep, pathUsers, rotationStep, sandboxOrg, userName } from './common';
import { measurementLines, usageNote } from './measures';
import { displayed, pathApp } from './resources';
import type { Step, StepBody } from './step';

type Plan = 'demo' | 'enterprise' | 'shield';

function planOf(connect: ConnectPath): Plan {
  return connect.plan?.value ?? 'demo';
}

function retentionFact(plan: Plan): FactId {
  return plan === 'demo' ? 'connect-demo-trigger-log-retention' : 'connect-paid-trigger-log-retention';
}

function mappedObjects(connect: ConnectPath): string[] {
  return (connect.mappings?.items ?? []).flatMap((m) => (m.object ? [m.object.value] : []));
}

/** The values every Connect command names: the app, the add-on (`--resource`), the database. */
export function connectFills(ctx: ArtifactContext, connect: ConnectPath | undefined): { app: Fill; addon: Fill; database: Fill } {
  return {
    app: pathApp(ctx, 'heroku_connect'),
    addon: fill(connect?.addon, '<connect-addon>', 'The name of the Heroku Connect add-on: the design states no `paths.heroku_connect.addon`.'),
    database: fill(connect?.database?.name, '<connect-database>', 'The name of the Heroku Postgres add-on Connect syncs into: the design states no `paths.heroku_connect.database.name`.'),
  };
}

/** The file `connect:export` writes: the app's name and the add-on's (plugin source, export.ts). */
function exportFile(app: Fill, addon: Fill): Fill {
  if ('value' in app && 'value' in addon) return known(`${app.value}-${addon.value}.json`);
  return unknown(`<${displayed(app).replace(/[<>]/g, '')}>-<${displayed(addon).replace(/[<>]/g, '')}>.json`, 'placeholder' in app ? app.ask : (addon as { ask: string }).ask);
}

/** `connect:sf:auth --environment`: production, or sandbox for sandboxes and scratch orgs. */
function connectEnvironment(ctx: ArtifactContext): Fill {
  const orgType = ctx.design?.salesforce?.org_type?.value;
  if (orgType) return known(orgType === 'sandbox' || orgType === 'scratch' ? 'sandbox' : 'production');
  const env = ctx.design?.environment?.value;
  if (env === 'sandbox') return known('sandbox');
  if (env === 'production') return known('production');
  return unknown('<production-or-sandbox>', 'Whether the org is a production org or a sandbox: the design states no `salesforce.org_type`.');
}

/** The Heroku Connect procedure, in the order an operator does it. */
export function connectSteps(ctx: ArtifactContext, connect: ConnectPath): Step[] {
  const objects = mappedObjects(connect);
  const onObjects = objects.length ? listWords(objects.map(code), 'and') : 'each mapped object';
  const user = integrationUserStep(ctx, 'heroku_connect', [
    apiEnabledNeed(ctx),
    {
      anyOf: ['view-all', 'view-all-data'], required: true,
      label: `View All on ${onObjects} (or View All Data)`,
      why: `Heroku Connect requires it for optimal operation ${ctx.cite.ref('connect-view-all-required')}. Third-party error text also ties OPERATION_TOO_LARGE on queries over ${ctx.cite.value('operation-too-large')} (distinct who/whats) to a missing View All Data: a rule of thumb, no official page says so.`,
    },
    {
      anyOf: ['modify-all', 'modify-all-data'], required: false,
      label: `Modify All on ${onObjects} (or Modify All Data)`,
      why: `avoids the extra sharing query the API makes for every record; a performance recommendation, not a Connect requirement ${ctx.cite.ref('modify-all-avoids-sharing-checks')}.`,
    },
  ]);
  const steps = [user, planStep(ctx, connect), regionsStep(ctx), databaseStep(ctx, connect), addOnStep(ctx, connect), databaseSettingsStep(ctx, connect), authorizeStep(ctx, connect)];
  if (connect.api_version) steps.push(apiVersionStep(ctx, connect));
  steps.push(mappingsStep(ctx, connect), connectRotation(ctx, connect), sandboxStep(ctx, connect), retentionStep(ctx, connect));
  return steps;
}

function planStep(ctx: ArtifactContext, connect: ConnectPath): Step {
  const w = new StepWriter(ctx, 'Procure the plan');
  const plan = connect.plan;
  const decision = ctx.analysis.decision;
  if (plan) {
    w.say(`- Provision Heroku Connect on the **${plan.value}** plan (${ctx.at(plan.node)}).${decision.planTier && decision.planTier !== plan.value ? ` **The decision table recommends ${decision.planTier}:** ${ctx.cite.annotate(richText(decision.planReason ?? ''), ['connect-demo-max-rows', 'connect-demo-min-polling'])}` : ''}`);
  } else {
    w.say(`- The add-on is provisioned on demo by default ${ctx.cite.ref('connect-plans')}.${decision.planTier ? ` The decision table recommends ${decision.planTier}.` : ''}`);
    w.ask(CONNECT_PLAN_ASK);
  }
  const tier = planOf(connect);
  const rows = connectRowTotal(ctx.design!, connect);
  if (tier === 'demo') {
    w.say(`- The demo plan syncs at most ${ctx.cite.value('connect-demo-max-rows')} across all mappings${rows ? `; this design ${rows.from === 'mappings' ? 'maps' : 'states'} ${formatCount(rows.total)}${usageNote(ctx, 'connect-rows-demo-cap')}` : ''}.`);
  } else {
    const contracted = connect.contracted_rows;
    if (contracted) {
      w.say(`- Agree the row allocation in the contract: rows are allocated by contract and counted across all mappings ${ctx.cite.ref('connect-paid-rows-per-contract')}. The design states **${formatCount(contracted.value)}** contracted rows (${ctx.at(contracted.node)})${rows ? ` for ${formatCount(rows.total)} rows ${rows.from === 'mappings' ? 'mapped' : 'stated in `requirements.volume.rows`'} (${formatPercent(rows.total / contracted.value)})` : ''}.`);
    } else {
      w.ask(`The contracted row allocation: rows on the ${tier} plan are allocated by contract ${ctx.cite.ref('connect-paid-rows-per-contract')}, and the design states no \`contracted_rows\`${rows ? ` for its ${formatCount(rows.total)} rows` : ''}.`);
    }
  }
  const regulated = ctx.design?.requirements?.regulated_data;
  if (regulated?.value && tier !== 'shield') {
    w.say(`- **The design handles regulated data** (${ctx.at(regulated.node)}) **but the plan is ${tier}.** Shield Postgres stores regulated data classes that private plans cannot ${ctx.cite.ref('shield-regulated-data')}, and Shield Connect is the plan that synchronizes with it ${ctx.cite.ref('connect-shield-needs-shield-postgres')}.`);
  } else if (tier === 'shield') {
    w.say(`- Shield Connect synchronizes only with Heroku Postgres on a shield plan ${ctx.cite.ref('connect-shield-needs-shield-postgres')}; Shield Postgres stores regulated data classes that private plans cannot ${ctx.cite.ref('shield-regulated-data')}.`);
  }
  const provisioning = connect.provisioning;
  if (provisioning && (provisioning.value === 'app-json' || provisioning.value === 'review-app')) {
    w.say(`- **The design provisions the add-on through ${provisioning.value === 'app-json' ? '`app.json`' : 'review apps'}** (${ctx.at(provisioning.node)}): review and CI apps get the add-on's default plan whatever \`app.json\` says ${ctx.cite.ref('connect-review-app-default-plan')}, and the skill document says this provisioning is not supported for Connect ${ctx.cite.ref('connect-review-app-unsupported')}. This runbook provisions it with the CLI.`);
  } else if (provisioning) {
    w.say(`- The design provisions it from the ${provisioning.value === 'cli' ? 'Heroku CLI' : 'Heroku dashboard'} (\`provisioning: ${provisioning.value}\`, ${ctx.at(provisioning.node)}); the commands below use the CLI.`);
  }
  const edition = ctx.design?.salesforce?.edition;
  w.say(`- Confirm the Salesforce org has API access: Connect works only with editions that have it, and trials may not by default ${ctx.cite.ref('connect-needs-api-access')}${edition ? ` (the org is ${edition.value} edition, ${ctx.at(edition.node)})` : ''}.`);
  return w.step();
}

const CONNECT_PLAN_ASK = 'The Heroku Connect plan: the design states no `paths.heroku_connect.plan`.';
const POSTGRES_PLAN_ASK = 'The Heroku Postgres plan Connect attaches to: the design states no `database.plan`.';

function regionsStep(ctx: ArtifactContext): Step {
  const r = ctx.design?.regions;
  const w = new StepWriter(ctx, 'Pin and check the regions');
  const missing = [
    !r?.heroku_app && 'the Heroku app', !r?.heroku_postgres && 'Heroku Postgres', !r?.salesforce && 'the Salesforce org',
  ].filter((x): x is string => Boolean(x));
  if (missing.length) w.ask(`The region of ${listWords(missing, 'and')}: the design does not state it, so it cannot be pinned or checked.`);
  w.say(`Heroku Connect runs in the region of the app it is attached to ${ctx.cite.ref('connect-same-region-as-app')}, and the database is created in the app's region (next step): the app's region, set when it was created, decides both.`, '', ...regionFacts(ctx));
  const findings = ctx.findingsIn('regions');
  if (findings.length) w.say(...findings.map((f) => `- **Line ${ctx.line(f.range)}** (\`${f.ruleId}\`): ${gfmInlineText(f.message)}`));
  w.check('`heroku apps:info` shows the Connect app\'s region', [['app-info', { app: pathApp(ctx, 'heroku_connect') }]]);
  return w.step();
}

function databaseStep(ctx: ArtifactContext, connect: ConnectPath): Step {
  const { app, database } = connectFills(ctx, connect);
  const w = new StepWriter(ctx, 'Create the database');
  const db = connect.database;
  const tier = planOf(connect);
  if (db?.plan) {
    const essential = /^essential/i.test(db.plan.value);
    const shieldMismatch = tier === 'shield' && !/^shield/i.test(db.plan.value);
    w.say(`- Plan ${code(db.plan.value)} (${ctx.at(db.plan.node)})${shieldMismatch ? ': **not a shield plan, which Shield Connect needs**' : ''}.${essential ? ` Essential-tier databases have no server-side connection pooling ${ctx.cite.ref('postgres-pooling-tiers')}.` : ''}`);
  }
  if (db?.connection_pooling?.value) {
    w.say(`- **The design routes the app through a connection pooler** (${ctx.at(db.connection_pooling.node)}). The skill document says pooling is not supported on a Connect database; use direct connections ${ctx.cite.ref('connect-pooling-unsupported')}.`);
  } else {
    w.say(`- Connect the app to the database directly, without a connection pooler: the skill document says pooling is not supported on a Connect database ${ctx.cite.ref('connect-pooling-unsupported')}.`);
  }
  if (db?.postgres_fdw?.value) {
    w.say(`- **The design uses postgres_fdw** (${ctx.at(db.postgres_fdw.node)}), which the skill document says Connect does not support ${ctx.cite.ref('connect-postgres-fdw-unsupported')}.`);
  }
  w.run('Create the Heroku Postgres database on the Connect app and wait until it is available', [
    ['postgres-create', { plan: fill(db?.plan, '<postgres-plan>', POSTGRES_PLAN_ASK), app, database }],
  ]);
  w.check(`\`heroku pg:info\` shows the database ${code(displayed(database))} with the plan above and \`Status: Available\`; it also lists the config var the database is attached as (\`DATABASE_URL\` for an app's first database), which the next steps use`, [['postgres-info', { database, app }]]);
  return w.step();
}

function addOnStep(ctx: ArtifactContext, connect: ConnectPath): Step {
  const { app, addon } = connectFills(ctx, connect);
  const plan = fill(connect.plan, '<connect-plan>', CONNECT_PLAN_ASK);
  const w = new StepWriter(ctx, 'Provision the Heroku Connect add-on');
  w.say(`One add-on connects one Heroku Postgres database to one Salesforce org ${ctx.cite.ref('connect-one-db-one-org')}${ctx.design?.salesforce?.instance ? `: here the org on instance ${code(ctx.design.salesforce.instance.value)}` : ''}.`);
  w.run('Create the add-on on the Connect app, and install the Heroku Connect CLI plugin', [
    ['connect-create', { plan, app, addon }],
    ['connect-plugin-install', {}],
  ]);
  w.check(`\`heroku addons:info\` shows the add-on with \`State: provisioned\`. \`heroku connect:info\` then adds you to the add-on's access list and shows the connection \`${displayed(addon)}\` with its state; if it prints "No connection found", open the add-on once with \`heroku addons:open\` and run it again`, [
    ['addon-info', { addon, app }],
    ['connect-info', { app, addon }],
  ]);
  return w.step();
}

function databaseSettingsStep(ctx: ArtifactContext, connect: ConnectPath): Step {
  const { app, addon } = connectFills(ctx, connect);
  const w = new StepWriter(ctx, 'Point the connection at the database');
  w.run(`Set the config var of the database (as \`heroku pg:info\` listed it) and the schema the mapped tables go to (\`salesforce\` is the plugin's own default)`, [
    ['connect-db-set', { config_var: known('DATABASE_URL'), schema: known('salesforce'), app, addon }],
  ]);
  w.check('`heroku connect:state` shows `DATABASE_URL` under Database and `salesforce` under Schema', [['connect-state', { app, addon }]]);
  return w.step();
}

function authorizeStep(ctx: ArtifactContext, connect: ConnectPath): Step {
  const { app, addon } = connectFills(ctx, connect);
  const users = pathUsers(ctx, 'heroku_connect');
  const who = users.length === 1 ? userName(...users[0]) : 'the integration user above';
  const w = new StepWriter(ctx, 'Authorize the connection to Salesforce');
  w.say(`The connection holds an OAuth authorization of one Salesforce user. Log in as ${who}, not as an administrator's own account: objects or fields missing from the mapping UI usually mean the authorizing user lacks permissions on them ${ctx.cite.ref('connect-authorizing-user-permissions')}.`);
  w.run('Start the authorization; the command opens a browser window for the Salesforce login and waits until it is done', [
    ['connect-authorize', { environment: connectEnvironment(ctx), app, addon }],
  ]);
  w.check(`\`heroku connect:state\` no longer shows \`UNAUTHORIZED\` ${ctx.cite.ref('connect-auth-states')}`, [['connect-state', { app, addon }]]);
  w.rollback(`authorized as the wrong user or org? Run the same command again and log in as ${who}: the connection passes through RECOVERY after a reauthorization ${ctx.cite.ref('connect-auth-states')}.`);
  if (!connect.api_version) {
    w.say('', `Note the Salesforce API version the connection starts on (\`heroku connect:info\`, or the dashboard): Connect does not move to newer versions by itself, and the Bulk API needs ${ctx.cite.value('connect-bulk-min-api-version')} or later. The design states no \`api_version\`.`);
  }
  return w.step();
}

function apiVersionStep(ctx: ArtifactContext, connect: ConnectPath): Step {
  const { app, addon } = connectFills(ctx, connect);
  const api = connect.api_version!;
  const version = known(api.value.toFixed(1));
  const w = new StepWriter(ctx, 'Set the Salesforce API version');
  w.say(`The design sets API version ${code(api.value.toFixed(1))} (${ctx.at(api.node)}). The Bulk API needs ${ctx.cite.value('connect-bulk-min-api-version')} or later, and Connect does not move to newer versions by itself: review the version after each Salesforce release.`);
  w.run('Compare the mappings\' fields between the current and the target version; then pause the connection (the version can only change while it is paused), change it and resume', [
    ['connect-api-version-diff', { version, app, addon }],
    ['connect-pause', { app, addon }],
    ['connect-api-version-set', { version, app, addon }],
    ['connect-resume', { app, addon }],
  ]);
  w.check('`heroku connect:info` shows the connection again in its normal state after the resume', [['connect-info', { app, addon }]]);
  w.rollback(`run \`connect:manage-sf-api-version\` again, paused, with the version the first command printed as current. While paused, database changes keep accumulating in the trigger log ${ctx.cite.ref('connect-pause-keeps-changes')}.`);
  return w.step();
}

function mappingsStep(ctx: ArtifactContext, connect: ConnectPath): Step {
  const { app, addon } = connectFills(ctx, connect);
  const mappings = connect.mappings?.items ?? [];
  const w = new StepWriter(ctx, 'Map the objects');
  if (mappings.length === 0) {
    w.ask('Which objects to map: the design lists no `mappings`.');
    return w.step();
  }
  const connectionPolling = connect.polling_interval;
  w.say(`Create one mapping per object. A mapping always syncs every record of its object; it cannot be filtered ${ctx.cite.ref('connect-full-object-sync')}.`, '');
  w.say(table(['Object', 'Mode', 'Rows', 'Polling', 'Accelerated polling', 'Stated at'], mappings.map((m) => [
    m.object ? code(m.object.value) : 'not stated',
    m.mode?.value ?? 'read-only (default)',
    m.rows ? formatCount(m.rows.value) : 'not stated',
    m.polling_interval ? describeSpan(m.polling_interval.value) : connectionPolling ? `${describeSpan(connectionPolling.value)} (connection)` : 'not stated',
    m.accelerated_polling?.value ? 'yes' : 'no',
    ctx.at(m.$node),
  ])));
  const bullets: string[] = [];
  const rows = connectRowTotal(ctx.design!, connect);
  if (rows?.from === 'mappings') bullets.push(`Rows across all mappings: **${formatCount(rows.total)}**.`);
  const unstated = mappings.filter((m) => !m.rows).map((m) => m.object?.value).filter((x): x is string => Boolean(x));
  if (unstated.length) w.ask(`How many rows ${listWords(unstated.map(code), 'and')} will sync: the design does not say, so the row allocation cannot be checked.`);
  const objects = mappedObjects(connect);
  if (objects.some((o) => o === 'KnowledgeArticleVersion' || /__kav$/i.test(o))) bullets.push(`**KnowledgeArticleVersion and \`*__kav\` objects cannot be mapped** ${ctx.cite.ref('connect-unmappable-objects')}.`);
  const backlog = objects.filter((o) => o === 'LeadHistory' || o === 'Attachment');
  if (backlog.length) bullets.push(`${listWords(backlog.map(code), 'and')}: cannot be retrieved when changes to more than ${ctx.cite.value('connect-unretrievable-backlog')} wait to sync; keep the backlog below that.`);
  const readWrite = mappings.filter((m) => m.mode?.value === 'read-write').map((m) => m.object?.value).filter((x): x is string => Boolean(x));
  if (readWrite.length) bullets.push(`Read-write mappings (${listWords(readWrite.map(code), 'and')}) write through one trigger log per add-on, processed by a single process; TRUNCATE is not captured and strict write ordering is not guaranteed ${ctx.cite.ref('connect-trigger-log-semantics')}. Writes are picked up every ${ctx.cite.value('connect-write-poll-interval')} unless a change notification comes sooner.`);
  const accelerated = mappings.filter((m) => m.accelerated_polling?.value);
  if (accelerated.length) {
    const m = ctx.analysis.measurements.find((x) => x.id === 'connect-pushtopics');
    bullets.push(`Accelerated polling uses a Streaming API PushTopic per mapping${m ? `: ${formatAmount(m.value, m.unit)} of the org's ${formatAmount(m.limit, m.unit)} ${ctx.cite.ref(m.fact)}` : ''}.`);
  }
  if (bullets.length) w.say('', ...bullets.map((b) => `- ${b}`));
  w.say('', 'The design does not list the fields to map, so the mappings are created in the Connect dashboard, where the fields Connect needs are preselected.');
  w.run('Open the Heroku Connect dashboard', [['addon-open', { addon, app }]]);
  w.ui('Create each mapping there, with the mode and polling of the table above and the fields your app uses', 'connect-mappings');
  w.say('', `If a connection already has these mappings (a staging app, or the same app before a sandbox refresh), import its export instead of creating them by hand ${ctx.cite.ref('connect-config-export')}:`);
  w.run('Import the export file', [['connect-import', { file: exportFile(app, addon), app, addon }]]);
  w.run('Then export the configuration and keep the file with the design: it recreates these mappings on another connection, with the indexes Connect created. The file is written to the current folder', [
    ['connect-export', { app, addon }],
  ]);
  const objectsFill: Fill[] = mappings.flatMap((m) => (m.object ? [known(m.object.value)] : []));
  w.check('`heroku connect:info` lists every mapping with its state, and `connect:mapping:state` prints one mapping\'s state', [
    ['connect-info', { app, addon }],
    ...objectsFill.map((object) => ['connect-mapping-state', { object, app, addon }] as const),
  ]);
  return w.step();
}

function connectRotation(ctx: ArtifactContext, connect: ConnectPath): Step {
  const { app, addon } = connectFills(ctx, connect);
  return rotationStep(ctx, 'heroku_connect', 'the OAuth authorization Heroku Connect holds for the integration user (granted in the browser by `connect:sf:auth`)', (w) => {
    w.run('Reauthorize as the same user, as in “Authorize the connection to Salesforce”', [['connect-authorize', { environment: connectEnvironment(ctx), app, addon }]]);
    w.check(`\`heroku connect:state\` does not show \`UNAUTHORIZED\` ("SF Auth Failed": the Salesforce authorization expired); after a reauthorization the connection passes through RECOVERY ${ctx.cite.ref('connect-auth-states')}`, [['connect-state', { app, addon }]]);
    w.rollback('logged in as another user? Run the command again as the integration user: the connection follows the last authorization.');
  });
}

function sandboxStep(ctx: ArtifactContext, connect: ConnectPath): Step {
  const { app, addon } = connectFills(ctx, connect);
  const org = sandboxOrg(ctx);
  const refresh = connect.sandbox_refresh;
  const w = new StepWriter(ctx, 'After a sandbox refresh');
  if (!org.sandbox) {
    w.say(`Not applicable: the org is not a sandbox (${org.because}).${refresh?.value === 'recreate-connection' ? ` The design still states \`sandbox_refresh: recreate-connection\` (${ctx.at(refresh.node)}).` : ''}`);
    return w.step();
  }
  if (refresh?.value === 'recreate-connection') {
    w.say(`The org is a sandbox (${org.because}) and the design plans to recreate the connection after each refresh (${ctx.at(refresh.node)}).`);
  } else if (refresh?.value === 'not-applicable') {
    w.say(`**The design says \`sandbox_refresh: not-applicable\` (${ctx.at(refresh.node)}), but the org is a sandbox** (${org.because}). A refreshed sandbox needs its connection recreated.`);
  } else {
    w.ask(`What happens to the connection when the sandbox is refreshed: the org is a sandbox (${org.because}) and the design states no \`sandbox_refresh\`. Heroku's procedure is listed here.`);
  }
  w.run(`1. Before the refresh, export the Connect configuration ${ctx.cite.ref('connect-config-export')}`, [['connect-export', { app, addon }]]);
  w.run(`2. After the refresh, recreate the connection: Heroku documents "Recreating a Connection After a Sandbox Refresh" ${ctx.cite.ref('connect-sandbox-refresh')}. Authorize it against the refreshed sandbox as the integration user`, [['connect-authorize', { environment: known('sandbox'), app, addon }]]);
  w.run(`3. Import the configuration exported in 1. Indexes created through Connect come back; indexes created directly in PostgreSQL do not, so recreate those ${ctx.cite.ref('connect-config-export')}`, [
    ['connect-import', { file: exportFile(app, addon), app, addon }],
  ]);
  w.check('`heroku connect:info` lists the mappings again, each with its state', [['connect-info', { app, addon }]]);
  w.rollback('keep the exported file until every mapping syncs again: it is the configuration as it was before the refresh.');
  return w.step();
}

function retentionStep(ctx: ArtifactContext, connect: ConnectPath): Step {
  const tier = planOf(connect);
  const retention = retentionFact(tier);
  const objective = connect.recovery_objective;
  const lines: string[] = [];
  const w = new StepWriter(ctx, 'Match trigger-log retention to the recovery objective');
  const mappings = connect.mappings?.items ?? [];
  const readWrite = mappings.some((m) => m.mode?.value === 'read-write');
  lines.push(`On the ${tier} plan${connect.plan ? '' : ' (the default)'} the trigger log is archived for ${ctx.cite.value(retention)}: that is how far back Postgres → Salesforce writes can be looked up and replayed.`);
  if (mappings.length > 0 && !readWrite) {
    lines.push('', 'All mappings are read-only, so nothing is written from Postgres to Salesforce and the trigger log stays empty.');
  }
  if (objective) {
    const keeps = factMilliseconds(retention);
    if (objective.value <= keeps) {
      lines.push('', `The design's recovery objective of **${describeSpan(objective.value)}** (${ctx.at(objective.node)}) fits within the archive.`);
    } else {
      lines.push('', `**The design's recovery objective of ${describeSpan(objective.value)} (${ctx.at(objective.node)}) is longer than the ${ctx.cite.value(retention)} the archive keeps.** Writes older than that cannot be replayed from Connect.`);
      w.ask(`How writes older than ${describeSpan(keeps)} are recovered to meet a recovery objective of ${describeSpan(objective.value)}: shorten the objective${tier === 'demo' ? `, move to a paid plan (archive kept ${ctx.cite.value('connect-paid-trigger-log-retention')})` : ''}, or keep them recoverable outside Connect.`);
    }
  } else if (readWrite || mappings.length === 0) {
    w.ask(`The recovery objective: how far back Postgres → Salesforce writes must be replayable. The design states no \`recovery_objective\`; the archive keeps ${ctx.cite.value(retention)}.`);
  }
  return { ...w.say(...lines).step() };
}

/** What to watch on Connect: maintenance, connection states, how close the limits are, and the commands that show them. */
export function connectMonitoring(ctx: ArtifactContext, connect: ConnectPath): StepBody {
  const { app, addon } = connectFills(ctx, connect);
  const tier = planOf(connect);
  const w = new StepWriter(ctx, 'Heroku Connect');
  w.say(
    `- **Maintenance:** Heroku announces Connect maintenance about two weeks ahead and it cannot be rescheduled; it typically takes up to ${ctx.cite.value('connect-maintenance-duration')}, during which sync and configuration are unavailable but changes are retained. Plan deployments and data loads around the announced windows.`,
    '- **Alert on these connection states:**',
    `  - TOO_MANY_ROWS ("Overlimit"): over the licensed rows; sync stops until the license is larger ${ctx.cite.ref('connect-too-many-rows-state')}.`,
    `  - UNAUTHORIZED ("SF Auth Failed"): the Salesforce authorization expired; reauthorize as the integration user. RECOVERY ("Re-enabling") follows a reauthorization ${ctx.cite.ref('connect-auth-states')}.`,
  );
  if (tier === 'demo') {
    w.say(`  - Demo inactivity: after ${ctx.cite.value('connect-demo-inactive-hourly')} without new Salesforce data mappings poll hourly, after ${ctx.cite.value('connect-demo-inactive-daily')} daily, and after ${ctx.cite.value('connect-demo-inactive-paused')} the connection is paused; an ICED connection needs a support ticket.`);
  }
  w.say(...measurementLines(ctx, 'connect-'));
  w.run('The connection\'s state, the write errors of the last 24 hours, Connect\'s log lines, and the plugin\'s diagnosis', [
    ['connect-state', { app, addon }],
    ['connect-write-errors', { app, addon }],
    ['connect-logs', { app }],
    ['connect-diagnose', { app, addon }],
  ]);
  const step = w.step();
  return { lines: step.lines, open: step.open };
}

/** Rollback and recovery for Connect, from what Heroku documents, with the commands. */
export function connectRecovery(ctx: ArtifactContext, connect: ConnectPath): StepBody {
  const { app, addon } = connectFills(ctx, connect);
  const tier = planOf(connect);
  const w = new StepWriter(ctx, 'Heroku Connect');
  w.run(`**Stop sync without losing writes:** pause the connection (possible only from the IDLE state). While paused, database changes keep accumulating in the trigger log and Salesforce polling stops ${ctx.cite.ref('connect-pause-keeps-changes')}`, [['connect-pause', { app, addon }]]);
  w.rollback('resume it; the changes the trigger log kept are then written', [['connect-resume', { app, addon }]]);
  w.run(`**Keep the configuration restorable:** export the Connect configuration after every mapping change and keep it with the design; importing it restores the mappings and the indexes Connect created, not indexes created directly in PostgreSQL ${ctx.cite.ref('connect-config-export')}`, [['connect-export', { app, addon }]]);
  const objects = mappedObjects(connect);
  if (objects.length) {
    w.run(`**Reload a mapping's data from Salesforce** when its table is wrong: the reload reads every record of the object again, so it costs Salesforce API calls and takes as long as the first load; writes waiting in the trigger log are not part of it`, [['connect-mapping-reload', { object: known(objects[0]), app, addon }]]);
    w.rollback('a reload cannot be undone; if it fails, `connect:mapping:state` shows the mapping\'s state, and the reload can be started again', [['connect-mapping-state', { object: known(objects[0]), app, addon }]]);
  }
  w.say('', `- **Replay window:** Postgres → Salesforce writes can be looked up in the trigger-log archive for ${ctx.cite.value(retentionFact(tier))}. Do not clear a mapped table with TRUNCATE: it is not captured, so nothing is deleted in Salesforce ${ctx.cite.ref('connect-trigger-log-semantics')}.`);
  w.say(`- **Over the row allocation (TOO_MANY_ROWS):** the fix is a larger license ${ctx.cite.ref('connect-too-many-rows-state')}, or fewer mapped objects.`);
  if (tier === 'demo') w.say(`- **An ICED demo connection** (paused after ${ctx.cite.value('connect-demo-inactive-paused')} without activity) needs a support ticket to re-enable.`);
  const step = w.step();
  return { lines: step.lines, open: step.open };
}
