// The decision walkthrough page in real (headless) Chromium, for the webview suite: a local
// server with the same HTML shell and CSP the extension serves, the built bundle
// (dist/webview/main.js) and the real stylesheet, and a stub for VS Code's webview API.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createNonce, walkthroughHtml } from '../../client/src/webview/html';
import type { HostMessage, WalkthroughState, WebviewMessage } from '../../client/src/webview/protocol';
import { THEMES } from './walkthroughThemes';

export const ROOT = join(__dirname, '../..');
export const RESULTS = join(ROOT, 'test-results');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Files the server serves besides the shell, by URL path (relative to the repository). */
const FILES: Readonly<Record<string, string>> = {
  '/dist/webview/main.js': 'text/javascript',
  '/client/media/walkthrough.css': 'text/css',
  // The Mermaid renderer (a devDependency) for the artifacts' diagrams; the walkthrough never loads it.
  '/node_modules/mermaid/dist/mermaid.min.js': 'text/javascript',
};

export interface Harness {
  readonly page: Page;
  readonly problems: string[];
  posted(): Promise<WebviewMessage[]>;
  send(state: WalkthroughState, version: number): Promise<void>;
}

export interface WebviewServer {
  readonly origin: string;
  /** Every URL requested, in order (the shell's requests, and anything a page tried to load). */
  readonly requests: string[];
  readonly browser: Browser;
  openPage(theme?: keyof typeof THEMES): Promise<Harness>;
  close(): Promise<void>;
}

export async function startWebviewServer(): Promise<WebviewServer> {
  if (!existsSync(join(ROOT, 'dist/webview/main.js'))) {
    const built = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
    assert.equal(built.status, 0, 'build');
  }
  mkdirSync(RESULTS, { recursive: true });
  const requests: string[] = [];
  let origin = '';
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    requests.push(url);
    if (url === '/' || url.startsWith('/?')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(walkthroughHtml({
        cspSource: origin, nonce: createNonce(), scriptUri: `${origin}/dist/webview/main.js`, styleUri: `${origin}/client/media/walkthrough.css`,
      }));
    } else if (url === '/blank') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><title>Mermaid</title></head><body><div id="out"></div></body></html>');
    } else if (FILES[url]) {
      res.writeHead(200, { 'content-type': FILES[url] }).end(readFileSync(join(ROOT, url)));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

  const openPage = async (theme: keyof typeof THEMES = 'dark'): Promise<Harness> => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss(); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
    // Stands in for VS Code's acquireVsCodeApi; records what the page posts. A string, because
    // tsx's name-keeping helper (__name) does not exist in the page; defining it there lets the
    // test's evaluate() callbacks run.
    await page.addInitScript({ content: `
      window.__name = (f) => f;
      window.__posted = [];
      window.__pwned = 0;
      let savedState;
      window.acquireVsCodeApi = () => ({
        postMessage: (m) => window.__posted.push(m),
        getState: () => savedState,
        setState: (s) => { savedState = s; window.__savedState = s; },
      });
    ` });
    await page.goto(`${origin}/`);
    await page.evaluate((t) => {
      for (const [name, value] of Object.entries(t.variables)) document.documentElement.style.setProperty(`--vscode-${name}`, value);
      document.body.classList.add(t.bodyClass);
    }, THEMES[theme]);
    await page.waitForFunction(() => ((window as unknown as { __posted: { type: string }[] }).__posted).some((m) => m.type === 'ready'));
    return {
      page, problems,
      posted: () => page.evaluate(() => (window as unknown as { __posted: WebviewMessage[] }).__posted),
      async send(state, version) {
        const message: HostMessage = { type: 'state', state, version, persist: { documentUri: state.documentUri, answers: {} } };
        await page.evaluate((m) => window.postMessage(m, '*'), message);
        await page.waitForFunction((v) => ((window as unknown as { __posted: { type: string; version?: number }[] }).__posted).some((m) => m.type === 'rendered' && m.version === v), version);
      },
    };
  };

  return {
    origin, requests, browser, openPage,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
