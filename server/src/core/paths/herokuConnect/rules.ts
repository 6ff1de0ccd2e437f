import { fact, factMilliseconds, factValue, formatFactValue, ruleOfThumbNote, type FactId } from '../../knowledge/facts';
import { describeDuration, formatCount, formatDuration } from '../../format/quantities';
import { integrationUsers, type ConnectPath, type Design } from '../../model/design';
import type { ModelNode } from '../../model/node';
import type { TextRange } from '../../text';
import { connectRowTotal, describeRowCount, describeRowTotal, mappingLabel, type RowTotal } from './rows';
import { acceleratedMappings, connectPollingIntervals, minimumPollingFact, pushTopicAllocation, type ConnectPlan, type StatedInterval } from './measures';
import { replaceValue } from '../../yamlEdit/scalar';
import { insertKey, setKey } from '../../yamlEdit/keys';
import { appendListItem } from '../../yamlEdit/lists';
import { fix, type RelatedLocation } from '../../findings';
import type { Rule } from '../../rule';

/** "10,000 rows", "10 minutes": a fact's number with its unit. */
const say = (id: FactId): string => formatFactValue(fact(id));

/** "Heroku Connect launch post (30 Jul 2014)": where the paid polling range comes from. */
const POLLING_RANGE_SOURCE = ((source) => `${source.title} (${source.version})`)(fact('connect-paid-min-polling').sourceRef);

const isPaid = (plan: ConnectPlan | undefined): boolean => plan === 'enterprise' || plan === 'shield';

/** The paid plan a design should move to: shield for regulated data, else enterprise. */
function paidPlanFor(design: Design): ConnectPlan {
  return design.requirements?.regulated_data?.value ? 'shield' : 'enterprise';
}

/** A section's key (e.g. `heroku_connect`), or its value when it has none. */
const keyOf = (node: ModelNode): TextRange => node.keyRange ?? node.range;

/** True when the key is written but its value was invalid (schema validation already reported it). */
const writtenButInvalid = (connect: ConnectPath, key: string, field: unknown): boolean => field === undefined && connect.$node.entries.has(key);

const rowsRelated = (rows: RowTotal): RelatedLocation[] => rows.parts.map((p) => ({ range: p.node.range, message: describeRowCount(p) }));

const TOO_MANY_ROWS = 'the connection goes to TOO_MANY_ROWS ("Overlimit" in the dashboard)';

