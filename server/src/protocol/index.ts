/**
 * The contract between the language server and its clients: the only part of the server tree
 * the VS Code client imports (test/unit/architecture.test.ts checks it). Message names and
 * shapes (messages.ts), the walkthrough's view types (views.ts, the core's own types), the
 * shared names (the core's vocabulary, an import-free module) and how the server process is
 * started (launchProfile.ts).
 */
export * from './messages';
export type * from './views';
export { ANSWER_KEYS, ARTIFACT_KINDS, DOCUMENT_FILE_PATTERNS, PATH_KEYS, SKIPPED_FOLDER_NAMES, SVG_ATTRIBUTE, SVG_TAGS, isAnswerKey, isArtifactKind, isPathKey } from '../core/vocabulary';
export { SERVER_ENV, SERVER_NODE_FLAGS } from './launchProfile';
