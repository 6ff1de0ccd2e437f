// The test's side of UI checks: asks the driver (scripts/vscode-test.mjs, which looks at the
// workbench with Playwright; see test/ui/server.mjs) over HTTP on 127.0.0.1 and waits for its
// answer. The driver's address comes from a setting it seeds, integrationDesignerTest.uiDriver:
// the same in the Node extension host and the web worker one (no environment variables, no disk).
import * as vscode from 'vscode';

const driver = vscode.workspace.getConfiguration('integrationDesignerTest').get<string>('uiDriver');

/** True when a driver that can look at the UI runs this suite. */
export const uiChecksAvailable = typeof driver === 'string' && driver !== '';

/** Why UI checks cannot run here (printed with the skip, so a skip is never silent). */
export const NO_UI_DRIVER = 'no UI driver: the standard test-electron launcher has none (scripts/vscode-test.mjs always starts one)';

/** Skips a suite or test that looks at the UI when no driver can, saying why. */
export function skipWithoutUiDriver(context: Mocha.Context): void {
  if (uiChecksAvailable) return;
  console.log(`skipped: ${NO_UI_DRIVER}`);
  context.skip();
}

export interface UiCheck {
  readonly check: 'type' | 'squiggle' | 'problem' | 'hover' | 'languageStatus' | 'webview';
  readonly [key: string]: unknown;
}

/** Asks the driver to run a UI check; resolves with its details, rejects with its error. */
export async function requestUiCheck(request: UiCheck, timeoutMs = 45_000): Promise<Record<string, unknown>> {
  if (!uiChecksAvailable) throw new Error('integrationDesignerTest.uiDriver is not set: no driver can run UI checks');
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let response: { ok: boolean; error?: string; details?: Record<string, unknown> };
  try {
    const answer = await fetch(`${driver}/check?${new URLSearchParams({ request: JSON.stringify(request) }).toString()}`, { signal: controller.signal });
    response = await answer.json() as typeof response;
  } catch (error) {
    throw new Error(`UI check '${request.check}' got no answer${controller.signal.aborted ? ` within ${timeoutMs} ms` : `: ${error instanceof Error ? error.message : String(error)}`}`);
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok) throw new Error(`UI check '${request.check}' failed: ${response.error}`);
  return response.details ?? {};
}
