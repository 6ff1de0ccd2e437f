/**
 * The names the whole product shares: integration paths, walkthrough answers, artifact kinds.
 * Defined once here; the core, the LSP protocol and the VS Code client all read them from this
 * file. It imports nothing, so a client bundle that needs the names pulls in no core code.
 */

/** The integration paths, in the order the format, the docs and the runbook list them. */
export const PATH_KEYS = ['heroku_connect', 'heroku_applink', 'external_objects', 'platform_events', 'rest_api', 'apex_callout', 'canvas'] as const;
export type PathKey = (typeof PATH_KEYS)[number];

/** A decision table row's path; 'none' when no Heroku path fits. */
export type Recommendation = PathKey | 'none';

/** Display names, as the skill document writes them, and 'none' for the table's "none of these" row. */
export const PATH_NAMES: Readonly<Record<Recommendation, string>> = {
  heroku_connect: 'Heroku Connect',
  heroku_applink: 'Heroku AppLink',
  external_objects: 'Heroku External Objects',
  platform_events: 'Platform Events / Pub/Sub',
  rest_api: 'Heroku → Salesforce REST API',
  apex_callout: 'Apex callout → Heroku',
  canvas: 'Salesforce Canvas',
  none: 'None of the Heroku paths',
};

/** The decision table's inputs, in the order the walkthrough asks for them. */
export const ANSWER_KEYS = [
  'environment', 'direction', 'sourceOfTruth', 'herokuNeedsLocalCopy', 'acceptableLag', 'rows', 'eventsPerDay',
  'salesforceUsersViewHerokuData', 'callers', 'synchronousCalls', 'herokuReactsToSalesforceChanges',
  'herokuNeedsOccasionalSalesforceData', 'uiEmbeddedInSalesforce', 'crossOrgPassthrough', 'regulatedData',
] as const;
export type AnswerKey = (typeof ANSWER_KEYS)[number];

/** The documents generated from a design; `<design>.<suffix>` names each file. */
export const ARTIFACT_KINDS = [
  { kind: 'recommendation', title: 'Decision recommendation', suffix: '.recommendation.md' },
  { kind: 'runbook', title: 'Connection runbook', suffix: '.runbook.md' },
  { kind: 'risks', title: 'Risk register', suffix: '.risks.md' },
] as const;
export type ArtifactKind = (typeof ARTIFACT_KINDS)[number]['kind'];

export function isPathKey(value: unknown): value is PathKey {
  return (PATH_KEYS as readonly unknown[]).includes(value);
}

export function isAnswerKey(value: unknown): value is AnswerKey {
  return (ANSWER_KEYS as readonly unknown[]).includes(value);
}

export function isArtifactKind(value: unknown): value is ArtifactKind {
  return ARTIFACT_KINDS.some((k) => k.kind === value);
}
