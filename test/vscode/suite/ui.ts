// The test's side of UI checks: writes a request for the driver (scripts/vscode-test.mjs, which
// looks at the workbench with Playwright; see test/ui/) and waits for its answer.
import * as fs from 'node:fs';
import * as path from 'node:path';

const directory = process.env.INTEGRATION_DESIGNER_UI_REQUESTS;
let sequence = 0;

/** True when a driver that can look at the UI runs this suite. */
export const uiChecksAvailable = directory !== undefined && fs.existsSync(directory);

export interface UiCheck {
  readonly check: 'type' | 'squiggle' | 'problem' | 'hover' | 'languageStatus';
  readonly [key: string]: unknown;
}

/** Asks the driver to run a UI check; resolves with its details, rejects with its error. */
export function requestUiCheck(request: UiCheck, timeoutMs = 45_000): Promise<Record<string, unknown>> {
  if (!directory) return Promise.reject(new Error('INTEGRATION_DESIGNER_UI_REQUESTS is not set: no driver can run UI checks'));
  const id = `${String(++sequence).padStart(3, '0')}-${request.check}`;
  const responseFile = path.join(directory, `${id}.response.json`);
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (settle: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      watcher.close();
      settle();
    };
    const check = () => {
      if (!fs.existsSync(responseFile)) return;
      const response = JSON.parse(fs.readFileSync(responseFile, 'utf8')) as { ok: boolean; error?: string; details?: Record<string, unknown> };
      finish(() => (response.ok ? resolve(response.details ?? {}) : reject(new Error(`UI check '${request.check}' failed: ${response.error}`))));
    };
    const watcher = fs.watch(directory, check);
    const timer = setTimeout(() => finish(() => reject(new Error(`UI check '${request.check}' got no answer within ${timeoutMs} ms`))), timeoutMs);
    const requestFile = path.join(directory, `${id}.request.json`);
    fs.writeFileSync(`${requestFile}.tmp`, JSON.stringify(request));
    fs.renameSync(`${requestFile}.tmp`, requestFile);
    check();
  });
}
