/** Identifiers shared by the manifest (package.json) and the client code. */
import { SETTINGS_SECTION } from '../../server/src/protocol';

export const LANGUAGE_ID = 'integration-yaml';
/** The LanguageClient id: also the prefix of the `integrationDesigner.trace.server` setting. */
export const CLIENT_ID = SETTINGS_SECTION;
export const CLIENT_NAME = 'Integration Designer';

export const COMMANDS = {
  restartServer: 'integrationDesigner.restartServer',
  showOutput: 'integrationDesigner.showOutput',
  showKnowledgeBase: 'integrationDesigner.showKnowledgeBase',
} as const;
