import { ruleCases } from '../../helpers/ruleCases';

// Retention, database, provisioning, sandbox, region and API-version rules for Heroku Connect.
const header = 'version: 1\nname: Orders\nenvironment: proof-of-concept\n';
const production = 'version: 1\nname: Orders\nenvironment: production\n';
const enterprise = '    plan: enterprise\n    contracted_rows: 100_000\n';

ruleCases('connect-trigger-log-retention', [
  {
    name: 'demo plan: a paid plan would cover the objective',
    doc: `${header}paths:\n  heroku_connect:\n    plan: demo\n    recovery_objective: ⟦14d⟧\n`,
    messages: [/The demo plan keeps the trigger-log archive for 7 days; the recovery objective is 2 weeks\..*Use a paid plan \(archive kept for 31 days\)/],
    related: 1,
  },
  {
    name: 'paid plan: objective beyond the 31-day archive',
    doc: `${production}paths:\n  heroku_connect:\n${enterprise}    recovery_objective: ⟦45d⟧\n`,
    messages: [/The enterprise plan keeps the trigger-log archive for 31 days; the recovery objective is 45 days\. .* Keep your own copy/],
  },
  {
    name: 'no plan stated: demo is the default, and says so',
    doc: `${header}paths:\n  heroku_connect:\n    recovery_objective: ⟦8d⟧\n`,
    messages: ['(no plan is stated, and demo is the default)'],
    related: 0,
  },
  {
    name: 'demo plan beyond even the paid archive does not suggest a paid plan',
    doc: `${header}paths:\n  heroku_connect:\n    plan: demo\n    recovery_objective: ⟦60d⟧\n`,
    messages: [/recovery objective is 60 days\. Writes older than the archive cannot be replayed from it\. Keep your own copy/],
  },
  { name: 'plan written but invalid (schema reports it)', doc: `${header}paths:\n  heroku_connect:\n    plan: premium\n    recovery_objective: 30d\n` },
  { name: 'demo plan within 7 days', doc: `${header}paths:\n  heroku_connect:\n    plan: demo\n    recovery_objective: 7d\n` },
  { name: 'paid plan within 31 days', doc: `${production}paths:\n  heroku_connect:\n${enterprise}    recovery_objective: 31d\n` },
]);

ruleCases('connect-recovery-objective-unstated', [
  {
    name: 'production design with read-write mappings and no objective',
    doc: `${production}paths:\n  ⟦heroku_connect⟧:\n${enterprise}    mappings:\n      - object: Account\n        mode: read-write\n      - object: Contact\n        mode: read-only\n      - object: Case\n        mode: read-write\n`,
    messages: [/\(2 read-write mappings\) but states no recovery_objective\. Processed writes stay in the trigger-log archive for 31 days on paid plans \(7 days on demo\)/],
    related: 2,
  },
  { name: 'objective stated', doc: `${production}paths:\n  heroku_connect:\n${enterprise}    recovery_objective: 14d\n    mappings:\n      - object: Account\n        mode: read-write\n` },
  { name: 'read-only mappings only', doc: `${production}paths:\n  heroku_connect:\n${enterprise}    mappings:\n      - object: Account\n        mode: read-only\n` },
  { name: 'not production', doc: `${header}paths:\n  heroku_connect:\n    plan: demo\n    mappings:\n      - object: Account\n        mode: read-write\n` },
]);

