import type { SourceId } from './sources';

/**
 * The command catalog: every command line, shell step and Setup path a runbook shows,
 * with the page it comes from. A runbook renders commands only from here, filling the
 * `{slots}` from the design; nothing else writes a command, a flag or a menu path.
 *
 * `heroku` and `sf` commands are checked by the tests against the oclif manifests of the
 * pinned CLIs (test/cli-commands/versions.json). The two plugins the npm registry does not
 * serve (Heroku Connect, Heroku AppLink) are described in CLI_PLUGINS from their source, and
 * their commands are checked against that description.
 */

/** A CLI plugin whose manifest is not on the npm registry: its commands as its source states them. */
export interface CliPlugin {
  /** What `heroku plugins:install` takes. */
  readonly package: string;
  readonly version: string;
  readonly source: SourceId;
  readonly commands: readonly PluginCommand[];
}

export interface PluginCommand {
  /** The oclif id, topics separated by ':'. */
  readonly id: string;
  readonly args?: readonly { readonly name: string; readonly required?: boolean }[];
  readonly flags: readonly PluginFlag[];
  readonly aliases?: readonly string[];
}

export interface PluginFlag {
  readonly name: string;
  readonly char?: string;
  /** Defaults to 'option' (takes a value). */
  readonly type?: 'boolean' | 'option';
  readonly required?: boolean;
  /** The environment variable the CLI reads when the flag is not given. */
  readonly env?: string;
}

/** `--app` of `@heroku-cli/command` (required, `-a`, `$HEROKU_APP`), and the CLI-wide `--prompt`. */
const APP: PluginFlag = { name: 'app', char: 'a', required: true, env: 'HEROKU_APP' };
const PROMPT: PluginFlag = { name: 'prompt', type: 'boolean' };
const RESOURCE: PluginFlag = { name: 'resource' };
const REMOTE: PluginFlag = { name: 'remote', char: 'r' };
const ADDON: PluginFlag = { name: 'addon' };

const connectCommand = (id: string, extra: readonly PluginFlag[] = [], args?: PluginCommand['args'], aliases?: readonly string[]): PluginCommand =>
  ({ id, flags: [APP, RESOURCE, PROMPT, ...extra], args, aliases });
const appLinkCommand = (id: string, extra: readonly PluginFlag[] = [], args?: PluginCommand['args']): PluginCommand =>
  ({ id, flags: [APP, ADDON, REMOTE, PROMPT, ...extra], args });

