import { formatCount } from '../../format/quantities';
import { listWords } from '../../format/suggest';
import { factMilliseconds, type FactId } from '../../knowledge/facts';
import type { ConnectPath } from '../../model/design';
import { connectRowTotal } from '../../paths/herokuConnect/rows';
import type { ArtifactContext } from '../context';
import { describeSpan, formatAmount, formatPercent } from '../labels';
import { code, inlineText, richText, table } from '../markdown';
import { regionFacts } from '../regions';
import { apiEnabledNeed, integrationUserStep, pathUsers, rotationStep, sandboxOrg, userName } from './common';
import { measurementLines, usageNote } from './measures';
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
  return [user, planStep(ctx, connect), regionsStep(ctx), authorizeStep(ctx, connect), mappingsStep(ctx, connect), connectRotation(ctx), sandboxStep(ctx, connect), retentionStep(ctx, connect)];
}

function planStep(ctx: ArtifactContext, connect: ConnectPath): Step {
  const lines: string[] = [];
  const open: string[] = [];
  const plan = connect.plan;
  const decision = ctx.analysis.decision;
  if (plan) {
    lines.push(`- Provision Heroku Connect on the **${plan.value}** plan (${ctx.at(plan.node)}).${decision.planTier && decision.planTier !== plan.value ? ` **The decision table recommends ${decision.planTier}:** ${ctx.cite.annotate(richText(decision.planReason ?? ''), ['connect-demo-max-rows', 'connect-demo-min-polling'])}` : ''}`);
  } else {
    open.push(`The Heroku Connect plan: the design states none, and the add-on is provisioned on demo by default ${ctx.cite.ref('connect-plans')}.${decision.planTier ? ` The decision table recommends ${decision.planTier}.` : ''}`);
  }
  const tier = planOf(connect);
  const rows = connectRowTotal(ctx.design!, connect);
  if (tier === 'demo') {
    lines.push(`- The demo plan syncs at most ${ctx.cite.value('connect-demo-max-rows')} across all mappings${rows ? `; this design ${rows.from === 'mappings' ? 'maps' : 'states'} ${formatCount(rows.total)}${usageNote(ctx, 'connect-rows-demo-cap')}` : ''}.`);
  } else {
    const contracted = connect.contracted_rows;
    if (contracted) {
      lines.push(`- Agree the row allocation in the contract: rows are allocated by contract and counted across all mappings ${ctx.cite.ref('connect-paid-rows-per-contract')}. The design states **${formatCount(contracted.value)}** contracted rows (${ctx.at(contracted.node)})${rows ? ` for ${formatCount(rows.total)} rows ${rows.from === 'mappings' ? 'mapped' : 'stated in `requirements.volume.rows`'} (${formatPercent(rows.total / contracted.value)})` : ''}.`);
    } else {
      open.push(`The contracted row allocation: rows on the ${tier} plan are allocated by contract ${ctx.cite.ref('connect-paid-rows-per-contract')}, and the design states no \`contracted_rows\`${rows ? ` for its ${formatCount(rows.total)} rows` : ''}.`);
    }
  }
  const regulated = ctx.design?.requirements?.regulated_data;
  if (regulated?.value && tier !== 'shield') {
    lines.push(`- **The design handles regulated data** (${ctx.at(regulated.node)}) **but the plan is ${tier}.** Shield Postgres stores regulated data classes that private plans cannot ${ctx.cite.ref('shield-regulated-data')}, and Shield Connect is the plan that synchronizes with it ${ctx.cite.ref('connect-shield-needs-shield-postgres')}.`);
  } else if (tier === 'shield') {
    lines.push(`- Shield Connect synchronizes only with Heroku Postgres on a shield plan ${ctx.cite.ref('connect-shield-needs-shield-postgres')}; Shield Postgres stores regulated data classes that private plans cannot ${ctx.cite.ref('shield-regulated-data')}.`);
  }
  const db = connect.database;
  if (db?.plan) {
    const essential = /^essential/i.test(db.plan.value);
    const shieldMismatch = tier === 'shield' && !/^shield/i.test(db.plan.value);
    lines.push(`- Attach the Heroku Postgres database on plan ${code(db.plan.value)} (${ctx.at(db.plan.node)})${shieldMismatch ? ': **not a shield plan, which Shield Connect needs**' : ''}.${essential ? ` Essential-tier databases have no server-side connection pooling ${ctx.cite.ref('postgres-pooling-tiers')}.` : ''}`);
  } else {
    open.push('The Heroku Postgres plan Connect attaches to: the design states no `database.plan`.');
  }
  if (db?.connection_pooling?.value) {
    lines.push(`- **The design routes the app through a connection pooler** (${ctx.at(db.connection_pooling.node)}). The skill document says pooling is not supported on a Connect database; use direct connections ${ctx.cite.ref('connect-pooling-unsupported')}.`);
  } else {
    lines.push(`- Connect the app to the database directly, without a connection pooler: the skill document says pooling is not supported on a Connect database ${ctx.cite.ref('connect-pooling-unsupported')}.`);
  }
  if (db?.postgres_fdw?.value) {
    lines.push(`- **The design uses postgres_fdw** (${ctx.at(db.postgres_fdw.node)}), which the skill document says Connect does not support ${ctx.cite.ref('connect-postgres-fdw-unsupported')}.`);
  }
  const provisioning = connect.provisioning;
  if (provisioning && (provisioning.value === 'app-json' || provisioning.value === 'review-app')) {
    lines.push(`- **The design provisions the add-on through ${provisioning.value === 'app-json' ? '`app.json`' : 'review apps'}** (${ctx.at(provisioning.node)}): review and CI apps get the add-on's default plan whatever \`app.json\` says ${ctx.cite.ref('connect-review-app-default-plan')}, and the skill document says this provisioning is not supported for Connect ${ctx.cite.ref('connect-review-app-unsupported')}. Provision it with the CLI or the dashboard.`);
  } else if (provisioning) {
    lines.push(`- Provision it from the ${provisioning.value === 'cli' ? 'Heroku CLI' : 'Heroku dashboard'} (\`provisioning: ${provisioning.value}\`, ${ctx.at(provisioning.node)}).`);
  }
  const edition = ctx.design?.salesforce?.edition;
  lines.push(`- Confirm the Salesforce org has API access: Connect works only with editions that have it, and trials may not by default ${ctx.cite.ref('connect-needs-api-access')}${edition ? ` (the org is ${edition.value} edition, ${ctx.at(edition.node)})` : ''}.`);
  return { title: 'Procure the plan and the database', lines, open };
}

