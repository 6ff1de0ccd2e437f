import { SOURCES, type Source, type SourceId } from './sources';
import { formatNumber } from '../format/numbers';

/** Units a limit is stated in. Durations are converted with `factMilliseconds`. */
export type Unit =
  | 'rows' | 'records' | 'milliseconds' | 'seconds' | 'minutes' | 'hours' | 'days'
  | 'callouts' | 'requests per hour' | 'requests' | 'events per 24 hours' | 'events per hour'
  | 'PushTopics' | 'clients' | 'approvals' | 'API version' | 'percent' | 'MB' | 'calls per day' | 'times'
  | 'requests per 24 hours' | 'requests per license per 24 hours' | 'external record IDs per hour';

export interface FactData {
  readonly title: string;
  /** The number as the source states it, in `unit`. Qualitative facts have none. */
  readonly value?: number;
  readonly unit?: Unit;
  /** One sentence saying what the source says. */
  readonly statement: string;
  readonly source: SourceId;
  /** True only when a current official Heroku or Salesforce page states it. */
  readonly confirmed: boolean;
  /**
   * Stated by an official page that is dated and may no longer hold (a 2014 launch post): such a
   * fact is not confirmed, and its rule-of-thumb note says where the figure comes from.
   */
  readonly historical?: boolean;
  /** Caveats: stale page, historical figure, where it was read. */
  readonly note?: string;
  /** When this fact was checked against its source, if not when the source itself was (YYYY-MM-DD). */
  readonly checked?: string;
}

export interface Fact extends FactData {
  readonly id: FactId;
  readonly sourceRef: Source;
  /** When the fact was last checked against its source: its own date, else its source's (YYYY-MM-DD). */
  readonly checked: string;
}

/**
 * The knowledge base: every limit the rules, hovers, decision engine and artifacts use.
 * A number appears here and nowhere else in the product.
 */
