import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFileSync, mkdirSync } from 'node:fs';
import { walkthroughHtml, createNonce } from './client/src/webview/html';
import { WalkthroughSession } from './server/src/core/walkthrough/session';
import { THEMES } from './test/ui/walkthroughThemes';
const DESIGN = readFileSync('/tmp/design.yaml', 'utf8');
(async () => {
  let origin = '';
  const server = createServer((req, res) => {
    const url = req.url!;
    if (url === '/') res.writeHead(200, { 'content-type': 'text/html' }).end(walkthroughHtml({ cspSource: origin, nonce: createNonce(), scriptUri: `${origin}/main.js`, styleUri: `${origin}/w.css` }));
    else if (url === '/main.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync('dist/webview/main.js'));
    else if (url === '/w.css') res.writeHead(200, { 'content-type': 'text/css' }).end(readFileSync('client/media/walkthrough.css'));
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as any).port}`;
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  mkdirSync('/tmp/shots', { recursive: true });
  const width = Number(process.env.W ?? 900);
  for (const theme of (process.env.THEMES ?? 'light,dark,high-contrast').split(',') as (keyof typeof THEMES)[]) {
    const p = await b.newPage({ viewport: { width, height: 1000 } });
    await p.addInitScript({ content: 'window.__name=(f)=>f; window.acquireVsCodeApi = () => ({ postMessage: () => {}, getState: () => undefined, setState: () => {} });' });
    await p.goto(origin + '/');
    await p.evaluate((t) => { for (const [n, v] of Object.entries(t.variables)) document.documentElement.style.setProperty(`--vscode-${n}`, v); document.body.classList.add(t.bodyClass); }, THEMES[theme]);
    const s = new WalkthroughSession(); 
    if (process.env.PENDING) s.answer('rows', '2_000_000');
    const state = s.view(DESIGN, { uri: 'file:///x/integration.yaml', label: 'integration.yaml' });
    await p.evaluate((st) => window.postMessage({ type: 'state', state: st, version: 1, persist: { documentUri: 'x', answers: {} } }, '*'), state);
    await p.waitForSelector('#decision-table tbody tr');
    const h = await p.evaluate(() => document.body.scrollHeight);
    for (let y = 0, i = 0; y < h; y += 1000, i++) await p.screenshot({ path: `/tmp/shots/${theme}-${i}.png`, clip: { x: 0, y, width, height: Math.min(1000, h - y) }, fullPage: true });
    console.log(theme, h);
  }
  await b.close(); server.close();
})();
