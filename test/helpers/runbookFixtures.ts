// Designs whose runbooks the command check reads besides the examples: each path with nothing stated (every value a
// placeholder), and the branches the examples do not take (Fir and Shield spaces, sandboxes, user modes, auth flows,
// protocols, event types). Shared by the runbook tests.
import { PATH_KEYS } from '../../server/src/core/vocabulary';

const header = (name: string, extra = '') => `version: 1\nname: ${name}\nenvironment: production\n${extra}`;

const minimal = Object.fromEntries(PATH_KEYS.map((key) => [`nothing stated: ${key}`, `${header(`Bare ${key}`)}paths:\n  ${key}: {}\n`]));

const org = (orgType = 'production') => `salesforce:\n  edition: enterprise\n  org_type: ${orgType}\n  my_domain: acme.my.salesforce.com\n  cli_alias: acme\n`;
const user = (id: string, path: string) => `integration_users:\n  ${id}:\n    username: ${id}@acme.example.com\n    kind: integration\n    license: salesforce-integration\n    permissions: [api-enabled]\n    permission_set: ${id}_access\n    credential_rotation: 90d\n    used_by: [${path}]\n`;

export const PATH_FIXTURES: Readonly<Record<string, string>> = {
  ...minimal,
  'Fir Private Space, Connect on a sandbox': `${header('Fir space', org('sandbox'))}heroku:
  team: acme
  private_space: { name: acme-space, generation: fir }
  apps: [acme-sync]
regions: { heroku_app: oregon, heroku_postgres: oregon, heroku_connect: oregon, salesforce: us-west }
${user('connect', 'heroku_connect')}paths:
  heroku_connect:
    app: acme-sync
    addon: acme-connect
    plan: enterprise
    contracted_rows: 100_000
    sandbox_refresh: recreate-connection
    database: { name: acme-db, plan: private-0 }
    mappings:
      - { object: Account, rows: 10_000 }
`,
  'Shield Private Space, Shield Connect': `${header('Shield space', org())}heroku:
  team: acme
  private_space: { name: acme-shield, shield: true }
  apps: [acme-sync]
regions: { heroku_app: virginia, heroku_postgres: virginia, salesforce: us-east }
requirements: { regulated_data: true }
${user('connect', 'heroku_connect')}paths:
  heroku_connect:
    addon: acme-connect
    plan: shield
    database: { name: acme-db, plan: shield-0 }
    mappings:
      - { object: Case, rows: 5_000, mode: read-write }
`,
  'AppLink in authorized-user mode on a sandbox': `${header('AppLink authorized user', org('sandbox'))}heroku: { team: acme, apps: [acme-api] }
regions: { heroku_app: eu, salesforce: ireland }
${user('worker', 'heroku_applink')}paths:
  heroku_applink:
    addon: acme-applink
    connection_name: acme_org
    client_name: AcmeApi
    api_spec: api-spec.yaml
    authorization: acme_worker
    user_mode: authorized-user
    callers: [apex]
`,
  'AppLink in user-plus mode': `${header('AppLink user plus', org())}heroku: { apps: [acme-api] }
regions: { heroku_app: us, salesforce: us-east }
paths:
  heroku_applink:
    user_mode: user-plus
    callers: [flow]
`,
  'Change Data Capture on several objects, on a sandbox': `${header('CDC', org('sandbox'))}heroku: { apps: [acme-worker] }
regions: { heroku_app: us, salesforce: us-east }
${user('events', 'platform_events')}paths:
  platform_events:
    event_type: change-data-capture
    entities: [Account, Invoice__c]
`,
  'A platform event': `${header('Platform event', org())}heroku: { apps: [acme-worker] }
regions: { heroku_app: us, salesforce: us-east }
${user('events', 'platform_events')}paths:
  platform_events:
    event_type: platform-event
    event: Order_Shipped__e
`,
  'A PushTopic over CometD': `${header('PushTopic', org())}paths:
  platform_events:
    api: cometd
    event_type: push-topic
`,
  'REST with the client credentials flow on a sandbox': `${header('REST client credentials', org('sandbox'))}heroku: { apps: [acme-portal] }
regions: { heroku_app: us, salesforce: us-east }
${user('portal', 'rest_api')}paths:
  rest_api:
    auth_flow: client-credentials
    app_type: external-client-app
    external_client_app: Acme_Portal
`,
  'REST with JWT through an existing connected app': `${header('REST connected app', org())}${user('portal', 'rest_api')}paths:
  rest_api:
    app: acme-portal
    auth_flow: jwt-bearer
    app_type: connected-app
`,
  'Apex callout with the Custom protocol': `${header('Apex custom', org())}heroku: { apps: [acme-pricing] }
regions: { heroku_app: us, salesforce: us-east }
paths:
  apex_callout:
    context: queueable
    named_credential: Acme_Pricing
    endpoint: https://acme-pricing.example.com/api
    external_credential: Acme_Pricing_Auth
    auth_protocol: custom
    permission_set: Acme_Pricing_Callout
`,
  'Apex callout with OAuth JWT bearer on a sandbox': `${header('Apex JWT', org('sandbox'))}paths:
  apex_callout:
    app: acme-pricing
    named_credential: Acme_Pricing
    external_credential: Acme_Pricing_Auth
    auth_protocol: oauth-jwt-bearer
`,
  'Canvas with OAuth only': `${header('Canvas OAuth', org())}heroku: { apps: [acme-ui] }
regions: { heroku_app: eu, salesforce: germany }
paths:
  canvas:
    auth: oauth-web-server
    runs_outside_salesforce: true
    external_client_app: Acme_Panel
    url: https://acme-ui.example.com/canvas
    locations: [page-layout]
`,
  'External Objects without a Connect path': `${header('External Objects alone', org())}heroku: { team: acme, apps: [acme-data] }
regions: { heroku_app: eu, heroku_postgres: eu, salesforce: ireland }
paths:
  external_objects:
    odata_version: "4.0"
    writable: true
    tables: [shipments]
`,
  'Every path on one team, in the Common Runtime': `${header('Everything', org())}heroku:
  team: acme
  apps: [acme-sync, acme-api, acme-worker, acme-portal, acme-pricing, acme-ui]
regions: { heroku_app: us, heroku_postgres: us, heroku_connect: us, salesforce: us-east }
${user('connect', 'heroku_connect')}paths:
  heroku_connect: { app: acme-sync, addon: acme-connect, plan: enterprise, database: { name: acme-db, plan: standard-0 }, mappings: [{ object: Contact, rows: 1_000 }] }
  heroku_applink: { app: acme-api, addon: acme-applink, connection_name: acme_org, client_name: AcmeApi, api_spec: openapi.json }
  external_objects: { tables: [acme_view] }
  platform_events: { app: acme-worker, event_type: change-data-capture, entities: [Contact] }
  rest_api: { app: acme-portal, auth_flow: jwt-bearer, app_type: external-client-app, external_client_app: Acme_Portal }
  apex_callout: { app: acme-pricing, named_credential: Acme_Pricing, endpoint: https://acme-pricing.example.com, external_credential: Acme_Auth, auth_protocol: jwt, permission_set: Acme_Callout }
  canvas: { app: acme-ui, external_client_app: Acme_Panel, url: https://acme-ui.example.com/canvas }
`,
};
