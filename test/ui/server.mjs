// The driver's side of UI checks: while a mocha suite runs in the extension host, a test asks
// this server (HTTP on 127.0.0.1, GET /check?request=<JSON>) to run a check on the workbench page
// (test/ui/checks.mjs) and gets { ok, details } or { ok: false, error }. HTTP works from both
// extension hosts: the Node one and the web worker one, which has no disk to exchange files on
// (its page allows fetch to http://127.0.0.1:*; the answer carries CORS headers, and a GET
// without custom headers needs no preflight). One check at a time.
import { createServer } from 'node:http';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKS } from './checks.mjs';

/**
 * Starts the server; `url` goes to the suite (scripts/vscode-test.mjs seeds it as the setting
 * integrationDesignerTest.uiDriver). Checks wait for `attach(page)`.
 */
export async function serveUiRequests({ screenshotDir, log = () => {} }) {
  mkdirSync(screenshotDir, { recursive: true });
  let page;
  let attached;
  const pageReady = new Promise((resolve) => { attached = resolve; });
  let queue = Promise.resolve();
  let sequence = 0;

  const run = async (request) => {
    const id = `${String(++sequence).padStart(3, '0')}-${request.check}`;
    const target = await pageReady;
    try {
      const check = CHECKS[request.check];
      if (!check) throw new Error(`unknown UI check '${request.check}'; known: ${Object.keys(CHECKS).join(', ')}`);
      log(`${id}: ${request.check}`);
      return { ok: true, details: (await check(target, request, { screenshotDir })) ?? {} };
    } catch (error) {
      const shot = join(screenshotDir, `failed-${id}.png`);
      await target.screenshot({ path: shot, animations: 'disabled' }).catch(() => {});
      log(`${id}: failed: ${error instanceof Error ? error.message : String(error)}`);
      return { ok: false, error: `${error instanceof Error ? error.message : String(error)} (screenshot: ${shot})` };
    }
  };

  const server = createServer((req, res) => {
    const headers = { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' };
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let request;
    try {
      request = JSON.parse(url.searchParams.get('request') ?? '');
    } catch {
      res.writeHead(400, headers).end(JSON.stringify({ ok: false, error: 'expected /check?request=<JSON>' }));
      return;
    }
    const answer = queue.then(() => run(request));
    queue = answer.then(() => undefined);
    void answer.then((body) => res.writeHead(200, headers).end(JSON.stringify(body)));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    attach(target) {
      page = target;
      attached(page);
    },
    close: () => server.close(),
  };
}