export const CLI_PLUGINS = {
  /** heroku/heroku-connect-plugin at 0.13.3 (src/commands/connect/**.ts). */
  connect: {
    package: '@heroku-cli/heroku-connect-plugin',
    version: '0.13.3',
    source: 'connectPlugin',
    commands: [
      connectCommand('connect:db:set', [{ name: 'db' }, { name: 'schema' }]),
      connectCommand('connect:diagnose', [{ name: 'verbose', char: 'v', type: 'boolean' }]),
      connectCommand('connect:export'),
      connectCommand('connect:import', [], [{ name: 'file' }]),
      connectCommand('connect:info', [{ name: 'check-for-new', char: 'c', type: 'boolean' }]),
      connectCommand('connect:manage-sf-api-version', [{ name: 'target-version', required: true }, { name: 'confirm' }, { name: 'json', type: 'boolean' }]),
      connectCommand('connect:mapping:delete', [{ name: 'confirm' }], [{ name: 'mapping' }]),
      connectCommand('connect:mapping:diagnose', [{ name: 'verbose', char: 'v', type: 'boolean' }], [{ name: 'mapping' }]),
      connectCommand('connect:mapping:reload', [], [{ name: 'mapping' }]),
      connectCommand('connect:mapping:state', [], [{ name: 'mapping' }]),
      connectCommand('connect:mapping:write-errors', [{ name: 'json', type: 'boolean' }], [{ name: 'name', required: true }]),
      connectCommand('connect:notifications', [{ name: 'after' }, { name: 'before' }, { name: 'event-type' }]),
      connectCommand('connect:notifications:acknowledge', [{ name: 'after' }, { name: 'before' }, { name: 'event-type' }]),
      connectCommand('connect:pause'),
      connectCommand('connect:recover', [], undefined, ['connect:restart']),
      connectCommand('connect:resume'),
      connectCommand('connect:sf:auth', [{ name: 'callback', char: 'c' }, { name: 'domain', char: 'd' }, { name: 'environment', char: 'e' }]),
      connectCommand('connect:state', [{ name: 'json', type: 'boolean' }]),
      connectCommand('connect:write-errors', [{ name: 'json', type: 'boolean' }]),
    ],
  },
  /** heroku/heroku-cli-plugin-applink at 2.0.3 (src/commands/**.ts; the Data Cloud commands are left out). */
  applink: {
    package: '@heroku-cli/plugin-applink',
    version: '2.0.3',
    source: 'appLinkPlugin',
    commands: [
      appLinkCommand('applink:authorizations'),
      appLinkCommand('applink:authorizations:info', [], [{ name: 'developer_name', required: true }]),
      appLinkCommand('applink:connections'),
      appLinkCommand('applink:connections:info', [], [{ name: 'connection_name', required: true }]),
      appLinkCommand('salesforce:authorizations:add', [{ name: 'browser' }, { name: 'login-url', char: 'l' }], [{ name: 'developer_name', required: true }]),
      appLinkCommand('salesforce:authorizations:jwt:add', [{ name: 'client-id', required: true }, { name: 'jwt-key-file', required: true }, { name: 'username', required: true }, { name: 'alias' }, { name: 'login-url', char: 'l' }], [{ name: 'developer_name', required: true }]),
      appLinkCommand('salesforce:authorizations:remove', [{ name: 'confirm', char: 'c' }], [{ name: 'developer_name', required: true }]),
      appLinkCommand('salesforce:connect', [{ name: 'browser' }, { name: 'login-url', char: 'l' }], [{ name: 'connection_name', required: true }]),
      appLinkCommand('salesforce:connect:jwt', [{ name: 'client-id', required: true }, { name: 'jwt-key-file', required: true }, { name: 'username', required: true }, { name: 'login-url', char: 'l' }], [{ name: 'connection_name', required: true }]),
      appLinkCommand('salesforce:disconnect', [{ name: 'confirm', char: 'c' }], [{ name: 'connection_name', required: true }]),
      appLinkCommand('salesforce:publications', [{ name: 'connection_name' }]),
      appLinkCommand('salesforce:publish', [
        { name: 'client-name', char: 'c', required: true }, { name: 'connection-name', required: true },
        { name: 'authorization-external-client-app-name' }, { name: 'authorization-permission-set-name' }, { name: 'metadata-dir' },
      ], [{ name: 'api_spec_file_dir', required: true }]),
    ],
  },
} as const satisfies Record<string, CliPlugin>;

export type PluginKey = keyof typeof CLI_PLUGINS;

/**
 * One command line. `{slot}` marks a value the runbook fills from the design (or a
 * placeholder when the design leaves it out); everything else is written as is.
 */
export interface CommandTemplate {
  readonly line: string;
  readonly source: SourceId;
  /** For a plugin's command: the plugin it needs installed first. */
  readonly plugin?: PluginKey;
}

const heroku = (line: string, source: SourceId = 'herokuCliCommands'): CommandTemplate => ({ line: `heroku ${line}`, source });
const connect = (line: string): CommandTemplate => ({ line: `heroku ${line}`, source: 'connectPlugin', plugin: 'connect' });
const appLink = (line: string): CommandTemplate => ({ line: `heroku ${line}`, source: 'appLinkPlugin', plugin: 'applink' });
const sf = (line: string, source: SourceId): CommandTemplate => ({ line: `sf ${line}`, source });