const PLAN_RULES: readonly Rule[] = [
  {
    id: 'connect-demo-row-limit',
    title: 'Demo plan row cap exceeded',
    category: 'connect',
    defaultSeverity: 'error',
    rationale: 'The demo plan syncs a fixed number of rows counted across all mappings. Past it, sync stops (the connection goes to TOO_MANY_ROWS) and nothing in the app says so.',
    facts: ['connect-demo-max-rows', 'connect-too-many-rows-state', 'connect-full-object-sync'],
    fix: 'Change the plan to enterprise (rows per contract), or shield for regulated data.',
    check({ design, model, report }) {
      const connect = design.paths?.heroku_connect;
      const plan = connect?.plan;
      if (plan?.value !== 'demo') return;
      const rows = connectRowTotal(design, connect);
      if (!rows || rows.total <= factValue('connect-demo-max-rows')) return;
      const paid = paidPlanFor(design);
      report({
        range: plan.node.range,
        message: `The demo plan syncs at most ${say('connect-demo-max-rows')} across all mappings; this design ${describeRowTotal(rows)}. Past the cap ${TOO_MANY_ROWS} and sync stops. Use the ${paid} plan (rows per contract) for this volume.`,
        related: rowsRelated(rows),
        fix: fix(`Change the plan to ${paid}`, replaceValue(model, plan.node, paid)),
      });
    },
  },
  {
    id: 'connect-demo-polling-interval',
    title: 'Polling interval below the demo minimum',
    category: 'connect',
    defaultSeverity: 'warning',
    rationale: 'The demo plan cannot poll Salesforce more often than its minimum interval, so a shorter interval in the design overstates how fresh the Postgres copy is.',
    facts: ['connect-demo-min-polling'],
    fix: 'Set the interval to the demo minimum.',
    check({ design, model, report }) {
      const connect = design.paths?.heroku_connect;
      const plan = connect?.plan;
      if (!connect || plan?.value !== 'demo') return;
      const minimum = factMilliseconds('connect-demo-min-polling');
      const minimumText = formatDuration(minimum);
      for (const interval of connectPollingIntervals(connect)) {
        if (interval.ms >= minimum) continue;
        report({
          range: interval.node.range,
          message: `On the demo plan Connect polls Salesforce no more often than every ${say('connect-demo-min-polling')}; ${interval.label} asks for ${describeDuration(interval.ms)}. Changes will arrive later than this design assumes. Set ${minimumText}, or move to a paid plan for shorter intervals.`,
          related: [{ range: plan.node.range, message: 'The demo plan is chosen here' }],
          fix: fix(`Set the interval to ${minimumText}`, replaceValue(model, interval.node, minimumText)),
        });
      }
    },
  },
  {
    id: 'connect-demo-in-production',
    title: 'Demo plan in production',
    category: 'connect',
    defaultSeverity: 'error',
    rationale: 'The demo plan is for proofs of concept: a row cap, a long minimum polling interval, a short trigger-log archive and throttling when idle. A production design needs a paid plan.',
    facts: ['connect-plans', 'connect-demo-max-rows', 'connect-demo-min-polling', 'connect-demo-trigger-log-retention', 'connect-demo-inactive-paused'],
    fix: 'Change the plan to enterprise (shield for regulated data).',
    check({ design, model, report }) {
      const plan = design.paths?.heroku_connect?.plan;
      const environment = design.environment;
      if (plan?.value !== 'demo' || environment?.value !== 'production') return;
      const paid = paidPlanFor(design);
      report({
        range: plan.node.range,
        message: `The demo plan is for proofs of concept: it syncs at most ${say('connect-demo-max-rows')}, polls no more often than every ${say('connect-demo-min-polling')}, keeps the trigger-log archive for ${say('connect-demo-trigger-log-retention')} and pauses after ${say('connect-demo-inactive-paused')} without new Salesforce data. Use the ${paid} plan in production.`,
        related: [{ range: environment.node.range, message: 'The design is for production' }],
        fix: fix(`Change the plan to ${paid}`, replaceValue(model, plan.node, paid)),
      });
    },
  },
  {
    id: 'connect-plan-unstated',
    title: 'Heroku Connect plan not stated',
    category: 'connect',
    defaultSeverity: 'warning',
    rationale: 'Demo is the default plan when the add-on is provisioned, so a design that names no plan silently gets the demo limits.',
    facts: ['connect-plans', 'connect-demo-max-rows', 'connect-demo-min-polling'],
    fix: 'Add the plan the decision table recommends (enterprise when it recommends none).',
    check(context) {
      const connect = context.design.paths?.heroku_connect;
      if (!connect || connect.plan || writtenButInvalid(connect, 'plan', connect.plan)) return;
      const decision = context.decision;
      const tier = decision.planTier ?? 'enterprise';
      const why = decision.planTier ? ` The decision table recommends ${tier}. ${decision.planReason ?? ''}`.trimEnd() : '';
      context.report({
        range: keyOf(connect.$node),
        message: `No Heroku Connect plan is stated, and demo is the default when the add-on is provisioned: at most ${say('connect-demo-max-rows')} and polling no more often than every ${say('connect-demo-min-polling')}. State the plan.${why}`,
        fix: fix(`Add 'plan: ${tier}'`, insertKey(context.model, connect.$node, 'plan', tier)),
      });
    },
  },
  {
    id: 'connect-contracted-rows-exceeded',
    title: 'Rows exceed the contracted rows',
    category: 'connect',
    defaultSeverity: 'error',
    rationale: 'Enterprise and shield rows are allocated by contract and counted across all mappings. Over the allocation the connection goes to TOO_MANY_ROWS ("Overlimit") and the fix is a larger license.',
    facts: ['connect-paid-rows-per-contract', 'connect-too-many-rows-state', 'connect-full-object-sync'],
    check({ design, report }) {
      const connect = design.paths?.heroku_connect;
      const contracted = connect?.contracted_rows;
      if (!connect || !isPaid(connect.plan?.value) || !contracted) return;
      const rows = connectRowTotal(design, connect);
      if (!rows || rows.total <= contracted.value) return;
      report({
        range: contracted.node.range,
        message: `The contract allows ${formatCount(contracted.value)} rows, counted across all mappings; this design ${describeRowTotal(rows)}. Over the licensed rows ${TOO_MANY_ROWS}, and the fix is a larger license. Agree a larger allocation with Salesforce before go-live, or map fewer objects (a mapping always syncs its whole object).`,
        related: rowsRelated(rows),
      });
    },
  },
  {
    id: 'connect-contracted-rows-missing',
    title: 'Contracted rows not stated',
    category: 'connect',
    defaultSeverity: 'warning',
    rationale: 'Paid plans are not unlimited: rows are allocated by contract. Without the contracted number, nothing can warn before the connection goes over it.',
    facts: ['connect-paid-rows-per-contract', 'connect-too-many-rows-state'],
    check({ design, report }) {
      const connect = design.paths?.heroku_connect;
      const plan = connect?.plan;
      if (!connect || !plan || !isPaid(plan.value) || connect.contracted_rows || writtenButInvalid(connect, 'contracted_rows', connect.contracted_rows)) return;
      const rows = connectRowTotal(design, connect);
      report({
        range: plan.node.range,
        message: `On the ${plan.value} plan rows are allocated by contract and counted across all mappings; they are not unlimited.${rows ? ` This design ${describeRowTotal(rows)}.` : ''} State contracted_rows from your Heroku Connect contract so the rows can be checked against it: over it ${TOO_MANY_ROWS}.`,
        related: rows ? rowsRelated(rows) : undefined,
      });
    },
  },
  {
    id: 'connect-paid-polling-range',
    title: 'Polling interval outside the documented paid range',
    category: 'connect',
    defaultSeverity: 'warning',
    rationale: `The ${POLLING_RANGE_SOURCE} made polling configurable per object within a fixed range. No current official page gives a paid-plan minimum or maximum, so the range is a historical rule of thumb: an interval outside it may not be available.`,
    facts: ['connect-paid-min-polling', 'connect-paid-max-polling'],
    fix: 'Set the interval to the nearest end of the documented range.',
    check({ design, model, report }) {
      const connect = design.paths?.heroku_connect;
      const plan = connect?.plan;
      if (!connect || !plan || !isPaid(plan.value)) return;
      const minimum = factMilliseconds('connect-paid-min-polling');
      const maximum = factMilliseconds('connect-paid-max-polling');
      const range = `${say('connect-paid-min-polling')} to ${say('connect-paid-max-polling')}`;
      for (const interval of connectPollingIntervals(connect)) {
        if (interval.ms >= minimum && interval.ms <= maximum) continue;
        const below = interval.ms < minimum;
        const target = formatDuration(below ? minimum : maximum);
        report({
          range: interval.node.range,
          message: `${interval.label[0].toUpperCase()}${interval.label.slice(1)} polls every ${describeDuration(interval.ms)}, ${below ? 'below' : 'above'} the ${range} range. That range is from the ${POLLING_RANGE_SOURCE}; no current official ${below ? 'minimum' : 'maximum'} was found, so check what your Connect dashboard allows${below ? ', and use accelerated polling for near-real-time reads' : ''}.${ruleOfThumbNote(below ? 'connect-paid-min-polling' : 'connect-paid-max-polling')}`,
          related: [{ range: plan.node.range, message: `The ${plan.value} plan is chosen here` }],
          fix: fix(`Set the interval to ${target}`, replaceValue(model, interval.node, target)),
        });
      }
    },
  },
  {
    id: 'connect-demo-inactivity',
    title: 'Demo connections are throttled when idle',
    category: 'connect',
    defaultSeverity: 'info',
    rationale: 'A demo connection that sees no new Salesforce data polls less and less often and is then paused; a quiet proof of concept can look broken.',
    facts: ['connect-demo-inactive-hourly', 'connect-demo-inactive-daily', 'connect-demo-inactive-paused'],
    check({ design, report }) {
      const plan = design.paths?.heroku_connect?.plan;
      if (plan?.value !== 'demo') return;
      report({
        range: plan.node.range,
        message: `Idle demo connections are throttled: after ${say('connect-demo-inactive-hourly')} without new data from Salesforce, mappings poll once an hour; after ${say('connect-demo-inactive-daily')}, once a day; after ${say('connect-demo-inactive-paused')}, the connection is paused, and an ICED connection needs a support ticket to re-enable. Paid plans are not throttled. Keep test data flowing during the proof of concept.`,
      });
    },
  },
];

