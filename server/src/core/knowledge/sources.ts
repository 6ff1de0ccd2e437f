/**
 * The public pages the knowledge base was read from. A fact names one of these;
 * the URL is written only here.
 */
export interface Source {
  readonly url: string;
  readonly title: string;
  /** The "last updated" date or release of the version that was read. */
  readonly version: string;
  /** True for an official Heroku or Salesforce page. */
  readonly official: boolean;
}

function official(url: string, title: string, version: string): Source {
  return { url, title, version, official: true };
}
function thirdParty(url: string, title: string, version: string): Source {
  return { url, title, version, official: false };
}

export const SOURCES = {
  herokuConnect: official('https://devcenter.heroku.com/articles/heroku-connect', 'Heroku Connect (Dev Center)', '09 Nov 2020'),
  connectionStates: official('https://devcenter.heroku.com/articles/connection-states-reference', 'Heroku Connect connection states reference', '21 Nov 2022'),
  shieldPrivateSpace: official('https://devcenter.heroku.com/articles/shield-private-space', 'Shield Private Spaces', '11 Oct 2024'),
  connectInactive: official('https://help.heroku.com/7W6OYCD7/why-is-my-connect-instance-paused-inactive-or-iced', 'Why is my Connect instance paused, inactive or iced?', 'undated'),
  connectLaunchBlog: official('https://blog.heroku.com/heroku-connect', 'Heroku Connect launch post', '30 Jul 2014'),
  mappingOptions: official('https://devcenter.heroku.com/articles/mapping-configuration-options', 'Heroku Connect mapping configuration options', '21 Nov 2022'),
  readingData: official('https://devcenter.heroku.com/articles/reading-data-from-salesforce-with-heroku-connect', 'Reading data from Salesforce with Heroku Connect', '06 Dec 2022'),
  writingData: official('https://devcenter.heroku.com/articles/writing-data-to-salesforce-with-heroku-connect', 'Writing data to Salesforce with Heroku Connect', '30 May 2024'),
  triggerLog: official('https://devcenter.heroku.com/articles/heroku-connect-trigger-log', 'Heroku Connect trigger log', '08 Dec 2022'),
  connectGettingStarted: official('https://devcenter.heroku.com/articles/getting-started-with-heroku-and-connect-without-local-dev', 'Heroku Connect (getting started)', '12 Jul 2024'),
  managingConnections: official('https://devcenter.heroku.com/articles/managing-heroku-connect-sync-and-connections', 'Managing Heroku Connect sync and connections', '20 Jun 2025'),
  connectMaintenance: official('https://devcenter.heroku.com/articles/heroku-connect-maintenance-operations', 'Heroku Connect maintenance operations', '20 Jun 2025'),
  managingMappings: official('https://devcenter.heroku.com/articles/managing-heroku-connect-mappings', 'Managing Heroku Connect mappings', '24 Feb 2023'),
  postgresPooling: official('https://devcenter.heroku.com/articles/postgres-connection-pooling', 'Heroku Postgres connection pooling', '29 May 2026'),
  reviewAppAddons: official('https://devcenter.heroku.com/articles/add-ons-supporting-review-and-ci-apps', 'Add-ons supporting review and CI apps', '08 May 2024'),
  herokuRegions: official('https://devcenter.heroku.com/articles/regions', 'Heroku regions', '03 Dec 2024'),
  streamingLimits: official('https://developer.salesforce.com/docs/platform/api-streaming/guide/limits.html', 'Streaming API allocations', 'current'),
  streamingDurability: official('https://developer.salesforce.com/docs/atlas.en-us.260.0.api_streaming.meta/api_streaming/using_streaming_api_durability.htm', 'Streaming API message durability', 'v260'),
  apiImplementation: official('https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/implementation_considerations.htm', 'SOAP API implementation considerations', 'current'),
  apiLimitsCheatsheet: official('https://developer.salesforce.com/docs/platform/salesforce-app-limits-cheatsheet/guide/salesforce-app-limits-platform-api.html', 'Salesforce limits cheat sheet: API requests', 'current'),
  apiCursors: official('https://developer.salesforce.com/docs/platform/salesforce-app-limits-cheatsheet/guide/salesforce-app-limits-platform-apicursors.html', 'Salesforce limits cheat sheet: API query cursors', 'current'),
  connectedAppApprovals: official('https://help.salesforce.com/s/articleView?id=platform.remoteaccess_request_approve.htm', 'Connected app approvals', 'current'),
  integrationUser: official('https://help.salesforce.com/s/articleView?id=platform.integration_user.htm', 'Salesforce Integration user license', 'current'),
  clientCredentialsBlog: official('https://developer.salesforce.com/blogs/2024/02/invoke-rest-apis-with-the-salesforce-integration-user-and-oauth-client-credentials', 'Invoke REST APIs with the Salesforce Integration user and OAuth client credentials', 'Feb 2024'),
  appLink: official('https://devcenter.heroku.com/articles/heroku-applink', 'Heroku AppLink', '14 Jul 2025'),
  appLinkWorking: official('https://devcenter.heroku.com/articles/working-with-heroku-applink', 'Working with Heroku AppLink', '14 Jul 2025'),
  appLinkUserModes: official('https://devcenter.heroku.com/articles/heroku-applink-user-modes', 'Heroku AppLink user modes', '14 Jul 2025'),
  appLinkLimits: official('https://devcenter.heroku.com/articles/heroku-applink-limits', 'Heroku AppLink limits', '14 Jul 2025'),
  externalObjects: official('https://devcenter.heroku.com/articles/heroku-external-objects', 'Heroku External Objects', '30 May 2024'),
  odataUpgrade: official('https://help.heroku.com/X3V7PG4S/upgrading-odata-from-v2-0-to-v4-0', 'Upgrading OData from v2.0 to v4.0', 'undated'),
  odataLimits: official('https://help.salesforce.com/s/articleView?id=platform.odata_general_limits.htm', 'Salesforce Connect OData general limits', 'current'),
  odataCallouts: official('https://help.salesforce.com/s/articleView?id=platform.odata_adapter_about.htm', 'Salesforce Connect OData adapter', 'current'),
  eventDurability: official('https://developer.salesforce.com/docs/platform/pub-sub-api/guide/event-message-durability.html', 'Pub/Sub API event message durability', 'current'),
  pubSubAllocations: official('https://developer.salesforce.com/docs/platform/pub-sub-api/guide/allocations.html', 'Pub/Sub API allocations', 'current'),
  platformEventLimits: official('https://developer.salesforce.com/docs/atlas.en-us.platform_events.meta/platform_events/platform_event_limits.htm', 'Platform event allocations', 'current'),
  platformEventDelivery: official('https://developer.salesforce.com/docs/atlas.en-us.230.0.platform_events.meta/platform_events/platform_event_limits.htm', 'Platform event allocations (high-volume delivery)', 'v230'),
  jwtBearerFlow: official('https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_jwt_flow.htm', 'OAuth 2.0 JWT bearer flow', 'current'),
  connectedAppsRetirement: official('https://help.salesforce.com/s/articleView?id=005228017', 'New connected apps need Salesforce Support (External Client Apps replace them)', '03 Apr 2026'),
  refreshTokenFlow: official('https://help.salesforce.com/apex/HTViewHelpDoc?id=remoteaccess_oauth_refresh_token_flow.htm', 'OAuth 2.0 refresh token flow', 'current'),
  apexCallouts: official('https://developer.salesforce.com/docs/atlas.en-us.260.0.apexcode.meta/pages/apex_callouts_timeouts.htm', 'Apex callout limits and limitations', 'v260'),
  namedCredentials: official('https://help.salesforce.com/s/articleView?id=xcloud.nc_parts_of_nc.htm', 'Parts of a named credential', 'current'),
  externalCredentialJwt: official('https://help.salesforce.com/apex/HTViewHelpDoc?id=xcloud.nc_create_edit_oath_jwt_bearer_ext_cred.htm', 'External credentials with the OAuth 2.0 JWT bearer flow', 'current'),
  externalServicesAsync: official('https://help.salesforce.com/apex/HTViewHelpDoc?id=platform.external_services_async_ops.htm', 'External Services asynchronous operations', 'current'),
  canvasSignedRequest: official('https://developer.salesforce.com/docs/platform/canvas-framework/guide/canvas-app-signed-req-authentication.html', 'Canvas signed request authentication', 'current'),
  canvasSignedRequestVerify: official('https://developer.salesforce.com/docs/atlas.en-us.188.0.platform_connect.meta/platform_connect/canvas_app_signed_req_authentication.htm', 'Canvas signed request authentication (verifying the request)', 'release 188.0'),
  canvasOAuth: official('https://developer.salesforce.com/docs/platform/canvas-framework/guide/canvas-app-oauth-authentication.md', 'Canvas OAuth authentication', 'current'),
  canvasLimits: official('https://developer.salesforce.com/docs/platform/canvas-framework/guide/canvas-framework-limits.html', 'Canvas limits', 'current'),
  // Pages the runbook's commands and Setup paths come from (knowledge/commands.ts).
  privateSpaces: official('https://devcenter.heroku.com/articles/working-with-private-spaces', 'Working with Private Spaces', '04 Dec 2024'),
  privateSpaceApps: official('https://devcenter.heroku.com/articles/managing-apps-in-private-spaces-granting-permissions', 'Managing apps in Private Spaces: granting permissions', '12 Dec 2024'),
  herokuCliCommands: official('https://devcenter.heroku.com/articles/heroku-cli-commands', 'Heroku CLI commands', 'flags checked against the heroku 11.10.0 manifest'),
  provisioningPostgres: official('https://devcenter.heroku.com/articles/provisioning-heroku-postgres', 'Provisioning Heroku Postgres', 'current'),
  connectApiQuickStart: official('https://devcenter.heroku.com/articles/quick-start-heroku-connect-api', 'Quick Start: Heroku Connect API', '08 May 2024'),
  connectPlugin: official('https://github.com/heroku/heroku-connect-plugin', 'Heroku Connect CLI plugin (source)', 'v0.13.3, commit 29e3de0'),
  appLinkGettingStarted: official('https://devcenter.heroku.com/articles/getting-started-heroku-applink', 'Getting started with Heroku AppLink and Salesforce', 'undated copy'),
  appLinkDashboard: official('https://devcenter.heroku.com/articles/heroku-applink-dashboard', 'Heroku AppLink dashboard', '14 Jul 2025'),
  appLinkOpenApi: official('https://devcenter.heroku.com/articles/openapi-spec-heroku-applink', 'OpenAPI specifications for Heroku AppLink', '14 Jul 2025'),
  appLinkPlugin: official('https://github.com/heroku/heroku-cli-plugin-applink', 'Heroku AppLink CLI plugin (source)', 'v2.0.3, commit fd1281a'),
  externalObjectsSalesforce: official('https://devcenter.heroku.com/articles/heroku-external-objects-salesforce', 'Heroku External Objects with Salesforce Connect', '30 May 2024'),
  sfCliLoginWeb: official('https://developer.salesforce.com/docs/platform/salesforce-cli-reference/guide/cli_reference_org_login_web.html', 'Salesforce CLI: org login web', 'flags checked against the sf 2.150.6 manifest'),
  sfCliLoginJwt: official('https://developer.salesforce.com/docs/platform/salesforce-cli-reference/guide/cli_reference_org_login_jwt.html', 'Salesforce CLI: org login jwt', 'current'),
  sfCliOrgDisplay: official('https://developer.salesforce.com/docs/platform/salesforce-cli-reference/guide/cli_reference_org_display.html', 'Salesforce CLI: org display', 'flags checked against the sf 2.150.6 manifest'),
  sfCliDeploy: official('https://developer.salesforce.com/docs/platform/salesforce-cli-reference/guide/cli_reference_project_deploy_start.html', 'Salesforce CLI: project deploy start', 'current'),
  sfCliGenerateProject: official('https://developer.salesforce.com/docs/platform/salesforce-cli-reference/guide/cli_reference_template_generate_project.html', 'Salesforce CLI: template generate project', 'flags checked against the sf 2.150.6 manifest'),
  sfCliDeleteSource: official('https://developer.salesforce.com/docs/platform/salesforce-cli-reference/guide/cli_reference_project_delete_source.html', 'Salesforce CLI: project delete source', 'flags checked against the sf 2.150.6 manifest'),
  sfCliApexRun: official('https://developer.salesforce.com/docs/platform/salesforce-cli-reference/guide/cli_reference_apex_run.html', 'Salesforce CLI: apex run', 'flags checked against the sf 2.150.6 manifest'),
  sfCliDataQuery: official('https://developer.salesforce.com/docs/platform/salesforce-cli-reference/guide/cli_reference_data_query.html', 'Salesforce CLI: data query', 'current'),
  sfCliAssignPermset: official('https://developer.salesforce.com/docs/platform/salesforce-cli-reference/guide/cli_reference_org_assign_permset.html', 'Salesforce CLI: org assign permset', 'current'),
  sfCliDescribe: official('https://developer.salesforce.com/docs/platform/salesforce-cli-reference/guide/cli_reference_sobject_describe.html', 'Salesforce CLI: sobject describe', 'flags checked against the sf 2.150.6 manifest'),
  sfCliLimits: official('https://developer.salesforce.com/docs/platform/salesforce-cli-reference/guide/cli_reference_org_list_limits.html', 'Salesforce CLI: org list limits', 'current'),
  sfdxJwtFlow: official('https://developer.salesforce.com/docs/atlas.en-us.260.0.sfdx_dev.meta/sfdx_dev/sfdx_dev_auth_jwt_flow.htm', 'Salesforce DX: authorize an org using the JWT flow', "v260 (Spring '26)"),
  sfdxKeyAndCert: official('https://developer.salesforce.com/docs/atlas.en-us.258.0.sfdx_dev.meta/sfdx_dev/sfdx_dev_auth_key_and_cert.htm', 'Salesforce DX: create a private key and self-signed digital certificate', "v258 (Winter '26)"),
  sfdxEca: official('https://developer.salesforce.com/docs/atlas.en-us.262.0.sfdx_dev.meta/sfdx_dev/sfdx_dev_auth_eca.htm', 'Salesforce DX: create an external client app', "v262 (Summer '26)"),
  ecaCreate: official('https://developer.salesforce.com/docs/atlas.en-us.platform_connect.meta/platform_connect/quick_start_create_canvas_app_eca.htm', 'Create an external client app (Canvas quick start)', 'current'),
  ecaPolicies: official('https://developer.salesforce.com/docs/platform/headless-identity-impl-guide/guide/headless-identity-connected-app-policies.md', 'External client app OAuth policies', 'current'),
  metaEcaPolicies: official('https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappoauthconfigurablepolicies.htm', 'Metadata API: ExtlClntAppOauthConfigurablePolicies', 'current'),
  canvasEca: official('https://developer.salesforce.com/docs/platform/canvas-framework/guide/quick-start-intro-create.html', 'Canvas quick start: create the canvas app on an external client app', 'current'),
  canvasEcaSettings: official('https://developer.salesforce.com/docs/atlas.en-us.platform_connect.meta/platform_connect/quick_start_deploy_canvas_app.htm', 'Canvas quick start: canvas app settings of an external client app', 'current'),
  addUser: official('https://help.salesforce.com/s/articleView?id=platform.adding_new_users.htm', 'Add a single user', 'current'),
  metaPlatformEventChannelMember: official('https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_platformeventchannelmember.htm', 'Metadata API: PlatformEventChannelMember', 'current (v240 and v244 read)'),
  cdcEvents: official('https://developer.salesforce.com/docs/atlas.en-us.platform_events.meta/platform_events/platform_events_objects_change_data_capture.htm', 'Change Data Capture events: names and subscription channels', 'current'),
  pubSubSubscribe: official('https://developer.salesforce.com/docs/atlas.en-us.platform_events.meta/platform_events/platform_events_subscribe_pubsub_api.htm', 'Subscribe to platform event notifications with Pub/Sub API', 'current'),
  platformEventsDefine: official('https://developer.salesforce.com/docs/atlas.en-us.platform_events.meta/platform_events/platform_events_define_ui.htm', 'Define a platform event', 'current'),
  metaNamedCredential: official('https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_namedcredential.htm', 'Metadata API: NamedCredential', 'current'),
  metaExternalCredential: official('https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_externalcredential.htm', 'Metadata API: ExternalCredential', 'v242 read'),
  apexNamedCredentials: official('https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_callouts_named_credentials.htm', 'Named credentials as callout endpoints', 'current'),
  metaPermissionSet: official('https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_permissionset.htm', 'Metadata API: PermissionSet', 'current'),
  opensslX509: thirdParty('https://docs.openssl.org/3.0/man1/openssl-x509/', 'OpenSSL x509 command', '3.0'),
  posixRead: thirdParty('https://pubs.opengroup.org/onlinepubs/9799919799/utilities/read.html', 'POSIX read utility', 'IEEE Std 1003.1-2024'),
  skill: thirdParty('shared/reference/heroku-salesforce-integration-skill.md', 'Heroku ↔ Salesforce integration skill (decision table and rules of thumb)', '2026-05-04'),
  stitchErrors: thirdParty('https://help.qlik.com/en-US/stitch/troubleshooting/integrations/salesforce-extraction-error-reference', 'Stitch Salesforce extraction error reference', 'current'),
  herokuButtonReadme: thirdParty('https://github.com/heroku/no-local-dev-getting-started', 'Heroku no-local-dev getting started README', 'current'),
} as const satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;
