// What the extension does in Restricted Mode (an untrusted workspace), said in one place: the
// manifest's capabilities.untrustedWorkspaces.description (a unit test keeps it equal), the
// language status item and the Generate commands. Nothing here imports vscode.

/** Shown by VS Code for the extension in Restricted Mode (package.json capabilities). */
export const RESTRICTED_MODE_DESCRIPTION = 'The extension runs no code from the workspace: in Restricted Mode designs are still validated, explained and fixed, and the decision walkthrough works. The commands that write generated files (decision recommendation, runbook, risk register) into the workspace ask you to trust it first.';

/** The language status item's note while the workspace is not trusted. */
export const RESTRICTED_MODE_STATUS = 'Restricted Mode: validation, hovers, quick fixes and the decision walkthrough work; generating artifacts needs a trusted workspace.';

/** The Generate commands' answer in Restricted Mode; `what` is e.g. "the connection runbook". */
export function artifactsNeedTrust(what: string): string {
  return `Generating ${what} writes files into the workspace, which needs a trusted workspace. Trust this workspace to use it (in Restricted Mode designs are still validated, explained and fixed).`;
}