const RETENTION_RULES: readonly Rule[] = [
  {
    id: 'connect-trigger-log-retention',
    title: 'Recovery objective longer than the trigger-log archive',
    category: 'connect',
    defaultSeverity: 'warning',
    rationale: 'Processed Postgres → Salesforce changes stay in the trigger-log archive only for the plan\'s retention; a recovery objective longer than that cannot be met from the archive.',
    facts: ['connect-demo-trigger-log-retention', 'connect-paid-trigger-log-retention', 'connect-trigger-log-semantics'],
    check({ design, report }) {
      const connect = design.paths?.heroku_connect;
      const objective = connect?.recovery_objective;
      if (!connect || !objective || writtenButInvalid(connect, 'plan', connect.plan)) return;
      const plan = connect.plan?.value ?? 'demo';
      const retention: FactId = plan === 'demo' ? 'connect-demo-trigger-log-retention' : 'connect-paid-trigger-log-retention';
      if (objective.value <= factMilliseconds(retention)) return;
      const paidWouldDo = plan === 'demo' && objective.value <= factMilliseconds('connect-paid-trigger-log-retention');
      report({
        range: objective.node.range,
        message: `The ${plan} plan keeps the trigger-log archive for ${say(retention)}${connect.plan ? '' : ' (no plan is stated, and demo is the default)'}; the recovery objective is ${describeDuration(objective.value)}. Writes older than the archive cannot be replayed from it. ${paidWouldDo ? `Use a paid plan (archive kept for ${say('connect-paid-trigger-log-retention')}), keep` : 'Keep'} your own copy of the changes, or shorten the recovery objective.`,
        related: connect.plan ? [{ range: connect.plan.node.range, message: `The ${plan} plan is chosen here` }] : undefined,
      });
    },
  },
  {
    id: 'connect-recovery-objective-unstated',
    title: 'Recovery objective not stated for production writes',
    category: 'connect',
    defaultSeverity: 'info',
    rationale: 'A production design that writes to Salesforce through Connect should say how far back writes must be replayable, so it can be checked against the trigger-log archive retention.',
    facts: ['connect-demo-trigger-log-retention', 'connect-paid-trigger-log-retention'],
    check({ design, report }) {
      const connect = design.paths?.heroku_connect;
      if (!connect || design.environment?.value !== 'production') return;
      if (connect.recovery_objective || writtenButInvalid(connect, 'recovery_objective', connect.recovery_objective)) return;
      const writers = (connect.mappings?.items ?? []).filter((m) => m.mode?.value === 'read-write');
      if (writers.length === 0) return;
      report({
        range: keyOf(connect.$node),
        message: `This production design writes to Salesforce through Connect (${writers.length} read-write mapping${writers.length === 1 ? '' : 's'}) but states no recovery_objective. Processed writes stay in the trigger-log archive for ${say('connect-paid-trigger-log-retention')} on paid plans (${say('connect-demo-trigger-log-retention')} on demo). State recovery_objective (how far back writes must be replayable) so it can be checked against the archive.`,
        related: writers.map((m) => ({ range: m.mode!.node.range, message: 'Read-write mapping' })),
      });
    },
  },
];

