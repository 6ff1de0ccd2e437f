import type { MapNode, ModelNode, ScalarNode, SeqNode } from './node';
import { isPathKey, PATH_KEYS, type PathKey } from '../vocabulary';
import type { OrgFigures } from './orgFigures';

/**
 * The typed view of a design that rules read. It mirrors the JSON Schema key for key
 * (snake_case, as written in YAML); only values of the right type and form appear, so
 * rules never see what schema validation already reported. Durations are milliseconds,
 * counts are numbers, and every value keeps its node for ranges and fixes.
 */
export interface Field<T> {
  readonly value: T;
  readonly node: ModelNode;
}

/** A list of scalar values; `nodes[i]` is the node of `value[i]` (invalid items are left out of both). */
export interface ListField<T> {
  readonly value: readonly T[];
  readonly nodes: readonly ModelNode[];
  readonly node: SeqNode;
}

export interface Section {
  readonly $node: MapNode;
}

export type Environment = 'production' | 'sandbox' | 'proof-of-concept';
export type Edition = 'enterprise' | 'unlimited' | 'performance' | 'professional' | 'developer';
export type HerokuRegion = 'us' | 'eu' | 'dublin' | 'frankfurt' | 'london' | 'montreal' | 'mumbai' | 'oregon' | 'singapore' | 'sydney' | 'tokyo' | 'virginia';
export type SalesforceRegion = 'us-east' | 'us-west' | 'canada' | 'brazil' | 'ireland' | 'germany' | 'uk' | 'france' | 'india' | 'singapore' | 'australia' | 'japan';
export type Caller = 'flow' | 'apex' | 'apex-trigger' | 'agentforce' | 'data-cloud';
export type Permission = 'api-enabled' | 'view-all-data' | 'view-all' | 'modify-all-data' | 'modify-all';
export type CanvasAuth = 'signed-request' | 'oauth-web-server' | 'oauth-user-agent';

export interface Design extends Section {
  version?: Field<number>;
  name?: Field<string>;
  summary?: Field<string>;
  environment?: Field<Environment>;
  salesforce?: SalesforceOrg;
  heroku?: HerokuResources;
  requirements?: Requirements;
  regions?: Regions;
  integration_users?: IntegrationUsers;
  paths?: Paths;
  /**
   * Not from the text: the org's figures its estate settled, when the design is checked as part of
   * one (`AnalysisOptions.org`). The design's checks read them through `orgFigure` (orgFigures.ts).
   */
  readonly $org?: OrgFigures;
}

export type OrgType = 'production' | 'sandbox' | 'developer' | 'scratch';

export interface SalesforceOrg extends Section {
  /** The org's id: designs naming the same org form one estate (core/estate/). */
  org?: Field<string>;
  edition?: Field<Edition>;
  org_type?: Field<OrgType>;
  instance?: Field<string>;
  /** The org's high-volume platform event and CDC delivery allocation per 24 hours. */
  event_deliveries_per_day?: Field<number>;
  /** The org's API request allocation per rolling 24 hours. */
  daily_api_requests?: Field<number>;
  /** The My Domain host name, e.g. `acme.my.salesforce.com`. */
  my_domain?: Field<string>;
  cli_alias?: Field<string>;
}

export interface HerokuResources extends Section {
  team?: Field<string>;
  private_space?: PrivateSpace;
  apps?: ListField<string>;
}

export interface PrivateSpace extends Section {
  name?: Field<string>;
  generation?: Field<'cedar' | 'fir'>;
  shield?: Field<boolean>;
}

