import { basename, dirname, join, resolve } from 'node:path';
import * as vscode from 'vscode';
import { ARTIFACT_KINDS, type ArtifactKind, type ArtifactsGenerateResult } from '../../../server/src/lsp/protocol';
import type { DesignServer } from '../designServer';
import { artifactsNeedTrust } from '../restrictedMode';
import type { WorkspaceTrust } from '../trust';
import { ArtifactsGenerateRequest } from '../protocol';
import { ArtifactWriteError, writeArtifactFile } from '../../../server/src/node/files';
import { ARTIFACTS_FOLDER_SETTING } from './ids';
import { askBeforeOverwriting, type OverwritePrompt } from './prompt';

/** What one run of a Generate command did; the command resolves with it (tests read it). */
export interface ArtifactRunResult {
  readonly design?: vscode.Uri;
  /** Files created or replaced, including "Keep both" copies, in the order generated. */
  readonly written: vscode.Uri[];
  /** Files that already had exactly the generated content. */
  readonly unchanged: vscode.Uri[];
  /** Edited files left as they were (the user chose Keep both or Cancel). */
  readonly kept: vscode.Uri[];
  readonly cancelled: boolean;
  /** The error shown to the user, when the run stopped on one. */
  readonly error?: string;
}

const DESIGN_FILE = /(^|\.)integration\.ya?ml$/i;

const titleOf = (kind: ArtifactKind): string => ARTIFACT_KINDS.find((k) => k.kind === kind)?.title ?? kind;

/**
 * The Generate commands: the language server generates from the design (the active editor's,
 * or the one the command was invoked on); this writes beside it without ever overwriting hand
 * edits unasked, then opens what was written.
 */
export class ArtifactGenerator {
  /** Asks before overwriting an edited file; tests replace it to answer for the user. */
  prompt: OverwritePrompt = askBeforeOverwriting;

  constructor(private readonly server: DesignServer, private readonly trust: WorkspaceTrust) {}

