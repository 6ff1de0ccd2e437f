// The driver's side of UI checks: while the mocha suite runs in the extension host, a test writes
// `<id>.request.json` into the folder named by INTEGRATION_DESIGNER_UI_REQUESTS and waits; this
// module runs the requested check on the workbench page (test/ui/checks.mjs) and writes
// `<id>.response.json` ({ ok, details } or { ok: false, error }). One check at a time.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKS } from './checks.mjs';

export function serveUiRequests({ page, directory, screenshotDir, log = () => {} }) {
  mkdirSync(screenshotDir, { recursive: true });
  const seen = new Set();
  let queue = Promise.resolve();
  let closed = false;

  const respond = (id, response) => {
    const file = join(directory, `${id}.response.json`);
    writeFileSync(`${file}.tmp`, JSON.stringify(response));
    renameSync(`${file}.tmp`, file);
  };

  const handle = async (id) => {
    let request;
    try {
      request = JSON.parse(readFileSync(join(directory, `${id}.request.json`), 'utf8'));
      const check = CHECKS[request.check];
      if (!check) throw new Error(`unknown UI check '${request.check}'; known: ${Object.keys(CHECKS).join(', ')}`);
      log(`${id}: ${request.check}`);
      const details = await check(page, request, { screenshotDir });
      respond(id, { ok: true, details: details ?? {} });
    } catch (error) {
      const shot = join(screenshotDir, `failed-${id}.png`);
      await page.screenshot({ path: shot, animations: 'disabled' }).catch(() => {});
      log(`${id}: failed: ${error instanceof Error ? error.message : String(error)}`);
      respond(id, { ok: false, error: `${error instanceof Error ? error.message : String(error)} (screenshot: ${shot})` });
    }
  };

  const scan = () => {
    if (closed || !existsSync(directory)) return;
    for (const name of readdirSync(directory).sort()) {
      const match = /^(.+)\.request\.json$/.exec(name);
      if (!match || seen.has(match[1])) continue;
      seen.add(match[1]);
      queue = queue.then(() => (closed ? undefined : handle(match[1])));
    }
  };

  const watcher = watch(directory, scan);
  scan();
  return () => {
    closed = true;
    watcher.close();
  };
}