export interface Requirements extends Section {
  direction?: Field<'salesforce-to-heroku' | 'heroku-to-salesforce' | 'bidirectional'>;
  source_of_truth?: Field<'salesforce' | 'heroku' | 'shared'>;
  heroku_needs_local_copy?: Field<boolean>;
  acceptable_lag?: Field<number>;
  volume?: Section & { rows?: Field<number>; events_per_day?: Field<number> };
  salesforce_users_view_heroku_data?: Field<boolean>;
  salesforce_calls_heroku?: Section & { from?: ListField<Caller>; synchronous?: Field<boolean> };
  heroku_reacts_to_salesforce_changes?: Field<boolean>;
  heroku_needs_occasional_salesforce_data?: Field<boolean>;
  ui_embedded_in_salesforce?: Field<boolean>;
  cross_org_passthrough?: Field<boolean>;
  regulated_data?: Field<boolean>;
}

export interface Regions extends Section {
  heroku_app?: Field<HerokuRegion>;
  heroku_postgres?: Field<HerokuRegion>;
  heroku_connect?: Field<HerokuRegion>;
  salesforce?: Field<SalesforceRegion>;
}

export interface IntegrationUser extends Section {
  username?: Field<string>;
  kind?: Field<'integration' | 'person'>;
  license?: Field<'salesforce-integration' | 'salesforce' | 'salesforce-platform'>;
  permissions?: ListField<Permission>;
  used_by?: ListField<PathKey>;
  /** Milliseconds. */
  credential_rotation?: Field<number>;
  permission_set?: Field<string>;
}

/** Users by their id (the mapping key); `$entries` keeps the key nodes. */
export interface IntegrationUsers extends Section {
  readonly [id: string]: IntegrationUser | MapNode;
}

export interface Paths extends Section {
  heroku_connect?: ConnectPath;
  heroku_applink?: AppLinkPath;
  external_objects?: ExternalObjectsPath;
  platform_events?: PlatformEventsPath;
  rest_api?: RestApiPath;
  apex_callout?: ApexCalloutPath;
  canvas?: CanvasPath;
}

export interface ConnectPath extends Section {
  app?: Field<string>;
  addon?: Field<string>;
  plan?: Field<'demo' | 'enterprise' | 'shield'>;
  contracted_rows?: Field<number>;
  polling_interval?: Field<number>;
  api_version?: Field<number>;
  recovery_objective?: Field<number>;
  sandbox_refresh?: Field<'recreate-connection' | 'not-applicable'>;
  provisioning?: Field<'cli' | 'dashboard' | 'app-json' | 'review-app'>;
  database?: Section & { name?: Field<string>; plan?: Field<string>; connection_pooling?: Field<boolean>; postgres_fdw?: Field<boolean> };
  mappings?: SectionList<Mapping>;
}

export interface Mapping extends Section {
  object?: Field<string>;
  mode?: Field<'read-only' | 'read-write'>;
  rows?: Field<number>;
  accelerated_polling?: Field<boolean>;
  polling_interval?: Field<number>;
}

/** A list of sections (e.g. mappings). */
export interface SectionList<T extends Section> {
  readonly items: readonly T[];
  readonly node: SeqNode;
}

export interface AppLinkPath extends Section {
  app?: Field<string>;
  addon?: Field<string>;
  connection_name?: Field<string>;
  client_name?: Field<string>;
  api_spec?: Field<string>;
  authorization?: Field<string>;
  callers?: ListField<Caller>;
  user_mode?: Field<'user' | 'user-plus' | 'authorized-user'>;
  synchronous?: Field<boolean>;
  response_time?: Field<number>;
  platform_api_requests_per_hour?: Field<number>;
  api_requests_per_day?: Field<number>;
}

export interface ExternalObjectsPath extends Section {
  app?: Field<string>;
  odata_version?: Field<'2.0' | '4.0' | '4.01'>;
  writable?: Field<boolean>;
  requests_per_hour?: Field<number>;
  standard_reports?: Field<boolean>;
  tables?: ListField<string>;
}

