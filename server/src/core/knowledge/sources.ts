/**
 * The public pages the knowledge base was read from. A fact names one of these;
 * the URL is written only here.
 */
export interface Source {
  /** The page's address; absent for a document readers cannot open (it is cited by its title). */
  readonly url?: string;
  readonly title: string;
  /** The "last updated" date or release of the version that was read. */
  readonly version: string;
  /** True for an official Heroku or Salesforce page (or an official Heroku or Salesforce CLI repository). */
  readonly official: boolean;
  /**
   * When the page was last read to check the facts citing it (YYYY-MM-DD). A fact checked on
   * another day says so itself (FactData.checked).
   */
  readonly checked: string;
}

/** When the two passes over the sources were made (shared/reference/domain-facts.md and domain-facts-2.md). */
const FIRST_PASS = '2026-11-25';
const SECOND_PASS = '2026-12-02';
/** Pages read while building the org allocation checks (issue 16). */
const ALLOCATIONS_PASS = '2026-12-03';
/** Pages read for the runbooks' commands, flags and Setup paths (issue 17). */
const COMMANDS_PASS = '2026-12-03';

function official(url: string, title: string, version: string, checked: string): Source {
  return { url, title, version, official: true, checked };
}
function thirdParty(url: string | undefined, title: string, version: string, checked: string): Source {
  return { url, title, version, official: false, checked };
}

