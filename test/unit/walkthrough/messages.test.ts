import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contentSecurityPolicy, createNonce, walkthroughHtml } from '../../../client/src/webview/html';
import { parsePersistedState, parseWebviewMessage } from '../../../client/src/webview/messages';

describe('webview messages are validated by the host', () => {
  it('accepts the messages the page sends', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'answer', key: 'rows', value: '1_200_000' }), { type: 'answer', key: 'rows', value: '1_200_000' });
    assert.deepEqual(parseWebviewMessage({ type: 'answer', key: 'callers', value: ['flow'] }), { type: 'answer', key: 'callers', value: ['flow'] });
    assert.deepEqual(parseWebviewMessage({ type: 'apply', addPaths: ['heroku_connect', 'canvas', 'canvas'] }), { type: 'apply', addPaths: ['heroku_connect', 'canvas'] });
    assert.deepEqual(parseWebviewMessage({ type: 'openSource', factId: 'connect-demo-max-rows' }), { type: 'openSource', factId: 'connect-demo-max-rows' });
    assert.deepEqual(parseWebviewMessage({ type: 'revealLine', line: 3 }), { type: 'revealLine', line: 3 });
    assert.deepEqual(parseWebviewMessage({ type: 'revealPath', path: 'rest_api' }), { type: 'revealPath', path: 'rest_api' });
    const rendered = { type: 'rendered', version: 1, title: 't', recommendation: 'r', styled: true, diagram: 'Architecture of t', gauges: 2 };
    assert.deepEqual(parseWebviewMessage(rendered), rendered);
  });

  it('drops anything else', () => {
    const bad: unknown[] = [
      null, 'ready', [], { type: 'eval', code: 'x' },
      { type: 'answer', key: '__proto__', value: true },
      { type: 'answer', key: 'rows', value: { toString: 'x' } },
      { type: 'answer', key: 'rows', value: 'x'.repeat(10_000) },
      { type: 'apply', addPaths: ['none'] },
      { type: 'apply', addPaths: ['../../etc/passwd'] },
      { type: 'apply', addPaths: 'heroku_connect' },
      { type: 'openSource', factId: 'https://evil.example' },
      { type: 'openSource', factId: 'toString' },
      { type: 'revealLine', line: -1 },
      { type: 'revealLine', line: 1.5 },
      { type: 'revealPath', path: 'hasOwnProperty' },
      { type: 'rendered', version: 1, title: 't', recommendation: 'r' },
      { type: 'rendered', version: 1, title: 't', recommendation: 'r', styled: true, diagram: 'd', gauges: -1 },
      { type: 'rendered', version: 1, title: 't', recommendation: 'r', styled: true, diagram: 42, gauges: 0 },
    ];
    for (const message of bad) assert.equal(parseWebviewMessage(message), undefined, JSON.stringify(message));
  });

  it('restores only well-formed saved state', () => {
    assert.deepEqual(parsePersistedState({ documentUri: 'file:///w/integration.yaml', answers: { rows: '10' } }), { documentUri: 'file:///w/integration.yaml', answers: { rows: '10' } });
    assert.deepEqual(parsePersistedState({ documentUri: 'file:///w/integration.yaml', answers: 'x' }), { documentUri: 'file:///w/integration.yaml', answers: {} });
    assert.equal(parsePersistedState({ documentUri: '' }), undefined);
    assert.equal(parsePersistedState(undefined), undefined);
    assert.equal(parsePersistedState({ documentUri: 42 }), undefined);
  });
});

describe('the webview shell', () => {
  it('has a CSP without inline scripts, eval or remote sources', () => {
    const csp = contentSecurityPolicy("'self' https://*.vscode-cdn.net", 'abc123');
    assert.equal(csp, "default-src 'none'; style-src 'self' https://*.vscode-cdn.net; script-src 'nonce-abc123'; img-src 'self' https://*.vscode-cdn.net; font-src 'self' https://*.vscode-cdn.net");
    const nonce = createNonce();
    assert.notEqual(nonce, createNonce(), 'a fresh nonce each time');
    const html = walkthroughHtml({ cspSource: 'vscode-resource:', nonce, scriptUri: 'vscode-resource:/main.js', styleUri: 'vscode-resource:/walkthrough.css' });
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    assert.equal(meta, contentSecurityPolicy('vscode-resource:', nonce));
    assert.doesNotMatch(meta!, /unsafe-inline|unsafe-eval|https?:|\*/);
    // One script, by nonce and file; no inline script or style anywhere.
    assert.deepEqual(html.match(/<script[^>]*>/g), [`<script nonce="${nonce}" src="vscode-resource:/main.js">`]);
    assert.doesNotMatch(html, /<style|\sstyle=|\son[a-z]+=/i);
  });

  it('escapes the resource URIs it is given', () => {
    const html = walkthroughHtml({ cspSource: 'x', nonce: 'n', scriptUri: '"><script>alert(1)</script>', styleUri: 's' });
    assert.ok(!html.includes('"><script>alert(1)'), html);
  });
});
