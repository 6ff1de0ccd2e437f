import type { ArtifactContext } from '../context';
import { known, type StepWriter } from './commands';
import { orgAlias } from './resources';

/**
 * Salesforce metadata a runbook deploys: a Salesforce DX project to hold it (created by the
 * first step that needs it), the files, and the deploy.
 */
const PROJECT = 'integration-metadata';
const CREATED = new WeakMap<ArtifactContext, true>();

/** Creates the project the first time a runbook needs it, and says to work inside it. */
export function useProject(ctx: ArtifactContext, w: StepWriter): void {
  if (CREATED.has(ctx)) {
    w.say('', `The metadata goes into the Salesforce DX project \`${PROJECT}\` created earlier in this runbook.`);
    return;
  }
  CREATED.set(ctx, true);
  w.run(`Create a Salesforce DX project to hold the metadata, in the folder \`${PROJECT}\` (this runbook's choice); the commands below stay in the current folder and enter the project only to deploy`, [['sf-project-generate', { project: known(PROJECT) }]]);
}

/** Deploys everything under force-app to the org. */
export function deploy(ctx: ArtifactContext, w: StepWriter, what: string): void {
  w.runIn(PROJECT, `Deploy ${what} to the org, from inside the project`, [['sf-deploy', { alias: orgAlias(ctx) }]]);
}

/** The metadata file path of a component under the project's force-app/main/default. */
export function metadataPath(folder: string, name: string, suffix: string): string {
  return `${PROJECT}/force-app/main/default/${folder}/${name}.${suffix}-meta.xml`;
}

/** A file of the project, by its path inside it. */
export function projectFile(path: string): string {
  return `${PROJECT}/${path}`;
}

export const XML_HEADER = '<?xml version="1.0" encoding="UTF-8"?>';
export const METADATA_NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';
