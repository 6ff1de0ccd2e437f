import type { ArtifactKind } from '../../../server/src/protocol';

/** Command ids, shared with the manifest (package.json contributes.commands). */
export const ARTIFACT_COMMANDS: Readonly<Record<ArtifactKind | 'all', string>> = {
  recommendation: 'integrationDesigner.generateRecommendation',
  runbook: 'integrationDesigner.generateRunbook',
  risks: 'integrationDesigner.generateRisks',
  all: 'integrationDesigner.generateAllArtifacts',
};

/** Where artifacts go, relative to the design's folder ('' = beside the design). */
export const ARTIFACTS_FOLDER_SETTING = 'integrationDesigner.artifacts.folder';