function regionsStep(ctx: ArtifactContext): Step {
  const r = ctx.design?.regions;
  const open: string[] = [];
  const missing = [
    !r?.heroku_app && 'the Heroku app', !r?.heroku_postgres && 'Heroku Postgres', !r?.salesforce && 'the Salesforce org',
  ].filter((x): x is string => Boolean(x));
  if (missing.length) open.push(`The region of ${listWords(missing, 'and')}: the design does not state it, so it cannot be pinned or checked.`);
  const lines = [
    `Create the Heroku app and its Postgres database in the regions below, and check them after provisioning: Heroku Connect runs in the region of the app it is attached to ${ctx.cite.ref('connect-same-region-as-app')}.`,
    '',
    ...regionFacts(ctx),
  ];
  const findings = ctx.findingsIn('regions');
  if (findings.length) lines.push(...findings.map((f) => `- **Line ${ctx.line(f.range)}** (\`${f.ruleId}\`): ${inlineText(f.message)}`));
  return { title: 'Pin and check the regions', lines, open };
}

function authorizeStep(ctx: ArtifactContext, connect: ConnectPath): Step {
  const users = pathUsers(ctx, 'heroku_connect');
  const lines: string[] = [];
  const who = users.length === 1 ? userName(...users[0]) : 'the integration user above';
  lines.push(`- Authorize the connection to the Salesforce org while logged in as ${who}, not as an administrator's own account: objects or fields missing from the mapping UI usually mean the authorizing user lacks permissions on them ${ctx.cite.ref('connect-authorizing-user-permissions')}.`);
  lines.push(`- One add-on connects one Heroku Postgres database to one Salesforce org ${ctx.cite.ref('connect-one-db-one-org')}${ctx.design?.salesforce?.instance ? `: here the org on instance ${code(ctx.design.salesforce.instance.value)}` : ''}.`);
  const api = connect.api_version;
  if (api) {
    lines.push(`- Set the Salesforce API version to ${code(api.value.toFixed(1))} (${ctx.at(api.node)}). The Bulk API needs ${ctx.cite.value('connect-bulk-min-api-version')} or later, and Connect does not move to newer versions by itself: review the version after each Salesforce release.`);
  } else {
    lines.push(`- Note the API version the add-on starts on: Connect does not move to newer versions by itself, and the Bulk API needs ${ctx.cite.value('connect-bulk-min-api-version')} or later. The design states no \`api_version\`.`);
  }
  return { title: 'Provision the add-on and authorize it', lines };
}