const FACT_DATA = {
  // Heroku Connect plans
  'connect-plans': {
    title: 'Heroku Connect plans', statement: 'Heroku Connect has three plans, demo, enterprise and shield; demo is the default when the add-on is provisioned.',
    source: 'herokuConnect', confirmed: true,
    note: 'Read on the 09 Nov 2020 version; the plans section of the newer (Jul 2024) version could not be read.',
  },
  'connect-demo-max-rows': {
    title: 'Demo plan row cap', value: 10_000, unit: 'rows', source: 'herokuConnect', confirmed: true,
    statement: 'The demo plan synchronizes at most 10,000 rows, counted across all mappings.',
    note: 'Read on the 09 Nov 2020 version of the article.',
  },
  'connect-demo-min-polling': {
    title: 'Demo plan minimum polling interval', value: 10, unit: 'minutes', source: 'herokuConnect', confirmed: true,
    statement: 'On the demo plan the Salesforce polling interval cannot be shorter than 10 minutes.',
  },
  'connect-demo-trigger-log-retention': {
    title: 'Demo plan trigger-log archive retention', value: 7, unit: 'days', source: 'herokuConnect', confirmed: true,
    statement: 'On the demo plan the trigger log is archived (_trigger_log_archive) for 7 days instead of 31.',
  },
  'connect-paid-trigger-log-retention': {
    title: 'Paid plan trigger-log archive retention', value: 31, unit: 'days', source: 'herokuConnect', confirmed: true,
    statement: 'On the enterprise and shield plans the trigger log is archived for 31 days.',
  },
  'connect-paid-rows-per-contract': {
    title: 'Paid plan rows are contractual', source: 'herokuConnect', confirmed: true,
    statement: 'Enterprise and shield rows are allocated by contract and counted across all mappings; they are not unlimited.',
  },
  'connect-too-many-rows-state': {
    title: 'Over the licensed rows', source: 'connectionStates', confirmed: true,
    statement: 'Exceeding the licensed rows puts the connection in TOO_MANY_ROWS ("Overlimit"); the fix is a larger license.',
  },
  'connect-paid-min-polling': {
    title: 'Paid plan polling range (minimum, historical)', value: 2, unit: 'minutes', source: 'connectLaunchBlog', confirmed: false, historical: true,
    statement: 'In 2014 Heroku made the polling interval configurable per object from 2 to 60 minutes.',
    note: 'Historical: no current official paid-plan minimum was found. Third-party sources say paid plans poll every two minutes; the official CLI\'s default interval (600 seconds) is a default, not a minimum.',
  },
  'connect-paid-max-polling': {
    title: 'Paid plan polling range (maximum, historical)', value: 60, unit: 'minutes', source: 'connectLaunchBlog', confirmed: false, historical: true,
    statement: 'In 2014 Heroku made the polling interval configurable per object from 2 to 60 minutes.',
    note: 'Historical: no current official figure was found.',
  },
  'connect-polling-config-keys': {
    title: 'Polling settings of a mapping', source: 'connectCliPlugin', confirmed: true,
    statement: 'A mapping\'s configuration holds its polling interval as sf_polling_seconds and accelerated polling as sf_notify_enabled (the official CLI\'s removed mapping command defaulted to 600 seconds).',
  },
  'connect-accelerated-polling-pushtopics': {
    title: 'Accelerated polling uses PushTopics', source: 'readingData', confirmed: true,
    statement: 'Heroku Connect uses the Streaming API to consume PushTopic notifications for mappings that use accelerated polling.',
  },
  'connect-accelerated-pushtopic-per-object': {
    title: 'One PushTopic per synchronized object', source: 'herokuStreamingBlog', confirmed: true,
    statement: 'Heroku Connect builds a PushTopic automatically for each Salesforce object it synchronizes with accelerated polling (named hconnect_<object>).',
    note: 'From a Heroku engineering post; its date is not shown.',
  },
  'connect-accelerated-counts-pushtopic-allocations': {
    title: 'Accelerated polling counts against PushTopic allocations', source: 'herokuStreamingBlog', confirmed: false,
    statement: 'Because each accelerated mapping uses a PushTopic, it counts against the org\'s PushTopic allocations (topics per org and deliveries per 24 hours), shared with every other PushTopic client.',
    note: 'An inference from the one-PushTopic-per-object design; no official Heroku sentence states it.',
  },
  'connect-accelerated-polling-best-effort': {
    title: 'Accelerated polling is best effort', source: 'acceleratedPollingPost', confirmed: false,
    statement: 'Accelerated polling triggers a poll when Salesforce signals a change, on a best-effort basis; Connect keeps polling at the set interval as well.',
    note: 'Seen only in third-party material; the official accelerated-polling section could not be read.',
  },
  'connect-shield-needs-shield-postgres': {
    title: 'Shield Connect needs Shield Postgres', source: 'herokuConnect', confirmed: true,
    statement: 'Heroku Shield Connect can only synchronize data with Heroku Postgres databases on shield plans.',
  },
  'shield-regulated-data': {
    title: 'Shield for regulated data', source: 'shieldPrivateSpace', confirmed: true,
    statement: 'Shield Private Spaces allow the shield Heroku Connect plan and shield Heroku Postgres plans; Shield Postgres can store regulated data classes that private plans cannot.',
  },
  'connect-demo-inactive-hourly': {
    title: 'Demo inactivity: hourly polling after', value: 7, unit: 'days', source: 'connectInactive', confirmed: true,
    statement: 'After 7 days without new data from Salesforce, demo mappings poll only once an hour.',
  },
  'connect-demo-inactive-daily': {
    title: 'Demo inactivity: daily polling after', value: 14, unit: 'days', source: 'connectInactive', confirmed: true,
    statement: 'After 14 days without new data from Salesforce, demo mappings poll only once a day.',
  },
  'connect-demo-inactive-paused': {
    title: 'Demo inactivity: paused after', value: 31, unit: 'days', source: 'connectInactive', confirmed: true,
    statement: 'After 31 days without new data from Salesforce, a demo connection is paused; an ICED connection needs a support ticket.',
  },
  'connect-full-object-sync': {
    title: 'Mappings sync whole objects', source: 'mappingOptions', confirmed: true,
    statement: 'A mapping always syncs all records of its object; partial or filtered sync is not possible.',
  },
  'connect-soap-bulk-threshold': {
    title: 'SOAP to Bulk API threshold (reads)', value: 10_000, unit: 'records', source: 'readingData', confirmed: true,
    statement: 'Connect reads with the SOAP API up to 10,000 records and with the Bulk API above that; its SOAP calls do not count toward API request limits.',
  },
  'connect-bulk-min-api-version': {
    title: 'Minimum Salesforce API version for Bulk', value: 39, unit: 'API version', source: 'connectGettingStarted', confirmed: true,
    statement: 'The Bulk API is not available before Salesforce API v39; Connect does not move to newer API versions by itself.',
  },
  'connect-unretrievable-backlog': {
    title: 'Backlog limit for LeadHistory and Attachment', value: 20_000, unit: 'records', source: 'mappingOptions', confirmed: true,
    statement: 'LeadHistory and the Base64 field of Attachment cannot be retrieved when more than 20,000 changed records are waiting to sync.',
  },
  'connect-unmappable-objects': {
    title: 'Objects Connect cannot map', source: 'mappingOptions', confirmed: true,
    statement: 'KnowledgeArticleVersion and *__kav objects cannot be mapped.',
  },
  'connect-write-poll-interval': {
    title: 'Postgres change polling', value: 2, unit: 'minutes', source: 'writingData', confirmed: true,
    statement: 'Connect polls Postgres for changes every 2 minutes unless a pg_notify trigger signals one (at most every 10 seconds); writes run serially across all mappings.',
  },
  'connect-trigger-log-semantics': {
    title: 'Trigger log semantics', source: 'triggerLog', confirmed: true,
    statement: 'One _trigger_log per add-on is processed by a single process; TRUNCATE is not captured and strict write ordering is not guaranteed.',
  },
  'connect-one-db-one-org': {
    title: 'One database and one org per add-on', source: 'managingConnections', confirmed: true,
    statement: 'Each Heroku Connect add-on connects one Heroku Postgres database to one Salesforce org.',
  },
  'connect-two-addons-one-database': {
    title: 'Two Connect add-ons on one database and org', source: 'managingConnections', confirmed: false,
    statement: 'Each Heroku Connect add-on connects one database to one org, so two add-ons connecting the same org to the same database are two connections doing one job: they sync the same records twice and write back through two trigger logs.',
    note: 'An inference from the one-database-one-org design; no page we could read describes two connections sharing a database.',
  },
  'connect-sandbox-refresh': {
    title: 'Sandbox refresh recreates the connection', source: 'managingConnections', confirmed: true,
    statement: 'Heroku documents "Recreating a Connection After a Sandbox Refresh": a refreshed sandbox needs its Connect connection recreated.',
    note: 'Only the section title could be read; the explicit "re-authenticating to a different org is not supported" wording was not found.',
  },
  'connect-auth-states': {
    title: 'Authorization states', source: 'connectionStates', confirmed: true,
    statement: 'UNAUTHORIZED ("SF Auth Failed") means the Salesforce authorization expired; RECOVERY follows a reauthorization.',
  },
  'connect-pause-keeps-changes': {
    title: 'Pausing a connection', source: 'managingConnections', confirmed: true,
    statement: 'While a connection is paused, database changes keep accumulating in the trigger log, Salesforce polling stops and PushTopic notifications are ignored; a connection can only be paused from the IDLE state.',
  },
  'connect-config-export': {
    title: 'Exporting and importing the Connect configuration', source: 'managingMappings', confirmed: true,
    statement: 'The Connect configuration can be exported and imported; indexes created through Connect are preserved on import, indexes created directly in PostgreSQL are not.',
  },
  'connect-needs-api-access': {
    title: 'Connect needs an edition with API access', source: 'connectGettingStarted', confirmed: true,
    statement: 'Heroku Connect works only with Salesforce editions that have API access; some plan types, including trials, do not have it by default.',
  },
  'connect-same-region-as-app': {
    title: 'Connect runs in the app\'s region', source: 'connectGettingStarted', confirmed: true,
    statement: 'Heroku Connect instances run in the same region as the app they are attached to.',
  },
  'connect-maintenance-duration': {
    title: 'Connect maintenance window', value: 45, unit: 'minutes', source: 'connectMaintenance', confirmed: true,
    statement: 'Connect maintenance typically takes up to 45 minutes, cannot be rescheduled, and is announced about two weeks ahead; sync pauses but changes are retained.',
  },
  'connect-pooling-unsupported': {
    title: 'Connection pooling on the Connect database', source: 'skill', confirmed: false,
    statement: 'The skill document says Postgres connection pooling is not supported on a Connect-attached database; use direct connections.',
    note: 'No official statement was found. PgBouncer itself is unavailable on Essential-tier databases (a Postgres limit).',
  },
  'connect-postgres-fdw-unsupported': {
    title: 'postgres_fdw on the Connect database', source: 'skill', confirmed: false,
    statement: 'The skill document says postgres_fdw is not supported with Heroku Connect.',
    note: 'No official statement was found.',
  },
  'connect-review-app-default-plan': {
    title: 'Review apps get the default plan', source: 'reviewAppAddons', confirmed: true,
    statement: 'Review and CI apps provision add-ons on the partner\'s default plan, overriding the plan named in app.json (Connect\'s default is demo).',
  },
  'connect-review-app-unsupported': {
    title: 'Review-app provisioning of Connect', source: 'skill', confirmed: false,
    statement: 'The skill document says Heroku review-app app.json add-on provisioning is not supported for Connect; a Heroku Button can create a demo instance but mapping setup stays manual.',
    note: 'Unconfirmed; the Heroku Button README shows a demo instance can be created.',
  },
  'region-latency-surprise': {
    title: 'Mismatched regions as a latency surprise', source: 'skill', confirmed: false,
    statement: 'The skill document calls mismatched Heroku Postgres, Connect and Salesforce regions the most common latency surprise, and its checklist asks to co-locate them.',
    note: 'No official source ranks latency causes; Heroku documents only that Connect runs in its app\'s region.',
  },
  'region-latency-multiplier': {
    title: 'Mismatched regions multiply sync lag', value: 3, unit: 'times', source: 'skill', confirmed: false,
    statement: 'The skill document says mismatched Heroku Postgres, Connect and Salesforce regions can multiply sync lag by 2 to 3 times.',
    note: 'No official source gives a multiplier.',
  },
  'heroku-regions': {
    title: 'Heroku regions', source: 'herokuRegions', confirmed: true,
    statement: 'Common Runtime regions are us and eu; Private Spaces run in dublin, frankfurt, london, montreal, mumbai, oregon, singapore, sydney, tokyo and virginia.',
  },
  'postgres-pooling-tiers': {
    title: 'PgBouncer availability', source: 'postgresPooling', confirmed: true,
    statement: 'Server-side connection pooling is available on Standard, Premium, Private and Shield databases, not on Essential.',
  },

  // Salesforce user and API
  'api-enabled-required': {
    title: 'API Enabled is required', source: 'apiImplementation', confirmed: true,
    statement: 'A user needs the API Enabled permission to use the Salesforce API.',
  },
  'connect-view-all-required': {
    title: 'View All for Connect', source: 'mappingOptions', confirmed: true,
    statement: 'Heroku Connect requires View All on each mapped object (or View All Data) for optimal operation.',
  },
  'connect-authorizing-user-permissions': {
    title: 'Connect sees what the authorizing user sees', source: 'mappingOptions', confirmed: true,
    statement: 'Objects or fields missing from the Connect mapping UI usually mean the Salesforce user who authorized the connection lacks permissions on them.',
  },
  'modify-all-avoids-sharing-checks': {
    title: 'Modify All avoids sharing checks', source: 'apiImplementation', confirmed: true,
    statement: 'Logging in as a user with Modify All Data or Modify All Records avoids the extra sharing query the API makes; it is a performance recommendation, not a Connect requirement.',
  },
  'operation-too-large': {
    title: 'OPERATION_TOO_LARGE without View All Data', value: 100_000, unit: 'records', source: 'stitchErrors', confirmed: false,
    statement: 'A query over more than 100,000 distinct who/whats fails with OPERATION_TOO_LARGE unless the user has View All Data.',
    note: 'Seen only in third-party error text; no official page ties it to Heroku Connect.',
  },
  'shared-user-query-risk': {
    title: 'Many clients as one user', source: 'apiImplementation', confirmed: true,
    statement: 'Many client applications logging in as the same user increases the risk of query-limit errors.',
  },
  'integration-user-license': {
    title: 'Salesforce Integration user license', source: 'integrationUser', confirmed: true,
    statement: 'The Integration user license gives the "Minimum Access - API Only Integrations" profile; Salesforce recommends one user per integration.',
  },
  'integration-user-license-editions': {
    title: 'Editions with the Integration user license', source: 'integrationUser', confirmed: true,
    statement: 'The Salesforce Integration user license is available in Enterprise, Unlimited, Performance and Developer editions.',
  },
  'connected-app-approvals-per-user': {
    title: 'Approvals per user per connected app', value: 5, unit: 'approvals', source: 'connectedAppApprovals', confirmed: true,
    statement: 'Each connected app allows 5 approvals (refresh tokens) per user; a new one revokes the oldest.',
  },
  'one-integration-user-per-add-on': {
    title: 'One integration user per add-on', source: 'skill', confirmed: false,
    statement: 'The skill document recommends one Salesforce integration user per add-on, distinct users for distinct add-ons.',
    note: 'Its reason, per-user caps on concurrent queries, is outdated (see query-cursor-limit-removed); Salesforce\'s own recommendation is one user per integration.',
  },
  'long-running-requests-production': {
    title: 'Concurrent long-running API requests (production and sandbox)', value: 25, unit: 'requests', source: 'apiLimitsCheatsheet', confirmed: true,
    statement: 'At most 25 API requests lasting 20 seconds or more run at once per production or sandbox org; more fail with REQUEST_LIMIT_EXCEEDED.',
  },
  'long-running-requests-developer': {
    title: 'Concurrent long-running API requests (Developer Edition and trial)', value: 5, unit: 'requests', source: 'apiLimitsCheatsheet', confirmed: true,
    statement: 'At most 5 API requests lasting 20 seconds or more run at once per Developer Edition or trial org.',
  },
  'long-running-request-threshold': {
    title: 'Long-running API request threshold', value: 20, unit: 'seconds', source: 'apiLimitsCheatsheet', confirmed: true,
    statement: 'An API request counts toward the concurrent long-running limit when it lasts 20 seconds or more; shorter requests have no concurrency limit.',
  },
  'query-cursor-limit-removed': {
    title: 'Per-user query cursor limit removed', value: 56, unit: 'API version', source: 'apiCursors', confirmed: true,
    statement: 'The old limit of 10 open query cursors per user was removed with API v56.0 for all API versions.',
  },
  'client-credentials-recommended': {
    title: 'Client credentials with the Integration user', source: 'clientCredentialsBlog', confirmed: true,
    statement: 'Salesforce recommends the OAuth client credentials flow with an Integration user for server-to-server REST calls.',
  },
  'jwt-bearer-flow': {
    title: 'OAuth 2.0 JWT bearer flow', source: 'jwtBearerFlow', confirmed: true,
    statement: 'The JWT bearer flow signs a JWT with a certificate, needs no user interaction and no client secret, and needs the app pre-approved for the user.',
  },
  'new-connected-apps-restricted': {
    title: 'New connected apps need Salesforce Support', source: 'connectedAppsRetirement', confirmed: true,
    statement: 'From Spring \'26 customers cannot create new connected apps unless Salesforce Support enables it; External Client Apps replace them, existing connected apps keep working.',
  },
  'access-token-lifetime': {
    title: 'Access-token lifetime', source: 'refreshTokenFlow', confirmed: true,
    statement: 'The app\'s session timeout decides when an access token expires; refresh-token rotation can be enabled.',
  },

  // Heroku AppLink
  'applink-overview': {
    title: 'Heroku AppLink', source: 'appLink', confirmed: true,
    statement: 'AppLink exposes Heroku apps as API services in Salesforce, invocable from Flow, Apex, Data Cloud and Agentforce.',
  },
  'applink-user-modes': {
    title: 'AppLink user modes', source: 'appLinkUserModes', confirmed: true,
    statement: 'AppLink runs in user mode (default), user-plus (adds a session permission set) or authorized-user (a pre-authorized user, for workers and jobs).',
  },
  'applink-platform-api-rate': {
    title: 'AppLink Heroku Platform API rate', value: 4_500, unit: 'requests per hour', source: 'appLinkLimits', confirmed: true,
    statement: 'The Heroku Platform API allows 4,500 requests per hour per AppLink add-on.',
  },
  'heroku-router-timeout': {
    title: 'Heroku router timeout', value: 30, unit: 'seconds', source: 'appLinkLimits', confirmed: true,
    statement: 'The Heroku router times out a request after 30 seconds, so a caller waiting longer gains nothing.',
  },
  'applink-one-addon-per-app': {
    title: 'One AppLink add-on per app', source: 'appLinkWorking', confirmed: true,
    statement: 'Provision one AppLink add-on per app to isolate connections.',
  },
  'applink-provisioning': {
    title: 'Provisioning AppLink', source: 'appLinkWorking', confirmed: true,
    statement: 'AppLink is provisioned with `heroku addons:create heroku-applink`, which sets the config vars HEROKU_APPLINK_API_URL and HEROKU_APPLINK_TOKEN; custom config vars cannot start with HEROKU_.',
  },

  // Heroku External Objects / Salesforce Connect
  'external-objects-rate-limit': {
    title: 'External Objects request rate (paid plans)', value: 20_000, unit: 'requests per hour', source: 'externalObjects', confirmed: true,
    statement: 'The Heroku External Objects service is rate-limited to 20,000 requests per hour on paid plans; it can be raised on request.',
    note: 'The demo-plan figure could not be read. The 2019 version of the page says "per service, per hour": the limit is the service\'s, which comes with a Heroku Connect add-on, so designs reading through the same add-on share it.',
  },
  'external-objects-no-reports': {
    title: 'External objects are not in standard reports', source: 'externalObjects', confirmed: true,
    statement: 'Heroku External Objects data is available by reference only and cannot be used in standard reports.',
  },
  'external-objects-setup': {
    title: 'How Heroku External Objects is set up', source: 'externalObjects', confirmed: true,
    statement: 'Heroku External Objects comes with Heroku Connect and exposes its Postgres database over OData with basic authentication; tables need a primary key and views a column named id.',
  },
  'external-objects-paid-connect': {
    title: 'External Objects needs a paid Connect plan', source: 'externalObjectsSalesforce', confirmed: true,
    statement: 'Heroku External Objects works with the Heroku Connect enterprise and shield plans; demo plans are unsupported.',
  },
  'salesforce-connect-license': {
    title: 'Salesforce Connect licensing', source: 'odataLimits', confirmed: true,
    statement: 'Salesforce Connect OData adapters are included in Developer Edition and cost extra in Enterprise, Performance and Unlimited editions.',
  },
  'external-objects-credential-overlap': {
    title: 'Credential reset overlap', value: 10, unit: 'minutes', source: 'externalObjects', confirmed: true,
    statement: 'After an External Objects credential reset, the old and new credentials both work for 10 minutes.',
  },
  'odata-v2-read-only': {
    title: 'OData 2.0 is read-only', source: 'odataUpgrade', confirmed: true,
    statement: 'For Heroku External Objects, OData 4.0 supports reading and writing; OData 2.0 is read-only.',
  },
  'odata-id-mapping-rate': {
    title: 'New external record IDs per hour (OData 2.0 and 4.0)', value: 100_000, unit: 'external record IDs per hour', source: 'odataLimits', confirmed: true,
    statement: 'OData 2.0 and 4.0 adapters map at most 100,000 new external-object record IDs per hour for long-term ID mapping, plus 100,000 short-term; this is not a cap on requests.',
    note: 'The caps were removed for OData 4.01 from Spring \'25 (Hyperforce orgs, rolling out).',
  },
  'odata-callout-per-action': {
    title: 'One OData callout per user action', source: 'odataCallouts', confirmed: true,
    statement: 'Salesforce makes an OData callout for each list view, detail page, search, edit, report run and Apex, SOQL or flow access.',
  },

  // Platform Events, CDC, Pub/Sub, Streaming
  'event-retention': {
    title: 'Platform event and CDC retention', value: 72, unit: 'hours', source: 'eventDurability', confirmed: true,
    statement: 'Platform events and Change Data Capture events are stored for 72 hours; replay beyond that is not guaranteed.',
  },
  'event-replay-ids': {
    title: 'Replay IDs', source: 'eventDurability', confirmed: true,
    statement: 'Replay IDs are opaque and not guaranteed to be contiguous, and can be reused during maintenance such as an org migration; identify an event by its EventUuid.',
  },
  'pushtopic-retention': {
    title: 'PushTopic and generic event retention', value: 24, unit: 'hours', source: 'streamingDurability', confirmed: true,
    statement: 'PushTopic and generic streaming events are retained for 24 hours.',
  },

  // The org's daily API request allocation
  'api-daily-requests-paid-base': {
    title: 'Daily API request limit (paid editions, starting point)', value: 100_000, unit: 'requests per 24 hours', source: 'apiLimitsBlog', confirmed: true,
    statement: 'For paid editions such as Enterprise Edition, the daily API request limit (REST, SOAP, Bulk and Connect REST API calls in a rolling 24 hours) starts at 100,000 requests and increases with the org\'s licenses; it is a soft limit the org may exceed for a while.',
    note: 'From a Salesforce Developers blog post, not the limits table, which could not be read; the org\'s real allocation is higher with more licenses or purchased API calls.',
  },
  'api-daily-requests-developer': {
    title: 'Daily API requests (Developer Edition)', value: 15_000, unit: 'requests per 24 hours', source: 'apiMonthlyLimitHelp', confirmed: true,
    statement: 'A Developer Edition org gets 15,000 API requests per org per 24-hour period.',
  },
  'api-daily-requests-per-license-enterprise': {
    title: 'Daily API requests per license (Enterprise Edition)', value: 1_000, unit: 'requests per license per 24 hours', source: 'apiMonthlyLimitHelp', confirmed: true,
    statement: 'An Enterprise Edition org gets 1,000 API requests per user license per 24-hour period (the article says the same for Professional and Unlimited Editions).',
    note: 'Third-party copies of the limits table give 5,000 per license for Unlimited and Performance, which this article contradicts.',
  },
  'api-daily-requests-formula': {
    title: 'Daily API request allocation by edition (formula)', source: 'apiAllocationFormulaThirdParty', confirmed: false,
    statement: 'Third-party copies of the limits table give 100,000 + the number of licenses × 1,000 (Enterprise, Professional) or × 5,000 (Unlimited, Performance) + purchased API calls, enforced on the total of all API calls to the org in 24 hours, not per user.',
    note: 'The official table could not be read and a Salesforce Help article gives 1,000 per license for Unlimited: read the org\'s real allocation in Setup.',
  },
  'api-usage-in-setup': {
    title: 'Where Setup shows API usage', source: 'apiMonthlyLimitHelp', confirmed: true,
    statement: 'Setup → Company Information shows the org\'s API usage under Usage-Based Entitlements; monthly limits are 30 times the daily allocation.',
  },
  'api-usage-notifications': {
    title: 'API usage notifications', source: 'apiUsageNotifications', confirmed: true,
    statement: 'From Setup, enter API Usage Notifications in the Quick Find box, then select API Usage Notifications: a notification emails a user when API requests pass a percentage of the limit within an interval (Modify All Data needed; Enterprise, Performance, Unlimited and Developer editions).',
  },
  'connect-soap-calls-not-counted': {
    title: 'Heroku Connect\'s SOAP calls do not count', source: 'readingData', confirmed: true,
    statement: 'SOAP API calls made by Heroku Connect do not count toward the org\'s API request limits; they are counted in the org, but not toward API license utilization.',
  },
  'connect-bulk-calls-counting-unknown': {
    title: 'Whether Heroku Connect\'s Bulk API use counts', source: 'readingData', confirmed: false,
    statement: 'No page we could read says whether the Bulk API batches Heroku Connect runs above 10,000 records count toward the org\'s allocations.',
    note: 'The Bulk API section of the page was cut off after its first words.',
  },
  'applink-api-calls-count': {
    title: 'AppLink\'s Salesforce API calls count', source: 'appLinkLimits', confirmed: true,
    statement: 'Salesforce API calls made through Heroku AppLink count against the API calls allotted to the org ("Org dependent").',
  },
  'event-delivery-allocation': {
    title: 'High-volume platform event and CDC delivery allocation (Unlimited Edition)', value: 50_000, unit: 'events per 24 hours', source: 'cdcAllocations', confirmed: true,
    statement: 'An Unlimited Edition org has a default allocation of 50,000 delivered events in a rolling 24 hours, shared between high-volume platform events and Change Data Capture events and counted per delivery to Pub/Sub API and CometD subscribers, empApi components and event relays.',
    note: 'Apex triggers, flows and processes do not count. Add-on licenses raise it.',
  },
  'event-delivery-allocation-performance': {
    title: 'High-volume platform event and CDC delivery allocation (Performance Edition)', value: 50_000, unit: 'events per 24 hours', source: 'platformEventLimitsThirdParty', confirmed: false,
    statement: 'Third-party copies of the allocation table give Performance Edition the same 50,000 deliveries per 24 hours as Unlimited Edition.',
    note: 'The official table could not be read.',
  },
  'event-delivery-allocation-enterprise': {
    title: 'High-volume platform event and CDC delivery allocation (Enterprise Edition)', value: 25_000, unit: 'events per 24 hours', source: 'platformEventLimitsThirdParty', confirmed: false,
    statement: 'Third-party copies of the allocation table give Enterprise Edition 25,000 deliveries per 24 hours.',
    note: 'The official table could not be read.',
  },
  'event-delivery-allocation-professional': {
    title: 'High-volume platform event and CDC delivery allocation (Professional Edition)', value: 25_000, unit: 'events per 24 hours', source: 'platformEventLimitsThirdParty', confirmed: false,
    statement: 'Third-party copies of the allocation table give Professional Edition 25,000 deliveries per 24 hours.',
    note: 'The official table could not be read.',
  },
  'event-delivery-allocation-developer': {
    title: 'High-volume platform event and CDC delivery allocation (Developer Edition)', source: 'platformEventLimitsThirdParty', confirmed: false,
    statement: 'No source we could read gives a high-volume delivery allocation for Developer Edition orgs; state the org\'s allocation as Setup or the limits resource shows it.',
  },
  'event-delivery-shared': {
    title: 'One delivery allocation for platform events and CDC', source: 'cdcAllocations', confirmed: true,
    statement: 'The event delivery allocation is shared between high-volume platform events and Change Data Capture events, is counted over the last 24 hours (rolling), and excludes non-API subscribers such as Apex triggers, flows and processes.',
  },
  'event-delivery-monitoring': {
    title: 'Where the org reports its delivery allocation', source: 'platformEventsHourly', confirmed: true,
    statement: 'The REST API limits resource reports the org\'s high-volume platform event and change event deliveries (DailyDeliveredPlatformEvents, with its maximum); Salesforce suggests calling it every hour to monitor usage.',
  },
  'pushtopic-deliveries-performance-unlimited': {
    title: 'PushTopic deliveries per 24 hours (Performance and Unlimited)', value: 1_000_000, unit: 'events per 24 hours', source: 'streamingLimits', confirmed: true,
    statement: 'Performance and Unlimited Edition orgs get at most 1,000,000 delivered PushTopic event notifications in 24 hours, shared by all CometD clients.',
  },
  'pushtopic-deliveries-enterprise': {
    title: 'PushTopic deliveries per 24 hours (Enterprise)', value: 200_000, unit: 'events per 24 hours', source: 'streamingLimits', confirmed: true,
    statement: 'Enterprise Edition orgs get at most 200,000 delivered PushTopic event notifications in 24 hours, shared by all CometD clients.',
  },
  'pushtopic-deliveries-other': {
    title: 'PushTopic deliveries per 24 hours (other editions)', value: 50_000, unit: 'events per 24 hours', source: 'streamingLimits', confirmed: true,
    statement: 'Other supported editions get at most 50,000 delivered PushTopic event notifications in 24 hours (10,000 for free orgs).',
  },
  'pushtopic-deliveries-free': {
    title: 'PushTopic deliveries per 24 hours (free orgs)', value: 10_000, unit: 'events per 24 hours', source: 'streamingLimits', confirmed: true,
    statement: 'Free orgs (Developer Edition and trial orgs) get at most 10,000 delivered PushTopic event notifications in 24 hours.',
  },
  'generic-streaming-deliveries-performance-unlimited': {
    title: 'Durable generic streaming deliveries per 24 hours (Performance and Unlimited)', value: 1_000_000, unit: 'events per 24 hours', source: 'streamingLimitsGeneric', confirmed: true,
    statement: 'With durable generic streaming (API 37.0 and later), Performance and Unlimited Edition orgs get at most 1,000,000 deliveries in 24 hours.',
  },
  'generic-streaming-deliveries-enterprise': {
    title: 'Durable generic streaming deliveries per 24 hours (Enterprise)', value: 200_000, unit: 'events per 24 hours', source: 'streamingLimitsGeneric', confirmed: true,
    statement: 'With durable generic streaming (API 37.0 and later), Enterprise Edition orgs get at most 200,000 deliveries in 24 hours.',
  },
  'generic-streaming-deliveries-professional': {
    title: 'Durable generic streaming deliveries per 24 hours (Professional)', value: 100_000, unit: 'events per 24 hours', source: 'streamingLimitsGeneric', confirmed: true,
    statement: 'With durable generic streaming (API 37.0 and later), Professional Edition orgs get at most 100,000 deliveries in 24 hours.',
  },
  'generic-streaming-deliveries-free': {
    title: 'Durable generic streaming deliveries per 24 hours (free orgs)', value: 10_000, unit: 'events per 24 hours', source: 'streamingLimitsGeneric', confirmed: true,
    statement: 'Free orgs (Developer Edition and trial orgs) get at most 10,000 generic streaming deliveries in 24 hours.',
  },
  'pubsub-max-event-size': {
    title: 'Pub/Sub event size', value: 1, unit: 'MB', source: 'pubSubAllocations', confirmed: true,
    statement: 'Each Pub/Sub API event is at most 1 MB; keep publish batches under 3 MB and 200 events.',
  },
  'sandbox-same-allocations': {
    title: 'Sandboxes share their production org\'s allocations', source: 'streamingLimits', confirmed: true,
    statement: 'Sandboxes get the same allocations as their associated production orgs.',
    note: 'Stated on the streaming allocations page; the estate reads a sandbox\'s other allocations (API requests, event deliveries) from its production org too.',
  },
  'pushtopics-per-org-performance-unlimited': {
    title: 'PushTopics per org (Performance and Unlimited)', value: 100, unit: 'PushTopics', source: 'streamingLimits', confirmed: true,
    statement: 'Performance and Unlimited Edition orgs can have at most 100 PushTopics.',
  },
  'pushtopics-per-org-enterprise': {
    title: 'PushTopics per org (Enterprise)', value: 50, unit: 'PushTopics', source: 'streamingLimits', confirmed: true,
    statement: 'Enterprise Edition orgs can have at most 50 PushTopics.',
  },
  'pushtopics-per-org-other': {
    title: 'PushTopics per org (other editions)', value: 40, unit: 'PushTopics', source: 'streamingLimits', confirmed: true,
    statement: 'Other editions can have at most 40 PushTopics.',
  },

  // Apex callouts
  'apex-callouts-per-transaction': {
    title: 'Callouts per Apex transaction', value: 100, unit: 'callouts', source: 'apexCallouts', confirmed: true,
    statement: 'An Apex transaction can make at most 100 callouts.',
  },
  'apex-callout-default-timeout': {
    title: 'Default callout timeout', value: 10, unit: 'seconds', source: 'apexCallouts', confirmed: true,
    statement: 'An Apex callout times out after 10 seconds unless configured otherwise.',
  },
  'apex-callout-max-timeout': {
    title: 'Maximum callout timeout', value: 120, unit: 'seconds', source: 'apexCallouts', confirmed: true,
    statement: 'An Apex callout timeout can be set from 1 ms to 120 seconds.',
  },
  'apex-callout-total-time': {
    title: 'Total callout time per transaction', value: 120, unit: 'seconds', source: 'apexCallouts', confirmed: true,
    statement: 'All callouts in one Apex transaction together may take at most 120 seconds.',
  },
  'apex-callout-after-dml': {
    title: 'No callout with pending DML', source: 'apexCallouts', confirmed: true,
    statement: 'A callout cannot be made while DML, async Apex, scheduled Apex or email sends are pending in the transaction, so a trigger (which runs inside DML) must call out asynchronously.',
  },
  'named-credentials': {
    title: 'Named and external credentials', source: 'namedCredentials', confirmed: true,
    statement: 'A named credential holds the endpoint; an external credential holds the authentication protocol and principals mapped to permission sets.',
  },
  'external-credential-protocols': {
    title: 'External credential protocols', source: 'externalCredentialJwt', confirmed: true,
    statement: 'External credentials support OAuth 2.0 with the JWT bearer flow, client credentials with a JWT assertion, and JWT, in all editions; managing them needs Manage Named Credentials or Customize Application.',
  },
  'external-services-sync-timeout': {
    title: 'External Services synchronous timeout', value: 120, unit: 'seconds', source: 'externalServicesAsync', confirmed: true,
    statement: 'External Services synchronous operations time out after 120 seconds; asynchronous callbacks (Apex only) allow longer work.',
  },

  // Canvas
  'canvas-signed-request-default': {
    title: 'Signed request is Canvas\'s default', source: 'canvasSignedRequest', confirmed: true,
    statement: 'Signed request is the default Canvas authorization: Salesforce POSTs a context signed with the consumer secret; admin-approved users are never prompted.',
  },
  'canvas-signed-request-verify': {
    title: 'Verifying a Canvas signed request', source: 'canvasSignedRequestVerify', confirmed: true,
    statement: 'To verify a signed request, split it on the first period, HMAC-SHA256 the Base64 context with the consumer secret, Base64-encode the result and compare it with the first part.',
  },
  'canvas-oauth-flow': {
    title: 'Canvas with OAuth', source: 'canvasOAuth', confirmed: true,
    statement: 'Canvas also supports the OAuth 2.0 web server and user-agent flows; Salesforce then loads the canvas URL with GET.',
  },
  'canvas-auth-not-interchangeable': {
    title: 'Do not mix Canvas auth models', source: 'skill', confirmed: false,
    statement: 'The skill document warns that signing a request and then re-running OAuth in the same app creates a confused-deputy situation.',
  },
  'canvas-calls-per-day': {
    title: 'Canvas calls per day', value: 5_000, unit: 'calls per day', source: 'canvasLimits', confirmed: true,
    statement: 'Canvas allows 5,000 calls per day per full Salesforce user license, shared org-wide; each signed-request call counts as 2.',
  },

  // Decision table thresholds and product choices (from the skill document)
  'decision-production-rows': {
    title: 'Production volume in the decision table', value: 1_000_000, unit: 'rows', source: 'skill', confirmed: false,
    statement: 'The decision table treats 1M+ rows as production volume that needs Heroku Connect Enterprise or Shield.',
  },
  'decision-production-lag': {
    title: 'Sub-minute lag in the decision table', value: 1, unit: 'minutes', source: 'skill', confirmed: false,
    statement: 'The decision table treats a lag under one minute as a production SLA the demo plan cannot meet.',
  },
  'risk-threshold': {
    title: 'Risk register threshold', value: 50, unit: 'percent', source: 'skill', confirmed: false,
    statement: 'The risk register lists every limit the design reaches 50% or more of.',
    note: 'A product choice from the skill document, not a platform limit.',
  },
} as const satisfies Record<string, FactData>;