const USER_RULES: readonly Rule[] = [
  {
    id: 'connect-user-missing-view-all',
    title: 'Connect user without View All',
    category: 'connect',
    defaultSeverity: 'warning',
    rationale: 'Heroku Connect requires View All on each mapped object (or View All Data). Without it objects and fields go missing from the mapping UI.',
    facts: ['connect-view-all-required'],
    mentions: ['operation-too-large'],
    fix: 'Add view-all to the user\'s permissions.',
    check({ design, model, report }) {
      for (const [id, user] of integrationUsers(design)) {
        const permissions = user.permissions;
        if (!permissions || !user.used_by?.value.includes('heroku_connect')) continue;
        if (permissions.value.includes('view-all') || permissions.value.includes('view-all-data')) continue;
        report({
          range: keyOf(permissions.node),
          message: `Integration user '${id}' authorizes Heroku Connect but has neither view-all nor view-all-data. Heroku Connect requires View All on each mapped object (or View All Data); without it, objects and fields go missing from the mapping UI. Add view-all. Third-party error text also ties OPERATION_TOO_LARGE (queries over ${say('operation-too-large')}) to a missing View All Data${ruleOfThumbNote('operation-too-large')}`,
          fix: fix('Add view-all to permissions', appendListItem(model, permissions.node, 'view-all')),
        });
      }
    },
  },
  {
    id: 'connect-user-modify-all-tip',
    title: 'Connect user without Modify All (performance tip)',
    category: 'connect',
    defaultSeverity: 'hint',
    rationale: 'Salesforce checks sharing with an extra query unless the user has Modify All Data or the object-level Modify All Records. It is a performance recommendation, not a Heroku Connect requirement.',
    facts: ['modify-all-avoids-sharing-checks'],
    check({ design, report }) {
      for (const [id, user] of integrationUsers(design)) {
        const permissions = user.permissions;
        if (!permissions || !user.used_by?.value.includes('heroku_connect')) continue;
        if (permissions.value.includes('modify-all') || permissions.value.includes('modify-all-data')) continue;
        report({
          range: keyOf(permissions.node),
          message: `Tip: integration user '${id}' has neither modify-all nor modify-all-data, so Salesforce runs an extra sharing query when access comes through sharing rules. Modify All Records on the mapped objects avoids it. This is a performance recommendation, not a Heroku Connect requirement; weigh it against the wider access it grants.`,
        });
      }
    },
  },
];