export const COMMANDS = {
  // Heroku CLI: log in, Private Space, apps.
  'heroku-login': heroku('auth:login'),
  'heroku-whoami': heroku('auth:whoami'),
  'space-create': heroku('spaces:create {space} --team {team} --region {region}', 'privateSpaces'),
  'space-create-fir': heroku('spaces:create {space} --team {team} --region {region} --generation fir', 'privateSpaces'),
  'space-wait': heroku('spaces:wait {space}', 'privateSpaces'),
  'space-info': heroku('spaces:info {space}'),
  'app-create-in-space': heroku('apps:create {app} --space {space}', 'privateSpaceApps'),
  'app-create-in-team': heroku('apps:create {app} --team {team} --region {region}'),
  'app-create': heroku('apps:create {app} --region {region}'),
  'app-info': heroku('apps:info --app {app}'),
  'app-domains': heroku('domains --app {app}'),
  'app-dynos': heroku('ps --app {app}'),
  'app-logs': heroku('logs --tail --app {app}'),
  'config-set-from-file': heroku('config:set {var}="$(cat {file})" --app {app}'),
  'config-set-from-variable': heroku('config:set {var}="${variable}" --app {app}'),
  // Add-ons.
  'postgres-create': heroku('addons:create heroku-postgresql:{plan} --app {app} --name {database} --wait', 'provisioningPostgres'),
  'postgres-info': heroku('pg:info {database} --app {app}', 'provisioningPostgres'),
  'addon-info': heroku('addons:info {addon} --app {app}'),
  'addon-open': heroku('addons:open {addon} --app {app}'),
  'connect-create': heroku('addons:create herokuconnect:{plan} --app {app} --name {addon}', 'connectApiQuickStart'),
  'applink-create': heroku('addons:create heroku-applink --app {app} --name {addon}', 'appLinkWorking'),
  // Heroku Connect plugin.
  'connect-plugin-install': heroku(`plugins:install ${CLI_PLUGINS.connect.package}`, 'connectPlugin'),
  'connect-info': connect('connect:info --app {app} --resource {addon}'),
  'connect-state': connect('connect:state --app {app} --resource {addon}'),
  'connect-db-set': connect('connect:db:set --db {config_var} --schema {schema} --app {app} --resource {addon}'),
  'connect-authorize': connect('connect:sf:auth --environment {environment} --app {app} --resource {addon}'),
  'connect-api-version-diff': connect('connect:manage-sf-api-version --target-version {version} --app {app} --resource {addon}'),
  'connect-api-version-set': connect('connect:manage-sf-api-version --target-version {version} --confirm {app} --app {app} --resource {addon}'),
  'connect-pause': connect('connect:pause --app {app} --resource {addon}'),
  'connect-resume': connect('connect:resume --app {app} --resource {addon}'),
  'connect-export': connect('connect:export --app {app} --resource {addon}'),
  'connect-import': connect('connect:import {file} --app {app} --resource {addon}'),
  'connect-mapping-state': connect('connect:mapping:state {object} --app {app} --resource {addon}'),
  'connect-mapping-reload': connect('connect:mapping:reload {object} --app {app} --resource {addon}'),
  'connect-write-errors': connect('connect:write-errors --app {app} --resource {addon}'),
  'connect-diagnose': connect('connect:diagnose --verbose --app {app} --resource {addon}'),
  'connect-logs': heroku('logs --tail --dyno-name herokuconnect --app {app}', 'connectMaintenance'),
  // Heroku AppLink plugin.
  'applink-plugin-install': heroku(`plugins:install ${CLI_PLUGINS.applink.package}`, 'appLinkGettingStarted'),
  'applink-connect': appLink('salesforce:connect {connection} --login-url {login_url} --app {app} --addon {addon}'),
  'applink-connection-info': appLink('applink:connections:info {connection} --app {app} --addon {addon}'),
  'applink-authorize': appLink('salesforce:authorizations:add {authorization} --login-url {login_url} --app {app} --addon {addon}'),
  'applink-authorization-info': appLink('applink:authorizations:info {authorization} --app {app} --addon {addon}'),
  'applink-authorization-remove': appLink('salesforce:authorizations:remove {authorization} --confirm {authorization} --app {app} --addon {addon}'),
  'applink-publish': appLink('salesforce:publish {api_spec} --client-name {client} --connection-name {connection} --app {app} --addon {addon}'),
  'applink-publications': appLink('salesforce:publications --app {app} --addon {addon}'),
  // Salesforce CLI.
  'sf-login-web': sf('org login web --instance-url {instance_url} --alias {alias}', 'sfCliLoginWeb'),
  'sf-org-display': sf('org display --target-org {alias}', 'sfCliOrgDisplay'),
  'sf-login-jwt': sf('org login jwt --username {username} --jwt-key-file server.key --client-id "${variable}" --instance-url {instance_url}', 'sfCliLoginJwt'),
  'sf-user-display': sf('org display --target-org {username}', 'sfCliOrgDisplay'),
  'sf-project-generate': sf('template generate project --name {project}', 'sfCliGenerateProject'),
  'sf-deploy': sf('project deploy start --source-dir force-app --target-org {alias}', 'sfCliDeploy'),
  'sf-query-user': sf(`data query --query "SELECT Username, IsActive, Profile.Name FROM User WHERE Username = '{username}'" --target-org {alias}`, 'sfCliDataQuery'),
  'sf-query-permission-sets': sf(`data query --query "SELECT PermissionSet.Name FROM PermissionSetAssignment WHERE Assignee.Username = '{username}'" --target-org {alias}`, 'sfCliDataQuery'),
  'sf-query-channel-members': sf('data query --query "SELECT DeveloperName, EventChannel, SelectedEntity FROM PlatformEventChannelMember" --use-tooling-api --target-org {alias}', 'sfCliDataQuery'),
  'sf-query-named-credential': sf(`data query --query "SELECT DeveloperName, Endpoint FROM NamedCredential WHERE DeveloperName = '{name}'" --target-org {alias}`, 'sfCliDataQuery'),
  'sf-assign-permset': sf('org assign permset --name {permission_set} --on-behalf-of {username} --target-org {alias}', 'sfCliAssignPermset'),
  'sf-delete-metadata': sf('project delete source --metadata {metadata} --target-org {alias}', 'sfCliDeleteSource'),
  'sf-apex-run': sf('apex run --file {file} --target-org {alias}', 'sfCliApexRun'),
  'sf-assign-permset-self': sf('org assign permset --name {permission_set} --target-org {alias}', 'sfCliAssignPermset'),
  'sf-describe': sf('sobject describe --sobject {sobject} --target-org {alias}', 'sfCliDescribe'),
  'sf-limits': sf('org list limits --target-org {alias}', 'sfCliLimits'),
  // OpenSSL: the key and self-signed certificate of the JWT bearer flow (the Salesforce DX guide's steps).
  'openssl-key': { line: 'openssl genpkey -algorithm RSA -out server.key -pkeyopt rsa_keygen_bits:2048', source: 'sfdxKeyAndCert' },
  'openssl-csr': { line: 'openssl req -new -key server.key -out server.csr', source: 'sfdxKeyAndCert' },
  'openssl-certificate': { line: 'openssl x509 -req -sha256 -days 365 -in server.csr -signkey server.key -out server.crt', source: 'sfdxKeyAndCert' },
  'openssl-inspect': { line: 'openssl x509 -in server.crt -noout -subject -enddate', source: 'opensslX509' },
  // The shell: a value copied from a web page into a variable, so it never appears on a command line.
  'read-variable': { line: 'read -r {variable}', source: 'posixRead' },
} as const satisfies Record<string, CommandTemplate>;