export interface PlatformEventsPath extends Section {
  app?: Field<string>;
  api?: Field<'pub-sub' | 'cometd'>;
  event_type?: Field<'platform-event' | 'change-data-capture' | 'push-topic' | 'generic-streaming'>;
  events_per_day?: Field<number>;
  subscribers?: Field<number>;
  /** Deprecated: the org's allocation is `salesforce.event_deliveries_per_day`. */
  delivery_allocation?: Field<number>;
  max_subscriber_downtime?: Field<number>;
  entities?: ListField<string>;
  event?: Field<string>;
  auth_flow?: Field<'jwt-bearer' | 'client-credentials'>;
  external_client_app?: Field<string>;
}

export interface RestApiPath extends Section {
  app?: Field<string>;
  auth_flow?: Field<'jwt-bearer' | 'client-credentials' | 'web-server' | 'refresh-token'>;
  app_type?: Field<'external-client-app' | 'connected-app' | 'new-connected-app'>;
  token_holders?: Field<number>;
  long_running_requests?: Field<number>;
  api_requests_per_day?: Field<number>;
  external_client_app?: Field<string>;
}

export interface ApexCalloutPath extends Section {
  app?: Field<string>;
  context?: Field<'trigger' | 'queueable' | 'future' | 'batch' | 'scheduled' | 'invocable' | 'lwc-controller'>;
  synchronous?: Field<boolean>;
  timeout?: Field<number>;
  callouts_per_transaction?: Field<number>;
  named_credential?: Field<string>;
  endpoint?: Field<string>;
  external_credential?: Field<string>;
  auth_protocol?: Field<'custom' | 'jwt' | 'oauth-jwt-bearer' | 'oauth-client-credentials'>;
  permission_set?: Field<string>;
}

export interface CanvasPath extends Section {
  app?: Field<string>;
  /** Always a list here, even when written as a single value. */
  auth?: Field<readonly CanvasAuth[]>;
  runs_outside_salesforce?: Field<boolean>;
  locations?: ListField<string>;
  calls_per_day?: Field<number>;
  external_client_app?: Field<string>;
  url?: Field<string>;
}

export function isSection(value: unknown): value is Section {
  return typeof value === 'object' && value !== null && '$node' in value;
}

/** The paths a design states (its keys under `paths`), in document order. */
export function chosenPaths(design: Design | undefined): PathKey[] {
  return chosenPathSections(design).map(([key]) => key);
}

/** The paths a design states, in the vocabulary's order (documents and reports list them so). */
export function chosenPathsInOrder(design: Design | undefined): PathKey[] {
  const paths = design?.paths;
  return PATH_KEYS.filter((key) => paths?.[key] !== undefined);
}

/** The paths a design states as [key, section], in document order. */
export function chosenPathSections(design: Design | undefined): [PathKey, Section][] {
  const paths = design?.paths;
  if (!paths) return [];
  return (Object.entries(paths) as [string, unknown][])
    .filter((e): e is [PathKey, Section] => isPathKey(e[0]) && isSection(e[1]))
    .sort((a, b) => a[1].$node.range.start - b[1].$node.range.start);
}

/** The users of a design as [id, user] pairs, in document order. */
export function integrationUsers(design: Design): [string, IntegrationUser][] {
  const users = design.integration_users;
  if (!users) return [];
  return Object.entries(users).filter((e): e is [string, IntegrationUser] => e[0] !== '$node' && isSection(e[1]));
}

/**
 * The Heroku app a path runs on, as the design states it: the path's own `app`, External
 * Objects on Connect's app, or the design's only app (`heroku.apps`); undefined when it is open.
 */
export function statedPathApp(design: Design | undefined, path: PathKey): string | undefined {
  const own = design?.paths?.[path]?.app;
  if (own) return own.value;
  if (path === 'external_objects' && design?.paths?.heroku_connect) return statedPathApp(design, 'heroku_connect');
  const apps = design?.heroku?.apps?.value ?? [];
  return apps.length === 1 ? apps[0] : undefined;
}

/** The other paths that log in as the same user. */
export function sharedWith(user: IntegrationUser, path: PathKey): PathKey[] {
  return (user.used_by?.value ?? []).filter((p) => p !== path);
}

export type { PathKey, ScalarNode };