function mappingsStep(ctx: ArtifactContext, connect: ConnectPath): Step {
  const mappings = connect.mappings?.items ?? [];
  const open: string[] = [];
  const lines: string[] = [];
  if (mappings.length === 0) {
    open.push('Which objects to map: the design lists no `mappings`.');
    return { title: 'Map the objects', lines, open };
  }
  const connectionPolling = connect.polling_interval;
  lines.push(`Create one mapping per object. A mapping always syncs every record of its object; it cannot be filtered ${ctx.cite.ref('connect-full-object-sync')}.`, '');
  lines.push(table(['Object', 'Mode', 'Rows', 'Polling', 'Accelerated polling', 'Stated at'], mappings.map((m) => [
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
  if (unstated.length) open.push(`How many rows ${listWords(unstated.map(code), 'and')} will sync: the design does not say, so the row allocation cannot be checked.`);
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
  if (bullets.length) lines.push('', ...bullets.map((b) => `- ${b}`));
  return { title: 'Map the objects', lines, open };
}

function connectRotation(ctx: ArtifactContext): Step {
  return rotationStep(ctx, 'heroku_connect', ['the password'], [
    `- After each rotation, check the connection state. UNAUTHORIZED ("SF Auth Failed") means the Salesforce authorization expired: reauthorize as the same user (as in “Provision the add-on and authorize it”), and the connection passes through RECOVERY ${ctx.cite.ref('connect-auth-states')}.`,
  ]);
}

function sandboxStep(ctx: ArtifactContext, connect: ConnectPath): Step {
  const org = sandboxOrg(ctx);
  const refresh = connect.sandbox_refresh;
  const lines: string[] = [];
  const open: string[] = [];
  const procedure = [
    `1. Before the refresh, export the Connect configuration ${ctx.cite.ref('connect-config-export')}.`,
    `2. After the refresh, recreate the connection: Heroku documents "Recreating a Connection After a Sandbox Refresh" ${ctx.cite.ref('connect-sandbox-refresh')}. Authorize it as the integration user, as in “Provision the add-on and authorize it”.`,
    `3. Import the configuration. Indexes created through Connect come back; indexes created directly in PostgreSQL do not, so recreate those ${ctx.cite.ref('connect-config-export')}.`,
  ];
  if (!org.sandbox) {
    lines.push(`Not applicable: the org is not a sandbox (${org.because}).${refresh?.value === 'recreate-connection' ? ` The design still states \`sandbox_refresh: recreate-connection\` (${ctx.at(refresh.node)}).` : ''}`);
    return { title: 'After a sandbox refresh', lines };
  }
  if (refresh?.value === 'recreate-connection') {
    lines.push(`The org is a sandbox (${org.because}) and the design plans to recreate the connection after each refresh (${ctx.at(refresh.node)}):`, '', ...procedure);
  } else if (refresh?.value === 'not-applicable') {
    lines.push(`**The design says \`sandbox_refresh: not-applicable\` (${ctx.at(refresh.node)}), but the org is a sandbox** (${org.because}). A refreshed sandbox needs its connection recreated:`, '', ...procedure);
  } else {
    open.push(`What happens to the connection when the sandbox is refreshed: the org is a sandbox (${org.because}) and the design states no \`sandbox_refresh\`. Heroku's procedure is listed here.`);
    lines.push(...procedure);
  }
  return { title: 'After a sandbox refresh', lines, open };
}

function retentionStep(ctx: ArtifactContext, connect: ConnectPath): Step {
  const tier = planOf(connect);
  const retention = retentionFact(tier);
  const objective = connect.recovery_objective;
  const lines: string[] = [];
  const open: string[] = [];
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
      open.push(`How writes older than ${describeSpan(keeps)} are recovered to meet a recovery objective of ${describeSpan(objective.value)}: shorten the objective${tier === 'demo' ? `, move to a paid plan (archive kept ${ctx.cite.value('connect-paid-trigger-log-retention')})` : ''}, or keep them recoverable outside Connect.`);
    }
  } else if (readWrite || mappings.length === 0) {
    open.push(`The recovery objective: how far back Postgres → Salesforce writes must be replayable. The design states no \`recovery_objective\`; the archive keeps ${ctx.cite.value(retention)}.`);
  }
  return { title: 'Match trigger-log retention to the recovery objective', lines, open };
}

/** What to watch on Connect: maintenance, connection states, how close the limits are. */
export function connectMonitoring(ctx: ArtifactContext, connect: ConnectPath): StepBody {
  const tier = planOf(connect);
  const lines = [
    `- **Maintenance:** Heroku announces Connect maintenance about two weeks ahead and it cannot be rescheduled; it typically takes up to ${ctx.cite.value('connect-maintenance-duration')}, during which sync and configuration are unavailable but changes are retained. Plan deployments and data loads around the announced windows.`,
    '- **Alert on these connection states:**',
    `  - TOO_MANY_ROWS ("Overlimit"): over the licensed rows; sync stops until the license is larger ${ctx.cite.ref('connect-too-many-rows-state')}.`,
    `  - UNAUTHORIZED ("SF Auth Failed"): the Salesforce authorization expired; reauthorize as the integration user. RECOVERY ("Re-enabling") follows a reauthorization ${ctx.cite.ref('connect-auth-states')}.`,
  ];
  if (tier === 'demo') {
    lines.push(`  - Demo inactivity: after ${ctx.cite.value('connect-demo-inactive-hourly')} without new Salesforce data mappings poll hourly, after ${ctx.cite.value('connect-demo-inactive-daily')} daily, and after ${ctx.cite.value('connect-demo-inactive-paused')} the connection is paused; an ICED connection needs a support ticket.`);
  }
  lines.push(...measurementLines(ctx, 'connect-'));
  return { lines };
}

/** Rollback and recovery for Connect, from what Heroku documents. */
export function connectRecovery(ctx: ArtifactContext, connect: ConnectPath): StepBody {
  const tier = planOf(connect);
  const lines = [
    `1. **Stop sync without losing writes:** pause the connection (possible only from the IDLE state). While paused, database changes keep accumulating in the trigger log and Salesforce polling stops ${ctx.cite.ref('connect-pause-keeps-changes')}.`,
    `2. **Keep the configuration restorable:** export the Connect configuration after every mapping change and keep it with the design; importing it restores the mappings and the indexes Connect created, not indexes created directly in PostgreSQL ${ctx.cite.ref('connect-config-export')}.`,
    `3. **Replay window:** Postgres → Salesforce writes can be looked up in the trigger-log archive for ${ctx.cite.value(retentionFact(tier))}. Do not clear a mapped table with TRUNCATE: it is not captured, so nothing is deleted in Salesforce ${ctx.cite.ref('connect-trigger-log-semantics')}.`,
    `4. **Over the row allocation (TOO_MANY_ROWS):** the fix is a larger license ${ctx.cite.ref('connect-too-many-rows-state')}, or fewer mapped objects.`,
  ];
  if (tier === 'demo') lines.push(`5. **An ICED demo connection** (paused after ${ctx.cite.value('connect-demo-inactive-paused')} without activity) needs a support ticket to re-enable.`);
  return { lines };
}