ruleCases('connect-connection-pooling', [
  {
    name: 'pooling on: rule of thumb, fix turns it off',
    doc: `${header}paths:\n  heroku_connect:\n    plan: demo\n    database:\n      plan: standard-0\n      connection_pooling: ⟦true⟧ # pgbouncer\n`,
    messages: [/connect apps to the database directly\. \(Rule of thumb: no official/],
    fixed: `${header}paths:\n  heroku_connect:\n    plan: demo\n    database:\n      plan: standard-0\n      connection_pooling: false # pgbouncer\n`,
  },
  {
    name: 'pooling on an Essential database also says PgBouncer is unavailable there',
    doc: `${header}paths:\n  heroku_connect:\n    plan: demo\n    database: { plan: essential-0, connection_pooling: ⟦true⟧ }\n`,
    messages: [/PgBouncer is not available on Essential-tier databases \('essential-0'\)/],
  },
  { name: 'pooling off', doc: `${header}paths:\n  heroku_connect:\n    plan: demo\n    database:\n      connection_pooling: false\n` },
  { name: 'not stated', doc: `${header}paths:\n  heroku_connect:\n    plan: demo\n    database:\n      plan: standard-0\n` },
]);

ruleCases('connect-postgres-fdw', [
  {
    name: 'postgres_fdw on',
    doc: `${header}paths:\n  heroku_connect:\n    plan: demo\n    database:\n      postgres_fdw: ⟦true⟧\n`,
    messages: [/reported as unsupported.*\(Rule of thumb: no official/],
    fixed: `${header}paths:\n  heroku_connect:\n    plan: demo\n    database:\n      postgres_fdw: false\n`,
  },
  { name: 'postgres_fdw off', doc: `${header}paths:\n  heroku_connect:\n    plan: demo\n    database:\n      postgres_fdw: false\n` },
]);

ruleCases('connect-shield-postgres', [
  {
    name: 'shield Connect on a standard database',
    doc: `${production}paths:\n  heroku_connect:\n    plan: shield\n    contracted_rows: 100_000\n    database:\n      plan: ⟦standard-0⟧\n`,
    messages: [/can only synchronize with Heroku Postgres databases on shield plans; 'standard-0' is not one/],
    related: 1,
  },
  { name: 'shield Connect on a shield database', doc: `${production}paths:\n  heroku_connect:\n    plan: shield\n    contracted_rows: 100_000\n    database:\n      plan: shield-0\n` },
  { name: 'database plan not stated', doc: `${production}paths:\n  heroku_connect:\n    plan: shield\n    contracted_rows: 100_000\n` },
  { name: 'enterprise Connect on a standard database', doc: `${production}paths:\n  heroku_connect:\n${enterprise}    database:\n      plan: standard-0\n` },
]);

ruleCases('connect-shield-for-regulated-data', [
  {
    name: 'regulated data on the enterprise plan',
    doc: `${production}requirements:\n  regulated_data: true\npaths:\n  heroku_connect:\n    plan: ⟦enterprise⟧\n    contracted_rows: 100_000\n`,
    messages: [/regulated data, but the Connect plan is enterprise\. Shield Postgres can store regulated data classes/],
    related: 1,
    fixed: `${production}requirements:\n  regulated_data: true\npaths:\n  heroku_connect:\n    plan: shield\n    contracted_rows: 100_000\n`,
  },
  { name: 'regulated data on shield', doc: `${production}requirements:\n  regulated_data: true\npaths:\n  heroku_connect:\n    plan: shield\n    contracted_rows: 100_000\n` },
  { name: 'no regulated data', doc: `${production}requirements:\n  regulated_data: false\npaths:\n  heroku_connect:\n${enterprise}` },
  { name: 'no plan stated (connect-plan-unstated covers it)', doc: `${production}requirements:\n  regulated_data: true\npaths:\n  heroku_connect:\n    api_version: 62.0\n` },
]);

ruleCases('connect-review-app-provisioning', [
  {
    name: 'review apps get the default (demo) plan',
    doc: `${header}paths:\n  heroku_connect:\n    plan: enterprise\n    contracted_rows: 100_000\n    provisioning: ⟦review-app⟧\n`,
    messages: [/partner's default plan.*that is demo \(at most 10,000 rows, polling no more often than every 10 minutes\)\. The enterprise plan stated here would not apply\..*not supported.*\(Rule of thumb/],
    related: 1,
  },
  {
    name: 'app.json provisioning is an info',
    doc: `${header}paths:\n  heroku_connect:\n    provisioning: ⟦app-json⟧\n`,
    messages: [/If review or CI apps use this app\.json, they get the partner's default plan for Heroku Connect \(demo\).*mappings still have to be configured.*\(Rule of thumb/],
    related: 0,
  },
  { name: 'CLI provisioning', doc: `${header}paths:\n  heroku_connect:\n    plan: demo\n    provisioning: cli\n` },
  { name: 'not stated', doc: `${header}paths:\n  heroku_connect:\n    plan: demo\n` },
]);

ruleCases('connect-sandbox-refresh', [
  {
    name: 'sandbox org without sandbox_refresh: the fix adds it',
    doc: `${header}salesforce:\n  org_type: sandbox\npaths:\n  ⟦heroku_connect⟧:\n    plan: demo\n`,
    messages: [/A refreshed sandbox needs its Heroku Connect connection recreated.*sandbox_refresh is not stated: .*export the Connect configuration first/],
    related: 1,
    fixed: `${header}salesforce:\n  org_type: sandbox\npaths:\n  heroku_connect:\n    plan: demo\n    sandbox_refresh: recreate-connection\n`,
  },
  {
    name: 'sandbox environment with not-applicable: the fix replaces it',
    doc: `version: 1\nname: Orders\nenvironment: sandbox\npaths:\n  heroku_connect:\n    plan: demo\n    sandbox_refresh: ⟦not-applicable⟧\n`,
    messages: ["sandbox_refresh is 'not-applicable'"],
    fixed: `version: 1\nname: Orders\nenvironment: sandbox\npaths:\n  heroku_connect:\n    plan: demo\n    sandbox_refresh: recreate-connection\n`,
  },
  { name: 'recreate-connection stated', doc: `${header}salesforce:\n  org_type: sandbox\npaths:\n  heroku_connect:\n    plan: demo\n    sandbox_refresh: recreate-connection\n` },
  { name: 'production org', doc: `${production}salesforce:\n  org_type: production\npaths:\n  heroku_connect:\n${enterprise}` },
  { name: 'sandbox environment talking to a production org (the org type decides)', doc: `version: 1\nname: Orders\nenvironment: sandbox\nsalesforce:\n  org_type: production\npaths:\n  heroku_connect:\n${enterprise}` },
  { name: 'sandbox without Heroku Connect', doc: `${header}salesforce:\n  org_type: sandbox\npaths:\n  rest_api:\n    auth_flow: jwt-bearer\n` },
]);

ruleCases('connect-region-differs-from-app', [
  {
    name: 'Connect region differs from the app region',
    doc: `${header}regions:\n  heroku_app: us\n  heroku_connect: ⟦eu⟧\npaths:\n  heroku_connect:\n    plan: demo\n`,
    messages: [/runs in the same region as the app it is attached to, so it will run in 'us', not 'eu'/],
    related: 1,
    fixed: `${header}regions:\n  heroku_app: us\n  heroku_connect: us\npaths:\n  heroku_connect:\n    plan: demo\n`,
  },
  { name: 'same region', doc: `${header}regions:\n  heroku_app: virginia\n  heroku_connect: virginia\npaths:\n  heroku_connect:\n    plan: demo\n` },
  { name: 'app region not stated', doc: `${header}regions:\n  heroku_connect: eu\npaths:\n  heroku_connect:\n    plan: demo\n` },
]);

ruleCases('connect-bulk-api-version', [
  {
    name: 'API version before Bulk support',
    doc: `${header}paths:\n  heroku_connect:\n    plan: demo\n    api_version: ⟦38.0⟧\n`,
    messages: [/Bulk API above 10,000 records, and the Bulk API is not available before API v39; this connection uses API v38\.0\. Connect does not move to newer API versions by itself/],
  },
  { name: 'API v39', doc: `${header}paths:\n  heroku_connect:\n    plan: demo\n    api_version: 39.0\n` },
  { name: 'current API version', doc: `${header}paths:\n  heroku_connect:\n    plan: demo\n    api_version: 62.0\n` },
]);