const DATABASE_RULES: readonly Rule[] = [
  {
    id: 'connect-connection-pooling',
    title: 'Connection pooling on the Connect database',
    category: 'connect',
    defaultSeverity: 'warning',
    rationale: 'The skill document says Heroku Connect does not support connection pooling on its database. No official source confirms it, so it is a rule of thumb.',
    facts: ['connect-pooling-unsupported', 'postgres-pooling-tiers'],
    fix: 'Set connection_pooling to false.',
    check({ design, model, report }) {
      const database = design.paths?.heroku_connect?.database;
      const pooling = database?.connection_pooling;
      if (pooling?.value !== true) return;
      const essential = database?.plan?.value.toLowerCase().startsWith('essential');
      report({
        range: pooling.node.range,
        message: `Connection pooling on the Heroku Connect database is reported to break Connect; connect apps to the database directly.${essential ? ` PgBouncer is not available on Essential-tier databases ('${database!.plan!.value}') anyway.` : ''}${ruleOfThumbNote('connect-pooling-unsupported')}`,
        fix: fix('Set connection_pooling to false', replaceValue(model, pooling.node, 'false')),
      });
    },
  },
  {
    id: 'connect-postgres-fdw',
    title: 'postgres_fdw on the Connect database',
    category: 'connect',
    defaultSeverity: 'warning',
    rationale: 'The skill document says postgres_fdw is not supported with Heroku Connect. No official source confirms it, so it is a rule of thumb.',
    facts: ['connect-postgres-fdw-unsupported'],
    fix: 'Set postgres_fdw to false.',
    check({ design, model, report }) {
      const fdw = design.paths?.heroku_connect?.database?.postgres_fdw;
      if (fdw?.value !== true) return;
      report({
        range: fdw.node.range,
        message: `postgres_fdw foreign tables on the Heroku Connect database are reported as unsupported; keep Connect's tables in the database itself and reach other databases from the app.${ruleOfThumbNote('connect-postgres-fdw-unsupported')}`,
        fix: fix('Set postgres_fdw to false', replaceValue(model, fdw.node, 'false')),
      });
    },
  },
  {
    id: 'connect-shield-postgres',
    title: 'Shield Connect without Shield Postgres',
    category: 'connect',
    defaultSeverity: 'error',
    rationale: 'Heroku Shield Connect can only synchronize with Heroku Postgres databases on shield plans.',
    facts: ['connect-shield-needs-shield-postgres'],
    check({ design, report }) {
      const connect = design.paths?.heroku_connect;
      const databasePlan = connect?.database?.plan;
      if (connect?.plan?.value !== 'shield' || !databasePlan || databasePlan.value.toLowerCase().startsWith('shield')) return;
      report({
        range: databasePlan.node.range,
        message: `Heroku Shield Connect can only synchronize with Heroku Postgres databases on shield plans; '${databasePlan.value}' is not one. Use a shield Postgres plan (in a Shield Private Space), or a non-shield Connect plan if the data is not regulated.`,
        related: [{ range: connect.plan.node.range, message: 'The shield Connect plan is chosen here' }],
      });
    },
  },
  {
    id: 'connect-shield-for-regulated-data',
    title: 'Regulated data without the shield plan',
    category: 'connect',
    defaultSeverity: 'warning',
    rationale: 'Regulated data belongs in Shield Postgres, and shield is the Connect plan that syncs with Shield Postgres.',
    facts: ['shield-regulated-data', 'connect-shield-needs-shield-postgres'],
    fix: 'Change the plan to shield.',
    check({ design, model, report }) {
      const regulated = design.requirements?.regulated_data;
      const plan = design.paths?.heroku_connect?.plan;
      if (regulated?.value !== true || !plan || plan.value === 'shield') return;
      report({
        range: plan.node.range,
        message: `The design handles regulated data, but the Connect plan is ${plan.value}. Shield Postgres can store regulated data classes that Private plans cannot, and Shield Connect is the Connect plan that syncs with it. Use the shield plan, with a shield Postgres database in a Shield Private Space.`,
        related: [{ range: regulated.node.range, message: 'Regulated data is stated here' }],
        fix: fix('Change the plan to shield', replaceValue(model, plan.node, 'shield')),
      });
    },
  },
];