  async run(kinds: readonly ArtifactKind[], resource?: vscode.Uri): Promise<ArtifactRunResult> {
    const result = { written: [] as vscode.Uri[], unchanged: [] as vscode.Uri[], kept: [] as vscode.Uri[] };
    const fail = (error: string, design?: vscode.Uri): ArtifactRunResult => ({ ...result, design, cancelled: false, error });
    const what = kinds.length === 1 ? `the ${titleOf(kinds[0]).toLowerCase()}` : 'the artifacts';

    if (!this.trust.isTrusted) {
      const message = artifactsNeedTrust(what);
      void vscode.window.showWarningMessage(message, 'Manage Workspace Trust').then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
      });
      return fail(message);
    }

    const document = await this.designDocument(resource);
    if (typeof document === 'string') {
      void vscode.window.showErrorMessage(document);
      return fail(document);
    }
    const design = document.uri;
    if (document.isDirty) {
      const save = 'Save and Generate';
      const choice = await vscode.window.showWarningMessage(
        `'${basename(design.fsPath)}' has unsaved changes.`,
        { modal: true, detail: `The artifacts record the design they were generated from; save it first so they match the file.` },
        save,
      );
      if (choice !== save || !(await document.save())) return { ...result, design, cancelled: true };
    }

    const text = document.getText();
    const designName = basename(design.fsPath);
    const setting = vscode.workspace.getConfiguration(undefined, design).get<string>(ARTIFACTS_FOLDER_SETTING, '') ?? '';
    const folder = resolve(dirname(design.fsPath), setting.trim());
    let generated: ArtifactsGenerateResult;
    try {
      // The server also looks at what is in the folder, so hand edits are recognised.
      generated = await this.server.request(ArtifactsGenerateRequest, { uri: design.toString(), version: document.version, text, kinds, folder }, `generate ${what}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      void vscode.window.showErrorMessage(message);
      return fail(message, design);
    }

    for (const artifact of generated.artifacts) {
      const target = join(folder, artifact.fileName);
      if (artifact.readError !== undefined) {
        const message = `Could not read '${target}': ${artifact.readError}. Nothing was written.`;
        void vscode.window.showErrorMessage(message);
        return fail(message, design);
      }
      const { plan: planned, keepBothName } = artifact;
      if (planned === undefined || keepBothName === undefined) {
        // Only an incompatible server answers without them: never write blind.
        const message = `The language server did not say what is at '${target}'. Nothing was written; restart the language server and try again.`;
        void vscode.window.showErrorMessage(message);
        return fail(message, design);
      }
      const openDirty = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === target && d.isDirty);
      const plan = openDirty ? 'ask' : planned;
      let destination = target;
      if (plan === 'unchanged') {
        result.unchanged.push(vscode.Uri.file(target));
        continue;
      }
      if (plan === 'ask') {
        const reason = openDirty ? 'dirty' : artifact.existing === 'edited' ? 'edited' : 'foreign';
        const choice = await this.prompt({ target: vscode.Uri.file(target), reason, keepBothName });
        if (choice === 'cancel') {
          result.kept.push(vscode.Uri.file(target));
          return { ...result, design, cancelled: true };
        }
        if (choice === 'keep-both') {
          result.kept.push(vscode.Uri.file(target));
          destination = join(folder, keepBothName);
        }
      }
      try {
        writeArtifactFile(destination, artifact.content);
      } catch (error) {
        if (!(error instanceof ArtifactWriteError)) throw error;
        const message = `Could not write '${basename(destination)}' in ${folder}: ${error.reason}. Existing files were left as they were.`;
        void vscode.window.showErrorMessage(message);
        return fail(message, design);
      }
      result.written.push(vscode.Uri.file(destination));
    }

    await this.open([...result.written, ...result.unchanged], generated.errorCount, designName);
    return { ...result, design, cancelled: false };
  }

  /** The design to generate from: the given file, or the active editor's document. */
  private async designDocument(resource: vscode.Uri | undefined): Promise<vscode.TextDocument | string> {
    let document: vscode.TextDocument | undefined;
    if (resource instanceof vscode.Uri) {
      try {
        document = await vscode.workspace.openTextDocument(resource);
      } catch (error) {
        return `Could not open '${resource.fsPath}': ${error instanceof Error ? error.message : String(error)}`;
      }
    } else {
      document = vscode.window.activeTextEditor?.document;
    }
    if (!document) return 'Open an integration design (integration.yaml or *.integration.yaml) first: the artifacts are generated from it.';
    const isDesign = document.languageId === 'integration-yaml' || DESIGN_FILE.test(basename(document.uri.path));
    if (!isDesign) return `'${basename(document.uri.path)}' is not an integration design. Open an integration.yaml or *.integration.yaml file first.`;
    if (document.isUntitled) return 'Save the design to a file first: the artifacts are written beside it.';
    if (document.uri.scheme !== 'file') return `'${basename(document.uri.path)}' is not a file on disk; artifacts can only be written beside designs on disk.`;
    return document;
  }

  /** Opens what was generated (first one focused) and offers the Markdown preview. */
  private async open(files: readonly vscode.Uri[], errors: number, designName: string): Promise<void> {
    if (files.length === 0) return;
    for (const [index, uri] of [...files].reverse().entries()) {
      await vscode.window.showTextDocument(uri, { preview: false, preserveFocus: index < files.length - 1 });
    }
    const names = files.map((f) => `'${basename(f.fsPath)}'`).join(', ');
    const message = errors > 0
      ? `Generated ${names} from '${designName}', which has ${errors} error${errors === 1 ? '' : 's'}: the document${files.length === 1 ? ' lists them' : 's list them'} at the top.`
      : `Generated ${names} from '${designName}'.`;
    const shown = errors > 0 ? vscode.window.showWarningMessage(message, 'Open Preview') : vscode.window.showInformationMessage(message, 'Open Preview');
    void shown.then((choice) => {
      if (choice) void vscode.commands.executeCommand('markdown.showPreviewToSide', files[0]);
    });
  }
}