export type CommandId = keyof typeof COMMANDS;

/** A place in a web UI, for a step no command line can do: each segment is one click or search. */
export interface UiPath {
  readonly path: readonly string[];
  readonly source: SourceId;
}

export const UI_PATHS = {
  // Heroku Dashboard and add-on dashboards.
  'space-create': { path: ['Heroku Dashboard', 'your team', 'Spaces tab', 'Create new Private Space'], source: 'privateSpaces' },
  'connect-mappings': { path: ['Heroku Connect dashboard', 'Mappings tab', 'Create Mapping'], source: 'managingMappings' },
  'connect-external-objects': { path: ['Heroku Connect dashboard', 'External Objects tab'], source: 'externalObjectsSalesforce' },
  'connect-external-objects-reset': { path: ['Heroku Connect dashboard', 'External Objects', 'Reset and Email Username/Password'], source: 'odataUpgrade' },
  'applink-dashboard': { path: ['Heroku AppLink dashboard', 'Connections, Authorizations and Publications tabs'], source: 'appLinkDashboard' },
  // Salesforce Setup.
  'users-new': { path: ['Setup', 'Quick Find: Users', 'Users', 'New User'], source: 'addUser' },
  'permission-sets': { path: ['Setup', 'Quick Find: Permission Sets', 'Permission Sets', 'New'], source: 'integrationUser' },
  'eca-new': { path: ['Setup', 'Quick Find: Apps', 'App Manager', 'New External Client App', 'API (Enable OAuth Settings)', 'Enable OAuth'], source: 'ecaCreate' },
  'eca-flows': { path: ['Setup', 'Quick Find: External', 'External Client App Manager', 'the app', 'Edit Settings', 'OAuth Settings', 'Flow Enablement'], source: 'ecaPolicies' },
  'eca-policies': { path: ['Setup', 'Quick Find: External', 'External Client App Manager', 'the app', 'Edit Policies', 'OAuth Policies', 'Permitted Users: Admin approved users are pre-authorized'], source: 'ecaPolicies' },
  'eca-consumer-key': { path: ['Setup', 'Quick Find: External', 'External Client App Manager', 'the app', 'Settings tab', 'OAuth Settings', 'Consumer Key and Secret'], source: 'ecaConsumerKey' },
  'eca-canvas': { path: ['Setup', 'Quick Find: External', 'External Client App Manager', 'the app', 'Settings tab', 'Canvas App Settings'], source: 'canvasEcaSettings' },
  'external-credentials': { path: ['Setup', 'Quick Find: Named Credentials', 'Named Credentials', 'External Credentials'], source: 'externalCredentialJwt' },
  'external-data-sources': { path: ['Setup', 'Quick Find: External Data Sources', 'External Data Sources', 'New External Data Source'], source: 'odataUpgrade' },
  'platform-events-new': { path: ['Setup', 'Quick Find: Platform Events', 'Platform Events', 'New Platform Event'], source: 'platformEventsDefine' },
} as const satisfies Record<string, UiPath>;

export type UiPathId = keyof typeof UI_PATHS;
