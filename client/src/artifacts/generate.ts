import * as vscode from 'vscode';
import { ARTIFACT_KINDS, type ArtifactKind, type ArtifactsWriteResult, type ConfirmOverwriteParams, type ConfirmOverwriteResult } from '../../../server/src/protocol';
import type { DesignServer } from '../designServer';
import type { ClientPlatform } from '../platform';
import { artifactsNeedTrust } from '../restrictedMode';
import type { WorkspaceTrust } from '../trust';
import { ArtifactsWriteRequest, ConfirmOverwriteRequest } from '../protocol';
import { askBeforeOverwriting, type OverwritePrompt } from './prompt';
import { fileNameOf } from '../fileName';

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
 * The Generate commands: the language server generates the artifacts from the design (the
 * active editor's, or the one the command was invoked on) and writes them, asking here before
 * it replaces hand edits; this opens what was written. Trust and unsaved designs are checked
 * first, since both are about this editor.
 */
export class ArtifactGenerator {
  /** Asks before overwriting an edited file; tests replace it to answer for the user. */
  prompt: OverwritePrompt = askBeforeOverwriting;
  /** The URI schemes the commands are offered for now (the menus' context key, artifacts/schemes.ts). */
  schemes: () => readonly string[] = () => [];

  constructor(private readonly server: DesignServer, private readonly trust: WorkspaceTrust, private readonly platform: Pick<ClientPlatform, 'canWriteArtifacts' | 'cannotWriteArtifacts'>) {
    server.onRequest(ConfirmOverwriteRequest, (params) => this.confirm(params));
  }

  async run(kinds: readonly ArtifactKind[], resource?: vscode.Uri): Promise<ArtifactRunResult> {
    const none = { written: [] as vscode.Uri[], unchanged: [] as vscode.Uri[], kept: [] as vscode.Uri[] };
    const fail = (error: string, design?: vscode.Uri): ArtifactRunResult => ({ ...none, design, cancelled: false, error });
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
        `'${fileNameOf(design)}' has unsaved changes.`,
        { modal: true, detail: `The artifacts record the design they were generated from; save it first so they match the file.` },
        save,
      );
      if (choice !== save || !(await document.save())) return { ...none, design, cancelled: true };
    }

    let outcome: ArtifactsWriteResult;
    try {
      const unsavedDocuments = vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString());
      outcome = await this.server.request(ArtifactsWriteRequest, { uri: design.toString(), version: document.version, text: document.getText(), kinds, unsavedDocuments }, `generate ${what}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      void vscode.window.showErrorMessage(message);
      return fail(message, design);
    }
    const result = {
      design,
      written: outcome.written.map((u) => vscode.Uri.parse(u)),
      unchanged: outcome.unchanged.map((u) => vscode.Uri.parse(u)),
      kept: outcome.kept.map((u) => vscode.Uri.parse(u)),
      cancelled: outcome.cancelled,
      error: outcome.error,
    };
    if (outcome.error !== undefined) {
      void vscode.window.showErrorMessage(outcome.error);
      return result;
    }
    if (!outcome.cancelled) await this.open([...result.written, ...result.unchanged], outcome.errorCount, fileNameOf(design));
    return result;
  }

  /** The server's question before it replaces hand edits. */
  private async confirm(params: ConfirmOverwriteParams): Promise<ConfirmOverwriteResult> {
    const target = vscode.Uri.parse(params.uri);
    return this.prompt({ target, reason: params.reason, keepBothName: fileNameOf(vscode.Uri.parse(params.keepBothUri)) });
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
    const isDesign = document.languageId === 'integration-yaml' || DESIGN_FILE.test(fileNameOf(document.uri));
    if (!isDesign) return `'${fileNameOf(document.uri)}' is not an integration design. Open an integration.yaml or *.integration.yaml file first.`;
    if (document.isUntitled) return 'Save the design to a file first: the artifacts are written beside it.';
    if (!this.platform.canWriteArtifacts(document.uri.scheme)) return `'${fileNameOf(document.uri)}' ${this.platform.cannotWriteArtifacts}`;
    return document;
  }

  /** Opens what was generated (first one focused) and offers the Markdown preview. */
  private async open(files: readonly vscode.Uri[], errors: number, designName: string): Promise<void> {
    if (files.length === 0) return;
    for (const [index, uri] of [...files].reverse().entries()) {
      await vscode.window.showTextDocument(uri, { preview: false, preserveFocus: index < files.length - 1 });
    }
    const names = files.map((f) => `'${fileNameOf(f)}'`).join(', ');
    const message = errors > 0
      ? `Generated ${names} from '${designName}', which has ${errors} error${errors === 1 ? '' : 's'}: the document${files.length === 1 ? ' lists them' : 's list them'} at the top.`
      : `Generated ${names} from '${designName}'.`;
    const shown = errors > 0 ? vscode.window.showWarningMessage(message, 'Open Preview') : vscode.window.showInformationMessage(message, 'Open Preview');
    void shown.then((choice) => {
      if (choice) void vscode.commands.executeCommand('markdown.showPreviewToSide', files[0]);
    });
  }
}