const SETUP_RULES: readonly Rule[] = [
  {
    id: 'connect-review-app-provisioning',
    title: 'Connect provisioned by review apps or app.json',
    category: 'connect',
    defaultSeverity: 'warning',
    rationale: 'Review and CI apps get every add-on on the partner\'s default plan (demo for Connect), whatever app.json names; and mappings still have to be set up by hand.',
    facts: ['connect-review-app-default-plan', 'connect-review-app-unsupported', 'connect-plans'],
    check({ design, report }) {
      const connect = design.paths?.heroku_connect;
      const provisioning = connect?.provisioning;
      if (!connect || !provisioning || (provisioning.value !== 'review-app' && provisioning.value !== 'app-json')) return;
      const plan = connect.plan;
      const lost = plan && plan.value !== 'demo' ? ` The ${plan.value} plan stated here would not apply.` : '';
      const related = plan ? [{ range: plan.node.range, message: `The ${plan.value} plan is stated here` }] : undefined;
      if (provisioning.value === 'review-app') {
        report({
          range: provisioning.node.range,
          message: `Review and CI apps provision add-ons on the partner's default plan, overriding the plan in app.json: for Heroku Connect that is demo (at most ${say('connect-demo-max-rows')}, polling no more often than every ${say('connect-demo-min-polling')}).${lost} Provision Connect with the CLI or dashboard for anything beyond a throwaway demo. The skill document also says review-app provisioning of Connect is not supported and mappings stay a manual step${ruleOfThumbNote('connect-review-app-unsupported')}`,
          related,
        });
        return;
      }
      report({
        range: provisioning.node.range,
        severity: 'info',
        message: `If review or CI apps use this app.json, they get the partner's default plan for Heroku Connect (demo), whatever plan app.json names.${lost} A Heroku Button app.json can create a demo instance, but the mappings still have to be configured in the Connect dashboard${ruleOfThumbNote('connect-review-app-unsupported')}`,
        related,
      });
    },
  },
  {
    id: 'connect-sandbox-refresh',
    title: 'Sandbox refresh needs the connection recreated',
    category: 'connect',
    defaultSeverity: 'warning',
    rationale: 'Each Connect add-on connects one database to one org, and Heroku documents recreating the connection after a sandbox refresh.',
    facts: ['connect-sandbox-refresh', 'connect-one-db-one-org', 'connect-config-export'],
    fix: 'Set sandbox_refresh to recreate-connection.',
    check({ design, model, report }) {
      const connect = design.paths?.heroku_connect;
      if (!connect) return;
      // The org type says which org Connect talks to; the environment stands in when it is not stated.
      const orgType = design.salesforce?.org_type;
      const environment = design.environment;
      const sandbox = orgType ? (orgType.value === 'sandbox' ? orgType : undefined) : environment?.value === 'sandbox' ? environment : undefined;
      if (!sandbox) return;
      const refresh = connect.sandbox_refresh;
      if (refresh?.value === 'recreate-connection' || writtenButInvalid(connect, 'sandbox_refresh', refresh)) return;
      report({
        range: refresh ? refresh.node.range : keyOf(connect.$node),
        message: `A refreshed sandbox needs its Heroku Connect connection recreated (Heroku documents "Recreating a Connection After a Sandbox Refresh"; each add-on connects one database to one org). ${refresh ? `sandbox_refresh is '${refresh.value}'` : 'sandbox_refresh is not stated'}: put recreating the connection in the refresh runbook (export the Connect configuration first to import it again; indexes created in PostgreSQL directly are not kept) and set sandbox_refresh: recreate-connection.`,
        related: [{ range: sandbox.node.range, message: 'The org is a sandbox' }],
        fix: fix('Set sandbox_refresh to recreate-connection', setKey(model, connect.$node, 'sandbox_refresh', 'recreate-connection')),
      });
    },
  },
  {
    id: 'connect-region-differs-from-app',
    title: 'Connect region differs from the app\'s',
    category: 'connect',
    defaultSeverity: 'warning',
    rationale: 'Heroku Connect runs in the same region as the app it is attached to, so a different Connect region in the design cannot happen and misleads latency planning.',
    facts: ['connect-same-region-as-app'],
    fix: 'Set regions.heroku_connect to the app\'s region.',
    check({ design, model, report }) {
      const connectRegion = design.regions?.heroku_connect;
      const appRegion = design.regions?.heroku_app;
      if (!connectRegion || !appRegion || connectRegion.value === appRegion.value) return;
      report({
        range: connectRegion.node.range,
        message: `Heroku Connect runs in the same region as the app it is attached to, so it will run in '${appRegion.value}', not '${connectRegion.value}'. Set regions.heroku_connect to '${appRegion.value}', or move the app if Connect must run in '${connectRegion.value}'.`,
        related: [{ range: appRegion.node.range, message: `The app runs in '${appRegion.value}'` }],
        fix: fix(`Set the Connect region to '${appRegion.value}'`, replaceValue(model, connectRegion.node, appRegion.value)),
      });
    },
  },
  {
    id: 'connect-bulk-api-version',
    title: 'API version too old for the Bulk API',
    category: 'connect',
    defaultSeverity: 'warning',
    rationale: 'Connect reads large volumes with the Bulk API, which older Salesforce API versions do not offer, and Connect never upgrades the API version by itself.',
    facts: ['connect-bulk-min-api-version', 'connect-soap-bulk-threshold'],
    check({ design, report }) {
      const version = design.paths?.heroku_connect?.api_version;
      if (!version || version.value >= factValue('connect-bulk-min-api-version')) return;
      report({
        range: version.node.range,
        message: `Connect reads with the Bulk API above ${say('connect-soap-bulk-threshold')}, and the Bulk API is not available before ${say('connect-bulk-min-api-version')}; this connection uses API v${version.node.kind === 'scalar' ? version.node.source : version.value}. Connect does not move to newer API versions by itself: update the connection to the current API version.`,
      });
    },
  },
];

