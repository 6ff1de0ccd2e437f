// The language status item ({} in the status bar next to the language mode): the active
// design's finding counts and how long its last validation took. Clicking it shows the output.
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/browser';
import { COMMANDS, LANGUAGE_ID } from './ids';
import type { FindingCounts, ValidationStatus } from './protocol';
import { RESTRICTED_MODE_STATUS } from './restrictedMode';
import type { WorkspaceTrust } from './trust';

const SEVERITY_WORDS: readonly [keyof FindingCounts, string, string][] = [
  ['error', 'error', 'errors'],
  ['warning', 'warning', 'warnings'],
  ['info', 'info', 'infos'],
  ['hint', 'hint', 'hints'],
];

export function describeCounts(counts: FindingCounts): string {
  const parts = SEVERITY_WORDS.filter(([key]) => counts[key] > 0).map(([key, one, many]) => `${counts[key]} ${counts[key] === 1 ? one : many}`);
  return parts.length ? parts.join(', ') : 'No findings';
}

function icon(counts: FindingCounts): string {
  if (counts.error > 0) return '$(error)';
  if (counts.warning > 0) return '$(warning)';
  if (counts.info > 0) return '$(info)';
  return '$(check)';
}

export class LanguageStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('integrationDesigner.status', { language: LANGUAGE_ID });
  private readonly byUri = new Map<string, { status: ValidationStatus; at: Date }>();
  private serverState: State = State.Starting;
  private serverMessage: string | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.item, this.changed];

  constructor(private readonly trust: WorkspaceTrust) {
    this.item.name = 'Integration Designer';
    this.item.command = { command: COMMANDS.showOutput, title: 'Show Output', tooltip: 'Show the Integration Designer output' };
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      trust.onDidChange(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((doc) => this.byUri.delete(doc.uri.toString())),
    );
    this.render();
  }

  setServerState(state: State, message?: string): void {
    this.serverState = state;
    this.serverMessage = message;
    this.render();
  }

  update(status: ValidationStatus): void {
    this.byUri.set(vscode.Uri.parse(status.uri).toString(), { status, at: new Date() });
    this.render();
  }

  snapshot(): { text: string; detail: string | undefined; busy: boolean } {
    return { text: this.item.text, detail: this.item.detail, busy: this.item.busy };
  }

  private render(): void {
    this.renderItem();
    this.changed.fire();
  }

  private renderItem(): void {
    this.renderCounts();
    // Restricted Mode limits what the extension does: say so wherever the item is shown.
    if (this.trust.isTrusted) return;
    const detail = this.item.detail ? this.item.detail.replace(/\.?$/, '.') : undefined;
    this.item.detail = detail ? `${detail} ${RESTRICTED_MODE_STATUS}` : RESTRICTED_MODE_STATUS;
  }

  private renderCounts(): void {
    const item = this.item;
    item.busy = this.serverState === State.Starting;
    if (this.serverState === State.Stopped || this.serverState === State.StartFailed) {
      item.severity = vscode.LanguageStatusSeverity.Error;
      item.text = '$(error) Server stopped';
      item.detail = this.serverMessage ?? 'Run "Integration Designer: Restart Language Server".';
      return;
    }
    item.severity = vscode.LanguageStatusSeverity.Information;
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const last = uri === undefined ? undefined : this.byUri.get(uri);
    if (!last) {
      item.text = this.serverState === State.Starting ? 'Integration Designer: starting' : 'Integration Designer';
      item.detail = this.serverMessage;
      return;
    }
    item.text = `${icon(last.status.counts)} ${describeCounts(last.status.counts)}`;
    item.detail = `Validated in ${Math.round(last.status.validationMs)} ms at ${last.at.toLocaleTimeString()}`;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