export const SOURCES = {
  herokuConnect: official('https://devcenter.heroku.com/articles/heroku-connect', 'Heroku Connect (Dev Center)', '09 Nov 2020', FIRST_PASS),
  connectionStates: official('https://devcenter.heroku.com/articles/connection-states-reference', 'Heroku Connect connection states reference', '21 Nov 2022', FIRST_PASS),
  shieldPrivateSpace: official('https://devcenter.heroku.com/articles/shield-private-space', 'Shield Private Spaces', '11 Oct 2024', FIRST_PASS),
  connectInactive: official('https://help.heroku.com/7W6OYCD7/why-is-my-connect-instance-paused-inactive-or-iced', 'Why is my Connect instance paused, inactive or iced?', 'undated', FIRST_PASS),
  connectLaunchBlog: official('https://blog.heroku.com/heroku-connect', 'Heroku Connect launch post', '30 Jul 2014', SECOND_PASS),
  mappingOptions: official('https://devcenter.heroku.com/articles/mapping-configuration-options', 'Heroku Connect mapping configuration options', '21 Nov 2022', FIRST_PASS),
  readingData: official('https://devcenter.heroku.com/articles/reading-data-from-salesforce-with-heroku-connect', 'Reading data from Salesforce with Heroku Connect', '06 Dec 2022', SECOND_PASS),
  writingData: official('https://devcenter.heroku.com/articles/writing-data-to-salesforce-with-heroku-connect', 'Writing data to Salesforce with Heroku Connect', '30 May 2024', FIRST_PASS),
  triggerLog: official('https://devcenter.heroku.com/articles/heroku-connect-trigger-log', 'Heroku Connect trigger log', '08 Dec 2022', FIRST_PASS),
  connectGettingStarted: official('https://devcenter.heroku.com/articles/getting-started-with-heroku-and-connect-without-local-dev', 'Heroku Connect (getting started)', '12 Jul 2024', FIRST_PASS),
  managingConnections: official('https://devcenter.heroku.com/articles/managing-heroku-connect-sync-and-connections', 'Managing Heroku Connect sync and connections', '20 Jun 2025', SECOND_PASS),
  connectMaintenance: official('https://devcenter.heroku.com/articles/heroku-connect-maintenance-operations', 'Heroku Connect maintenance operations', '20 Jun 2025', FIRST_PASS),
  managingMappings: official('https://devcenter.heroku.com/articles/managing-heroku-connect-mappings', 'Managing Heroku Connect mappings', '24 Feb 2023', FIRST_PASS),
  postgresPooling: official('https://devcenter.heroku.com/articles/postgres-connection-pooling', 'Heroku Postgres connection pooling', '29 May 2026', FIRST_PASS),
  reviewAppAddons: official('https://devcenter.heroku.com/articles/add-ons-supporting-review-and-ci-apps', 'Add-ons supporting review and CI apps', '08 May 2024', FIRST_PASS),
  herokuRegions: official('https://devcenter.heroku.com/articles/regions', 'Heroku regions', '03 Dec 2024', FIRST_PASS),
  streamingLimits: official('https://developer.salesforce.com/docs/platform/api-streaming/guide/limits.html', 'Streaming API allocations', 'current', SECOND_PASS),
  streamingDurability: official('https://developer.salesforce.com/docs/atlas.en-us.260.0.api_streaming.meta/api_streaming/using_streaming_api_durability.htm', 'Streaming API message durability', 'v260', FIRST_PASS),
  apiImplementation: official('https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/implementation_considerations.htm', 'SOAP API implementation considerations', 'current', FIRST_PASS),
  apiLimitsCheatsheet: official('https://developer.salesforce.com/docs/platform/salesforce-app-limits-cheatsheet/guide/salesforce-app-limits-platform-api.html', 'Salesforce limits cheat sheet: API requests', 'current', SECOND_PASS),
  apiCursors: official('https://developer.salesforce.com/docs/platform/salesforce-app-limits-cheatsheet/guide/salesforce-app-limits-platform-apicursors.html', 'Salesforce limits cheat sheet: API query cursors', 'current', FIRST_PASS),
  connectedAppApprovals: official('https://help.salesforce.com/s/articleView?id=platform.remoteaccess_request_approve.htm', 'Connected app approvals', 'current', FIRST_PASS),
  integrationUser: official('https://help.salesforce.com/s/articleView?id=platform.integration_user.htm', 'Salesforce Integration user license', 'current', FIRST_PASS),
  clientCredentialsBlog: official('https://developer.salesforce.com/blogs/2024/02/invoke-rest-apis-with-the-salesforce-integration-user-and-oauth-client-credentials', 'Invoke REST APIs with the Salesforce Integration user and OAuth client credentials', 'Feb 2024', FIRST_PASS),
  appLink: official('https://devcenter.heroku.com/articles/heroku-applink', 'Heroku AppLink', '14 Jul 2025', FIRST_PASS),
  appLinkWorking: official('https://devcenter.heroku.com/articles/working-with-heroku-applink', 'Working with Heroku AppLink', '14 Jul 2025', SECOND_PASS),
  appLinkUserModes: official('https://devcenter.heroku.com/articles/heroku-applink-user-modes', 'Heroku AppLink user modes', '14 Jul 2025', SECOND_PASS),
  appLinkLimits: official('https://devcenter.heroku.com/articles/heroku-applink-limits', 'Heroku AppLink limits', '14 Jul 2025', SECOND_PASS),
  externalObjects: official('https://devcenter.heroku.com/articles/heroku-external-objects', 'Heroku External Objects', '30 May 2024', FIRST_PASS),
  odataUpgrade: official('https://help.heroku.com/X3V7PG4S/upgrading-odata-from-v2-0-to-v4-0', 'Upgrading OData from v2.0 to v4.0', 'undated', FIRST_PASS),
  odataLimits: official('https://help.salesforce.com/s/articleView?id=platform.odata_general_limits.htm', 'Salesforce Connect OData general limits', 'current', FIRST_PASS),
  odataCallouts: official('https://help.salesforce.com/s/articleView?id=platform.odata_adapter_about.htm', 'Salesforce Connect OData adapter', 'current', FIRST_PASS),
  eventDurability: official('https://developer.salesforce.com/docs/platform/pub-sub-api/guide/event-message-durability.html', 'Pub/Sub API event message durability', 'current', FIRST_PASS),
  pubSubAllocations: official('https://developer.salesforce.com/docs/platform/pub-sub-api/guide/allocations.html', 'Pub/Sub API allocations', 'current', SECOND_PASS),
  jwtBearerFlow: official('https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_jwt_flow.htm', 'OAuth 2.0 JWT bearer flow', 'current', SECOND_PASS),
  connectedAppsRetirement: official('https://help.salesforce.com/s/articleView?id=005228017', 'New connected apps need Salesforce Support (External Client Apps replace them)', '03 Apr 2026', SECOND_PASS),
  refreshTokenFlow: official('https://help.salesforce.com/apex/HTViewHelpDoc?id=remoteaccess_oauth_refresh_token_flow.htm', 'OAuth 2.0 refresh token flow', 'current', FIRST_PASS),
  apexCallouts: official('https://developer.salesforce.com/docs/atlas.en-us.260.0.apexcode.meta/pages/apex_callouts_timeouts.htm', 'Apex callout limits and limitations', 'v260', FIRST_PASS),
  namedCredentials: official('https://help.salesforce.com/s/articleView?id=xcloud.nc_parts_of_nc.htm', 'Parts of a named credential', 'current', SECOND_PASS),
  externalCredentialJwt: official('https://help.salesforce.com/apex/HTViewHelpDoc?id=xcloud.nc_create_edit_oath_jwt_bearer_ext_cred.htm', 'External credentials with the OAuth 2.0 JWT bearer flow', 'current', SECOND_PASS),
  externalServicesAsync: official('https://help.salesforce.com/apex/HTViewHelpDoc?id=platform.external_services_async_ops.htm', 'External Services asynchronous operations', 'current', FIRST_PASS),
  canvasSignedRequest: official('https://developer.salesforce.com/docs/platform/canvas-framework/guide/canvas-app-signed-req-authentication.html', 'Canvas signed request authentication', 'current', FIRST_PASS),
  canvasSignedRequestVerify: official('https://developer.salesforce.com/docs/atlas.en-us.188.0.platform_connect.meta/platform_connect/canvas_app_signed_req_authentication.htm', 'Canvas signed request authentication (verifying the request)', 'release 188.0', FIRST_PASS),
  canvasOAuth: official('https://developer.salesforce.com/docs/platform/canvas-framework/guide/canvas-app-oauth-authentication.md', 'Canvas OAuth authentication', 'current', FIRST_PASS),
  canvasLimits: official('https://developer.salesforce.com/docs/platform/canvas-framework/guide/canvas-framework-limits.html', 'Canvas limits', 'current', FIRST_PASS),
  streamingLimitsGeneric: official('https://developer.salesforce.com/docs/platform/api-streaming/guide/limits-generic.html', 'Generic streaming allocations', 'current', SECOND_PASS),
  cdcAllocations: official('https://developer.salesforce.com/docs/atlas.en-us.change_data_capture.meta/change_data_capture/cdc_allocations.htm', 'Change Data Capture allocations (event delivery allocation)', 'current', SECOND_PASS),
  platformEventsHourly: official('https://developer.salesforce.com/docs/platform/platform-events/guide/platform-events-limits-hourly.html', 'Monitor hourly event delivery usage with the REST API', 'current', SECOND_PASS),
  herokuStreamingBlog: official('https://blog.heroku.com/sf-streaming-api', 'Heroku engineering post on the Salesforce Streaming API (PushTopics for Heroku Connect)', 'undated', SECOND_PASS),
  connectCliPlugin: official('https://github.com/heroku/heroku-connect-plugin', 'Heroku Connect CLI plugin (official repository)', 'v0.13.3, commit 29e3de0', SECOND_PASS),
  apiMonthlyLimitHelp: official('https://help.salesforce.com/s/articleView?id=000389027', 'How to Check Your Monthly API Limit in Salesforce', '22 Apr 2026', SECOND_PASS),
  apiLimitsBlog: official('https://developer.salesforce.com/blogs/2024/11/api-limits-and-monitoring-your-api-usage', 'API limits and monitoring your API usage (Salesforce Developers blog)', 'Nov 2024', ALLOCATIONS_PASS),
  apiUsageNotifications: official('https://help.salesforce.com/s/articleView?id=platform.monitor_rate_limit_edit.htm', 'Create an API Usage Notification', 'current', ALLOCATIONS_PASS),
  skill: thirdParty(undefined, 'Heroku ↔ Salesforce integration skill (decision table and rules of thumb)', '2026-05-04', FIRST_PASS),
  stitchErrors: thirdParty('https://help.qlik.com/en-US/stitch/troubleshooting/integrations/salesforce-extraction-error-reference', 'Stitch Salesforce extraction error reference', 'current', FIRST_PASS),
  platformEventLimitsThirdParty: thirdParty('https://sfdc-lightning.com/2025/02/Salesforce-Integration-Interview-Questions-Platform-Event-Limits-Part-7.html', 'Platform event limits (third-party interview notes)', 'Feb 2025', SECOND_PASS),
  apiAllocationFormulaThirdParty: thirdParty('https://life-improver.com/salesforce/salesforce-salesforce-daily-api-limit-per-user-per-24-hours/', 'Salesforce daily API limit (third-party copy of the limits cheat sheet)', 'undated', SECOND_PASS),
  acceleratedPollingPost: thirdParty('https://qiita.com/junju/items/2142cb7947fcc09057c9', 'Heroku Connect accelerated polling (third-party post)', '2023', SECOND_PASS),
  // Pages the runbooks' commands and Setup paths come from (issue 17).
  privateSpaces: official('https://devcenter.heroku.com/articles/working-with-private-spaces', 'Working with Private Spaces', '04 Dec 2024', COMMANDS_PASS),
  privateSpaceApps: official('https://devcenter.heroku.com/articles/managing-apps-in-private-spaces-granting-permissions', 'Managing apps in Private Spaces: granting permissions', '12 Dec 2024', COMMANDS_PASS),
  herokuCliCommands: official('https://devcenter.heroku.com/articles/heroku-cli-commands', 'Heroku CLI commands', 'flags checked against the heroku 11.10.0 manifest', COMMANDS_PASS),
  provisioningPostgres: official('https://devcenter.heroku.com/articles/provisioning-heroku-postgres', 'Provisioning Heroku Postgres', 'current', COMMANDS_PASS),
  connectApiQuickStart: official('https://devcenter.heroku.com/articles/quick-start-heroku-connect-api', 'Quick Start: Heroku Connect API', '08 May 2024', COMMANDS_PASS),
  connectPlugin: official('https://github.com/heroku/heroku-connect-plugin', 'Heroku Connect CLI plugin (source)', 'v0.13.3, commit 29e3de0', COMMANDS_PASS),
  appLinkGettingStarted: official('https://devcenter.heroku.com/articles/getting-started-heroku-applink', 'Getting started with Heroku AppLink and Salesforce', 'undated copy', COMMANDS_PASS),
  appLinkDashboard: official('https://devcenter.heroku.com/articles/heroku-applink-dashboard', 'Heroku AppLink dashboard', '14 Jul 2025', COMMANDS_PASS),
  appLinkOpenApi: official('https://devcenter.heroku.com/articles/openapi-spec-heroku-applink', 'OpenAPI specifications for Heroku AppLink', '14 Jul 2025', COMMANDS_PASS),
  appLinkPlugin: official('https://github.com/heroku/heroku-cli-plugin-applink', 'Heroku AppLink CLI plugin (source)', 'v2.0.3, commit fd1281a', COMMANDS_PASS),
  externalObjectsSalesforce: official('https://devcenter.heroku.com/articles/heroku-external-objects-salesforce', 'Heroku External Objects with Salesforce Connect', '30 May 2024', COMMANDS_PASS),
  sfCliLoginWeb: official('https://developer.salesforce.com/docs/platform/salesforce-cli-reference/guide/cli_reference_org_login_web.html', 'Salesforce CLI: org login web', 'flags checked against the sf 2.150.6 manifest', COMMANDS_PASS),
  sfCliLoginJwt: official('https://developer.salesforce.com/docs/platform/salesforce-cli-reference/guide/cli_reference_org_login_jwt.html', 'Salesforce CLI: org login jwt', 'current', COMMANDS_PASS),
  sfCliOrgDisplay: official('https://developer.salesforce.com/docs/platform/salesforce-cli-reference/guide/cli_reference_org_display.html', 'Salesforce CLI: org display', 'flags checked against the sf 2.150.6 manifest', COMMANDS_PASS),
  sfCliDeploy: official('https://developer.salesforce.com/docs/platform/salesforce-cli-reference/guide/cli_reference_project_deploy_start.html', 'Salesforce CLI: project deploy start', 'current', COMMANDS_PASS),
  sfCliGenerateProject: official('https://developer.salesforce.com/docs/platform/salesforce-cli-reference/guide/cli_reference_template_generate_project.html', 'Salesforce CLI: template generate project', 'flags checked against the sf 2.150.6 manifest', COMMANDS_PASS),
  sfCliDeleteSource: official('https://developer.salesforce.com/docs/platform/salesforce-cli-reference/guide/cli_reference_project_delete_source.html', 'Salesforce CLI: project delete source', 'flags checked against the sf 2.150.6 manifest', COMMANDS_PASS),
  sfCliApexRun: official('https://developer.salesforce.com/docs/platform/salesforce-cli-reference/guide/cli_reference_apex_run.html', 'Salesforce CLI: apex run', 'flags checked against the sf 2.150.6 manifest', COMMANDS_PASS),
  sfCliDataQuery: official('https://developer.salesforce.com/docs/platform/salesforce-cli-reference/guide/cli_reference_data_query.html', 'Salesforce CLI: data query', 'current', COMMANDS_PASS),
  sfCliAssignPermset: official('https://developer.salesforce.com/docs/platform/salesforce-cli-reference/guide/cli_reference_org_assign_permset.html', 'Salesforce CLI: org assign permset', 'current', COMMANDS_PASS),
  sfCliDescribe: official('https://developer.salesforce.com/docs/platform/salesforce-cli-reference/guide/cli_reference_sobject_describe.html', 'Salesforce CLI: sobject describe', 'flags checked against the sf 2.150.6 manifest', COMMANDS_PASS),
  sfCliLimits: official('https://developer.salesforce.com/docs/platform/salesforce-cli-reference/guide/cli_reference_org_list_limits.html', 'Salesforce CLI: org list limits', 'current', COMMANDS_PASS),
  sfdxJwtFlow: official('https://developer.salesforce.com/docs/atlas.en-us.260.0.sfdx_dev.meta/sfdx_dev/sfdx_dev_auth_jwt_flow.htm', 'Salesforce DX: authorize an org using the JWT flow', "v260 (Spring '26)", COMMANDS_PASS),
  sfdxKeyAndCert: official('https://developer.salesforce.com/docs/atlas.en-us.258.0.sfdx_dev.meta/sfdx_dev/sfdx_dev_auth_key_and_cert.htm', 'Salesforce DX: create a private key and self-signed digital certificate', "v258 (Winter '26)", COMMANDS_PASS),
  sfdxEca: official('https://developer.salesforce.com/docs/atlas.en-us.262.0.sfdx_dev.meta/sfdx_dev/sfdx_dev_auth_eca.htm', 'Salesforce DX: create an external client app', "v262 (Summer '26)", COMMANDS_PASS),
  ecaConsumerKey: official('https://developer.salesforce.com/docs/platform/headless-identity-impl-guide/guide/headless-identity-get-consumer-key.html', 'Get your consumer key (External Client App)', 'current', COMMANDS_PASS),
  ecaCreate: official('https://developer.salesforce.com/docs/atlas.en-us.platform_connect.meta/platform_connect/quick_start_create_canvas_app_eca.htm', 'Create an external client app (Canvas quick start)', 'current', COMMANDS_PASS),
  ecaPolicies: official('https://developer.salesforce.com/docs/platform/headless-identity-impl-guide/guide/headless-identity-connected-app-policies.md', 'External client app OAuth policies', 'current', COMMANDS_PASS),
  metaEcaPolicies: official('https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappoauthconfigurablepolicies.htm', 'Metadata API: ExtlClntAppOauthConfigurablePolicies', 'current', COMMANDS_PASS),
  canvasEca: official('https://developer.salesforce.com/docs/platform/canvas-framework/guide/quick-start-intro-create.html', 'Canvas quick start: create the canvas app on an external client app', 'current', COMMANDS_PASS),
  canvasEcaSettings: official('https://developer.salesforce.com/docs/atlas.en-us.platform_connect.meta/platform_connect/quick_start_deploy_canvas_app.htm', 'Canvas quick start: canvas app settings of an external client app', 'current', COMMANDS_PASS),
  addUser: official('https://help.salesforce.com/s/articleView?id=platform.adding_new_users.htm', 'Add a single user', 'current', COMMANDS_PASS),
  metaPlatformEventChannelMember: official('https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_platformeventchannelmember.htm', 'Metadata API: PlatformEventChannelMember', 'current (v240 and v244 read)', COMMANDS_PASS),
  cdcEvents: official('https://developer.salesforce.com/docs/atlas.en-us.platform_events.meta/platform_events/platform_events_objects_change_data_capture.htm', 'Change Data Capture events: names and subscription channels', 'current', COMMANDS_PASS),
  pubSubSubscribe: official('https://developer.salesforce.com/docs/atlas.en-us.platform_events.meta/platform_events/platform_events_subscribe_pubsub_api.htm', 'Subscribe to platform event notifications with Pub/Sub API', 'current', COMMANDS_PASS),
  platformEventsDefine: official('https://developer.salesforce.com/docs/atlas.en-us.platform_events.meta/platform_events/platform_events_define_ui.htm', 'Define a platform event', 'current', COMMANDS_PASS),
  metaNamedCredential: official('https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_namedcredential.htm', 'Metadata API: NamedCredential', 'current', COMMANDS_PASS),
  metaExternalCredential: official('https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_externalcredential.htm', 'Metadata API: ExternalCredential', 'v242 read', COMMANDS_PASS),
  apexNamedCredentials: official('https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_callouts_named_credentials.htm', 'Named credentials as callout endpoints', 'current', COMMANDS_PASS),
  metaPermissionSet: official('https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_permissionset.htm', 'Metadata API: PermissionSet', 'current', COMMANDS_PASS),
  opensslX509: thirdParty('https://docs.openssl.org/3.0/man1/openssl-x509/', 'OpenSSL x509 command', '3.0', COMMANDS_PASS),
  posixRead: thirdParty('https://pubs.opengroup.org/onlinepubs/9799919799/utilities/read.html', 'POSIX read utility', 'IEEE Std 1003.1-2024', COMMANDS_PASS),
} as const satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;
