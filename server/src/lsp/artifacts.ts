import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { ErrorCodes, ResponseError } from './lspLibrary';
import { readIfExists } from '../node/files';
import { generateArtifact } from '../core/artifacts/generate';
import { inspectExisting } from '../core/artifacts/header';
import { artifactKindInfo, isArtifactKind, keepBothFileName } from '../core/artifacts/kinds';
import { planWrite } from '../core/artifacts/plan';
import { fileNameOf, type DesignTexts } from './designDocument';
import type { ArtifactsGenerateParams, ArtifactsGenerateResult, GeneratedArtifactView } from './protocol';

/**
 * Generates the artifacts' Markdown from a design (default severities, like the CLI) and, when
 * the client says where it will write them, looks at what is there so the client can ask before
 * overwriting hand edits. The server never writes: files, prompts and trust stay with the client.
 */
export async function generateArtifacts(designs: DesignTexts, params: ArtifactsGenerateParams): Promise<ArtifactsGenerateResult> {
  const kinds = Array.isArray(params.kinds) ? params.kinds : [];
  if (kinds.length === 0 || !kinds.every((k) => typeof k === 'string' && isArtifactKind(k))) {
    throw new ResponseError(ErrorCodes.InvalidParams, 'Expected kinds among recommendation, runbook, risks.');
  }
  const folder = params.folder;
  if (folder !== undefined && (typeof folder !== 'string' || !isAbsolute(folder))) {
    throw new ResponseError(ErrorCodes.InvalidParams, 'folder must be an absolute path.');
  }
  const design = await designs.get(params);
  const designName = fileNameOf(params.uri);
  const artifacts = kinds.map((kind): GeneratedArtifactView => {
    const artifact = generateArtifact(kind, design.text, designName, design.analysis);
    const view = { kind, title: artifactKindInfo(kind).title, fileName: artifact.fileName, content: artifact.content };
    if (folder === undefined) return view;
    const keepBothName = keepBothFileName(artifact.fileName, (candidate) => existsSync(join(folder, candidate)));
    let existing: string | undefined;
    try {
      existing = readIfExists(join(folder, artifact.fileName));
    } catch (error) {
      return { ...view, keepBothName, readError: error instanceof Error ? error.message : String(error) };
    }
    const plan = planWrite(existing, artifact.content);
    const state = plan === 'ask' && existing !== undefined ? inspectExisting(existing) : undefined;
    return { ...view, plan, keepBothName, existing: state === 'edited' ? 'edited' : state === undefined ? undefined : 'foreign' };
  });
  return { artifacts, errorCount: design.analysis.findings.filter((f) => f.severity === 'error').length };
}