const MAPPING_RULES: readonly Rule[] = [
  {
    id: 'connect-unmappable-object',
    title: 'Object Connect cannot map',
    category: 'connect',
    defaultSeverity: 'error',
    rationale: 'KnowledgeArticleVersion and knowledge article version (*__kav) objects cannot be mapped by Heroku Connect.',
    facts: ['connect-unmappable-objects'],
    check({ design, report }) {
      for (const mapping of design.paths?.heroku_connect?.mappings?.items ?? []) {
        const object = mapping.object;
        if (!object || !isUnmappable(object.value)) continue;
        report({
          range: object.node.range,
          message: `Heroku Connect cannot map ${object.value}: KnowledgeArticleVersion and *__kav objects cannot be mapped. Remove this mapping and read knowledge articles another way (for example the Salesforce REST API).`,
        });
      }
    },
  },
  {
    id: 'connect-backlog-object',
    title: 'LeadHistory or Attachment over the backlog limit',
    category: 'connect',
    defaultSeverity: 'warning',
    rationale: 'LeadHistory (no Bulk paging) and Attachment\'s Base64 body (not in the Bulk API) cannot be retrieved when too many changed records are waiting to sync.',
    facts: ['connect-unretrievable-backlog'],
    check({ design, report }) {
      const limit = factValue('connect-unretrievable-backlog');
      for (const mapping of design.paths?.heroku_connect?.mappings?.items ?? []) {
        const object = mapping.object;
        const rows = mapping.rows;
        const kind = object ? BACKLOG_OBJECTS[object.value.toLowerCase()] : undefined;
        if (!object || !rows || !kind || rows.value <= limit) continue;
        report({
          range: rows.node.range,
          message: `${kind} so Connect cannot retrieve it when more than ${say('connect-unretrievable-backlog')} of changes are waiting to sync; this mapping states ${formatCount(rows.value)} rows, so an initial load or a reload will exceed it. Keep the backlog under the limit (no reloads, no long pauses) or read ${object.value} another way.`,
          related: [{ range: object.node.range, message: `${object.value} is mapped here` }],
        });
      }
    },
  },
  {
    id: 'connect-pushtopic-limit',
    title: 'More accelerated mappings than PushTopics',
    category: 'connect',
    defaultSeverity: 'warning',
    rationale: 'Accelerated polling reads through Streaming API PushTopics, and Heroku Connect builds one per accelerated object. PushTopics are allocated per org by edition and shared with everything else in the org that uses them; that accelerated mappings count against that allocation is an inference no official page states, so this is a rule of thumb.',
    facts: ['pushtopics-per-org-performance-unlimited', 'pushtopics-per-org-enterprise', 'pushtopics-per-org-other', 'connect-accelerated-pushtopic-per-object', 'connect-accelerated-counts-pushtopic-allocations'],
    check({ design, report }) {
      const connect = design.paths?.heroku_connect;
      if (!connect) return;
      const accelerated = acceleratedMappings(connect);
      const allocation = pushTopicAllocation(design);
      if (accelerated.length <= allocation.limit) return;
      const first = accelerated[allocation.limit];
      report({
        range: first.node.range,
        message: `${accelerated.length} mappings use accelerated polling, which reads through Streaming API PushTopics (Heroku Connect builds one per accelerated object); ${allocation.editionName} orgs have at most ${say(allocation.fact)}${allocation.assumed ? ` (salesforce.edition is not stated, so ${allocation.editionName} is assumed)` : ''}, shared with every other PushTopic in the org. Counting one PushTopic per accelerated mapping, ${first.label} is the first past the allocation (an inference: no official page says accelerated mappings count against it). Turn accelerated polling off where near-real-time reads are not needed.${ruleOfThumbNote('connect-accelerated-counts-pushtopic-allocations')}`,
        related: allocation.editionNode ? [{ range: allocation.editionNode.range, message: `The org is ${allocation.editionName}` }]
          : allocation.editionElsewhere ? [{ uri: allocation.editionElsewhere.uri, range: allocation.editionElsewhere.range, message: `The org is ${allocation.editionName}` }] : undefined,
      });
    },
  },
];

/** A stated polling interval and the mappings it applies to. */
interface AppliedInterval extends StatedInterval {
  /** The mappings polling at this interval that use accelerated polling. */
  readonly accelerated: number;
}

/**
 * The intervals Connect actually polls at: each mapping's own, and the connection's when a
 * mapping has none (or there are no mappings).
 */
function appliedIntervals(connect: ConnectPath): AppliedInterval[] {
  const mappings = connect.mappings?.items ?? [];
  const out: AppliedInterval[] = [];
  const inheriting = mappings.filter((m) => !m.polling_interval);
  if (connect.polling_interval && (mappings.length === 0 || inheriting.length > 0)) {
    out.push({ ms: connect.polling_interval.value, node: connect.polling_interval.node, label: 'the connection', accelerated: inheriting.filter((m) => m.accelerated_polling?.value).length });
  }
  mappings.forEach((m, i) => {
    if (m.polling_interval) out.push({ ms: m.polling_interval.value, node: m.polling_interval.node, label: mappingLabel(m, i), accelerated: m.accelerated_polling?.value ? 1 : 0 });
  });
  return out;
}

