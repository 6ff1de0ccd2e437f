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

/** The org-wide document `integration-lint estate` writes for each org: `<org>.estate.risks.md`. */
export const ESTATE_ARTIFACT = { kind: 'estate', title: 'Estate risk register', suffix: '.estate.risks.md' } as const;
/** Every kind of generated file: a design's three, and the estate's. */
export type GeneratedKind = ArtifactKind | typeof ESTATE_ARTIFACT.kind;

/**
 * The two kinds of file the product reads: designs, and the descriptions of the Salesforce orgs
 * they name (org files, beside the designs). A file's kind follows from its name alone.
 */
export const DOCUMENT_FILE_NAMES = {
  design: { exact: 'integration.yaml', suffix: '.integration.yaml' },
  org: { exact: 'salesforce-org.yaml', suffix: '.salesforce-org.yaml' },
} as const;
export type DocumentKind = keyof typeof DOCUMENT_FILE_NAMES;

/** The glob patterns of both kinds (`integration.yaml`, `*.integration.yaml`, …), for file watchers and manifests. */
export const DOCUMENT_FILE_PATTERNS: readonly string[] = Object.values(DOCUMENT_FILE_NAMES).flatMap((n) => [n.exact, `*${n.suffix}`]);

/** The kind of a file by its name (the last segment of a path or URI), or undefined for other files. */
/** Folders never searched for designs (the workspace index, the CLI, the editor's listing). */
export const SKIPPED_FOLDER_NAMES: readonly string[] = ['node_modules', '.git'];

export function documentKindOfName(fileName: string): DocumentKind | undefined {
  for (const kind of Object.keys(DOCUMENT_FILE_NAMES) as DocumentKind[]) {
    const names = DOCUMENT_FILE_NAMES[kind];
    if (fileName === names.exact || fileName.endsWith(names.suffix)) return kind;
  }
  return undefined;
}

/** The kind of the file a URI or path names; anything else (an untitled buffer, another name) is read as a design. */
export function documentKindOf(uriOrPath: string): DocumentKind {
  const name = uriOrPath.replace(/[?#].*$/, '').replace(/^.*[/\\]/, '');
  return documentKindOfName(name) ?? 'design';
}

export function isPathKey(value: unknown): value is PathKey {
  return (PATH_KEYS as readonly unknown[]).includes(value);
}

export function isAnswerKey(value: unknown): value is AnswerKey {
  return (ANSWER_KEYS as readonly unknown[]).includes(value);
}

export function isArtifactKind(value: unknown): value is ArtifactKind {
  return ARTIFACT_KINDS.some((k) => k.kind === value);
}

export function isGeneratedKind(value: unknown): value is GeneratedKind {
  return isArtifactKind(value) || value === ESTATE_ARTIFACT.kind;
}

/*
 * The SVG the diagram and the gauges are drawn with: the only tags and attribute names the tree
 * may use. The serializer refuses anything else and the walkthrough's webview builds nothing else
 * (it reads these through the protocol, which carries no core code but this vocabulary).
 */
export type SvgTag = 'svg' | 'g' | 'rect' | 'path' | 'text' | 'title' | 'circle';

export const SVG_TAGS: readonly SvgTag[] = ['svg', 'g', 'rect', 'path', 'text', 'title', 'circle'];
export const SVG_ATTRIBUTE = /^(?:viewBox|width|height|x|y|rx|d|cx|cy|r|class|role|tabindex|focusable|aria-label|aria-hidden|id|data-line|data-element|fill|stroke|stroke-width|text-anchor|font-size|font-weight|font-family)$/;