export type FactId = keyof typeof FACT_DATA;

/** A fact with its source resolved; checked on its own date, else on its source's. */
export function toFact(id: FactId, data: FactData): Fact {
  const sourceRef = SOURCES[data.source];
  return { ...data, id, sourceRef, checked: data.checked ?? sourceRef.checked };
}

export const FACTS: ReadonlyMap<FactId, Fact> = new Map(
  (Object.entries(FACT_DATA) as [FactId, FactData][]).map(([id, data]) => [id, toFact(id, data)]),
);

export function fact(id: FactId): Fact {
  const found = FACTS.get(id);
  if (!found) throw new Error(`Unknown fact ${id}`);
  return found;
}

/** The numeric value of a fact; throws if the fact is qualitative (a programming error). */
export function factValue(id: FactId): number {
  const f = fact(id);
  if (f.value === undefined) throw new Error(`Fact ${id} has no numeric value`);
  return f.value;
}

const MS_PER: Partial<Record<Unit, number>> = {
  milliseconds: 1, seconds: 1_000, minutes: 60_000, hours: 3_600_000, days: 86_400_000,
};

/** A duration fact in milliseconds. */
export function factMilliseconds(id: FactId): number {
  const f = fact(id);
  const per = f.unit ? MS_PER[f.unit] : undefined;
  if (f.value === undefined || per === undefined) throw new Error(`Fact ${id} is not a duration`);
  return f.value * per;
}

