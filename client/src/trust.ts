// Workspace trust as the extension sees it. VS Code's own flag, except that the extension's
// integration tests can make it behave as in Restricted Mode (the test harness cannot open an
// untrusted workspace without a trust prompt).
import * as vscode from 'vscode';

export class WorkspaceTrust implements vscode.Disposable {
  private simulated: boolean | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when trust is granted (VS Code never takes it back without a reload). */
  readonly onDidChange = this.changed.event;
  private readonly subscription = vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed.fire());

  get isTrusted(): boolean {
    return this.simulated ?? vscode.workspace.isTrusted;
  }

  /** For the extension's tests: false behaves as in Restricted Mode, undefined follows VS Code again. */
  simulate(trusted: boolean | undefined): void {
    this.simulated = trusted;
    this.changed.fire();
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