const upperFirst = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Accelerated polling, as far as the sources go: PushTopic-based (confirmed), best effort (third-party). */
const BEST_EFFORT = (): string => `accelerated polling triggers a poll when Salesforce signals a change, but best effort: Connect keeps polling at the interval, so the interval is what the lag can count on.${ruleOfThumbNote('connect-accelerated-polling-best-effort')}`;

const LAG_RULES: readonly Rule[] = [
  {
    id: 'connect-lag-vs-polling',
    title: 'Acceptable lag shorter than Connect\'s polling',
    category: 'connect',
    defaultSeverity: 'warning',
    rationale: `Heroku Connect reads Salesforce changes by polling each mapping at its interval, so a change can wait up to the interval before it reaches Postgres. The demo plan polls no more often than every ${say('connect-demo-min-polling')}; for paid plans the only documented minimum is a 2014 figure. Accelerated polling (PushTopic notifications trigger a poll) comes closer but is best effort, and each accelerated mapping uses a PushTopic of the org's allocation.`,
    facts: ['connect-demo-min-polling', 'connect-paid-min-polling', 'connect-accelerated-polling-pushtopics', 'connect-accelerated-polling-best-effort'],
    mentions: ['connect-accelerated-pushtopic-per-object', 'connect-accelerated-counts-pushtopic-allocations'],
    fix: 'Set the polling interval to the acceptable lag, when the plan allows it.',
    check({ design, model, report }) {
      const connect = design.paths?.heroku_connect;
      const lag = design.requirements?.acceptable_lag;
      const plan = connect?.plan;
      if (!connect || !lag || !plan) return;
      const floor = minimumPollingFact(plan.value);
      const floorMs = factMilliseconds(floor);
      const planRelated = [{ range: plan.node.range, message: `The ${plan.value} plan is chosen here` }];
      if (lag.value < floorMs) {
        report({ range: lag.node.range, message: plan.value === 'demo' ? demoLagMessage(lag.value) : paidLagMessage(lag.value, acceleratedMappings(connect).length), related: planRelated });
      }
      const lagText = describeDuration(lag.value);
      for (const interval of appliedIntervals(connect)) {
        if (interval.ms <= lag.value) continue;
        const accelerated = interval.accelerated > 0 ? ` ${interval.accelerated === 1 && interval.label !== 'the connection' ? 'Its' : 'The mappings\''} ${BEST_EFFORT()}` : '';
        report({
          range: interval.node.range,
          message: `${upperFirst(interval.label)} polls Salesforce every ${describeDuration(interval.ms)}, but acceptable_lag is ${lagText}: a Salesforce change can wait up to the interval before Connect reads it. Set the interval to ${lagText} or less, or accept a longer lag.${accelerated}`,
          related: [{ range: lag.node.range, message: `acceptable_lag is ${lagText}` }],
          fix: lag.value >= floorMs ? fix(`Set the interval to ${formatDuration(lag.value)}`, replaceValue(model, interval.node, formatDuration(lag.value))) : undefined,
        });
      }
    },
  },
];

function demoLagMessage(lagMs: number): string {
  return `acceptable_lag is ${describeDuration(lagMs)}, but the demo plan polls Salesforce no more often than every ${say('connect-demo-min-polling')}: Salesforce changes can take that long to reach Postgres. Use a paid plan, or accept a lag of ${say('connect-demo-min-polling')}.`;
}

/** Under the historical paid minimum: accelerated polling and events are the ways closer, each with its caveat. */
function paidLagMessage(lagMs: number, accelerated: number): string {
  const closer = accelerated > 0
    ? `${accelerated} mapping${accelerated === 1 ? ' uses' : 's use'} accelerated polling, which can come closer but is best effort; each accelerated mapping uses a PushTopic, so it counts against the org's PushTopic allocations (an inference: no official page says so).`
    : 'Accelerated polling (PushTopic notifications trigger a poll) can come closer but is best effort.';
  return `acceptable_lag is ${describeDuration(lagMs)}, shorter than any documented Heroku Connect polling interval: the shortest is ${say('connect-paid-min-polling')}, from Heroku's 2014 launch post. ${closer} For changes that must arrive within seconds, subscribe to Platform Events or Change Data Capture.${ruleOfThumbNote('connect-paid-min-polling')}`;
}

/** Lower-cased object name → why Connect cannot retrieve a large backlog of it. */
const BACKLOG_OBJECTS: Record<string, string> = {
  leadhistory: 'LeadHistory does not support Bulk API paging,',
  attachment: 'The Bulk API does not support Attachment\'s Base64 field,',
};

function isUnmappable(object: string): boolean {
  const name = object.trim().toLowerCase();
  return name === 'knowledgearticleversion' || name.endsWith('__kav');
}

export const CONNECT_RULES: readonly Rule[] = [...PLAN_RULES, ...LAG_RULES, ...RETENTION_RULES, ...USER_RULES, ...DATABASE_RULES, ...SETUP_RULES, ...MAPPING_RULES];