/** "10,000 rows", "10 minutes". */
export function formatFactValue(f: Fact): string {
  if (f.value === undefined) return '';
  let unit: string = f.unit ?? '';
  if (f.value === 1 && /^(rows|records|milliseconds|seconds|minutes|hours|days|callouts|approvals|requests|clients|PushTopics)$/.test(unit)) unit = unit.slice(0, -1);
  if (unit === 'API version') return `API v${f.value}`;
  if (unit === 'times') return `${f.value}×`;
  return `${formatNumber(f.value)}${unit === 'percent' ? '%' : unit ? ` ${unit}` : ''}`;
}

/**
 * What a message says about a fact no official source confirms: rules built on one are
 * rules of thumb, and say so.
 */
export function ruleOfThumbNote(id: FactId): string {
  const f = fact(id);
  if (f.confirmed) return '';
  if (f.historical) return ` (Rule of thumb: only ${f.sourceRef.title} (${f.sourceRef.version}) gives this figure; no current official Heroku or Salesforce source confirms it.)`;
  return ' (Rule of thumb: no official Heroku or Salesforce source confirms this.)';
}

/** "10,000 rows (Heroku Connect (Dev Center), 09 Nov 2020)" — a limit with its source, for messages. */
export function citeFact(id: FactId): string {
  const f = fact(id);
  return `${f.sourceRef.title}${f.confirmed ? '' : ', unconfirmed'}`;
}

/** Where Setup shows the org's API usage and allocation ("Setup → Company Information"), from its fact. */
export function apiUsageSetupPath(): string {
  return fact('api-usage-in-setup').statement.split(' shows ')[0];
}

/** The release from which new connected apps need Salesforce Support ("Spring '26"), from its fact. */
export function connectedAppsRestrictedSince(): string {
  return /^From (.+?) customers/.exec(fact('new-connected-apps-restricted').statement)![1];
}
