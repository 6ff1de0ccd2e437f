import * as vscode from 'vscode';
import { ARTIFACT_KINDS, type ArtifactKind } from '../../../server/src/protocol';
import type { DesignServer } from '../designServer';
import type { ClientPlatform } from '../platform';
import type { WorkspaceTrust } from '../trust';
import { ArtifactGenerator } from './generate';
import { ARTIFACT_COMMANDS } from './ids';
import { trackArtifactSchemes } from './schemes';

/**
 * Registers Generate Decision Recommendation / Connection Runbook / Risk Register / All
 * Artifacts. Returns the generator so the extension's test API can answer its prompts.
 */
export function registerArtifactCommands(context: vscode.ExtensionContext, server: DesignServer, trust: WorkspaceTrust, platform: Pick<ClientPlatform, 'canWriteArtifacts' | 'cannotWriteArtifacts'>): ArtifactGenerator {
  const generator = new ArtifactGenerator(server, trust, platform);
  const schemes = trackArtifactSchemes((scheme) => platform.canWriteArtifacts(scheme));
  generator.schemes = () => schemes.current();
  const register = (id: string, kinds: readonly ArtifactKind[]) =>
    vscode.commands.registerCommand(id, (resource?: vscode.Uri) => generator.run(kinds, resource));
  context.subscriptions.push(
    schemes,
    ...ARTIFACT_KINDS.map((k) => register(ARTIFACT_COMMANDS[k.kind], [k.kind])),
    register(ARTIFACT_COMMANDS.all, ARTIFACT_KINDS.map((k) => k.kind)),
  );
  return generator;
}

export type { ArtifactGenerator };
export type { ArtifactRunResult } from './generate';
export type { OverwriteChoice, OverwriteQuestion, OverwritePrompt } from './prompt';
